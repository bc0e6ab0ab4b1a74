import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idHash, isDnsLabel, subscriptionBaseName, tenantNamespace, toDnsLabel } from './names.js';

const HOSTILE_NAMES = [
  'My Blog',
  'UPPERCASE NAME',
  'Café Düsseldorf — Ümlauts',
  '日本語のブログ',
  '🚀🚀🚀',
  '',
  '   ',
  '---',
  '123 starts with digits',
  '../../etc/passwd',
  'a'.repeat(300),
  `${'x-'.repeat(100)}end`,
  'name.with.dots_and_underscores',
  '<script>alert(1)</script>',
  'DROP TABLE users;--',
  'trailing dash-',
];

describe('DNS-safe names', () => {
  it.each(HOSTILE_NAMES)('makes a valid DNS label of %j', (name) => {
    const label = toDnsLabel(name);
    expect(isDnsLabel(label), label).toBe(true);
    const base = subscriptionBaseName({ id: randomUUID(), name });
    expect(isDnsLabel(base), base).toBe(true);
    expect(base.length).toBeLessThanOrEqual(40);
  });

  it('keeps readable names readable and folds accents', () => {
    expect(toDnsLabel('My Blog')).toBe('my-blog');
    expect(toDnsLabel('Café Düsseldorf')).toBe('cafe-dusseldorf');
    expect(toDnsLabel('🚀')).toBe('app');
  });

  it('gives two long names with the same start different labels (hash suffix when truncating)', () => {
    const a = toDnsLabel(`${'a'.repeat(80)}-one`);
    const b = toDnsLabel(`${'a'.repeat(80)}-two`);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).toMatch(/-[0-9a-f]{6}$/);
  });

  it('gives two subscriptions with the same name different base names, and one subscription always the same', () => {
    const id = randomUUID();
    expect(subscriptionBaseName({ id, name: 'blog' })).toBe(subscriptionBaseName({ id, name: 'blog' }));
    expect(subscriptionBaseName({ id, name: 'blog' })).not.toBe(
      subscriptionBaseName({ id: randomUUID(), name: 'blog' }),
    );
    expect(subscriptionBaseName({ id, name: 'blog' })).toMatch(/^blog-[a-z2-7]{12}$/);
  });

  it('hashes ids into 60 bits of base 32: 100,000 ids, no collision, every character used', () => {
    const seen = new Set<string>();
    const characters = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const hash = idHash(`subscription-${i}`);
      expect(hash).toMatch(/^[a-z2-7]{12}$/);
      seen.add(hash);
      for (const c of hash) characters.add(c);
    }
    expect(seen.size).toBe(100_000);
    expect(characters.size).toBe(32);
    // Checked against the same encoding written the slow, obvious way.
    expect(idHash('kapal')).toBe(expectedIdHash('kapal'));
  });

  it('names the tenant namespace after the user id', () => {
    const userId = randomUUID();
    expect(tenantNamespace(userId)).toBe(`tenant-${userId}`);
    expect(isDnsLabel(tenantNamespace(userId))).toBe(true);
  });
});

/** The same encoding written the slow, obvious way: the digest as a bit string, cut in fives. */
function expectedIdHash(input: string): string {
  const bits = [...createHash('sha256').update(input).digest()].map((b) => b.toString(2).padStart(8, '0')).join('');
  return Array.from(
    { length: 12 },
    (_, i) => 'abcdefghijklmnopqrstuvwxyz234567'[Number.parseInt(bits.slice(i * 5, i * 5 + 5), 2)],
  ).join('');
}
