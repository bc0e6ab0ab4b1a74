import { serverFieldErrors } from '../../../components/forms';

/**
 * Whether a refusal is told entirely by its field errors, each on a field of the form (`values`): then the
 * form shows them on the fields only; otherwise (no details, or a field the form does not have) an alert
 * with the API's message and request id is shown too.
 */
export function onlyFieldErrors(error: unknown, values: object): boolean {
  const fields = Object.keys(serverFieldErrors(error));
  return fields.length > 0 && fields.every((field) => field in values);
}
