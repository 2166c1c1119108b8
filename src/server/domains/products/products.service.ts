import { and, eq, sql } from 'drizzle-orm';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import { products } from '../../../db/schema';
import { canWriteProducts } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { CreateProduct, ProductListQuery, UpdateProduct } from '../../../shared/products/product.schema';
import { forbidden, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { productErrors } from './products.errors';
import type { Conn, ProductsRepository } from './products.repository';

/** The price list: everyone signed in reads it; admins and managers change it. */
export function createProductsService(repo: ProductsRepository) {
  const db = repo.db;

  async function duplicateCode(workspaceId: number, code: string) {
    const existing = await repo.findByCode(db, workspaceId, code);
    // Products are visible to everyone in the workspace, so the holder of the code can be named.
    return productErrors.error(
      'duplicate_product_code',
      { code, name: existing?.name ?? '?' },
      existing ? { existing } : {},
    );
  }

  async function unlessDuplicate<T>(workspaceId: number, code: string | undefined, work: () => Promise<T>) {
    try {
      return await work();
    } catch (err) {
      if (code && pgErrorCode(err) === UNIQUE_VIOLATION) throw await duplicateCode(workspaceId, code);
      throw err;
    }
  }

  return {
    list: (actor: Actor, query: ProductListQuery) => repo.list(actor.workspaceId, query),

    async get(actor: Actor, id: number) {
      const row = await repo.get(db, actor.workspaceId, id);
      if (!row) throw notFound();
      return row;
    },

    /** For other domains (orders): which of these products exist, with their standard cost. */
    lookup: (conn: Conn, workspaceId: number, ids: readonly number[]) => repo.lookup(conn, workspaceId, ids),

    async create(actor: Actor, input: CreateProduct) {
      if (!canWriteProducts(actor)) throw forbidden();
      if (await repo.findByCode(db, actor.workspaceId, input.code)) {
        throw await duplicateCode(actor.workspaceId, input.code);
      }
      return unlessDuplicate(actor.workspaceId, input.code, () =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(products)
            .values({ ...input, workspaceId: actor.workspaceId, createdBy: actor.userId })
            .returning({ id: products.id });
          const after = await repo.get(tx, actor.workspaceId, row!.id);
          await recordAudit(tx, actor, { entity: 'product', entityId: row!.id, action: 'create', after });
          return after!;
        }),
      );
    },

    async update(actor: Actor, id: number, input: UpdateProduct) {
      // Another workspace's product is a 404 before it is a 403.
      if (!(await repo.get(db, actor.workspaceId, id))) throw notFound();
      if (!canWriteProducts(actor)) throw forbidden();
      const { version, ...fields } = input;
      if (fields.code) {
        const holder = await repo.findByCode(db, actor.workspaceId, fields.code);
        if (holder && holder.id !== id) throw await duplicateCode(actor.workspaceId, fields.code);
      }
      return unlessDuplicate(actor.workspaceId, fields.code, () =>
        db.transaction(async (tx) => {
          const before = await repo.get(tx, actor.workspaceId, id, true);
          if (!before) throw notFound();
          if (before.version !== version) throw versionConflict(before.version);
          const updated = await tx
            .update(products)
            .set({ ...fields, version: sql`${products.version} + 1`, updatedAt: new Date() })
            .where(
              and(
                eq(products.workspaceId, actor.workspaceId),
                eq(products.id, id),
                eq(products.version, version),
              ),
            )
            .returning({ id: products.id });
          if (!updated.length) throw versionConflict();
          const after = await repo.get(tx, actor.workspaceId, id);
          await recordAudit(tx, actor, { entity: 'product', entityId: id, action: 'update', before, after });
          return after!;
        }),
      );
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
