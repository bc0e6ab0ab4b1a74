import type { Schemas } from '../../../api/client';

/** What snap.js reports to its callbacks (the fields the dashboard reads). */
export interface SnapResult {
  order_id?: string;
  transaction_status?: string;
  status_message?: string;
}

interface Snap {
  pay(
    token: string,
    options: {
      onSuccess?: (result: SnapResult) => void;
      onPending?: (result: SnapResult) => void;
      onError?: (result: SnapResult) => void;
      onClose?: () => void;
    },
  ): void;
}

declare global {
  interface Window {
    snap?: Snap;
  }
}

/** How long snap.js may take to load before the payment page is opened instead. */
export const SNAP_LOAD_TIMEOUT_MS = 8_000;

let loading: Promise<Snap | null> | null = null;

/**
 * snap.js, loaded once (with its client key, as Midtrans requires): resolves null when it fails to load
 * or takes longer than `timeoutMs`; a later call then tries again.
 */
export function loadSnap(config: { clientKey: string; scriptUrl: string }, timeoutMs = SNAP_LOAD_TIMEOUT_MS) {
  if (window.snap) return Promise.resolve(window.snap);
  if (loading) return loading;
  loading = new Promise<Snap | null>((resolve) => {
    const script = document.createElement('script');
    const done = (snap: Snap | null) => {
      clearTimeout(timer);
      if (!snap) {
        script.remove();
        loading = null;
      }
      resolve(snap);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    script.src = config.scriptUrl;
    script.async = true;
    script.dataset.clientKey = config.clientKey;
    script.onload = () => done(window.snap ?? null);
    script.onerror = () => done(null);
    document.head.append(script);
  });
  return loading;
}

export type PaymentOutcome = { kind: 'finished'; result: SnapResult } | { kind: 'closed' } | { kind: 'redirected' };

/**
 * Pays a top-up: in the Snap popup when the API offers it and snap.js loads, else on Midtrans' payment page
 * (the browser leaves; Midtrans sends it back to /billing?order_id=…). The popup resolves when the customer
 * finishes (success, pending or error: the page then checks the top-up's state) or closes it.
 */
export async function pay(
  payment: Schemas['Payment'],
  config: Schemas['PaymentConfig'] | undefined,
): Promise<PaymentOutcome> {
  const snap = config?.snap ? await loadSnap(config.snap) : null;
  if (!snap) {
    window.location.assign(payment.redirectUrl);
    return { kind: 'redirected' };
  }
  return new Promise<PaymentOutcome>((resolve) => {
    const finished = (result: SnapResult) => resolve({ kind: 'finished', result });
    try {
      snap.pay(payment.token, {
        onSuccess: finished,
        onPending: finished,
        onError: finished,
        onClose: () => resolve({ kind: 'closed' }),
      });
    } catch {
      // snap.js refuses a second popup while one is open, or a token it cannot use: the page still works.
      window.location.assign(payment.redirectUrl);
      resolve({ kind: 'redirected' });
    }
  });
}
