import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailCommand } from '../../cli/mail-command.js';
import { loadConfig } from '../../platform/config/config.js';
import { LOCALES } from './mail/format.js';
import { MAIL_TEMPLATE_NAMES } from './mail/templates.js';

describe('kapal mail preview', () => {
  it('writes every template in both locales as HTML and text, with links from PUBLIC_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kapal-mail-preview-'));
    try {
      const config = loadConfig({ NODE_ENV: 'development', PUBLIC_URL: 'https://kapal.example.test' });
      const code = await mailCommand(config, ['preview', '--out', dir]);
      expect(code).toBe(0);
      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(MAIL_TEMPLATE_NAMES.length * LOCALES.length * 2);
      for (const name of MAIL_TEMPLATE_NAMES) {
        for (const locale of LOCALES) {
          expect(readFileSync(join(dir, `${name}.${locale}.html`), 'utf8')).toMatch(/^<!DOCTYPE html/);
          const text = readFileSync(join(dir, `${name}.${locale}.txt`), 'utf8');
          expect(text).toMatch(/^Subject: \S/);
          expect(text).toContain('https://kapal.example.test/');
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses anything but `preview [--out DIR]` with the usage and 64', async () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    for (const argv of [[], ['send'], ['preview', 'extra'], ['preview', '--to', 'x']]) {
      expect(await mailCommand(config, argv), argv.join(' ')).toBe(64);
    }
  });
});
