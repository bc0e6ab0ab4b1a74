import type { AppInstance } from './app-instance.js';
import { fieldError } from './field-error.js';

/** The first place in `value` (an object tree parsed from JSON, a query or path) where a NUL character is. */
function nulPath(value: unknown, root: string): string | undefined {
  // Iterative: a deeply nested body must not overflow the stack.
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (key.includes('\u0000')) return path;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses text with a NUL character anywhere in the path, the query or the body, before any route reads
 * it: PostgreSQL's text cannot hold one, so it would otherwise fail deep inside a query.
 */
export function registerInputGuard(app: AppInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const where =
      nulPath(request.params, 'params') ?? nulPath(request.query, 'querystring') ?? nulPath(request.body, 'body');
    if (where) return done(fieldError(where, 'must not contain a NUL character (\\u0000)'));
    done();
  });
}
