import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Param } from '../../../db/plan-cache';
import { qualified } from '../../../db/qualified';
import { customers, customerTeamMembers } from '../../../db/schema';
import { type Access, type ChildResource, canWriteChild, customerAccess } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import { forbidden, notFound } from '../../errors';

const C_WS = qualified('customers', 'workspace_id');
const C_ID = qualified('customers', 'id');

/** The SQL twin of `customerAccess(...) !== 'none'`: filters every list to what the actor may see. */
export function visibleCustomersSql(actor: Actor): SQL {
  return visibleCustomersShaped(visibilityShape(actor), (name) => actor[name]);
}

/** What decides the form of the access filter (the values are the actor's ids). */
export type VisibilityShape = { role: Actor['role']; branch: boolean };

export const visibilityShape = (actor: Actor): VisibilityShape => ({
  role: actor.role,
  branch: actor.branchId !== null,
});

/** The access filter of a statement built once per shape (see shapedText): the ids come through `p`. */
export function visibleCustomersShaped(
  shape: VisibilityShape,
  p: (name: 'workspaceId' | 'userId' | 'branchId') => Param<unknown>,
): SQL {
  const ws = sql`${customers.workspaceId} = ${p('workspaceId')}`;
  switch (shape.role) {
    case 'admin':
    case 'service':
    case 'analyst':
      return ws;
    case 'manager':
      return shape.branch ? sql`(${ws} and ${customers.branchId} = ${p('branchId')})` : sql`false`;
    case 'sales':
      return sql`(${ws} and (${customers.ownerId} = ${p('userId')} or exists (select 1 from ${customerTeamMembers} m
          where m.workspace_id = ${C_WS} and m.customer_id = ${C_ID}
          and m.user_id = ${p('userId')})))`;
  }
}

export type CustomerGate = { access: Access; deleted: boolean };

// Inside a transaction pass its `conn`: PGlite is one connection, so a query outside it would wait forever.

/** Callback used to keep a record of a refused look at a hidden record. */
export type DenialLogger = (actor: Actor, detail: Record<string, unknown>) => Promise<void>;

export function createCustomerGate(db: Db, logDenial: DenialLogger) {
  async function load(
    actor: Actor,
    customerId: number,
    conn: Pick<Db, 'select'> = db,
  ): Promise<CustomerGate | null> {
    const [row] = await conn
      .select({
        ownerId: customers.ownerId,
        branchId: customers.branchId,
        deletedAt: customers.deletedAt,
        team: sql<number[]>`coalesce((select array_agg(m.user_id) from ${customerTeamMembers} m
          where m.workspace_id = ${C_WS} and m.customer_id = ${C_ID}), '{}')`,
      })
      .from(customers)
      .where(and(eq(customers.workspaceId, actor.workspaceId), eq(customers.id, customerId)));
    if (!row) return null;
    const access = customerAccess(actor, {
      ownerId: row.ownerId,
      branchId: row.branchId,
      teamUserIds: (row.team ?? []).map(Number),
    });
    return { access, deleted: row.deletedAt !== null };
  }

  /**
   * What the actor may do with a customer. A customer the actor may not see is answered exactly like
   * one that does not exist (404), and the attempt is logged.
   */
  async function require(
    actor: Actor,
    customerId: number,
    need: 'read' | 'write' | ChildResource,
    conn: Pick<Db, 'select'> = db,
  ) {
    const gate = await load(actor, customerId, conn);
    if (!gate) throw notFound();
    if (gate.access === 'none') {
      deny(actor, customerId);
      throw notFound();
    }
    const ok =
      need === 'read'
        ? true
        : need === 'write'
          ? gate.access === 'write'
          : canWriteChild(actor, need, gate.access);
    if (!ok) throw forbidden();
    return gate;
  }

  /** Records a look at a hidden customer. Not awaited: inside a PGlite transaction it must wait its turn. */
  function deny(actor: Actor, customerId: number) {
    logDenial(actor, { entity: 'customer', id: customerId }).catch(() => {});
  }

  return { load, require, deny };
}

export type CustomerGateApi = ReturnType<typeof createCustomerGate>;
