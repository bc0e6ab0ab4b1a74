import { Button, Section, Text } from '@react-email/components';
import { defineMailTemplate, type MailContext } from './catalogue.js';
import { formatDay, formatRupiah } from './format.js';
import { button, code, paragraph } from './layout.js';

/** Which subscription a mail is about: its name (typed by the user) and what it runs. */
export interface SubscriptionRef {
  subscriptionId: string;
  /** The name the user gave it (also its host name). */
  name: string;
  serviceName: string;
  planName: string | null;
  /** The app's own address, https://<name>.<APPS_DOMAIN>. */
  appUrl: string;
}

const what = (s: SubscriptionRef) => (s.planName ? `${s.serviceName} (${s.planName})` : s.serviceName);
const dashboardOf = (s: SubscriptionRef, ctx: MailContext) => `${ctx.publicUrl}/subscriptions/${s.subscriptionId}`;
const billingOf = (ctx: MailContext) => `${ctx.publicUrl}/billing`;

const sampleRef: SubscriptionRef = {
  subscriptionId: '00000000-0000-4000-8000-000000000001',
  name: 'my-n8n',
  serviceName: 'n8n',
  planName: 'Starter',
  appUrl: 'https://my-n8n.apps.localhost',
};

function Paragraphs({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line) => (
        <Text key={line} style={paragraph}>
          {line}
        </Text>
      ))}
    </>
  );
}

function Action({ href, label }: { href: string; label: string }) {
  return (
    <Section>
      <Button href={href} style={button}>
        {label}
      </Button>
    </Section>
  );
}

const hello = { id: 'Halo,', en: 'Hello,' } as const;

// subscription-created ------------------------------------------------------------------------------

interface CreatedMessages {
  subject: (name: string, service: string) => string;
  paid: (what: string, name: string, until: string, price: string) => string;
  where: (url: string) => string;
  cta: string;
}

export const subscriptionCreatedMail = defineMailTemplate<
  SubscriptionRef & { paidUntil: string; priceIdr: number }
>()<CreatedMessages>({
  name: 'subscription-created',
  messages: {
    id: {
      subject: (name, service) => `Menyiapkan ${name} (${service})`,
      paid: (w, name, until, price) =>
        `Terima kasih: ${w} "${name}" sudah dibayar hingga ${until} (${price}), dan kami sedang menjalankannya.`,
      where: (url) => `Aplikasi akan tersedia di ${url}; kami mengirim email lagi saat siap.`,
      cta: 'Lihat langganan',
    },
    en: {
      subject: (name, service) => `Setting up ${name} (${service})`,
      paid: (w, name, until, price) =>
        `Thank you: ${w} "${name}" is paid until ${until} (${price}), and we are starting it now.`,
      where: (url) => `It will be at ${url}; we mail you again when it is ready.`,
      cta: 'View subscription',
    },
  },
  subject: (m, d) => m.subject(d.name, d.serviceName),
  preview: (m, d) => m.where(d.appUrl),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Paragraphs
        lines={[
          m.paid(
            what(data),
            data.name,
            formatDay(data.paidUntil, ctx.locale, ctx.timeZone),
            formatRupiah(data.priceIdr),
          ),
          m.where(data.appUrl),
        ]}
      />
      <Action href={dashboardOf(data, ctx)} label={m.cta} />
    </>
  ),
  sample: { ...sampleRef, paidUntil: '2026-12-30T00:00:00.000Z', priceIdr: 150_000 },
});

// service-ready ---------------------------------------------------------------------------------------

interface ReadyMessages {
  subject: (name: string) => string;
  running: (what: string, name: string) => string;
  open: string;
  credentials: string;
  noCredentials: string;
  keepSafe: string;
}

export const serviceReadyMail = defineMailTemplate<
  SubscriptionRef & { credentials: { name: string; value: string }[] }
