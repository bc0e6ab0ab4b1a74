import { Group, NativeSelect } from '@mantine/core';
import { Pager } from '../../../../components/Pager';
import type { useUrlState } from '../../../../components/url-state';
import { useMessages } from '../../../../i18n/i18n';
import { adminWords } from './messages';

const PAGE_SIZES = ['20', '50', '100'];

/** The pager under an admin list with a page-size choice (20, 50, 100); page and pageSize live in the address. */
export function SizedPager({
  page,
  url,
}: {
  page: { page: number; pageSize: number; total: number };
  url: ReturnType<typeof useUrlState>;
}) {
  const w = useMessages(adminWords);
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Pager
        page={page.page}
        pageSize={page.pageSize}
        total={page.total}
        onChange={(next) => url.update({ page: next })}
      />
      <NativeSelect
        label={w.pageSize}
        size="xs"
        mt="md"
        value={String(page.pageSize)}
        onChange={(e) =>
          url.update({ pageSize: e.currentTarget.value === '20' ? null : e.currentTarget.value }, ['page'])
        }
        data={PAGE_SIZES}
      />
    </Group>
  );
}
