import { Button, Section, Text } from '@react-email/components';
import { defineMailTemplate } from './catalogue.js';
import { button, paragraph } from './layout.js';

interface WelcomeMessages {
  subject: string;
  preview: string;
  greeting: string;
  ready: string;
  cta: string;
  notYou: string;
}

/**
 * Nothing the registrant typed goes into the mail but the address it is sent to: a display name such as
 * `<a href=http://evil>Click</a>` would otherwise put their words (and links) in our mail.
 */
export const welcomeMail = defineMailTemplate<Record<string, never>>()<WelcomeMessages>({
  name: 'welcome',
  messages: {
    id: {
      subject: 'Selamat datang di Kapal',
      preview: 'Akun Kapal Anda sudah siap.',
      greeting: 'Halo,',
      ready:
        'Akun Kapal Anda sudah siap. Isi saldo, pilih aplikasi dari katalog, dan aplikasi itu berjalan di alamatnya sendiri dalam hitungan detik.',
      cta: 'Lihat katalog',
      notYou: 'Jika Anda tidak membuat akun ini, balas email ini dan kami akan menutupnya.',
    },
    en: {
      subject: 'Welcome to Kapal',
      preview: 'Your Kapal account is ready.',
      greeting: 'Hello,',
      ready:
        'Your Kapal account is ready. Top up your credit, pick an app from the catalog, and it runs at its own address within seconds.',
      cta: 'Browse the catalog',
      notYou: 'If you did not create this account, reply to this mail and we will close it.',
    },
  },
  subject: (m) => m.subject,
  preview: (m) => m.preview,
  Body: ({ m, ctx }) => (
    <>
      <Text style={paragraph}>{m.greeting}</Text>
      <Text style={paragraph}>{m.ready}</Text>
      <Section>
        <Button href={`${ctx.publicUrl}/services`} style={button}>
          {m.cta}
        </Button>
      </Section>
      <Text style={paragraph}>{m.notYou}</Text>
    </>
  ),
  sample: {},
});

interface VerifyMessages {
  subject: string;
  preview: string;
  greeting: string;
  confirm: string;
  cta: string;
  orOpen: string;
  validity: (hours: number) => string;
  notYou: string;
}

export const verifyEmailMail = defineMailTemplate<{ url: string; validHours: number }>()<VerifyMessages>({
  name: 'verify-email',
  messages: {
    id: {
      subject: 'Verifikasi alamat email Anda untuk Kapal',
      preview: 'Konfirmasi bahwa alamat ini milik akun Kapal Anda.',
      greeting: 'Halo,',
      confirm: 'Mohon konfirmasi bahwa alamat ini milik akun Kapal Anda.',
      cta: 'Verifikasi email',
      orOpen: 'Atau buka tautan ini:',
      validity: (hours) =>
        `Tautan berlaku ${hours} jam. Sebelum alamat diverifikasi, Anda dapat masuk dan melihat-lihat, tetapi belum dapat mengisi saldo atau berlangganan aplikasi.`,
      notYou: 'Jika Anda tidak membuat akun Kapal, abaikan email ini.',
    },
    en: {
      subject: 'Verify your email address for Kapal',
      preview: 'Confirm that this address belongs to your Kapal account.',
      greeting: 'Hello,',
      confirm: 'Please confirm that this address belongs to your Kapal account.',
      cta: 'Verify email',
      orOpen: 'Or open this link:',
      validity: (hours) =>
        `The link works for ${hours} hours. Until the address is verified you can sign in and look around, but not top up credit or subscribe to an app.`,
      notYou: 'If you did not create a Kapal account, ignore this mail.',
    },
  },
  subject: (m) => m.subject,
  preview: (m) => m.preview,
  Body: ({ m, data }) => (
    <>
      <Text style={paragraph}>{m.greeting}</Text>
      <Text style={paragraph}>{m.confirm}</Text>
      <Section>
        <Button href={data.url} style={button}>
          {m.cta}
        </Button>
      </Section>
      <Text style={paragraph}>
        {m.orOpen} {data.url}
      </Text>
      <Text style={paragraph}>{m.validity(data.validHours)}</Text>
      <Text style={paragraph}>{m.notYou}</Text>
    </>
  ),
  sample: { url: 'http://127.0.0.1:3000/verify-email?token=sample-token', validHours: 24 },
});
