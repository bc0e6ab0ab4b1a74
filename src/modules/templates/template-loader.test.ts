import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTemplatesDir, loadTemplates, TemplateError } from './template-loader.js';

const n8nText = readFileSync(join(defaultTemplatesDir(), 'n8n.yaml'), 'utf8');

describe('template loader', () => {
  const dirs: string[] = [];
  const dirWith = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'kapal-templates-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const loadError = (dir: string): TemplateError => {
    try {
      loadTemplates(dir);
    } catch (err) {
      if (err instanceof TemplateError) return err;
      throw err;
    }
    throw new Error('expected the templates to be rejected');
  };

  it('loads every shipped template, n8n, Ghost, WordPress, Uptime Kuma and Gitea among them', () => {
    const slugs = loadTemplates()
      .list()
      .map((t) => t.slug);
    expect(slugs).toEqual(expect.arrayContaining(['n8n', 'ghost', 'wordpress', 'uptime-kuma', 'gitea']));
  });

  it('loads a copy of a good template from another folder (TEMPLATES_DIR)', () => {
    const registry = loadTemplates(dirWith({ 'n8n.yaml': n8nText, 'README.md': 'not a template' }));
    expect(registry.list().map((t) => t.slug)).toEqual(['n8n']);
  });

  it.each([
    ['a wrong type', n8nText.replace('port: 5678', 'port: "web"'), 'app.ports[0].port'],
    ['an unknown field', n8nText.replace('httpPort: http', 'httpPort: http\n  replicas: 3'), 'app'],
    [
      'a missing field',
      n8nText.replace(/\n {2}readinessProbe:[\s\S]*?(?=\n {2}livenessProbe)/, ''),
      'app.readinessProbe',
    ],
    [
      'a probe on an unknown port',
      n8nText.replace('path: /healthz\n      port: http', 'path: /healthz\n      port: web'),
      'app.livenessProbe.httpGet.port',
    ],
    ['an unknown variable', n8nText.replace('"{{ host }}"', '"{{ hostname }}"'), 'app.env[0].value'],
    ['an undeclared secret', n8nText.replace('secrets.encryption-key', 'secrets.nope'), 'app.env[8].value'],
    ['a secret in plain env', n8nText.replace('      secret: true\n', ''), 'app.env[8].secret'],
    [
      'a number out of range',
      n8nText.replace('failureThreshold: 5', 'failureThreshold: 0'),
      'app.livenessProbe.failureThreshold',
    ],
    ['a slug that is not the file name', n8nText.replace('slug: n8n', 'slug: other'), 'slug'],
  ])('rejects %s, naming the file and the field', (_what, text, field) => {
    const error = loadError(dirWith({ 'n8n.yaml': text }));
    expect(error.file).toMatch(/n8n\.yaml$/);
    expect(error.message).toContain('n8n.yaml');
    expect(
      error.problems.some((p) => p.startsWith(`${field}:`)),
      error.message,
    ).toBe(true);
  });

  it('rejects a companion with a bad resource quantity, naming the field', () => {
    const wordpress = readFileSync(join(defaultTemplatesDir(), 'wordpress.yaml'), 'utf8');
    const error = loadError(dirWith({ 'wordpress.yaml': wordpress.replace('cpu: 100m', 'cpu: lots') }));
    expect(error.problems).toContainEqual(
      expect.stringMatching(/^companions\[0\]\.resources\.requests\.cpu: must be a CPU quantity/),
    );
  });

  it('rejects YAML that does not parse, naming the file', () => {
    const error = loadError(
      dirWith({ 'good.yaml': n8nText.replace('slug: n8n', 'slug: good'), 'bad.yaml': 'slug: [unclosed' }),
    );
    expect(error.file).toMatch(/bad\.yaml$/);
    expect(error.problems[0]).toMatch(/^invalid YAML/);
  });
});
