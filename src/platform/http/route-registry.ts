import type { FastifySchema, RouteOptions } from 'fastify';
import type { AppInstance } from './app-instance.js';

/** One route as Fastify registered it: method, full URL and its schema (absent for framework routes). */
export interface RegisteredRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  hidden: boolean;
}

const registries = new WeakMap<object, RegisteredRoute[]>();

/**
 * Records every route as Fastify registers it (its `onRoute` hook), including routes hidden from the
 * OpenAPI document, so tests can hold each one to the contract. Call before any route is added.
 */
export function recordRoutes(app: AppInstance): void {
  const routes: RegisteredRoute[] = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({
        method: method.toUpperCase(),
        url: route.url,
        schema: route.schema,
        hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
      });
    }
  });
}

/** The routes `recordRoutes` saw on this app (HEAD routes Fastify adds for GETs included). */
export function registeredRoutes(app: AppInstance): readonly RegisteredRoute[] {
  const routes = registries.get(app);
  if (!routes) throw new Error('recordRoutes(app) was not called when the app was built');
  return routes;
}
