import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { savedViews } from '../../../db/schema';
import type { SavedViewList } from '../../../shared/saved-views/saved-view.schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Pick<Db, 'select'>;

const { workspaceId: _ws, ownerId: _owner, createdBy: _by, ...viewColumns } = getTableColumns(savedViews);
export type SavedViewRow = Omit<typeof savedViews.$inferSelect, 'workspaceId' | 'ownerId' | 'createdBy'>;

/** A view is only ever reached through its owner: another user's id matches nothing. */
const mine = (workspaceId: number, ownerId: number, id: number) =>
  and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.ownerId, ownerId), eq(savedViews.id, id));

export function createSavedViewsRepository(db: Db) {
  return {
    db,

    list(workspaceId: number, ownerId: number, list: SavedViewList): Promise<SavedViewRow[]> {
      return db
        .select(viewColumns)
        .from(savedViews)
        .where(
          and(
            eq(savedViews.workspaceId, workspaceId),
            eq(savedViews.ownerId, ownerId),
            eq(savedViews.list, list),
          ),
        )
        .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
    },

    async count(conn: Conn, workspaceId: number, ownerId: number, list: SavedViewList) {
      const [row] = await conn
        .select({ n: count() })
        .from(savedViews)
        .where(
          and(
            eq(savedViews.workspaceId, workspaceId),
            eq(savedViews.ownerId, ownerId),
            eq(savedViews.list, list),
          ),
        );
      return Number(row?.n ?? 0);
    },

    async get(conn: Conn, workspaceId: number, ownerId: number, id: number, forUpdate = false) {
      const q = conn
        .select(viewColumns)
        .from(savedViews)
        .where(mine(workspaceId, ownerId, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row as SavedViewRow | undefined;
    },

    async insert(tx: Tx, values: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
      const [row] = await tx.insert(savedViews).values(values).returning(viewColumns);
      return row as SavedViewRow;
    },

    /** Applies the change if the view is still at `version`; undefined when it is not. */
    async update(
      tx: Tx,
      workspaceId: number,
      ownerId: number,
      id: number,
      version: number,
      set: Partial<Pick<typeof savedViews.$inferInsert, 'name' | 'query' | 'hiddenColumns'>>,
    ): Promise<SavedViewRow | undefined> {
      const [row] = await tx
        .update(savedViews)
        .set({ ...set, version: sql`${savedViews.version} + 1`, updatedAt: new Date() })
        .where(and(mine(workspaceId, ownerId, id), eq(savedViews.version, version)))
        .returning(viewColumns);
      return row as SavedViewRow | undefined;
    },

    async delete(tx: Tx, workspaceId: number, ownerId: number, id: number) {
      await tx.delete(savedViews).where(mine(workspaceId, ownerId, id));
    },
  };
}

export type SavedViewsRepository = ReturnType<typeof createSavedViewsRepository>;
