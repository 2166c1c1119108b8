import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from './api';

/** An API field path as antd's name path: list indexes become numbers. */
export function namePath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's field errors (problem+json `errors`) on the form's fields that have them, and answers
 * the message for everything else (null when every error found its field). The form keeps its values.
 */
function showServerErrors<V>(form: FormInstance<V>, err: unknown, fields: readonly (keyof V & string)[]) {
  const all = err instanceof ApiError ? err.fields : [];
  // `team.0.userId` belongs to the form's `team` list, at ['team', 0, 'userId'].
  const mine = all.filter((f) => fields.includes(f.field.split('.')[0] as keyof V & string));
  form.setFields(mine.map((f) => ({ name: namePath(f.field) as never, errors: [f.message] })));
  const rest = all.filter((f) => !mine.includes(f)).map((f) => f.message);
  return mine.length > 0 && rest.length === 0 ? null : [(err as Error).message, ...rest].join(' ');
}

/**
 * What every form of the app does on Save: send the values, and on failure put the API's field errors on
 * their fields and the rest in `failure` (shown above the form, which keeps what was typed).
 * `onError` may take an error itself (answer true), as the edit form does with a version conflict.
 */
export function useFormSave<V, R>(
  form: FormInstance<V>,
  fields: readonly (keyof V & string)[],
  options: {
    mutationFn: (values: V) => Promise<R>;
    onSuccess: (result: R) => unknown;
    onError?: (err: unknown) => boolean;
  },
) {
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: options.mutationFn,
    onSuccess: options.onSuccess,
    onError: (err) => setFailure(options.onError?.(err) ? null : showServerErrors(form, err, fields)),
  });
  return {
    failure,
    saving: mutation.isPending,
    submit: (values: V) => {
      setFailure(null);
      mutation.mutate(values);
    },
  };
}
