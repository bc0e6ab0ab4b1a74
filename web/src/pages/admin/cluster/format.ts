import { useMemo } from 'react';
import { defineMessages, useFormat, useMessages } from '../../../i18n/i18n';

const units = defineMessages({
  en: {
    cores: (n: string) => `${n} cores`,
    day: 'd',
    hour: 'h',
    minute: 'min',
    second: 's',
  },
  id: {
    cores: (n: string) => `${n} inti`,
    day: 'hr',
    hour: 'j',
    minute: 'mnt',
    second: 'dtk',
  },
});

const KIB = 1024;

/**
 * Cluster quantities as the locale writes them: CPU in cores, memory in MiB/GiB, bytes, percentages (the API's
 * 0–100 figures) and ages ("3 d 4 h").
 */
export function useClusterFormat() {
  const f = useFormat();
  const u = useMessages(units);
  return useMemo(() => {
    const number = (value: number, digits = 1) => f.number(value, { maximumFractionDigits: digits });
    const mib = (value: number) => (value >= KIB ? `${number(value / KIB)} GiB` : `${number(value, 0)} MiB`);
    return {
      ...f,
      cores: (millicores: number) => u.cores(number(millicores / 1000, 2)),
      mib,
      bytes: (value: number) => {
        if (value >= KIB ** 4) return `${number(value / KIB ** 4)} TiB`;
        if (value >= KIB ** 3) return `${number(value / KIB ** 3)} GiB`;
        if (value >= KIB ** 2) return `${number(value / KIB ** 2)} MiB`;
        return `${number(value / KIB, 0)} KiB`;
      },
      percent: (value: number) => f.number(value / 100, { style: 'percent', maximumFractionDigits: 1 }),
      age: (seconds: number | null | undefined) => {
        if (seconds === null || seconds === undefined) return '—';
        const d = Math.floor(seconds / 86_400);
        const h = Math.floor((seconds % 86_400) / 3600);
        const m = Math.floor((seconds % 3600) / 60);
        if (d > 0) return h > 0 ? `${d} ${u.day} ${h} ${u.hour}` : `${d} ${u.day}`;
        if (h > 0) return m > 0 ? `${h} ${u.hour} ${m} ${u.minute}` : `${h} ${u.hour}`;
        if (m > 0) return `${m} ${u.minute}`;
        return `${Math.max(0, Math.floor(seconds))} ${u.second}`;
      },
    };
  }, [f, u]);
}
