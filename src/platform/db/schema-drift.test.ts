import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('migrations and the modules’ tables', () => {
  // drizzle-kit resolves its config from the repository, so the scratch copy lives there (and goes away).
  const scratch = `.schema-drift-${randomBytes(4).toString('hex')}`;
  afterAll(() => {
    rmSync(`${root}${scratch}`, { recursive: true, force: true });
  });

  it('agree: drizzle-kit finds nothing to generate from src/modules/*/*.tables.ts', async () => {
    cpSync(`${root}drizzle`, `${root}${scratch}/drizzle`, { recursive: true });
    writeFileSync(
      `${root}${scratch}/drizzle.config.ts`,
      `import { defineConfig } from 'drizzle-kit';
export default defineConfig({ dialect: 'postgresql', schema: './src/modules/*/*.tables.ts', out: './${scratch}/drizzle', casing: 'snake_case' });
`,
    );
    const before = readdirSync(`${root}${scratch}/drizzle`).length;
    const { stdout } = await run(
      'npx',
      ['drizzle-kit', 'generate', '--config', `./${scratch}/drizzle.config.ts`, '--name', 'drift'],
      {
        cwd: root,
      },
    );
    expect(stdout, 'a table was changed without `npm run db:generate`').toContain('No schema changes');
    expect(readdirSync(`${root}${scratch}/drizzle`)).toHaveLength(before);
  }, 60_000);
});
