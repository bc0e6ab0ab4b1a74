import type { Account } from './accounts.repository.js';

/**
 * What the auth guard knows about a live session, kept in memory so an authenticated request costs no
 * database round trip. Correctness comes from the triggers of migration 0003: every committed change to a
 * user or a session notifies `kapal_auth_changed` with the user's id, and the entries of that user are
 * dropped at once. A read that raced with a change is not stored (the epoch moved), entries expire after
 * `ttlMs` as a backstop, and the guard bypasses the cache whenever notifications are not being received.
 */
export function createSessionCache(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { account: Account; expiresAt: number }>();
  const sessionsByUser = new Map<string, Set<string>>();
  let epoch = 0;

  const remove = (sessionId: string) => {
    const entry = entries.get(sessionId);
    if (!entry) return;
    entries.delete(sessionId);
    const sessions = sessionsByUser.get(entry.account.id);
    sessions?.delete(sessionId);
    if (sessions?.size === 0) sessionsByUser.delete(entry.account.id);
  };

  return {
    get(sessionId: string): Account | undefined {
      const entry = entries.get(sessionId);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        remove(sessionId);
        return undefined;
      }
      return entry.account;
    },
    /** Take before reading the database; `set` stores the read only if nothing changed since. */
    ticket(): number {
      return epoch;
    },
    set(sessionId: string, account: Account, ticket: number): void {
      if (ticket !== epoch) return;
      remove(sessionId);
      if (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) remove(oldest);
      }
      entries.set(sessionId, { account, expiresAt: now() + options.ttlMs });
      const sessions = sessionsByUser.get(account.id) ?? new Set<string>();
      sessions.add(sessionId);
      sessionsByUser.set(account.id, sessions);
    },
    evictUser(userId: string): void {
      epoch++;
      for (const sessionId of sessionsByUser.get(userId) ?? []) entries.delete(sessionId);
      sessionsByUser.delete(userId);
    },
    clear(): void {
      epoch++;
      entries.clear();
      sessionsByUser.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
