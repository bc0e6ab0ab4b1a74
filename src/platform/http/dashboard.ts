import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from './app-instance.js';

/** `web/dist` of this checkout: three folders up from src/platform/http (and from dist/platform/http). */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export interface DashboardOptions {
  dir: string;
  /** Origin of Midtrans Snap (its snap.js and payment popup), let in by the dashboard's CSP. */
  snapOrigin: string;
}

/** Answers a browser's navigation to a dashboard path that no route or file matched, or says it did not. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

/**
 * The dashboard's policy: scripts and styles of its own origin only (Mantine sets inline style attributes,
 * hence 'unsafe-inline' for styles, never for scripts), API calls to its own origin, and Midtrans Snap for
 * the payment popup.
 */
function dashboardCsp(snapOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${snapOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${snapOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const NOT_PAGES = /^\/(api|docs|system)(\/|$)|^\/(openapi\.json|metrics|healthz|readyz)$/;

/**
 * Serves the built dashboard (`npm run build` writes web/dist) at `/`: its files as they are (hashed assets
 * cached for a year), and index.html for every other page path a browser navigates to, so a deep link or a
 * reload of /subscriptions/… opens the app, which routes on its own. API paths never get the page: an
 * unknown API route stays a JSON 404. Without a build, nothing is served (the API works alone) and the
 * returned fallback answers nothing.
 */
export async function registerDashboard(app: AppInstance, options: DashboardOptions): Promise<PageFallback> {
  const indexFile = `${options.dir.replace(/\/+$/, '')}/index.html`;
  if (!existsSync(indexFile)) {
    app.log.info({ dir: options.dir }, 'the dashboard is not built (npm run build); serving the API only');
    return () => undefined;
  }
  const index = await readFile(indexFile);
  const csp = dashboardCsp(options.snapOrigin);
  await app.register(fastifyStatic, {
    root: options.dir,
    prefix: '/',
    // One route per file found at boot (a build's files are fixed), so unmatched paths reach the
    // not-found handler below instead of a catch-all route.
    wildcard: false,
    index: false,
    // The cache policy is ours (below), not send's default max-age=0.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('content-security-policy', csp);
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', csp)
      .send(index);
  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  return (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const path = request.url.split('?')[0]!;
    if (NOT_PAGES.test(path) || /\.[a-z0-9]+$/i.test(path)) return undefined;
    if (!(request.headers.accept ?? '').includes('text/html')) return undefined;
    return sendIndex(reply);
  };
}
