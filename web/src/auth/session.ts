/**
 * The signed-in session: the token pair, kept in localStorage so a reload or a second tab stays signed in.
 * A refresh token is spent when used, so refreshes are single-flight in this tab and serialized across
 * tabs with a Web Lock; a tab that waited reads the pair another tab already renewed instead of spending
 * the old one again.
 */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
}

const KEY = 'kapal.session';
/** Refresh this long before the access token expires, so a request never carries a dying token. */
const EARLY_MS = 30_000;
const listeners = new Set<() => void>();

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

let current = read();
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = read();
  for (const listener of listeners) listener();
});

export function getSession(): StoredSession | null {
  return current;
}

export function setSession(pair: { accessToken: string; refreshToken: string; expiresIn: number } | null): void {
  current = pair
    ? { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000 }
    : null;
  if (current) localStorage.setItem(KEY, JSON.stringify(current));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let refreshing: Promise<string | null> | null = null;

async function exchange(): Promise<string | null> {
  const before = current?.refreshToken;
  const stored = read();
  // Another tab renewed the pair while this one waited: use theirs.
  if (stored && stored.refreshToken !== before && stored.expiresAt - Date.now() > EARLY_MS) {
    current = stored;
    return stored.accessToken;
  }
  if (!stored) {
    setSession(null);
    return null;
  }
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: stored.refreshToken }),
  }).catch(() => null);
  if (!response) return null; // offline: keep the session, the next call tries again
  if (!response.ok) {
    if (response.status === 400 || response.status === 401) setSession(null);
    return null;
  }
  const pair = (await response.json()) as { accessToken: string; refreshToken: string; expiresIn: number };
  setSession(pair);
  return pair.accessToken;
}

/** Exchanges the refresh token for a new pair; null when the session is over (the user must sign in). */
export function refreshSession(): Promise<string | null> {
  if (!refreshing) {
    const run: Promise<string | null> = navigator.locks
      ? (navigator.locks.request('kapal-session-refresh', () => exchange()) as unknown as Promise<string | null>)
      : exchange();
    refreshing = run.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** The access token to send now, renewed first when it is about to expire. */
export async function accessTokenForRequest(): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - Date.now() > EARLY_MS) return current.accessToken;
  return refreshSession();
}
