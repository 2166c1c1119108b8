import { decodeCursor } from '../shared/common/pagination';
import { validationError } from './errors';

/** A timestamptz as PostgreSQL prints it (`t::text`), the form keyset cursors carry it in. */
export const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2}$/;
/** A float8 as PostgreSQL prints it (search scores). */
export const PG_FLOAT = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/;

/** What one position of a cursor must hold: any text, a row id, or text of a given form. */
type Part = 'text' | 'id' | RegExp;
type Values<S extends readonly Part[]> = { [K in keyof S]: S[K] extends 'id' ? number : string };

/**
 * Reads a list cursor back into its sort-key values. A cursor that this list did not give out (edited,
 * truncated, from another list) is a 422 on the `cursor` field, never a database error.
 */
export function readCursor<const S extends readonly Part[]>(cursor: string, shape: S): Values<S> {
  const values = decodeCursor(cursor, shape.length);
  const ok =
    values !== null &&
    shape.every((part, i) => {
      const v = values[i];
      if (part === 'id') return typeof v === 'number' && Number.isSafeInteger(v);
      return typeof v === 'string' && (part === 'text' || part.test(v));
    });
  if (!ok) throw validationError([{ field: 'cursor', message: 'kehu.invalid_cursor' }]);
  return values as Values<S>;
}
