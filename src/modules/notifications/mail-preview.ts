import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCALES } from './mail/format.js';
import { loadMailTemplates, MAIL_TEMPLATE_NAMES } from './mail/names.js';

/**
 * `kapal mail preview [--out DIR]`: every template in every locale with its sample data, as
 * `<template>.<locale>.html` and `.txt` (the subject on the text file's first line). Returns the files.
 */
export async function writeMailPreviews(options: { dir: string; publicUrl: string; timeZone: string }) {
  const { mailTemplates, renderMail } = await loadMailTemplates();
  await mkdir(options.dir, { recursive: true });
  const written: string[] = [];
  for (const name of MAIL_TEMPLATE_NAMES) {
    for (const locale of LOCALES) {
      const mail = await renderMail(name, mailTemplates[name].sample as never, {
        locale,
        publicUrl: options.publicUrl.replace(/\/+$/, ''),
        timeZone: options.timeZone,
      });
      const base = path.join(options.dir, `${name}.${locale}`);
      await writeFile(`${base}.html`, mail.html);
      await writeFile(`${base}.txt`, `Subject: ${mail.subject}\n\n${mail.text}\n`);
      written.push(`${base}.html`, `${base}.txt`);
    }
  }
  return written;
}
