import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { compact, useUrlState } from '../../components/url-state';
import { useMessages } from '../../i18n/i18n';
import { AuditFilters, UUID } from './business/audit/AuditFilters';
import { AuditTable } from './business/audit/AuditTable';
import { auditMessages } from './business/audit/messages';
import { localDateTimeIso } from './business/shared/query-values';
import { SizedPager } from './business/shared/SizedPager';

/** /admin/audit: the audit trail, filtered by actor, action, target and time, paged; filters in the address. */
export default function AuditPage() {
  const t = useMessages(auditMessages);
  const url = useUrlState();
  const actor = url.get('actor');
  const from = url.get('from');
  const to = url.get('to');
  const view = {
    actorId: UUID.test(actor) ? actor : undefined,
    action: url.get('action').slice(0, 100),
    targetType: url.get('targetType').slice(0, 50),
    targetId: url.get('targetId').slice(0, 100),
    from: localDateTimeIso(from),
    to: from && to && from >= to ? undefined : localDateTimeIso(to),
    page: url.getInt('page', 1),
    pageSize: url.getInt('pageSize', 20, 100),
  };
  const query = useQuery({
    queryKey: ['admin', 'audit', view],
    queryFn: () => call(api.GET('/api/v1/admin/audit-log', { params: { query: compact(view) } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      <AuditFilters url={url} />
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={t.noEntries}>
        {(page) => (
          <>
            <AuditTable entries={page.items} />
            <SizedPager page={page} url={url} />
          </>
        )}
      </QueryState>
    </>
  );
}
