import type {
  ActivityListQuery,
  CreateActivity,
  UpdateActivity,
} from '../../../shared/activities/activity.schema';
import type { Actor } from '../../../shared/auth/roles';
import type { FieldError } from '../../../shared/common/problem';
import { notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGate, CustomerGateApi } from '../customers/customers.access';
import { activityErrors } from './activities.errors';
import type { ActivitiesRepository, ActivityRow, Tx } from './activities.repository';

type ListQuery = Omit<ActivityListQuery, 'customerId'>;

/** The author may change their own touch; so may an admin, and a manager of the customer's branch. */
export const mayChangeActivity = (actor: Actor, row: Pick<ActivityRow, 'authorId'>, gate: CustomerGate) =>
  row.authorId === actor.userId ||
  actor.role === 'admin' ||
  (actor.role === 'manager' && gate.access === 'write');

/**
 * Activities (every touch) hang off a customer: reading needs 'read', recording needs 'activity'
 * (service staff may log touches on any customer they can read; analysts write nothing).
 * Writes check access with `gate.require(…, tx)` inside their transaction.
 */
export function createActivitiesService(repo: ActivitiesRepository, gate: CustomerGateApi) {
  const db = repo.db;

  /** The live activity, after checking the actor may read its customer; 404 for what they may not see. */
  async function readable(actor: Actor, id: number) {
    const row = await repo.get(db, actor.workspaceId, id);
    if (!row || row.deletedAt) throw notFound();
    await gate.require(actor, row.customerId, 'read');
    return row;
  }

  async function requireLiveCustomer(tx: Tx, actor: Actor, customerId: number) {
    const g = await gate.require(actor, customerId, 'activity', tx);
    if (g.deleted) throw activityErrors.error('activity_customer_deleted');
    return g;
  }

  /** Each linked contact must be a live contact of the same customer (or one already linked). */
  async function checkContacts(
    tx: Tx,
    actor: Actor,
    customerId: number,
    ids: readonly number[],
    alreadyLinked: readonly number[] = [],
  ) {
    const found = new Map(
      (await repo.contactsOfCustomer(tx, actor.workspaceId, customerId, [...new Set(ids)])).map((c) => [
        c.id,
        c,
      ]),
    );
    const errors: FieldError[] = [];
    ids.forEach((contactId, i) => {
      const c = found.get(contactId);
      if (!c || (c.deleted && !alreadyLinked.includes(contactId)))
        errors.push({ field: `contactIds.${i}`, message: 'kehu.contact_not_of_customer' });
    });
    if (errors.length) throw validationError(errors);
    return [...new Set(ids)];
  }

  /** Opens a live activity for change inside `tx`: access, live customer, authorship, then the row lock. */
  async function openForWrite(tx: Tx, actor: Actor, id: number) {
    const current = await repo.get(tx, actor.workspaceId, id);
    if (!current || current.deletedAt) throw notFound();
    const g = await requireLiveCustomer(tx, actor, current.customerId);
    if (!mayChangeActivity(actor, current, g)) throw activityErrors.error('not_activity_author');
    const before = await repo.get(tx, actor.workspaceId, id, true);
    if (!before || before.deletedAt) throw notFound();
    return before;
  }

  return {
    get: readable,

    list: (actor: Actor, query: ActivityListQuery) => repo.list(actor, query),

    async listOfCustomer(actor: Actor, customerId: number, query: ListQuery) {
      await gate.require(actor, customerId, 'read');
      return repo.list(actor, query, { customerId });
    },

    async create(actor: Actor, input: CreateActivity) {
      return db.transaction(async (tx) => {
        await requireLiveCustomer(tx, actor, input.customerId);
        const contactIds = await checkContacts(tx, actor, input.customerId, input.contactIds);
        const { contactIds: _c, occurredAt, ...fields } = input;
        const after = await repo.insert(
          tx,
          {
            ...fields,
            occurredAt: occurredAt ? new Date(occurredAt) : new Date(),
            authorId: actor.userId,
            workspaceId: actor.workspaceId,
            createdBy: actor.userId,
          },
          contactIds,
        );
        await recordAudit(tx, actor, { entity: 'activity', entityId: after.id, action: 'create', after });
        return after;
      });
    },

    async update(actor: Actor, id: number, input: UpdateActivity) {
      return db.transaction(async (tx) => {
        const before = await openForWrite(tx, actor, id);
        if (before.version !== input.version) throw versionConflict(before.version);
        const { version, contactIds, occurredAt, ...fields } = input;
        const links = contactIds
          ? await checkContacts(tx, actor, before.customerId, contactIds, before.contactIds)
          : undefined;
        const changed = await repo.update(tx, actor.workspaceId, id, version, {
          ...fields,
          ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}),
        });
        if (!changed) throw versionConflict();
        if (links) await repo.replaceContacts(tx, actor.workspaceId, id, links);
        const after = await repo.get(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, { entity: 'activity', entityId: id, action: 'update', before, after });
        return after!;
      });
    },

    /** Soft delete: the touch leaves every list and timeline; the row and its audit trail stay. */
    async remove(actor: Actor, id: number, expectedVersion?: number) {
      await db.transaction(async (tx) => {
        const before = await openForWrite(tx, actor, id);
        if (expectedVersion !== undefined && expectedVersion !== before.version)
          throw versionConflict(before.version);
        await repo.update(tx, actor.workspaceId, id, undefined, { deletedAt: new Date() });
        const after = await repo.get(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, { entity: 'activity', entityId: id, action: 'delete', before, after });
      });
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
