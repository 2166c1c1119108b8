/** A type as it arrives over JSON: dates are ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type Page<T> = { items: T[]; nextCursor: string | null };
