import { Group, Pagination, Text } from '@mantine/core';
import { common } from '../i18n/common';
import { useMessages } from '../i18n/i18n';

/** Pages of a list the API pages (`{ page, pageSize, total }`). */
export function Pager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const t = useMessages(common);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t.page} {page} {t.of} {pages} · {total}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': control === 'previous' ? t.previous : t.next })}
        />
      )}
    </Group>
  );
}
