import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { MailContext } from './catalogue.js';
import type { Locale } from './format.js';

const footer: Record<Locale, { why: string; dashboard: string; support: string }> = {
  id: {
    why: 'Anda menerima email ini karena memiliki akun Kapal.',
    dashboard: 'Buka dasbor',
    support: 'Ada pertanyaan? Balas email ini.',
  },
  en: {
    why: 'You receive this mail because you have a Kapal account.',
    dashboard: 'Open your dashboard',
    support: 'Questions? Reply to this mail.',
  },
};

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '560px', padding: '32px' },
  brand: { color: '#0b5cad', fontSize: '22px', margin: '0 0 24px' },
  footer: { color: '#6b7280', fontSize: '12px', lineHeight: '18px' },
} as const;

/** The one layout of every mail: brand, the mail's body, and a footer linking back to the dashboard. */
export function MailLayout({ ctx, preview, children }: { ctx: MailContext; preview: string; children: ReactNode }) {
  const words = footer[ctx.locale];
  return (
    <Html lang={ctx.locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading as="h1" style={styles.brand}>
            Kapal
          </Heading>
          <Section>{children}</Section>
          <Hr />
          <Text style={styles.footer}>
            {words.why} <Link href={`${ctx.publicUrl}/`}>{words.dashboard}</Link>. {words.support}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: '15px', lineHeight: '24px', color: '#111827' } as const;
export const button = {
  backgroundColor: '#0b5cad',
  borderRadius: '6px',
  color: '#ffffff',
  fontSize: '15px',
  padding: '12px 20px',
  textDecoration: 'none',
} as const;
export const code = {
  fontFamily: 'Menlo, Consolas, monospace',
  fontSize: '14px',
  backgroundColor: '#f3f4f6',
  padding: '12px',
  borderRadius: '6px',
} as const;
