import { z } from 'zod';

export const LimitSchema = z.coerce.number().int().min(1).max(200).default(50);
export const CursorSchema = z.string().max(500).optional();

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Cursors are opaque to clients: the sort key values of the last row, base64url JSON. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] | null {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) && values.length === arity ? values : null;
  } catch {
    return null;
  }
}
