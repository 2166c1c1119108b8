import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../auth/roles';
import { canAccessTask } from './task-access';

const actor = (role: Role, userId: number, branchId: number | null): Actor => ({
  role,
  userId,
  branchId,
  workspaceId: 1,
  email: 'x@y.z',
  name: 'x',
});

describe('canAccessTask', () => {
  it.each([
    ['the assignee', actor('sales', 7, 1), true],
    ['another rep of the branch', actor('sales', 8, 1), false],
    ['the manager of the branch', actor('manager', 9, 1), true],
    ['a manager of another branch', actor('manager', 10, 2), false],
    ['a manager without a branch', actor('manager', 11, null), false],
    ['an admin', actor('admin', 12, null), true],
    ['an analyst', actor('analyst', 13, null), false],
    ['a service user', actor('service', 14, 1), false],
  ])('%s → %s', (_who, a, expected) => {
    expect(canAccessTask(a, { id: 7, branchId: 1 })).toBe(expected);
  });
});
