import { parseArgs } from 'node:util';
import { writeMailPreviews } from '../modules/notifications/index.js';
import type { Config } from '../platform/config/config.js';

export const MAIL_USAGE = `kapal mail preview [--out DIR]

  Renders every mail template in Indonesian and English with its sample data into DIR (default
  ./mail-preview): <template>.<locale>.html and .txt (the subject on the first line). Links start at
  PUBLIC_URL. Needs no database, Redis or SMTP server.
`;

/** `kapal mail ...` (the arguments after `mail`); returns the process exit code. */
export async function mailCommand(config: Config, argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${MAIL_USAGE}`);
    return 64;
  }
  if (parsed.positionals[0] !== 'preview' || parsed.positionals.length > 1) {
    process.stderr.write(MAIL_USAGE);
    return 64;
  }
  const dir = parsed.values.out ?? 'mail-preview';
  const files = await writeMailPreviews({
    dir,
    publicUrl: config.http.publicUrl,
    timeZone: config.billing.timeZone,
  });
  process.stdout.write(`${files.length} files written to ${dir}\n`);
  return 0;
}

function parseFlags(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string' } } });
}
