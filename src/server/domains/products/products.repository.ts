import { and, asc, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { products } from '../../../db/schema';
import { encodeCursor } from '../../../shared/common/pagination';
import type { ProductListQuery } from '../../../shared/products/product.schema';
import { readCursor } from '../../cursor';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A connection: the database, or the open transaction (always pass it inside one). */
export type Conn = Pick<Db, 'select'>;

const { workspaceId: _ws, ...productColumns } = getTableColumns(products);

/** `text` as a LIKE pattern that matches it literally. */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createProductsRepository(db: Db) {
  return {
    db,

    async get(conn: Conn, workspaceId: number, id: number, forUpdate = false) {
      const q = conn
        .select(productColumns)
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    async findByCode(conn: Conn, workspaceId: number, code: string) {
      const [row] = await conn
        .select({ id: products.id, code: products.code, name: products.name })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), eq(products.code, code)));
      return row;
    },

    /** The products of these ids that exist in the workspace, with what an order line defaults from. */
    async lookup(conn: Conn, workspaceId: number, ids: readonly number[]) {
      if (!ids.length) return [];
      return conn
        .select({ id: products.id, standardCost: products.standardCost, listPrice: products.listPrice })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, [...ids])));
    },

    /** Keyset pagination over (code, id); codes are unique per workspace, id breaks no real ties. */
    async list(workspaceId: number, query: ProductListQuery) {
      const conds: (SQL | undefined)[] = [eq(products.workspaceId, workspaceId)];
      if (query.q) {
        const pattern = likeEscape(query.q);
        conds.push(
          or(sql`${products.code} ilike ${`${pattern}%`}`, sql`${products.name} ilike ${`%${pattern}%`}`),
        );
      }
      if (query.category) conds.push(eq(products.category, query.category));
      if (query.active !== undefined) conds.push(eq(products.active, query.active));
      if (query.cursor) {
        const values = readCursor(query.cursor, ['text', 'id']);
        conds.push(
          sql`(${products.code}, ${products.id}) > (cast(${values[0]} as text), cast(${values[1]} as bigint))`,
        );
      }
      const rows = await db
        .select(productColumns)
        .from(products)
        .where(and(...conds))
        .orderBy(asc(products.code), asc(products.id))
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const items = more ? rows.slice(0, query.limit) : rows;
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor([last.code, last.id]) : null };
    },
  };
}

export type ProductsRepository = ReturnType<typeof createProductsRepository>;
