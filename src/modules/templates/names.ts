import { createHash } from 'node:crypto';

/** The most a DNS label (RFC 1123/1035) may hold; Service, Namespace and Ingress host labels share it. */
export const DNS_LABEL_MAX = 63;
/**
 * A subscription's object base name stays well under 63 so that `<base>-<companion>` (12 more) and the
 * StatefulSet controller's `<name>-<revision hash>` pod label still fit.
 */
const BASE_NAME_MAX = 40;
const HASH_LENGTH = 6;
/** 12 base-32 characters: 60 bits, so a million subscriptions of one name collide with odds of about 1e-6. */
const ID_HASH_LENGTH = 12;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function shortHash(input: string, length = HASH_LENGTH): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** `length` characters of lowercase base 32 (5 bits each) from a SHA-256 of `input`: DNS-safe and dense. */
export function idHash(input: string, length = ID_HASH_LENGTH): string {
  const digest = createHash('sha256').update(input).digest();
  let out = '';
  for (let i = 0; i < length; i++) {
    const bit = i * 5;
    const pair = (digest[bit >> 3]! << 8) | (digest[(bit >> 3) + 1] ?? 0);
    out += BASE32[(pair >> (11 - (bit & 7))) & 31];
  }
  return out;
}

/**
 * Turns anything a person typed into a DNS-1035 label (lowercase letters, digits and '-', starting with
 * a letter, ending with a letter or digit, at most `max` characters). Accents are folded ("Café" →
 * "cafe"); what cannot be folded becomes '-'. When nothing usable is left, the result is `fallback`.
 * When the name must be cut, a hash of the whole input is appended so different long names stay apart.
 */
export function toDnsLabel(input: string, max = DNS_LABEL_MAX, fallback = 'app'): string {
  let label = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  if (!label) label = fallback;
  if (label.length <= max) return label;
  const suffix = shortHash(input);
  return `${label.slice(0, max - suffix.length - 1).replace(/-+$/, '')}-${suffix}`;
}

/** The tenant's namespace: one per user, derived from the user id alone. */
export function tenantNamespace(userId: string): string {
  return toDnsLabel(`tenant-${userId}`);
}

/**
 * The base name of a subscription's objects and the first label of its host: the subscription's name
 * made DNS-safe, plus 60 bits of a hash of its id so two subscriptions named alike never share objects
 * or a host (24 bits collided for about 3% of 1,000 subscriptions of one name). The subscriptions table
 * still keeps the host under a unique index: the database, not the odds, has the last word.
 */
export function subscriptionBaseName(subscription: { id: string; name: string }): string {
  const suffix = idHash(subscription.id);
  return `${toDnsLabel(subscription.name, BASE_NAME_MAX - suffix.length - 1)}-${suffix}`;
}

export function isDnsLabel(name: string): boolean {
  return name.length <= DNS_LABEL_MAX && /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(name);
}
