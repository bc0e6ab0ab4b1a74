import { PageHeader } from '../../components/PageHeader';

// Being written (issue 13): replaced by the page itself.
export default function CatalogPage() {
  return <PageHeader title="CatalogPage" />;
}
