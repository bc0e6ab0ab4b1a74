import { Button } from '@mantine/core';
import { api, call, type Schemas, saveBlob } from '../../../api/client';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';

const m = defineMessages({
  en: { download: 'Download PDF', label: (number: string) => `Download PDF ${number}` },
  id: { download: 'Unduh PDF', label: (number: string) => `Unduh PDF ${number}` },
});

/**
 * Saves an invoice's PDF, fetched through the typed client (the session's token, refreshed on a 401); a
 * failure shows the API's message.
 */
export function InvoiceDownloadButton({ invoice }: { invoice: Schemas['Invoice'] }) {
  const t = useMessages(m);
  const save = useApiMutation({
    mutationFn: async () => {
      const pdf = await call(
        api.GET('/api/v1/billing/invoices/{id}/pdf', { params: { path: { id: invoice.id } }, parseAs: 'blob' }),
      );
      saveBlob(pdf, `${invoice.number}.pdf`);
    },
  });
  return (
    <Button
      size="compact-sm"
      variant="default"
      aria-label={t.label(invoice.number)}
      loading={save.isPending}
      onClick={() => save.mutate()}
    >
      {t.download}
    </Button>
  );
}
