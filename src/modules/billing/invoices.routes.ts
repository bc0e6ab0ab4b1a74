import { z } from 'zod';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { pageOf, toPage } from '../../platform/http/listing.js';
import { errorResponses, uuidParam } from '../../platform/http/schemas.js';
import { type AuthGuard, currentUser } from '../accounts/index.js';
import { invoiceListQuery, invoiceView } from './invoices.http.js';
import { type InvoiceService, invoiceFileName, toInvoiceView } from './invoices.service.js';

const billing = { tags: ['billing'], security: [{ bearerAuth: [] }] };

/** The signed-in user's invoices: list, one, its PDF. Thin: parse, guard, one service call. */
export async function invoiceRoutes(
  app: AppInstance,
  { invoices, guard }: { invoices: InvoiceService; guard: AuthGuard },
) {
  app.get(
    '/billing/invoices',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'Your invoices, newest first',
        querystring: invoiceListQuery,
        response: { 200: pageOf(invoiceView), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { items, total } = await invoices.list(currentUser(request).id, request.query);
      return toPage(items.map(toInvoiceView), total, request.query);
    },
  );

  app.get(
    '/billing/invoices/:id',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'One of your invoices',
        params: uuidParam,
        response: { 200: invoiceView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => toInvoiceView(await invoices.get(currentUser(request).id, request.params.id)),
  );

  app.get(
    '/billing/invoices/:id/pdf',
    {
      onRequest: guard.user,
      schema: {
        ...billing,
        summary: 'One of your invoices as a PDF (application/pdf, saved as INV-YYYYMM-NNNNNN.pdf)',
        produces: ['application/pdf'],
        params: uuidParam,
        response: {
          200: z.string().meta({ format: 'binary' }).describe('The PDF'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { invoice, pdf } = await invoices.pdf(currentUser(request).id, request.params.id);
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${invoiceFileName(invoice)}"`)
          .header('cache-control', 'private, max-age=86400, immutable')
          // A Buffer goes out as it is (Fastify serializes no Buffer); the schema only documents it.
          .send(pdf as unknown as string)
      );
    },
  );
}
