import { Button } from '@mantine/core';
import type { Schemas } from '../../../api/client';
import { download } from '../../../api/client';
import { useApiMutation } from '../../../components/mutations';
import { defineMessages, useMessages } from '../../../i18n/i18n';

const m = defineMessages({
  en: { download: 'Download PDF', label: (number: string) => `Download PDF ${number}` },
  id: { download: 'Unduh PDF', label: (number: string) => `Unduh PDF ${number}` },
});

/** `pdfUrl` is relative to the API's base (/api/v1). */
const pdfPath = (url: string) => (url.startsWith('/api/') ? url : `/api/v1${url}`);

/** Saves an invoice's PDF (fetched with the session's token); a failure shows the API's message. */
export function InvoiceDownloadButton({ invoice }: { invoice: Schemas['Invoice'] }) {
  const t = useMessages(m);
  const save = useApiMutation({
    mutationFn: () => download(pdfPath(invoice.pdfUrl), `${invoice.number}.pdf`),
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
