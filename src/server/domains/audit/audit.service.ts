import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { activities, contacts, orders } from '../../../db/schema';
import { canReadAudit, canWriteProducts } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import { forbidden, notFound } from '../../errors';
import type { CustomerGateApi } from '../customers/customers.access';
import { type AuditEntity, listAudit } from './audit.repository';

const CHILD_TABLES = { contact: contacts, activity: activities, order: orders } as const;

/** Audit history per record, for admins and for managers on records of their branch. */
export function createAuditService(db: Db, gate: CustomerGateApi) {
  async function customerOf(actor: Actor, entity: AuditEntity, id: number): Promise<number | null> {
    if (entity === 'customer') return id;
    if (entity === 'contact' || entity === 'activity' || entity === 'order') {
      const t = CHILD_TABLES[entity];
      const [row] = await db
        .select({ customerId: t.customerId })
        .from(t)
        .where(and(eq(t.workspaceId, actor.workspaceId), eq(t.id, id)));
      if (!row) throw notFound();
      return row.customerId;
    }
    return null;
  }

  return {
    async history(actor: Actor, entity: AuditEntity, id: number) {
      // Visibility first: a record the actor may not see is a 404 whatever their role.
      const customerId = await customerOf(actor, entity, id);
      if (customerId !== null) await gate.require(actor, customerId, 'read');
      if (!canReadAudit(actor)) throw forbidden();
      // Records outside any customer: products for those who keep the price list, the rest for admins.
      if (customerId === null && (entity === 'product' ? !canWriteProducts(actor) : actor.role !== 'admin')) {
        throw forbidden();
      }
      return listAudit(db, actor.workspaceId, entity, id);
    },
  };
}
