import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../../api/client';
import { QueryState } from '../../../../components/QueryState';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { StatFigure, StatFigures } from '../shared/StatFigure';
import { catalogMessages } from './messages';

/** Services and plans on and off sale (GET /admin/services/stats). */
export function CatalogStats() {
  const t = useMessages(catalogMessages);
  const f = useFormat();
  const query = useQuery({
    queryKey: ['admin', 'catalog', 'stats'],
    queryFn: () => call(api.GET('/api/v1/admin/services/stats')),
  });
  return (
    <QueryState query={query}>
      {(stats) => (
        <StatFigures>
          <StatFigure label={t.services} value={f.number(stats.services.total)} />
          <StatFigure label={t.activeServices} value={f.number(stats.services.active)} />
          <StatFigure label={t.inactiveServices} value={f.number(stats.services.inactive)} />
          <StatFigure label={t.activePlans} value={f.number(stats.plans.active)} />
          <StatFigure label={t.inactivePlans} value={f.number(stats.plans.inactive)} />
        </StatFigures>
      )}
    </QueryState>
  );
}
