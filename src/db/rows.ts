import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

/** Raw SQL rows: both drivers (PGlite and node-postgres) answer `{ rows }`. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
