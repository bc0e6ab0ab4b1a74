import { PageHeader } from '../../components/PageHeader';

// Being written (issue 13): replaced by the page itself.
export default function CatalogAdminPage() {
  return <PageHeader title="CatalogAdminPage" />;
}
