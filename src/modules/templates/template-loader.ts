import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { type TemplateSpec, templateSpec } from './template-spec.js';

/** A template file that cannot be used; the message names the file and every wrong field. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid app template ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TemplateError';
  }
}

export interface TemplateRegistry {
  /** Where the templates were read from. */
  readonly dir: string;
  get(slug: string): TemplateSpec | undefined;
  list(): TemplateSpec[];
}

/** `templates/` at the repository root (three levels above this file in both src/ and dist/). */
export function defaultTemplatesDir(): string {
  return fileURLToPath(new URL('../../../templates/', import.meta.url));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

function formatIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((i) => `${formatPath(i.path) || '(file)'}: ${i.message}`);
}

/** Parses and validates one template file; throws TemplateError naming the file and the field. */
export function parseTemplateFile(file: string, text: string): TemplateSpec {
  let document: unknown;
  try {
    document = parse(text);
  } catch (err) {
    throw new TemplateError(file, [`invalid YAML: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const parsed = templateSpec.safeParse(document);
  if (!parsed.success) throw new TemplateError(file, formatIssues(parsed.error.issues));
  const expected = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (parsed.data.slug !== expected) {
    throw new TemplateError(file, [`slug: is "${parsed.data.slug}" but the file is named ${expected}.yaml`]);
  }
  return parsed.data;
}

/** Reads every `*.yaml` in `dir` at once, so a broken template stops the process at boot, not at provisioning. */
export function loadTemplates(dir: string = defaultTemplatesDir()): TemplateRegistry {
  const absolute = resolve(dir);
  const files = readdirSync(absolute)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const templates = new Map<string, TemplateSpec>();
  for (const name of files) {
    const file = join(absolute, name);
    const template = parseTemplateFile(file, readFileSync(file, 'utf8'));
    if (templates.has(template.slug)) throw new TemplateError(file, [`slug: "${template.slug}" is declared twice`]);
    templates.set(template.slug, template);
  }
  return {
    dir: absolute,
    get: (slug) => templates.get(slug),
    list: () => [...templates.values()],
  };
}
