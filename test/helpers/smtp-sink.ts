import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for.js';

export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Decoded (RFC 2047 encoded words undone). */
  subject: string;
  /** The `X-Kapal-Template` header: which template made the mail. */
  template: string | undefined;
  messageId: string | undefined;
  /** The text/plain part, decoded; '' when there is none. */
  text: string;
  /** The text/html part, decoded; '' when there is none. */
  html: string;
  attachments: ReceivedAttachment[];
  raw: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const joined = part.body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 2;
      } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(part.body, 'utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), as nodemailer writes non-ASCII headers. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeBody({
            headers: new Map([['content-transfer-encoding', 'quoted-printable']]),
            body: text.replace(/_/g, ' '),
          }).toString('utf8'),
    );
}

/** The leaves of a MIME tree: text, HTML and attachments (enough for the mails Kapal sends). */
function leaves(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part];
  const pieces = part.body.split(`--${boundary}`).slice(1);
  return pieces
    .filter((piece) => !piece.startsWith('--'))
    .flatMap((piece) => leaves(splitPart(piece.replace(/^\r?\n/, ''))));
}

export function parseMail(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'raw'> {
  const root = splitPart(raw);
  let text = '';
  let html = '';
  const attachments: ReceivedAttachment[] = [];
  for (const leaf of leaves(root)) {
    const type = (leaf.headers.get('content-type') ?? 'text/plain').toLowerCase();
    const disposition = leaf.headers.get('content-disposition') ?? '';
    if (disposition.toLowerCase().startsWith('attachment')) {
      const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? '';
      attachments.push({
        filename: decodeWords(filename),
        contentType: type.split(';')[0]!,
        content: decodeBody(leaf),
      });
    } else if (type.startsWith('text/html')) html = decodeBody(leaf).toString('utf8');
    else if (type.startsWith('text/plain')) text = decodeBody(leaf).toString('utf8');
  }
  return {
    subject: decodeWords(root.headers.get('subject') ?? ''),
    template: root.headers.get('x-kapal-template'),
    messageId: root.headers.get('message-id'),
    text,
    html,
    attachments,
  };
}

/**
 * A real SMTP server in the test process that keeps what it receives. `refuse(true)` makes it answer
 * every message with a temporary failure (451), as a mail server in trouble does, until `refuse(false)`.
 */
export async function startSmtpSink() {
  const messages: ReceivedMail[] = [];
  let refusing = false;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!refusing) return callback();
      refused++;
      const err = new Error('Try again later (the test sink refuses mail)') as Error & { responseCode: number };
      err.responseCode = 451;
      return callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(raw),
          raw,
        });
        callback();
      });
    },
  });
  // A client that vanishes mid-session (a worker killed with SIGKILL) resets its socket; smtp-server
  // reports that as an 'error' event, which without a listener is an uncaught exception in the test run.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refuse(on: boolean) {
      refusing = on;
    },
    /** Messages refused while `refuse(true)` was on. */
    get refused() {
      return refused;
    },
    waitForMessage: (match: (m: ReceivedMail) => boolean, timeoutMs = 30_000) =>
      waitFor(() => messages.find(match), { timeoutMs, what: 'an email' }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
