import { and, eq, inArray, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import { activities, contacts, customerBudgets, customerMerges, customers, orders } from '../../../db/schema';
import { customerAccess } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import { notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGateApi } from '../customers/customers.access';
import type { CustomersRepository } from '../customers/customers.repository';
import { duplicateErrors } from './duplicates.errors';
import { lockRows, type Moved, type Snapshot } from './duplicates.merge';

/** Every stored column of customers (the generated name_key is the database's to compute). */
const STORED = getTableConfig(customers)
  .columns.filter((c) => !c.generated)
  .map((c) => c.name);
const list = (names: string[]) => sql.raw(names.map((n) => `"${n}"`).join(', '));
/** What an undo puts back on the survivor: everything but its identity, history and version. */
const RESTORED = STORED.filter(
  (c) => !['workspace_id', 'id', 'version', 'created_at', 'created_by', 'updated_at'].includes(c),
);

/**
 * Undoes a merge: the merged customer comes back with its own id, code and values; exactly the rows that
 * moved go back to it (rows added to the survivor since stay there); the survivor gets its values from
 * before the merge. Refused (409) when the survivor changed since the merge (its version), is gone, or
 * when the merged customer's code has been given to another customer meanwhile.
 */
export async function undoMerge(
  db: Db,
  repo: CustomersRepository,
  gate: CustomerGateApi,
  actor: Actor,
  mergeId: number,
) {
  const ws = actor.workspaceId;
  return db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(customerMerges)
      .where(and(eq(customerMerges.workspaceId, ws), eq(customerMerges.id, mergeId)))
      .for('update');
    if (!merge) throw notFound();
    const snap = merge.snapshot as Snapshot;
    const moved = merge.moved as Moved;
    const S = merge.survivorId;
    const M = merge.mergedId;
    // Both customers as the merge left them: the survivor now, the merged one as it was.
    const mergedAccess = customerAccess(actor, {
      ownerId: snap.merged.owner_id as number | null,
      branchId: snap.merged.branch_id as number | null,
      teamUserIds: snap.mergedTeam.map((m) => Number(m.user_id)),
    });
    const survivorGate = await gate.load(actor, S, tx);
    if (mergedAccess === 'none' && (!survivorGate || survivorGate.access === 'none')) throw notFound();
    if (merge.undoneAt) throw duplicateErrors.error('merge_undone');
    if (!survivorGate || survivorGate.deleted) throw duplicateErrors.error('survivor_gone');
    await gate.require(actor, S, 'write', tx);
    if (mergedAccess !== 'write') throw notFound();
    const s = (await lockRows(tx, ws, [S])).get(S)!;
    if (s.version !== merge.survivorVersion) throw duplicateErrors.error('survivor_changed');
    const taken = await repo.findByCode(tx, ws, merge.mergedCode);
    if (taken) throw duplicateErrors.error('code_taken', { code: merge.mergedCode });
    const before = await repo.get(tx, ws, S);

    // The merged customer, exactly as it was (its parent only if that still exists).
    const mergedCols = STORED.map((c) =>
      c === 'parent_id'
        ? sql.raw(
            `(select p.id from customers p where p.workspace_id = r.workspace_id and p.id = r.parent_id)`,
          )
        : sql.raw(`r."${c}"`),
    );
    await tx.execute(sql`insert into customers (${list(STORED)})
      select ${sql.join(mergedCols, sql`, `)} from jsonb_populate_record(null::customers, ${JSON.stringify(snap.merged)}::jsonb) r`);
    await tx.execute(sql`update customers set (${list(RESTORED)}) =
        (select ${list(RESTORED)} from jsonb_populate_record(null::customers, ${JSON.stringify(snap.survivor)}::jsonb)),
        version = version + 1, updated_at = now()
      where workspace_id = ${ws} and id = ${S}`);

    const back = <T extends typeof contacts | typeof activities | typeof orders>(t: T, idsMoved: number[]) =>
      idsMoved.length
        ? tx
            .update(t)
            .set({ customerId: M } as never)
            .where(and(eq(t.workspaceId, ws), eq(t.customerId, S), inArray(t.id, idsMoved)))
        : null;
    await back(contacts, moved.contacts);
    await back(activities, moved.activities);
    await back(orders, moved.orders);
    if (moved.primaryCleared.length)
      await tx
        .update(contacts)
        .set({ isPrimary: true })
        .where(and(eq(contacts.workspaceId, ws), inArray(contacts.id, moved.primaryCleared)));
    if (moved.team.length)
      await tx.execute(sql`delete from customer_team_members
        where workspace_id = ${ws} and customer_id = ${S} and user_id = any(${`{${moved.team.join(',')}}`}::bigint[])`);
    if (snap.mergedTeam.length)
      await tx.execute(sql`insert into customer_team_members (workspace_id, customer_id, user_id, role, created_at)
        select ${ws}, ${M}, t.user_id, t.role, t.created_at
          from jsonb_to_recordset(${JSON.stringify(snap.mergedTeam)}::jsonb)
            as t(user_id bigint, role text, created_at timestamptz)
        on conflict do nothing`);
    if (moved.budgets.length)
      await tx
        .update(customerBudgets)
        .set({ customerId: M })
        .where(
          and(
            eq(customerBudgets.workspaceId, ws),
            eq(customerBudgets.customerId, S),
            inArray(customerBudgets.category, moved.budgets),
          ),
        );
    const kept = snap.mergedBudgets.filter((b) => !moved.budgets.includes(b.category));
    if (kept.length)
      await tx
        .insert(customerBudgets)
        .values(kept.map((b) => ({ ...b, workspaceId: ws, customerId: M })))
        .onConflictDoNothing();
    if (moved.children.length)
      await tx
        .update(customers)
        .set({ parentId: M })
        .where(
          and(
            eq(customers.workspaceId, ws),
            eq(customers.parentId, S),
            inArray(customers.id, moved.children),
          ),
        );
    const [undone] = await tx
      .update(customerMerges)
      .set({ undoneAt: new Date(), undoneBy: actor.userId })
      .where(and(eq(customerMerges.workspaceId, ws), eq(customerMerges.id, mergeId)))
      .returning();
    const after = await repo.get(tx, ws, S);
    const restored = await repo.get(tx, ws, M);
    await recordAudit(tx, actor, { entity: 'customer', entityId: S, action: 'update', before, after });
    await recordAudit(tx, actor, {
      entity: 'customer',
      entityId: M,
      action: 'restore',
      before: { mergedInto: S, mergeId },
      after: restored,
    });
    return { merge: undone!, survivor: after!, merged: restored! };
  });
}
