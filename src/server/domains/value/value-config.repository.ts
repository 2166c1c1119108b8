import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { valueMatrices, valuePolicies, valueSettings } from '../../../db/schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Pick<Db, 'select'>;

const { workspaceId: _w1, createdBy: _c1, ...matrixColumns } = getTableColumns(valueMatrices);
const { workspaceId: _w2, createdBy: _c2, ...policyColumns } = getTableColumns(valuePolicies);
export type MatrixRow = Omit<typeof valueMatrices.$inferSelect, 'workspaceId' | 'createdBy'>;
export type PolicyRow = Omit<typeof valuePolicies.$inferSelect, 'workspaceId' | 'createdBy'>;
export type SettingsRow = typeof valueSettings.$inferSelect;

/** Settings, factor matrices and tier policies of a workspace: SQL only. */
export function createValueConfigRepository(db: Db) {
  return {
    db,

    async settings(conn: Conn, workspaceId: number, forUpdate = false): Promise<SettingsRow | undefined> {
      const q = conn.select().from(valueSettings).where(eq(valueSettings.workspaceId, workspaceId));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },

    /** Writes the settings; the first write creates the row at version 2 (version 1 = the defaults). */
    async saveSettings(tx: Tx, workspaceId: number, settings: unknown, userId: number) {
      const [row] = await tx
        .insert(valueSettings)
        .values({ workspaceId, settings, version: 2, updatedBy: userId })
        .onConflictDoUpdate({
          target: valueSettings.workspaceId,
          set: {
            settings,
            version: sql`${valueSettings.version} + 1`,
            updatedAt: sql`now()`,
            updatedBy: userId,
          },
        })
        .returning();
      return row!;
    },

    listMatrices(conn: Conn, workspaceId: number): Promise<MatrixRow[]> {
      return conn
        .select(matrixColumns)
        .from(valueMatrices)
        .where(eq(valueMatrices.workspaceId, workspaceId))
        .orderBy(asc(valueMatrices.id));
    },

    async matrix(conn: Conn, workspaceId: number, id: number, forUpdate = false) {
      const q = conn
        .select(matrixColumns)
        .from(valueMatrices)
        .where(and(eq(valueMatrices.workspaceId, workspaceId), eq(valueMatrices.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row as MatrixRow | undefined;
    },

    /** Inserts matrices whose key is not there yet (seeding the built-ins is idempotent). */
    async insertMatrices(tx: Tx, rows: (typeof valueMatrices.$inferInsert)[]): Promise<MatrixRow[]> {
      if (rows.length === 0) return [];
      return tx.insert(valueMatrices).values(rows).onConflictDoNothing().returning(matrixColumns);
    },

    async updateMatrix(
      tx: Tx,
      workspaceId: number,
      id: number,
      set: Partial<typeof valueMatrices.$inferInsert>,
    ) {
      const [row] = await tx
        .update(valueMatrices)
        .set({ ...set, version: sql`${valueMatrices.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(valueMatrices.workspaceId, workspaceId), eq(valueMatrices.id, id)))
        .returning(matrixColumns);
      return row!;
    },

    async deleteMatrix(tx: Tx, workspaceId: number, id: number) {
      await tx
        .delete(valueMatrices)
        .where(and(eq(valueMatrices.workspaceId, workspaceId), eq(valueMatrices.id, id)));
    },

    listPolicies(conn: Conn, workspaceId: number): Promise<PolicyRow[]> {
      return conn
        .select(policyColumns)
        .from(valuePolicies)
        .where(eq(valuePolicies.workspaceId, workspaceId))
        .orderBy(asc(valuePolicies.targetKind), asc(valuePolicies.targetKey), asc(valuePolicies.id));
    },

    async policy(conn: Conn, workspaceId: number, id: number, forUpdate = false) {
      const q = conn
        .select(policyColumns)
        .from(valuePolicies)
        .where(and(eq(valuePolicies.workspaceId, workspaceId), eq(valuePolicies.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row as PolicyRow | undefined;
    },

    async insertPolicy(tx: Tx, values: typeof valuePolicies.$inferInsert): Promise<PolicyRow> {
      const [row] = await tx.insert(valuePolicies).values(values).returning(policyColumns);
      return row!;
    },

    async updatePolicy(
      tx: Tx,
      workspaceId: number,
      id: number,
      set: Partial<typeof valuePolicies.$inferInsert>,
    ) {
      const [row] = await tx
        .update(valuePolicies)
        .set({ ...set, version: sql`${valuePolicies.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(valuePolicies.workspaceId, workspaceId), eq(valuePolicies.id, id)))
        .returning(policyColumns);
      return row!;
    },

    async deletePolicy(tx: Tx, workspaceId: number, id: number) {
      await tx
        .delete(valuePolicies)
        .where(and(eq(valuePolicies.workspaceId, workspaceId), eq(valuePolicies.id, id)));
    },
  };
}

export type ValueConfigRepository = ReturnType<typeof createValueConfigRepository>;
