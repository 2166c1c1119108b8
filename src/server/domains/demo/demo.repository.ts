/** The few queries the demo seeder needs besides COPY. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { workspaces } from '../../../db/schema';
import type { BulkSession } from './demo.loader';
import { DEMO_TABLES } from './demo.tables';

export const demoRepository = {
  async workspaceHasData(db: Db, workspaceId: number): Promise<boolean> {
    const [row] = await queryRows<{ found: boolean }>(
      db,
      sql`select exists (select 1 from customers where workspace_id = ${workspaceId})
             or exists (select 1 from products where workspace_id = ${workspaceId}) as found`,
    );
    return row?.found === true;
  },

  async customerCodeRule(db: Db, workspaceId: number): Promise<string> {
    const [row] = await db
      .select({ rule: workspaces.customerCodeRule })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    return row?.rule ?? 'C{yyyy}{seq:6}';
  },

  /** Same check inside the load transaction: two seeders racing must not both load. */
  async lockedHasData(session: BulkSession, workspaceId: number): Promise<boolean> {
    await session.query('select id from workspaces where id = $1 for update', [workspaceId]);
    const [row] = await session.query<{ found: boolean }>(
      `select exists (select 1 from customers where workspace_id = $1)
           or exists (select 1 from products where workspace_id = $1) as found`,
      [workspaceId],
    );
    return row?.found === true;
  },

  /** Raises code counters to at least the loaded values, so codes generated later do not collide. */
  async raiseCodeSequences(
    session: BulkSession,
    workspaceId: number,
    scope: string,
    counters: ReadonlyMap<string, number>,
  ): Promise<void> {
    const entries = [...counters];
    for (let i = 0; i < entries.length; i += 1000) {
      const slice = entries.slice(i, i + 1000);
      const values = slice.map((_, k) => `($1, $2, $${3 + 2 * k}, $${4 + 2 * k}::bigint)`).join(', ');
      await session.query(
        `insert into code_sequences (workspace_id, scope, period, value) values ${values}
         on conflict (workspace_id, scope, period)
         do update set value = greatest(code_sequences.value, excluded.value)`,
        [workspaceId, scope, ...slice.flat()],
      );
    }
  },

  /** Fresh planner statistics after a bulk load. */
  async analyze(db: Db): Promise<void> {
    await db.execute(sql.raw(`analyze ${DEMO_TABLES.join(', ')}`));
  },
};