>()<ReadyMessages>({
  name: 'service-ready',
  messages: {
    id: {
      subject: (name) => `${name} sudah siap`,
      running: (w, name) => `${w} "${name}" sudah berjalan di:`,
      open: 'Buka aplikasi',
      credentials: 'Kredensial awalnya (dapat dibaca lagi di dasbor Anda):',
      noCredentials: 'Aplikasi ini tidak memiliki kredensial awal: buat akun pertama di alamatnya.',
      keepSafe: 'Ganti kata sandi awal setelah masuk pertama kali, dan jangan teruskan email ini.',
    },
    en: {
      subject: (name) => `${name} is ready`,
      running: (w, name) => `${w} "${name}" is running at:`,
      open: 'Open the app',
      credentials: 'Its first credentials (you can read them again in your dashboard):',
      noCredentials: 'This app has no first credentials: create the first account at its address.',
      keepSafe: 'Change the first password once you signed in, and do not forward this mail.',
    },
  },
  subject: (m, d) => m.subject(d.name),
  preview: (m, d) => `${m.running(what(d), d.name)} ${d.appUrl}`,
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Text style={paragraph}>{m.running(what(data), data.name)}</Text>
      <Text style={paragraph}>{data.appUrl}</Text>
      <Action href={data.appUrl} label={m.open} />
      {data.credentials.length > 0 ? (
        <>
          <Text style={paragraph}>{m.credentials}</Text>
          <Text style={code}>
            {data.credentials.map((c) => (
              <span key={c.name}>
                {c.name}: {c.value}
                <br />
              </span>
            ))}
          </Text>
          <Text style={paragraph}>{m.keepSafe}</Text>
        </>
      ) : (
        <Text style={paragraph}>{m.noCredentials}</Text>
      )}
    </>
  ),
  sample: {
    ...sampleRef,
    credentials: [
      { name: 'admin-password', value: 'sample-Passw0rd' },
      { name: 'admin-user', value: 'admin' },
    ],
  },
});

// subscription-expiring ---------------------------------------------------------------------------------

interface ExpiringMessages {
  subject: (name: string, daysLeft: number) => string;
  renews: (what: string, name: string, on: string, price: string, balance: string) => string;
  topUp: string;
  cta: string;
}

export const subscriptionExpiringMail = defineMailTemplate<
  SubscriptionRef & { renewsOn: string; priceIdr: number; balanceIdr: number; daysLeft: number }
>()<ExpiringMessages>({
  name: 'subscription-expiring',
  messages: {
    id: {
      subject: (name, days) => `${name} diperpanjang dalam ${days} hari: isi saldo Anda`,
      renews: (w, name, on, price, balance) =>
        `${w} "${name}" diperpanjang pada ${on} seharga ${price}, dan saldo Anda (${balance}) tidak mencukupi.`,
      topUp: 'Isi saldo sebelum tanggal itu agar aplikasi tetap berjalan tanpa gangguan.',
      cta: 'Isi saldo',
    },
    en: {
      subject: (name, days) => `${name} renews in ${days} day${days === 1 ? '' : 's'}: top up your credit`,
      renews: (w, name, on, price, balance) =>
        `${w} "${name}" renews on ${on} for ${price}, and your credit (${balance}) does not cover it.`,
      topUp: 'Top up before then to keep it running without interruption.',
      cta: 'Top up',
    },
  },
  subject: (m, d) => m.subject(d.name, d.daysLeft),
  preview: (m) => m.topUp,
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Paragraphs
        lines={[
          m.renews(
            what(data),
            data.name,
            formatDay(data.renewsOn, ctx.locale, ctx.timeZone),
            formatRupiah(data.priceIdr),
            formatRupiah(data.balanceIdr),
          ),
          m.topUp,
        ]}
      />
      <Action href={billingOf(ctx)} label={m.cta} />
    </>
  ),
  sample: { ...sampleRef, renewsOn: '2026-12-30T00:00:00.000Z', priceIdr: 150_000, balanceIdr: 20_000, daysLeft: 3 },
});

// payment-failed (a renewal that could not be charged: the grace period) -----------------------------------

interface PaymentFailedMessages {
  subject: (name: string, lastDay: boolean) => string;
  notRenewed: (what: string, name: string, ended: string, price: string, balance: string) => string;
  until: (day: string) => string;
  topUp: string;
  cta: string;
}

export const paymentFailedMail = defineMailTemplate<
  SubscriptionRef & { periodEnd: string; suspendsOn: string; priceIdr: number; balanceIdr: number; daysLeft: number }
