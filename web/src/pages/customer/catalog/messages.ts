import { defineMessages } from '../../../i18n/i18n';

/** Words the catalog, service and overview pages share (each page keeps its own words beside it). */
export const catalogMessages = defineMessages({
  en: {
    perMonth: (price: string) => `${price} / month`,
    from: (price: string) => `from ${price} / month`,
    cpu: (request: string, limit: string) => `CPU ${request} vCPU, bursts to ${limit}`,
    memory: (request: string, limit: string) => `Memory ${request}, up to ${limit}`,
    storage: (size: string) => `Storage ${size}`,
    mib: (n: string) => `${n} MiB`,
    gib: (n: string) => `${n} GiB`,
    version: (v: string) => `version ${v}`,
    browseApps: 'Browse apps',
    topUp: 'Top up',
  },
  id: {
    perMonth: (price: string) => `${price} / bulan`,
    from: (price: string) => `mulai ${price} / bulan`,
    cpu: (request: string, limit: string) => `CPU ${request} vCPU, hingga ${limit}`,
    memory: (request: string, limit: string) => `Memori ${request}, hingga ${limit}`,
    storage: (size: string) => `Penyimpanan ${size}`,
    mib: (n: string) => `${n} MiB`,
    gib: (n: string) => `${n} GiB`,
    version: (v: string) => `versi ${v}`,
    browseApps: 'Lihat aplikasi',
    topUp: 'Isi saldo',
  },
});
