import { describe, expect, it } from 'vitest';
import type { Account } from './accounts.repository.js';
import { createSessionCache } from './session-cache.js';

const account = (id: string): Account => ({
  id,
  email: `${id}@example.test`,
  name: id,
  phone: null,
  locale: 'id',
  role: 'USER',
  isActive: true,
  emailVerifiedAt: null,
  lastLoginAt: null,
  deactivatedAt: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe('session cache', () => {
  it('drops every session of a user that changed, and only theirs', () => {
    const cache = createSessionCache({ ttlMs: 60_000, maxEntries: 10 });
    cache.set('s1', account('u1'), cache.ticket());
    cache.set('s2', account('u1'), cache.ticket());
    cache.set('s3', account('u2'), cache.ticket());
    cache.evictUser('u1');
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.get('s2')).toBeUndefined();
    expect(cache.get('s3')?.id).toBe('u2');
  });

  it('does not store a read that raced with a change', () => {
    const cache = createSessionCache({ ttlMs: 60_000, maxEntries: 10 });
    const ticket = cache.ticket(); // the guard starts reading the database...
    cache.evictUser('u1'); // ...the user is deactivated meanwhile...
    cache.set('s1', account('u1'), ticket); // ...and the (stale) row must not be kept.
    expect(cache.get('s1')).toBeUndefined();
  });

  it('expires entries after the TTL and keeps at most maxEntries', () => {
    let now = 0;
    const cache = createSessionCache({ ttlMs: 1_000, maxEntries: 2, now: () => now });
    cache.set('s1', account('u1'), cache.ticket());
    cache.set('s2', account('u2'), cache.ticket());
    cache.set('s3', account('u3'), cache.ticket());
    expect(cache.size).toBe(2);
    expect(cache.get('s1')).toBeUndefined();
    now = 1_000;
    expect(cache.get('s2')).toBeUndefined();
  });
});