>()<PaymentFailedMessages>({
  name: 'payment-failed',
  messages: {
    id: {
      subject: (name, lastDay) => `${name} tidak diperpanjang: ${lastDay ? 'hari terakhir' : '3 hari'} untuk membayar`,
      notRenewed: (w, name, ended, price, balance) =>
        `Periode ${w} "${name}" berakhir pada ${ended} dan kami tidak dapat memperpanjangnya (${price}; saldo Anda: ${balance}).`,
      until: (day) => `Aplikasi tetap berjalan hingga ${day}; setelah itu ditangguhkan (dihentikan, data disimpan).`,
      topUp: 'Isi saldo, atau perpanjang di dasbor Anda, untuk mempertahankannya.',
      cta: 'Isi saldo',
    },
    en: {
      subject: (name, lastDay) => `${name} was not renewed: ${lastDay ? 'last day' : '3 days'} to pay`,
      notRenewed: (w, name, ended, price, balance) =>
        `The period of ${w} "${name}" ended on ${ended} and we could not renew it (${price}; your credit: ${balance}).`,
      until: (day) => `It keeps running until ${day}; then it is suspended (stopped, data kept).`,
      topUp: 'Top up, or renew it in your dashboard, to keep it.',
      cta: 'Top up',
    },
  },
  subject: (m, d) => m.subject(d.name, d.daysLeft === 1),
  preview: (m) => m.topUp,
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Paragraphs
        lines={[
          m.notRenewed(
            what(data),
            data.name,
            formatDay(data.periodEnd, ctx.locale, ctx.timeZone),
            formatRupiah(data.priceIdr),
            formatRupiah(data.balanceIdr),
          ),
          m.until(formatDay(data.suspendsOn, ctx.locale, ctx.timeZone)),
          m.topUp,
        ]}
      />
      <Action href={billingOf(ctx)} label={m.cta} />
    </>
  ),
  sample: {
    ...sampleRef,
    periodEnd: '2026-11-30T00:00:00.000Z',
    suspendsOn: '2026-12-03T00:00:00.000Z',
    priceIdr: 150_000,
    balanceIdr: 20_000,
    daysLeft: 3,
  },
});

// subscription-suspended ----------------------------------------------------------------------------------

interface SuspendedMessages {
  subject: (name: string) => string;
  stopped: (what: string, name: string) => string;
  unpaid: (price: string) => string;
  deletedOn: (day: string) => string;
  byAdmin: string;
  cta: string;
}

export const subscriptionSuspendedMail = defineMailTemplate<
  SubscriptionRef & { unpaid: boolean; priceIdr: number; deletedOn: string | null }
>()<SuspendedMessages>({
  name: 'subscription-suspended',
  messages: {
    id: {
      subject: (name) => `${name} ditangguhkan`,
      stopped: (w, name) => `${w} "${name}" dihentikan; datanya disimpan.`,
      unpaid: (price) =>
        `Langganan ini belum dibayar. Isi saldo (${price}) atau perpanjang di dasbor untuk menjalankannya lagi.`,
      deletedOn: (day) => `Jika tidak dibayar, aplikasi dan datanya dihapus pada ${day}.`,
      byAdmin: 'Administrator menangguhkannya; hubungi dukungan.',
      cta: 'Isi saldo',
    },
    en: {
      subject: (name) => `${name} is suspended`,
      stopped: (w, name) => `${w} "${name}" is stopped; its data is kept.`,
      unpaid: (price) => `It was not paid. Top up (${price}) or renew it in your dashboard to start it again.`,
      deletedOn: (day) => `Unpaid, it is deleted with its data on ${day}.`,
      byAdmin: 'An administrator suspended it; contact support.',
      cta: 'Top up',
    },
  },
  subject: (m, d) => m.subject(d.name),
  preview: (m, d) => m.stopped(what(d), d.name),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Paragraphs
        lines={[
          m.stopped(what(data), data.name),
          ...(data.unpaid
            ? [
                m.unpaid(formatRupiah(data.priceIdr)),
                ...(data.deletedOn ? [m.deletedOn(formatDay(data.deletedOn, ctx.locale, ctx.timeZone))] : []),
              ]
            : [m.byAdmin]),
        ]}
      />
      {data.unpaid ? <Action href={billingOf(ctx)} label={m.cta} /> : null}
    </>
  ),
  sample: { ...sampleRef, unpaid: true, priceIdr: 150_000, deletedOn: '2026-12-17T00:00:00.000Z' },
});

// subscription-resumed ------------------------------------------------------------------------------------

