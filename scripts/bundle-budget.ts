import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The dashboard's first load must stay small: the JavaScript index.html loads (its entry script and the
 * modules it preloads), gzipped, at most BUDGET bytes. Pages load on demand and are not counted. Exits 1
 * over budget; `npm test` runs it after building.
 */
const BUDGET = 250_000;
const dist = join(import.meta.dirname, '..', 'web', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
].map((m) => m[1]!);
if (scripts.length === 0) {
  console.error('bundle budget: index.html loads no module script; is web/dist a dashboard build?');
  process.exit(1);
}
let total = 0;
for (const src of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(dist, src.replace(/^\//, '')))).length;
  total += size;
  console.log(`  ${src}  ${(size / 1000).toFixed(1)} kB gzipped`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`bundle budget: first load ${(total / 1000).toFixed(1)} kB of ${BUDGET / 1000} kB gzipped: ${verdict}`);
if (total > BUDGET) process.exit(1);
