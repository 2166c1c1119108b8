/** Messages between the server's event loop and the worker thread that runs the embedded database. */
export type Request =
  | {
      id: number;
      op: 'query';
      tx?: number;
      text: string;
      params?: unknown[];
      rowMode?: 'array' | 'object';
      raw: boolean;
      /** COPY … FROM '/dev/blob' reads this (a Blob crosses to the thread by structured clone). */
      blob?: Blob;
    }
  | { id: number; op: 'exec'; tx?: number; text: string }
  | { id: number; op: 'describe'; text: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export type Reply = { id: number; result?: unknown; error?: SerializedError };

/** A database error's fields (code, detail, constraint …) survive the trip; its class does not. */
export type SerializedError = { name: string; message: string; fields: Record<string, unknown> };

export function serializeError(err: unknown): SerializedError {
  const e = err as Error;
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e ?? {})) {
    if (typeof v !== 'function' && typeof v !== 'object') fields[k] = v;
    else if (v === null || Array.isArray(v)) fields[k] = v;
  }
  return { name: e?.name ?? 'Error', message: e?.message ?? String(err), fields };
}

export function deserializeError(s: SerializedError): Error {
  const err = new Error(s.message);
  err.name = s.name;
  return Object.assign(err, s.fields);
}