interface ResumedMessages {
  subject: (name: string) => string;
  again: (what: string, name: string, until: string, url: string) => string;
  open: string;
}

export const subscriptionResumedMail = defineMailTemplate<SubscriptionRef & { paidUntil: string }>()<ResumedMessages>({
  name: 'subscription-resumed',
  messages: {
    id: {
      subject: (name) => `${name} berjalan lagi`,
      again: (w, name, until, url) =>
        `${w} "${name}" sudah dibayar hingga ${until} dan sedang dijalankan lagi di ${url}.`,
      open: 'Buka aplikasi',
    },
    en: {
      subject: (name) => `${name} is running again`,
      again: (w, name, until, url) => `${w} "${name}" is paid until ${until} and starting again at ${url}.`,
      open: 'Open the app',
    },
  },
  subject: (m, d) => m.subject(d.name),
  preview: (m, d) => m.subject(d.name),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Text style={paragraph}>
        {m.again(what(data), data.name, formatDay(data.paidUntil, ctx.locale, ctx.timeZone), data.appUrl)}
      </Text>
      <Action href={data.appUrl} label={m.open} />
    </>
  ),
  sample: { ...sampleRef, paidUntil: '2026-12-30T00:00:00.000Z' },
});

// subscription-terminated ---------------------------------------------------------------------------------

interface TerminatedMessages {
  subject: (name: string) => string;
  ended: (what: string, name: string) => string;
  why: (reason: string) => string;
  cta: string;
}

export const subscriptionTerminatedMail = defineMailTemplate<
  SubscriptionRef & { reason: string | null }
>()<TerminatedMessages>({
  name: 'subscription-terminated',
  messages: {
    id: {
      subject: (name) => `${name} telah berakhir`,
      ended: (w, name) => `${w} "${name}" telah berakhir, dan datanya dihapus.`,
      why: (reason) => `Alasan: ${reason}`,
      cta: 'Lihat katalog',
    },
    en: {
      subject: (name) => `${name} has ended`,
      ended: (w, name) => `${w} "${name}" has ended, and its data is deleted.`,
      why: (reason) => `Why: ${reason}`,
      cta: 'Browse the catalog',
    },
  },
  subject: (m, d) => m.subject(d.name),
  preview: (m, d) => m.ended(what(d), d.name),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Paragraphs lines={[m.ended(what(data), data.name), m.why(data.reason ?? '-')]} />
      <Action href={`${ctx.publicUrl}/services`} label={m.cta} />
    </>
  ),
  sample: { ...sampleRef, reason: 'cancelled by the user' },
});

// provisioning-failed -------------------------------------------------------------------------------------

interface ProvisioningFailedMessages {
  subject: (name: string) => string;
  sorry: (what: string, name: string) => string;
  refunded: (price: string) => string;
  what: (reason: string) => string;
}

export const provisioningFailedMail = defineMailTemplate<
  SubscriptionRef & { priceIdr: number; reason: string | null }
>()<ProvisioningFailedMessages>({
  name: 'provisioning-failed',
  messages: {
    id: {
      subject: (name) => `${name} tidak dapat dijalankan`,
      sorry: (w, name) => `Kami tidak dapat menjalankan ${w} "${name}", dan kami mohon maaf.`,
      refunded: (price) => `Biaya ${price} sudah dikembalikan ke saldo Kapal Anda.`,
      what: (reason) => `Yang terjadi: ${reason}`,
    },
    en: {
      subject: (name) => `${name} could not be started`,
      sorry: (w, name) => `We could not start ${w} "${name}", and we are sorry.`,
      refunded: (price) => `The ${price} it cost is back in your Kapal credit.`,
      what: (reason) => `What went wrong: ${reason}`,
    },
  },
  subject: (m, d) => m.subject(d.name),
  preview: (m, d) => m.sorry(what(d), d.name),
  Body: ({ m, data, ctx }) => (
    <>
      <Text style={paragraph}>{hello[ctx.locale]}</Text>
      <Paragraphs
        lines={[m.sorry(what(data), data.name), m.refunded(formatRupiah(data.priceIdr)), m.what(data.reason ?? '-')]}
      />
    </>
  ),
  sample: { ...sampleRef, priceIdr: 150_000, reason: 'the app did not become ready within 600 seconds' },
});
