import type { Actor } from '../../../shared/auth/roles';
import type { ContactListQuery, CreateContact, UpdateContact } from '../../../shared/contacts/contact.schema';
import { notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGateApi } from '../customers/customers.access';
import { contactErrors } from './contacts.errors';
import type { ContactRow, ContactsRepository, Tx } from './contacts.repository';

type ListQuery = Omit<ContactListQuery, 'customerId'>;

/**
 * Contacts hang off a customer and inherit its access: reading needs 'read', writing needs 'contact'.
 * Writes check access with `gate.require(…, tx)` inside their transaction, so access, the customer's
 * deleted state and the change are seen in one snapshot.
 */
export function createContactsService(repo: ContactsRepository, gate: CustomerGateApi) {
  const db = repo.db;

  /** The contact, after checking the actor may read its customer; 404 for what they may not see. */
  async function readable(actor: Actor, id: number) {
    const row = await repo.get(db, actor.workspaceId, id);
    if (!row) throw notFound();
    await gate.require(actor, row.customerId, 'read');
    return row;
  }

  async function requireLiveCustomer(tx: Tx, actor: Actor, customerId: number) {
    const g = await gate.require(actor, customerId, 'contact', tx);
    if (g.deleted) throw contactErrors.error('contact_customer_deleted');
  }

  /**
   * Opens a contact for change inside `tx`: access, live customer, then the row lock. With
   * `lockSiblings` all the customer's contacts are locked first (in id order), so concurrent
   * "make primary" changes serialise without deadlocks.
   */
  async function openForWrite(tx: Tx, actor: Actor, id: number, lockSiblings = false) {
    const current = await repo.get(tx, actor.workspaceId, id);
    if (!current) throw notFound();
    await requireLiveCustomer(tx, actor, current.customerId);
    if (lockSiblings) await repo.lockContactsOfCustomer(tx, actor.workspaceId, current.customerId);
    return (await repo.get(tx, actor.workspaceId, id, true))!;
  }

  /** One primary contact per customer: making `row` primary clears the others, each change audited. */
  async function demoteOtherPrimaries(tx: Tx, actor: Actor, row: ContactRow) {
    const changed = await repo.clearOtherPrimaries(tx, actor.workspaceId, row.customerId, row.id);
    for (const { before, after } of changed) {
      await recordAudit(tx, actor, {
        entity: 'contact',
        entityId: before.id,
        action: 'update',
        before,
        after,
      });
    }
  }

  async function setDeleted(actor: Actor, id: number, deleted: boolean, expectedVersion?: number) {
    return db.transaction(async (tx) => {
      const before = await openForWrite(tx, actor, id);
      if (deleted && before.deletedAt) throw contactErrors.error('contact_deleted');
      if (!deleted && !before.deletedAt) throw contactErrors.error('contact_not_deleted');
      if (expectedVersion !== undefined && expectedVersion !== before.version)
        throw versionConflict(before.version);
      // A restored contact stays primary only if no other contact took that place meanwhile.
      const demote =
        !deleted &&
        before.isPrimary &&
        (await repo.hasOtherPrimary(tx, actor.workspaceId, before.customerId, id));
      const after = await repo.update(tx, actor.workspaceId, id, undefined, {
        deletedAt: deleted ? new Date() : null,
        ...(demote ? { isPrimary: false } : {}),
      });
      await recordAudit(tx, actor, {
        entity: 'contact',
        entityId: id,
        action: deleted ? 'delete' : 'restore',
        before,
        after,
      });
      return after!;
    });
  }

  return {
    get: readable,

    list: (actor: Actor, query: ContactListQuery) => repo.list(actor, query),

    async listOfCustomer(actor: Actor, customerId: number, query: ListQuery) {
      await gate.require(actor, customerId, 'read');
      return repo.list(actor, query, { customerId });
    },

    async create(actor: Actor, input: CreateContact) {
      return db.transaction(async (tx) => {
        await requireLiveCustomer(tx, actor, input.customerId);
        if (input.isPrimary) await repo.lockContactsOfCustomer(tx, actor.workspaceId, input.customerId);
        const row = await repo.insert(tx, {
          ...input,
          workspaceId: actor.workspaceId,
          createdBy: actor.userId,
        });
        if (row.isPrimary) await demoteOtherPrimaries(tx, actor, row);
        await recordAudit(tx, actor, { entity: 'contact', entityId: row.id, action: 'create', after: row });
        return row;
      });
    },

    async update(actor: Actor, id: number, input: UpdateContact) {
      return db.transaction(async (tx) => {
        const before = await openForWrite(tx, actor, id, input.isPrimary === true);
        if (before.deletedAt) throw contactErrors.error('contact_deleted');
        if (before.version !== input.version) throw versionConflict(before.version);
        const { version, ...fields } = input;
        const after = await repo.update(tx, actor.workspaceId, id, version, fields);
        if (!after) throw versionConflict();
        if (fields.isPrimary) await demoteOtherPrimaries(tx, actor, after);
        await recordAudit(tx, actor, { entity: 'contact', entityId: id, action: 'update', before, after });
        return after;
      });
    },

    /** Soft delete: the contact leaves lists and can be restored; touches that name it keep it. */
    async remove(actor: Actor, id: number, expectedVersion?: number) {
      await setDeleted(actor, id, true, expectedVersion);
    },

    restore: (actor: Actor, id: number) => setDeleted(actor, id, false),
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
