import { AppError } from '../errors.js';

/**
 * A 400 naming one field, in the same shape as schema validation errors, for checks a schema cannot
 * make (a template that does not exist, a current password that does not match).
 */
export const fieldError = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
