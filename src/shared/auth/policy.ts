import type { Actor, Role } from './roles';

/**
 * Who may do what, as pure rules. The customer is the unit of ownership: contacts, activities and
 * orders hang off a customer and inherit its access. The SQL list filters mirror `customerAccess`.
 */
export type Access = 'none' | 'read' | 'write';

export type CustomerRelation = {
  ownerId: number | null;
  branchId: number | null;
  /** Users on the customer's account team. */
  teamUserIds: readonly number[];
};

export function customerAccess(actor: Actor, rel: CustomerRelation): Access {
  switch (actor.role) {
    case 'admin':
      return 'write';
    case 'manager':
      return actor.branchId !== null && rel.branchId === actor.branchId ? 'write' : 'none';
    case 'sales':
      return rel.ownerId === actor.userId || rel.teamUserIds.includes(actor.userId) ? 'write' : 'none';
    case 'service':
    case 'analyst':
      return 'read';
  }
}

export type ChildResource = 'contact' | 'activity' | 'order';

/** May the actor create or change a record of this kind hanging off a customer they have `access` to? */
export function canWriteChild(actor: Actor, resource: ChildResource, access: Access): boolean {
  if (access === 'write') return true;
  // Service staff read every customer and record their touches on any of them.
  return resource === 'activity' && actor.role === 'service' && access === 'read';
}

const CREATE_CUSTOMER: readonly Role[] = ['admin', 'manager', 'sales'];
export const canCreateCustomer = (actor: Actor) => CREATE_CUSTOMER.includes(actor.role);

/** Owner a new or reassigned customer may get: sales keep their own, managers stay in their branch. */
export function canAssignOwner(actor: Actor, owner: { id: number; branchId: number | null }): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'manager':
      return actor.branchId !== null && owner.branchId === actor.branchId;
    case 'sales':
      return owner.id === actor.userId;
    default:
      return false;
  }
}

export const canWriteProducts = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
export const canManageUsers = (actor: Actor) => actor.role === 'admin';
export const canManageSettings = (actor: Actor) => actor.role === 'admin';
export const canReadAudit = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

/**
 * May the actor import records of this kind at all? Each row is then checked against the customer it
 * belongs to, as if entered by hand (a rep imports only for their own customers).
 */
export function canImport(
  actor: Actor,
  entity: 'customers' | 'contacts' | 'products' | 'orders' | 'activities',
) {
  switch (entity) {
    case 'products':
      return canWriteProducts(actor);
    case 'customers':
    case 'contacts':
    case 'orders':
      return canCreateCustomer(actor);
    case 'activities':
      return canCreateCustomer(actor) || actor.role === 'service';
  }
}

/** Value engine (价值分析): settings, matrices and policies, starting a run, making breach tasks. */
export const canManageValue = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
