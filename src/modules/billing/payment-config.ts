import { z } from 'zod';
import type { Config } from '../../platform/config/config.js';
import { DEV_SECRETS } from '../../platform/config/config.js';
import type { AppInstance } from '../../platform/http/app-instance.js';

/**
 * What a browser needs to pay a top-up in the Snap popup (`window.snap.pay(token)`) instead of going to
 * the Midtrans payment page: the client key (public by design: snap.js sends it from the browser) and
 * where snap.js is. `snap` is null while MIDTRANS_CLIENT_KEY is the development placeholder, which snap.js
 * would refuse: the dashboard then opens `payment.redirectUrl`, which always works. (A production boot
 * refuses the placeholder, so production always offers the popup.)
 */
export const paymentConfigView = z
  .object({
    snap: z
      .object({
        clientKey: z.string().describe('Midtrans client key: the `data-client-key` of the snap.js script tag'),
        scriptUrl: z.string().describe('snap.js of the Midtrans environment the top-ups are created in'),
      })
      .nullable()
      .describe('null: no popup, open `payment.redirectUrl` instead'),
  })
  .meta({ id: 'PaymentConfig' });

export type PaymentConfigView = z.output<typeof paymentConfigView>;

export function paymentConfigOf(midtrans: Config['midtrans']): PaymentConfigView {
  if (midtrans.clientKey === DEV_SECRETS.MIDTRANS_CLIENT_KEY) return { snap: null };
  return {
    snap: { clientKey: midtrans.clientKey, scriptUrl: `${midtrans.snapUrl.replace(/\/+$/, '')}/snap/snap.js` },
  };
}

/** GET /billing/payment-config: public (no user needed), the same answer for everyone. */
export async function paymentConfigRoutes(app: AppInstance, { config }: { config: PaymentConfigView }) {
  app.get(
    '/billing/payment-config',
    {
      schema: {
        tags: ['billing'],
        summary: 'How the dashboard may open a payment: the Snap popup (client key, snap.js) or only the redirect',
        description:
          'Public: the client key is meant for browsers. `snap` is null when no real MIDTRANS_CLIENT_KEY is ' +
          'configured; then pay top-ups by opening `payment.redirectUrl`.',
        response: { 200: paymentConfigView },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return config;
    },
  );
}
