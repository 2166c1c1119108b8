import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { customerMerges, customers, duplicateDismissals } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type {
  DismissPair,
  DuplicateListQuery,
  MergeListQuery,
  MergeRequest,
  MergeSummary,
} from '../../../shared/duplicates/duplicate.schema';
import { PG_TIMESTAMPTZ, readCursor } from '../../cursor';
import { validationError } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { type CustomerGateApi, visibleCustomersSql } from '../customers/customers.access';
import type { CustomersRepository } from '../customers/customers.repository';
import { type Moved, mergeCustomers } from './duplicates.merge';
import { listPairs } from './duplicates.pairs';
import { undoMerge } from './duplicates.undo';

type MergeRow = typeof customerMerges.$inferSelect;

function summary(m: MergeRow): MergeSummary {
  const moved = m.moved as Moved;
  return {
    id: m.id,
    survivorId: m.survivorId,
    survivorName: m.survivorName,
    mergedId: m.mergedId,
    mergedCode: m.mergedCode,
    mergedName: m.mergedName,
    moved: {
      contacts: moved.contacts.length,
      activities: moved.activities.length,
      orders: moved.orders.length,
    },
    mergedBy: m.mergedBy,
    mergedAt: m.mergedAt,
    undoneAt: m.undoneAt,
  };
}

/**
 * 查重: ranked candidate pairs among the customers the caller may see, "not a duplicate" dismissals,
 * merges (the caller must be allowed to change both customers) and their undo.
 */
export function createDuplicatesService(db: Db, repo: CustomersRepository, gate: CustomerGateApi) {
  return {
    list: (actor: Actor, query: DuplicateListQuery) => db.transaction((tx) => listPairs(tx, actor, query)),

    /** Leaves a pair out of the list for everyone; needs the right to change both customers. */
    async dismiss(actor: Actor, input: DismissPair) {
      const [a, b] = [input.customerA, input.customerB].sort((x, y) => x - y) as [number, number];
      await db.transaction(async (tx) => {
        await gate.require(actor, a, 'write', tx);
        await gate.require(actor, b, 'write', tx);
        if (a === b) throw validationError([{ field: 'customerB', message: 'kehu.merge_same_customer' }]);
        const inserted = await tx
          .insert(duplicateDismissals)
          .values({ workspaceId: actor.workspaceId, customerA: a, customerB: b, dismissedBy: actor.userId })
          .onConflictDoNothing()
          .returning();
        if (inserted.length)
          await recordAudit(tx, actor, {
            entity: 'duplicate_pair',
            entityId: a,
            action: 'create',
            after: inserted[0],
          });
      });
    },

    async merge(actor: Actor, input: MergeRequest) {
      const { merge, survivor } = await mergeCustomers(db, repo, gate, actor, input);
      return { merge: summary(merge), survivor };
    },

    async undo(actor: Actor, mergeId: number) {
      const { merge, survivor, merged } = await undoMerge(db, repo, gate, actor, mergeId);
      return { merge: summary(merge), survivor, merged };
    },

    /** Recent merges whose surviving customer the caller may see, newest first. */
    async merges(actor: Actor, query: MergeListQuery) {
      const ws = actor.workspaceId;
      const cursor = query.cursor ? readCursor(query.cursor, [PG_TIMESTAMPTZ, 'id'] as const) : null;
      const rows = await db
        .select({ m: customerMerges, at: sql<string>`${customerMerges.mergedAt}::text` })
        .from(customerMerges)
        .innerJoin(
          customers,
          and(
            eq(customers.workspaceId, customerMerges.workspaceId),
            eq(customers.id, customerMerges.survivorId),
          ),
        )
        .where(
          and(
            eq(customerMerges.workspaceId, ws),
            visibleCustomersSql(actor),
            cursor
              ? or(
                  lt(customerMerges.mergedAt, sql`${cursor[0]}::timestamptz`),
                  and(
                    eq(customerMerges.mergedAt, sql`${cursor[0]}::timestamptz`),
                    lt(customerMerges.id, cursor[1]),
                  ),
                )
              : undefined,
          ),
        )
        .orderBy(sql`${customerMerges.mergedAt} desc nulls last`, sql`${customerMerges.id} desc nulls last`)
        .limit(query.limit + 1);
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      const last = page[page.length - 1];
      return {
        items: page.map((r) => summary(r.m)),
        nextCursor: more && last ? encodeCursor([last.at, last.m.id]) : null,
      };
    },
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
