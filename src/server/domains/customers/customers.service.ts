import { and, eq, sql } from 'drizzle-orm';
import { nextCodeSequence } from '../../../db/code-sequences';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import { customers, workspaces } from '../../../db/schema';
import { canAssignOwner, canCreateCustomer, customerAccess } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { FieldError } from '../../../shared/common/problem';
import { validateCustomFields } from '../../../shared/customers/custom-fields';
import type {
  CreateCustomer,
  CustomerListQuery,
  UpdateCustomer,
} from '../../../shared/customers/customer.schema';
import { forbidden, notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { createContactsRepository } from '../contacts/contacts.repository';
import { codeRuleFor } from './customer-codes';
import type { CustomerGateApi } from './customers.access';
import { customerErrors } from './customers.errors';
import type { CustomersRepository, Tx } from './customers.repository';

type CustomValues = Record<string, string | number | boolean | null>;

export function createCustomersService(repo: CustomersRepository, gate: CustomerGateApi) {
  const db = repo.db;
  const contactsRepo = createContactsRepository(db);

  async function checkRefs(
    tx: Tx,
    actor: Actor,
    input: {
      ownerId?: number | null;
      parentId?: number | null;
      team?: { userId: number }[];
      customFields?: CustomValues;
    },
    selfId: number | null,
    mergedCustom: CustomValues | null,
  ): Promise<{ ownerBranch: number | null | undefined }> {
    const errors: FieldError[] = [];
    let ownerBranch: number | null | undefined;
    const userIds = [
      ...new Set([...(input.ownerId ? [input.ownerId] : []), ...(input.team ?? []).map((m) => m.userId)]),
    ];
    const found = new Map((await repo.users(tx, actor.workspaceId, userIds)).map((u) => [u.id, u]));
    if (input.ownerId) {
      const owner = found.get(input.ownerId);
      if (!owner) errors.push({ field: 'ownerId', message: 'kehu.unknown_user' });
      else if (!canAssignOwner(actor, owner)) throw forbidden();
      else ownerBranch = owner.branchId;
    }
    (input.team ?? []).forEach((m, i) => {
      if (!found.has(m.userId)) errors.push({ field: `team.${i}.userId`, message: 'kehu.unknown_user' });
    });
    if (input.parentId) {
      if (input.parentId === selfId) errors.push({ field: 'parentId', message: 'kehu.parent_is_self' });
      else {
        const parent = await gate.load(actor, input.parentId, tx);
        if (!parent || parent.access === 'none')
          errors.push({ field: 'parentId', message: 'kehu.unknown_parent' });
      }
    }
    if (mergedCustom) {
      const defs = await repo.customFieldDefs(tx, actor.workspaceId);
      for (const issue of validateCustomFields(defs, mergedCustom)) {
        errors.push({ field: `customFields.${issue.key}`, message: issue.message });
      }
    }
    if (errors.length) throw validationError(errors);
    return { ownerBranch };
  }

  async function duplicateCode(actor: Actor, code: string) {
    const existing = await repo.findByCode(db, actor.workspaceId, code);
    const visible = existing ? await gate.load(actor, existing.id) : null;
    // Name the holder of the code only to someone who may see it.
    return visible && visible.access !== 'none'
      ? customerErrors.error('duplicate_customer_code', { code, name: existing!.name }, { existing })
      : customerErrors.error('duplicate_customer_code', { code });
  }

  async function generateCode(tx: Tx, workspaceId: number): Promise<string> {
    const [ws] = await tx
      .select({ rule: workspaces.customerCodeRule, tz: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    const parts = codeRuleFor(ws!.rule, new Date(), ws!.tz);
    // Skip numbers already taken by codes that were given explicitly (ERP codes in the same shape).
    for (;;) {
      const code = parts.format(await nextCodeSequence(tx, workspaceId, 'customer', parts.period));
      if (!(await repo.findByCode(tx, workspaceId, code))) return code;
    }
  }

  /** A customer the actor may not see is answered like one that does not exist, and the look is logged. */
  function visible<T extends { ownerId: number | null; branchId: number | null; team: { userId: number }[] }>(
    actor: Actor,
    id: number,
    row: T | undefined,
  ): T {
    if (!row) throw notFound();
    const rel = { ownerId: row.ownerId, branchId: row.branchId, teamUserIds: row.team.map((m) => m.userId) };
    if (customerAccess(actor, rel) === 'none') {
      gate.deny(actor, id);
      throw notFound();
    }
    return row;
  }

  return {
    gate,

    /** One query: the row carries what `customerAccess` needs, so no separate access look-up. */
    async get(actor: Actor, id: number) {
      return visible(actor, id, await repo.get(db, actor.workspaceId, id));
    },

    /** The profile for a bigger statement to carry (the 360 view): `profileJson` in, `visibleProfile` out. */
    profileJson: repo.profileJson,
    visibleProfile: (actor: Actor, id: number, json: unknown) => visible(actor, id, repo.readProfile(json)),

    list: (actor: Actor, query: CustomerListQuery) => repo.list(actor, query),

    async create(actor: Actor, input: CreateCustomer) {
      if (!canCreateCustomer(actor)) throw forbidden();
      const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
      if (input.code && (await repo.findByCode(db, actor.workspaceId, input.code))) {
        throw await duplicateCode(actor, input.code);
      }
      try {
        return await db.transaction(async (tx) => {
          const { ownerBranch } = await checkRefs(tx, actor, { ...input, ownerId }, null, input.customFields);
          if (ownerId === null && actor.role !== 'admin') throw forbidden();
          const code = input.code ?? (await generateCode(tx, actor.workspaceId));
          const { budgets, team, primaryContact, ...fields } = input;
          const [row] = await tx
            .insert(customers)
            .values({
              ...fields,
              code,
              ownerId,
              branchId: ownerBranch ?? actor.branchId,
              workspaceId: actor.workspaceId,
              createdBy: actor.userId,
            })
            .returning({ id: customers.id });
          const id = row!.id;
          await repo.replaceBudgets(tx, actor.workspaceId, id, budgets);
          await repo.replaceTeam(tx, actor.workspaceId, id, team);
          const after = await repo.get(tx, actor.workspaceId, id);
          await recordAudit(tx, actor, { entity: 'customer', entityId: id, action: 'create', after });
          if (primaryContact) {
            const contact = await contactsRepo.insert(tx, {
              ...primaryContact,
              customerId: id,
              isPrimary: true,
              workspaceId: actor.workspaceId,
              createdBy: actor.userId,
            });
            await recordAudit(tx, actor, {
              entity: 'contact',
              entityId: contact.id,
              action: 'create',
              after: contact,
            });
          }
          return after!;
        });
      } catch (err) {
        if (pgErrorCode(err) === UNIQUE_VIOLATION && input.code) throw await duplicateCode(actor, input.code);
        throw err;
      }
    },

    async update(actor: Actor, id: number, input: UpdateCustomer) {
      await gate.require(actor, id, 'write');
      return db.transaction(async (tx) => {
        const before = await repo.get(tx, actor.workspaceId, id, true);
        if (!before) throw notFound();
        if (before.deletedAt) throw customerErrors.error('customer_deleted');
        if (before.version !== input.version) throw versionConflict(before.version);
        const { version, budgets, team, ...fields } = input;
        const mergedCustom = fields.customFields ? { ...before.customFields, ...fields.customFields } : null;
        const ownerChange = fields.ownerId !== undefined && fields.ownerId !== before.ownerId;
        const { ownerBranch } = await checkRefs(
          tx,
          actor,
          {
            ownerId: ownerChange ? fields.ownerId : undefined,
            parentId: fields.parentId,
            team,
            customFields: fields.customFields,
          },
          id,
          mergedCustom,
        );
        if (ownerChange && fields.ownerId === null && actor.role !== 'admin') throw forbidden();
        const updated = await tx
          .update(customers)
          .set({
            ...fields,
            ...(mergedCustom ? { customFields: mergedCustom } : {}),
            ...(ownerChange ? { branchId: ownerBranch ?? null } : {}),
            version: sql`${customers.version} + 1`,
            updatedAt: new Date(),
          })
          .where(
            and(
              eq(customers.workspaceId, actor.workspaceId),
              eq(customers.id, id),
              eq(customers.version, version),
            ),
          )
          .returning({ id: customers.id });
        if (!updated.length) throw versionConflict();
        if (budgets) await repo.replaceBudgets(tx, actor.workspaceId, id, budgets);
        if (team) await repo.replaceTeam(tx, actor.workspaceId, id, team);
        const after = await repo.get(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, { entity: 'customer', entityId: id, action: 'update', before, after });
        return after!;
      });
    },

    /** Soft delete: orders, contacts and touches stay; the customer leaves lists until restored. */
    async remove(actor: Actor, id: number, expectedVersion?: number) {
      await gate.require(actor, id, 'write');
      await setDeleted(actor, id, true, expectedVersion);
    },

    async restore(actor: Actor, id: number) {
      await gate.require(actor, id, 'write');
      return setDeleted(actor, id, false);
    },
  };

  async function setDeleted(actor: Actor, id: number, deleted: boolean, expectedVersion?: number) {
    return db.transaction(async (tx) => {
      const before = await repo.get(tx, actor.workspaceId, id, true);
      if (!before) throw notFound();
      if (deleted && before.deletedAt) throw customerErrors.error('customer_deleted');
      if (!deleted && !before.deletedAt) throw customerErrors.error('customer_not_deleted');
      if (expectedVersion !== undefined && expectedVersion !== before.version)
        throw versionConflict(before.version);
      await tx
        .update(customers)
        .set({
          deletedAt: deleted ? new Date() : null,
          version: sql`${customers.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(customers.workspaceId, actor.workspaceId), eq(customers.id, id)));
      const after = await repo.get(tx, actor.workspaceId, id);
      await recordAudit(tx, actor, {
        entity: 'customer',
        entityId: id,
        action: deleted ? 'delete' : 'restore',
        before,
        after,
      });
      return after!;
    });
  }
}

export type CustomersService = ReturnType<typeof createCustomersService>;
