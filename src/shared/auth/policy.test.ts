import { describe, expect, it } from 'vitest';
import { canAssignOwner, canWriteChild, customerAccess } from './policy';
import type { Actor, Role } from './roles';

const actor = (role: Role, userId = 10, branchId: number | null = 1): Actor => ({
  role,
  userId,
  branchId,
  workspaceId: 1,
  email: `${role}@x`,
  name: role,
});

const owned = { ownerId: 10, branchId: 1, teamUserIds: [] };
const teamed = { ownerId: 99, branchId: 2, teamUserIds: [10] };
const foreign = { ownerId: 99, branchId: 2, teamUserIds: [] };

describe('customerAccess', () => {
  it.each([
    ['admin', foreign, 'write'],
    ['manager', owned, 'write'],
    ['manager', foreign, 'none'],
    ['sales', owned, 'write'],
    ['sales', teamed, 'write'],
    ['sales', foreign, 'none'],
    ['service', foreign, 'read'],
    ['analyst', foreign, 'read'],
  ] as const)('%s on %o → %s', (role, rel, access) => {
    expect(customerAccess(actor(role), rel)).toBe(access);
  });

  it('gives a manager without a branch nothing', () => {
    expect(customerAccess(actor('manager', 10, null), { ...owned, branchId: null })).toBe('none');
  });
});

describe('canWriteChild', () => {
  it.each([
    ['service', 'activity', 'read', true],
    ['service', 'contact', 'read', false],
    ['service', 'order', 'read', false],
    ['analyst', 'activity', 'read', false],
    ['sales', 'order', 'write', true],
    ['sales', 'activity', 'none', false],
  ] as const)('%s writes %s with %s access → %s', (role, resource, access, ok) => {
    expect(canWriteChild(actor(role), resource, access)).toBe(ok);
  });
});

describe('canAssignOwner', () => {
  it.each([
    ['admin', { id: 5, branchId: 3 }, true],
    ['manager', { id: 5, branchId: 1 }, true],
    ['manager', { id: 5, branchId: 3 }, false],
    ['sales', { id: 10, branchId: 1 }, true],
    ['sales', { id: 11, branchId: 1 }, false],
    ['analyst', { id: 10, branchId: 1 }, false],
  ] as const)('%s assigns %o → %s', (role, owner, ok) => {
    expect(canAssignOwner(actor(role), owner)).toBe(ok);
  });
});
