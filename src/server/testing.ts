import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { DbKind } from '../db/client';
import { branches, users, workspaces } from '../db/schema';
import { createTestDb, type TestDb } from '../db/testing';
import type { Actor, Role } from '../shared/auth/roles';
import { buildApp } from './app';
import { hashPassword } from './domains/auth/password';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export type TestUser = Actor & { token: string };
type UserKey =
  | 'admin'
  | 'manager'
  | 'sales'
  | 'sales2'
  | 'salesNorth'
  | 'managerNorth'
  | 'service'
  | 'analyst'
  | 'otherAdmin'
  | 'otherSales';
export type Fixture = Awaited<ReturnType<typeof createFixture>>;

/**
 * Two workspaces. In the first: branches EAST and NORTH, an admin, a manager of EAST, two sales reps
 * of EAST, one of NORTH, a service user and an analyst. In the second: its own admin.
 */
async function createFixture(db: TestDb, app: FastifyInstance) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const [w1, w2] = await db.db
    .insert(workspaces)
    .values([
      { slug: 'acme', name: 'ACME' },
      { slug: 'other', name: 'Other Co' },
    ])
    .returning();
  const [east, north, otherBranch] = await db.db
    .insert(branches)
    .values([
      { workspaceId: w1!.id, code: 'EAST', name: '华东分公司' },
      { workspaceId: w1!.id, code: 'NORTH', name: '华北分公司' },
      { workspaceId: w2!.id, code: 'MAIN', name: '总部' },
    ])
    .returning();
  const spec: [UserKey, Role, number, number | null][] = [
    ['admin', 'admin', w1!.id, null],
    ['manager', 'manager', w1!.id, east!.id],
    ['sales', 'sales', w1!.id, east!.id],
    ['sales2', 'sales', w1!.id, east!.id],
    ['salesNorth', 'sales', w1!.id, north!.id],
    ['managerNorth', 'manager', w1!.id, north!.id],
    ['service', 'service', w1!.id, null],
    ['analyst', 'analyst', w1!.id, null],
    ['otherAdmin', 'admin', w2!.id, null],
    ['otherSales', 'sales', w2!.id, otherBranch!.id],
  ];
  const rows = await db.db
    .insert(users)
    .values(
      spec.map(([key, role, workspaceId, branchId]) => ({
        workspaceId,
        email: `${key.toLowerCase()}@test.kehu`,
        name: key,
        role,
        branchId,
        passwordHash: hash,
      })),
    )
    .returning();
  const out = {} as Record<UserKey, TestUser>;
  for (const [i, [key]] of spec.entries()) {
    const u = rows[i]!;
    const actor: Actor = {
      userId: u.id,
      workspaceId: u.workspaceId,
      role: u.role,
      branchId: u.branchId,
      email: u.email,
      name: u.name,
    };
    const { token } = await app.services.auth.createToken(actor, 'test');
    out[key] = { ...actor, token };
  }
  return {
    workspaceId: w1!.id,
    otherWorkspaceId: w2!.id,
    branches: { east: east!.id, north: north!.id },
    users: out,
  };
}

export type TestApp = {
  app: FastifyInstance;
  db: TestDb;
  fx: Fixture;
  /** app.inject as a user (bearer token), JSON in and out. */
  as(user: TestUser | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** A test app on a fresh database of `kind`, or on the database given (which it then closes). */
export async function createTestApp(kind: DbKind | TestDb = 'pglite'): Promise<TestApp> {
  const db = typeof kind === 'string' ? await createTestDb(kind) : kind;
  const app = await buildApp({ db });
  await app.ready();
  const fx = await createFixture(db, app);
  return {
    app,
    db,
    fx,
    as: (user, opts) =>
      app.inject({
        ...opts,
        headers: {
          'accept-language': 'en',
          ...(user ? { authorization: `Bearer ${user.token}` } : {}),
          ...opts.headers,
        },
      }),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
