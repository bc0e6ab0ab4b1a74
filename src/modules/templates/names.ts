import { createHash } from 'node:crypto';

/** The most a DNS label (RFC 1123/1035) may hold; Service, Namespace and Ingress host labels share it. */
export const DNS_LABEL_MAX = 63;
/**
 * A subscription's object base name stays well under 63 so that `<base>-<companion>` (12 more) and the
 * StatefulSet controller's `<name>-<revision hash>` pod label still fit.
 */
const BASE_NAME_MAX = 40;
const HASH_LENGTH = 6;

export function shortHash(input: string, length = HASH_LENGTH): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
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
 * made DNS-safe, plus a hash of its id so two subscriptions named alike never share objects or a host.
 */
export function subscriptionBaseName(subscription: { id: string; name: string }): string {
  const suffix = shortHash(subscription.id);
  return `${toDnsLabel(subscription.name, BASE_NAME_MAX - suffix.length - 1)}-${suffix}`;
}

export function isDnsLabel(name: string): boolean {
  return name.length <= DNS_LABEL_MAX && /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(name);
}
