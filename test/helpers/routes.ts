import type { AppInstance } from '../../src/platform/http/app-instance.js';
import { type RegisteredRoute, registeredRoutes } from '../../src/platform/http/route-registry.js';

/** Routes the frameworks add for the API's documentation: the docs UI and the OpenAPI document. */
const isFrameworkRoute = (url: string) => url === '/openapi.json' || url === '/docs' || url.startsWith('/docs/');

export interface ApiRoute extends RegisteredRoute {
  /** `METHOD /path/{param}`, as /openapi.json and the authorization matrix spell it. */
  key: string;
}

/**
 * Every route the app serves as Fastify registered it (its `onRoute` hook), hidden ones included, minus the
 * documentation routes and the HEAD twin Fastify adds to each GET.
 */
export function apiRoutes(app: AppInstance): ApiRoute[] {
  const routes = registeredRoutes(app);
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes
    .filter((r) => !isFrameworkRoute(r.url) && !(r.method === 'HEAD' && gets.has(r.url)))
    .map((r) => ({ ...r, key: `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}` }));
}
