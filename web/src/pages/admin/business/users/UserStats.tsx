import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../../../api/client';
import { QueryState } from '../../../../components/QueryState';
import { useFormat, useMessages } from '../../../../i18n/i18n';
import { StatFigure, StatFigures } from '../shared/StatFigure';
import { usersMessages } from './messages';

/** Counts on top of the users list (GET /admin/users/stats). */
export function UserStats() {
  const t = useMessages(usersMessages);
  const f = useFormat();
  const query = useQuery({
    queryKey: ['admin', 'users', 'stats'],
    queryFn: () => call(api.GET('/api/v1/admin/users/stats')),
  });
  return (
    <QueryState query={query}>
      {(stats) => (
        <StatFigures>
          <StatFigure label={t.total} value={f.number(stats.total)} testId="users-total" />
          <StatFigure label={t.administrators} value={f.number(stats.byRole.ADMINISTRATOR)} />
          <StatFigure label={t.activeUsers} value={f.number(stats.byStatus.active)} />
          <StatFigure label={t.inactiveUsers} value={f.number(stats.byStatus.inactive)} />
          <StatFigure label={t.signups30} value={f.number(stats.signupsPerDay.reduce((sum, d) => sum + d.count, 0))} />
        </StatFigures>
      )}
    </QueryState>
  );
}
