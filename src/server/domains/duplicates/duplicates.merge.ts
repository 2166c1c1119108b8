import { and, eq, getTableColumns, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import {
  activities,
  contacts,
  customerBudgets,
  customerMerges,
  customers,
  customerTeamMembers,
  orders,
  users,
} from '../../../db/schema';
import { canAssignOwner } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { FieldError } from '../../../shared/common/problem';
import { MERGE_FIELDS, type MergeRequest } from '../../../shared/duplicates/duplicate.schema';
import { forbidden, notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGateApi } from '../customers/customers.access';
import type { CustomersRepository, Tx } from '../customers/customers.repository';
import { duplicateErrors } from './duplicates.errors';

/** A customer row as `to_jsonb` gives it (column names), without the generated name_key. */
export type RawRow = Record<string, unknown> & { id: number; code: string; name: string; version: number };

/** What was moved from the merged customer to the survivor, to be moved back by an undo. */
export type Moved = {
  contacts: number[];
  primaryCleared: number[];
  activities: number[];
  orders: number[];
  team: number[];
  budgets: string[];
  children: number[];
};
export type Snapshot = {
  survivor: RawRow;
  merged: RawRow;
  mergedTeam: { user_id: number; role: string; created_at: string }[];
  mergedBudgets: { category: string; amount: string }[];
};

const COLUMNS = getTableColumns(customers);
const column = (f: string) => (COLUMNS as Record<string, { name: string }>)[f]!.name;

/** The fields a merge request may name: the profile fields and `customFields.<key>`. */
function checkFields(fields: MergeRequest['fields']): FieldError[] {
  const errors: FieldError[] = [];
  for (const [key, choice] of Object.entries(fields)) {
    const known =
      (MERGE_FIELDS as readonly string[]).includes(key) || /^customFields\.[\w-]{1,50}$/.test(key);
    if (!known) errors.push({ field: `fields.${key}`, message: 'kehu.unknown_merge_field' });
    else if (choice === 'union' && key !== 'tags')
      errors.push({ field: `fields.${key}`, message: 'kehu.union_only_tags' });
  }
  return errors;
}

/** Both rows, locked, as JSON (to_jsonb keeps every value exactly, for the undo). */
export async function lockRows(tx: Tx, ws: number, ids: number[]) {
  const rows = await queryRows<{ row: RawRow }>(
    tx,
    sql`select to_jsonb(c) - 'name_key' as row from customers c
         where c.workspace_id = ${ws} and c.id in (${sql.join(
           ids.map((i) => sql`${i}`),
           sql`, `,
         )}) for update`,
  );
  return new Map(rows.map((r) => [Number(r.row.id), r.row]));
}

/** The survivor's new values (Drizzle property names), field by field as chosen. */
function survivingValues(req: MergeRequest, s: RawRow, m: RawRow) {
  const set: Record<string, unknown> = {};
  for (const f of MERGE_FIELDS) {
    const choice = req.fields[f] ?? 'survivor';
    if (choice === 'survivor') continue;
    if (f === 'tags' && choice === 'union')
      set.tags = [...new Set([...(s.tags as string[]), ...(m.tags as string[])])];
    else set[f] = m[column(f)] ?? null;
  }
  if (set.ownerId !== undefined) set.branchId = m.branch_id ?? null;
  const custom = { ...(s.custom_fields as Record<string, unknown>) };
  const mergedCustom = m.custom_fields as Record<string, unknown>;
  let customChanged = false;
  for (const [key, choice] of Object.entries(req.fields)) {
    if (!key.startsWith('customFields.') || choice !== 'merged') continue;
    const k = key.slice('customFields.'.length);
    if (k in mergedCustom) custom[k] = mergedCustom[k];
    else delete custom[k];
    customChanged = true;
  }
  if (customChanged) set.customFields = custom;
  // The survivor cannot be its own parent, nor keep the merged (deleted) customer as one.
  const parent = set.parentId !== undefined ? set.parentId : s.parent_id;
  if (parent !== null && [Number(s.id), Number(m.id)].includes(Number(parent))) set.parentId = null;
  return set;
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: the survivor takes the chosen values, every
 * row of the merged customer moves to it (contacts, activities, orders, account team, budgets, child
 * customers), the merged customer is deleted, and a customer_merges row keeps what an undo needs.
 */
export async function mergeCustomers(
  db: Db,
  repo: CustomersRepository,
  gate: CustomerGateApi,
  actor: Actor,
  req: MergeRequest,
) {
  const ws = actor.workspaceId;
  const S = req.survivorId;
  const M = req.mergedId;
  return db.transaction(async (tx) => {
    await gate.require(actor, S, 'write', tx);
    await gate.require(actor, M, 'write', tx);
    const errors = checkFields(req.fields);
    if (S === M) errors.unshift({ field: 'mergedId', message: 'kehu.merge_same_customer' });
    if (errors.length) throw validationError(errors);
    const rows = await lockRows(tx, ws, [S, M]);
    const s = rows.get(S);
    const m = rows.get(M);
    if (!s || !m) throw notFound();
    if (s.deleted_at || m.deleted_at) throw duplicateErrors.error('customer_deleted');
    if (s.version !== req.versions.survivor) throw versionConflict(s.version);
    if (m.version !== req.versions.merged) throw versionConflict(m.version);
    const set = survivingValues(req, s, m);
    if (set.ownerId !== undefined && set.ownerId !== s.owner_id && set.ownerId !== null) {
      const [owner] = await tx
        .select({ id: users.id, branchId: users.branchId })
        .from(users)
        .where(and(eq(users.workspaceId, ws), eq(users.id, Number(set.ownerId))));
      if (!owner || !canAssignOwner(actor, owner)) throw forbidden();
    }
    const before = await repo.get(tx, ws, S);

    const [mergedTeam, mergedBudgets] = await Promise.all([
      queryRows<Snapshot['mergedTeam'][number]>(
        tx,
        sql`select user_id::float8 as user_id, role, created_at from customer_team_members
             where workspace_id = ${ws} and customer_id = ${M} order by user_id`,
      ),
      queryRows<Snapshot['mergedBudgets'][number]>(
        tx,
        sql`select category, amount::text as amount from customer_budgets
             where workspace_id = ${ws} and customer_id = ${M} order by category`,
      ),
    ]);
    const byCustomer = <T extends typeof contacts | typeof activities | typeof orders>(t: T) =>
      and(eq(t.workspaceId, ws), eq(t.customerId, M));

    // One primary contact: the merged customer's primary stops being one if the survivor has its own.
    const [hasPrimary] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ws), eq(contacts.customerId, S), eq(contacts.isPrimary, true)))
      .limit(1);
    const primaryCleared = hasPrimary
      ? (
          await tx
            .update(contacts)
            .set({ isPrimary: false })
            .where(and(byCustomer(contacts), eq(contacts.isPrimary, true)))
            .returning({ id: contacts.id })
        ).map((r) => r.id)
      : [];
    const ids = (rs: { id: number }[]) => rs.map((r) => r.id).sort((a, b) => a - b);
    const moved: Moved = {
      contacts: ids(
        await tx
          .update(contacts)
          .set({ customerId: S })
          .where(byCustomer(contacts))
          .returning({ id: contacts.id }),
      ),
      primaryCleared,
      activities: ids(
        await tx
          .update(activities)
          .set({ customerId: S })
          .where(byCustomer(activities))
          .returning({ id: activities.id }),
      ),
      orders: ids(
        await tx.update(orders).set({ customerId: S }).where(byCustomer(orders)).returning({ id: orders.id }),
      ),
      team: (
        await queryRows<{ user_id: number }>(
          tx,
          sql`insert into customer_team_members (workspace_id, customer_id, user_id, role, created_at)
              select workspace_id, ${S}, user_id, role, created_at from customer_team_members
               where workspace_id = ${ws} and customer_id = ${M}
              on conflict do nothing returning user_id::float8 as user_id`,
        )
      ).map((r) => Number(r.user_id)),
      budgets: (
        await tx
          .update(customerBudgets)
          .set({ customerId: S })
          .where(
            and(
              eq(customerBudgets.workspaceId, ws),
              eq(customerBudgets.customerId, M),
              notInArray(
                customerBudgets.category,
                tx
                  .select({ c: customerBudgets.category })
                  .from(customerBudgets)
                  .where(and(eq(customerBudgets.workspaceId, ws), eq(customerBudgets.customerId, S))),
              ),
            ),
          )
          .returning({ category: customerBudgets.category })
      ).map((r) => r.category),
      children: ids(
        await tx
          .update(customers)
          .set({ parentId: S })
          .where(and(eq(customers.workspaceId, ws), eq(customers.parentId, M), ne(customers.id, S)))
          .returning({ id: customers.id }),
      ),
    };
    await tx
      .delete(customerTeamMembers)
      .where(and(eq(customerTeamMembers.workspaceId, ws), eq(customerTeamMembers.customerId, M)));
    await tx
      .delete(customerBudgets)
      .where(and(eq(customerBudgets.workspaceId, ws), eq(customerBudgets.customerId, M)));
    const [updated] = await tx
      .update(customers)
      .set({ ...set, version: sql`${customers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(customers.workspaceId, ws), eq(customers.id, S)))
      .returning({ version: customers.version });
    await tx.delete(customers).where(and(eq(customers.workspaceId, ws), eq(customers.id, M)));

    const snapshot: Snapshot = { survivor: s, merged: m, mergedTeam, mergedBudgets };
    const [merge] = await tx
      .insert(customerMerges)
      .values({
        workspaceId: ws,
        survivorId: S,
        mergedId: M,
        mergedCode: m.code,
        mergedName: m.name,
        survivorName: String(set.name ?? s.name),
        fields: req.fields,
        snapshot,
        moved,
        survivorVersion: updated!.version,
        mergedBy: actor.userId,
      })
      .returning();
    const after = await repo.get(tx, ws, S);
    await recordAudit(tx, actor, { entity: 'customer', entityId: S, action: 'update', before, after });
    await recordAudit(tx, actor, {
      entity: 'customer',
      entityId: M,
      action: 'delete',
      before: snapshot,
      after: { mergedInto: S, mergeId: merge!.id, fields: req.fields, moved },
    });
    return { merge: merge!, survivor: after! };
  });
}
