import { Text } from '@react-email/components';
import { defineMailTemplate } from './catalogue.js';
import { formatMoment } from './format.js';
import { paragraph } from './layout.js';

const hello = { id: 'Halo,', en: 'Hello,' } as const;

interface MaintenanceMessages {
  subject: string;
  window: (start: string, end: string | null) => string;
  apps: (names: string) => string;
  effect: string;
  note: (text: string) => string;
}

/** Planned work on the machines that run a user's apps (the workers module decides who is told). */
export const maintenanceMail = defineMailTemplate<{
  startsAt: string;
  endsAt: string | null;
  /** The user's subscriptions that may be affected, by name. */
  subscriptionNames: string[];
  /** Free text from the operator, shown as it is (escaped). */
  note: string | null;
}>()<MaintenanceMessages>({
  name: 'maintenance',
  messages: {
    id: {
      subject: 'Pemeliharaan terjadwal di Kapal',
      window: (start, end) => `Kami akan melakukan pemeliharaan mulai ${start}${end ? ` hingga ${end}` : ''}.`,
      apps: (names) => `Aplikasi Anda yang mungkin terpengaruh: ${names}.`,
      effect: 'Aplikasi dapat dipindahkan ke mesin lain dan tidak tersedia sebentar; data Anda tetap aman.',
      note: (text) => `Catatan: ${text}`,
    },
    en: {
      subject: 'Planned maintenance at Kapal',
      window: (start, end) => `We will carry out maintenance from ${start}${end ? ` until ${end}` : ''}.`,
      apps: (names) => `Your apps that may be affected: ${names}.`,
      effect: 'Apps may move to another machine and be unavailable for a short while; your data stays safe.',
      note: (text) => `Note: ${text}`,
    },
  },
  subject: (m) => m.subject,
  preview: (m) => m.effect,
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Text style={paragraph}>
        {m.window(
          formatMoment(data.startsAt, ctx.locale, ctx.timeZone),
          data.endsAt ? formatMoment(data.endsAt, ctx.locale, ctx.timeZone) : null,
        )}
      </Text>
      {data.subscriptionNames.length > 0 ? (
        <Text style={paragraph}>{m.apps(data.subscriptionNames.join(', '))}</Text>
      ) : null}
      <Text style={paragraph}>{m.effect}</Text>
      {data.note ? <Text style={paragraph}>{m.note(data.note)}</Text> : null}
    </>
  ),
  sample: {
    startsAt: '2026-12-01T15:00:00.000Z',
    endsAt: '2026-12-01T17:00:00.000Z',
    subscriptionNames: ['my-n8n'],
    note: null,
  },
});
