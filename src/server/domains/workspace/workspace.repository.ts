import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryText } from '../../../db/plan-cache';
import { codeSequences, workspaces } from '../../../db/schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Pick<Db, 'select'>;

export type WorkspaceFields = { name: string; timeZone: string; customerCodeRule: string };

const columns = {
  id: workspaces.id,
  name: workspaces.name,
  timeZone: workspaces.timeZone,
  customerCodeRule: workspaces.customerCodeRule,
  version: workspaces.version,
};

export function createWorkspaceRepository(db: Db) {
  return {
    db,

    async get(conn: Conn, workspaceId: number) {
      const [row] = await conn.select(columns).from(workspaces).where(eq(workspaces.id, workspaceId));
      return row;
    },

    /** Locks the workspace's row for the rest of the transaction, then reads it with its version. */
    async lock(tx: Tx, workspaceId: number) {
      const [row] = await tx
        .select(columns)
        .from(workspaces)
        .where(eq(workspaces.id, workspaceId))
        .for('update');
      return row;
    },

    async update(tx: Tx, workspaceId: number, fields: Partial<WorkspaceFields>) {
      const [row] = await tx
        .update(workspaces)
        .set({ ...fields, version: sql`${workspaces.version} + 1` })
        .where(eq(workspaces.id, workspaceId))
        .returning(columns);
      return row!;
    },

    /** The next number of the customer code counter for `period` (1 when it has not started). */
    async nextCustomerSeq(conn: Conn, workspaceId: number, period: string): Promise<number> {
      const [row] = await conn
        .select({ value: codeSequences.value })
        .from(codeSequences)
        .where(
          and(
            eq(codeSequences.workspaceId, workspaceId),
            eq(codeSequences.scope, 'customer'),
            eq(codeSequences.period, period),
          ),
        );
      return (row?.value ?? 0) + 1;
    },

    /** Whether the database knows the zone too: the timeline computes days in it (`at time zone`). */
    async knowsTimeZone(name: string): Promise<boolean> {
      const known = await queryText(
        db,
        sql`select (exists (select 1 from pg_timezone_names where name = ${name}))::text`,
      );
      return known === 'true';
    },
  };
}

export type WorkspaceRepository = ReturnType<typeof createWorkspaceRepository>;
