import { Link, Text } from '@react-email/components';
import { defineMailTemplate } from './catalogue.js';
import { paragraph } from './layout.js';

const hello = { id: 'Halo,', en: 'Hello,' } as const;

/** One of the user's apps on the worker being drained. */
export interface MaintenanceApp {
  /** The user's name for the app. */
  name: string;
  /** The catalog service and plan, e.g. "n8n (Starter)". */
  what: string;
  url: string;
}

interface MaintenanceMessages {
  subject: (apps: MaintenanceApp[]) => string;
  intro: (worker: string, one: boolean) => string;
  moving: (one: boolean) => string;
  help: string;
}

/** A worker (server) is drained for maintenance: the user's apps on it move to another one. */
export const maintenanceMail = defineMailTemplate<{
  /** The worker's (node's) name. */
  worker: string;
  apps: MaintenanceApp[];
}>()<MaintenanceMessages>({
  name: 'maintenance',
  messages: {
    id: {
      subject: (apps) =>
        apps.length === 1
          ? `Pemeliharaan: ${apps[0]!.name} dipindahkan ke server lain`
          : `Pemeliharaan: ${apps.length} aplikasi Anda dipindahkan ke server lain`,
      intro: (worker, one) =>
        `Kami menghentikan server ${worker} untuk pemeliharaan. ${one ? 'Aplikasi Anda ini berjalan' : 'Aplikasi-aplikasi Anda ini berjalan'} di sana:`,
      moving: (one) =>
        `${one ? 'Aplikasi ini' : 'Semuanya'} sedang dipindahkan ke server lain. Mungkin tidak tersedia sebentar saat dijalankan ulang; data dan alamatnya tetap sama, dan Anda tidak perlu melakukan apa pun.`,
      help: 'Jika ada yang tidak kembali berjalan, balas email ini atau hubungi dukungan.',
    },
    en: {
      subject: (apps) =>
        apps.length === 1
          ? `Maintenance: ${apps[0]!.name} is moving to another server`
          : `Maintenance: ${apps.length} of your apps are moving to another server`,
      intro: (worker, one) =>
        `We are taking the server ${worker} out of service for maintenance. ${one ? 'This app of yours runs' : 'These apps of yours run'} there:`,
      moving: (one) =>
        `${one ? 'It is' : 'They are'} being moved to another server now. ${one ? 'It' : 'Each'} may be unavailable for a short while as it restarts there; its data and address stay the same, and you need to do nothing.`,
      help: 'If something does not come back, reply to this mail or contact support.',
    },
  },
  subject: (m, d) => m.subject(d.apps),
  preview: (m, d) => m.moving(d.apps.length === 1),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Text style={paragraph}>{m.intro(data.worker, data.apps.length === 1)}</Text>
      {data.apps.map((app) => (
        <Text key={app.url} style={paragraph}>
          {app.what} "{app.name}": <Link href={app.url}>{app.url}</Link>
        </Text>
      ))}
      <Text style={paragraph}>{m.moving(data.apps.length === 1)}</Text>
      <Text style={paragraph}>{m.help}</Text>
    </>
  ),
  sample: {
    worker: 'worker-3',
    apps: [
      { name: 'my-n8n', what: 'n8n (Starter)', url: 'https://my-n8n.apps.localhost' },
      { name: 'blog', what: 'Ghost (Starter)', url: 'https://blog.apps.localhost' },
    ],
  },
});
