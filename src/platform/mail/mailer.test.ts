import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createLogMailer } from './mailer.js';

describe('mail without an SMTP server (SMTP_URL unset)', () => {
  it('is allowed in development, where mails go to the log, and refused in production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).mail.smtpUrl).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL: must be set when NODE_ENV=production/);
  });

  it('writes each mail to the log: recipient, subject, the text with its links; attachments by size', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const mailer = createLogMailer({ logger: pino({ level: 'info' }, sink), from: 'Kapal <no-reply@kapal.test>' });
    const { messageId } = await mailer.send({
      to: 'ayu@example.test',
      subject: 'Verify your email address for Kapal',
      text: 'Open https://kapal.example.test/verify-email?token=abc',
      html: '<p>secret html</p>',
      attachments: [{ filename: 'INV-1.pdf', contentType: 'application/pdf', content: Buffer.alloc(42) }],
      messageId: '<d1@kapal.test>',
    });
    expect(messageId).toBe('<d1@kapal.test>');
    const entry = JSON.parse(lines[0]!);
    expect(entry.mail).toMatchObject({
      to: 'ayu@example.test',
      subject: 'Verify your email address for Kapal',
      attachments: [{ filename: 'INV-1.pdf', bytes: 42 }],
    });
    expect(entry.msg).toContain('https://kapal.example.test/verify-email?token=abc');
    expect(lines.join('')).not.toContain('secret html');
  });
});
