import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = (cwd: string) =>
  spawnSync(process.execPath, [join(cwd, 'bin/kapal.js'), 'help'], { cwd, encoding: 'utf8' });

describe('bin/kapal.js', () => {
  it('runs from the sources in a checkout that was never built', () => {
    const result = run(root);
    expect(result.stdout + result.stderr).toMatch(/^kapal <command>\n/);
    expect(result.stdout + result.stderr).not.toMatch(/Error|at /);
    expect(result.status).toBe(64); // the usage text's exit code (EX_USAGE): the CLI itself answered
  });

  it('says to build, instead of a stack trace, where there is neither a build nor the sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kapal-bin-'));
    try {
      cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
      const result = run(dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('kapal: Kapal is not built: run `npm run build` first.\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
