import type { FormInstance } from 'antd';
import { ApiError } from './api';

/**
 * Puts the API's field errors (problem+json `errors`) on the form's fields that have them, and answers
 * the message for everything else (null when every error found its field). The form keeps its values.
 */
export function showServerErrors<V>(
  form: FormInstance<V>,
  err: unknown,
  fields: readonly (keyof V & string)[],
) {
  const all = err instanceof ApiError ? err.fields : [];
  const mine = all.filter((f) => fields.includes(f.field as keyof V & string));
  form.setFields(mine.map((f) => ({ name: f.field as never, errors: [f.message] })));
  const rest = all.filter((f) => !mine.includes(f)).map((f) => f.message);
  return mine.length > 0 && rest.length === 0 ? null : [(err as Error).message, ...rest].join(' ');
}
