/**
 * The demo organisation: three branches with a sales team each, and the demo logins.
 * Idempotent: existing branches, teams and users (matched by code, name, e-mail) are reused as they are.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { branches, teams, users } from '../../../db/schema';
import { hashPassword } from '../auth/password';
import type { BranchCode } from './demo.catalog-places';
import { demoErrors } from './demo.errors';
import { personName } from './demo.generator-contacts';
import { type DemoOrg, STREAM } from './demo.plan';
import { rngFor } from './demo.random';

export const DEMO_PASSWORD = 'kehu-demo';
export const DEMO_EMAIL_DOMAIN = 'kehu.demo';

type Role = (typeof users.$inferInsert)['role'];

export type DemoUserInfo = {
  id: number;
  email: string;
  name: string;
  role: Role;
  branchId: number | null;
  teamId: number | null;
};

export type DemoOrgResult = {
  workspaceId: number;
  branches: { id: number; code: BranchCode; name: string; teamId: number }[];
  users: DemoUserInfo[];
  /** What the data generator needs. */
  org: DemoOrg;
};

const BRANCHES: readonly { code: BranchCode; name: string; team: string }[] = [
  { code: 'EAST', name: '华东分公司', team: '华东销售部' },
  { code: 'NORTH', name: '华北分公司', team: '华北销售部' },
  { code: 'SOUTH', name: '华南分公司', team: '华南销售部' },
];

type UserSpec = { email: string; name: string; role: Role; branch: BranchCode | null; inTeam: boolean };

/** The demo users: fixed logins first, then sales2…N spread over the branches. */
export function demoUserSpecs(salesPerBranch: number): UserSpec[] {
  const at = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;
  const specs: UserSpec[] = [
    { email: at('admin'), name: '陈志强', role: 'admin', branch: null, inTeam: false },
    { email: at('manager'), name: '王海涛', role: 'manager', branch: 'EAST', inTeam: true },
    { email: at('manager2'), name: '孙立伟', role: 'manager', branch: 'NORTH', inTeam: true },
    { email: at('manager3'), name: '黄嘉明', role: 'manager', branch: 'SOUTH', inTeam: true },
    { email: at('service'), name: '赵敏', role: 'service', branch: 'EAST', inTeam: false },
    { email: at('service2'), name: '吴静', role: 'service', branch: 'NORTH', inTeam: false },
    { email: at('service3'), name: '郑晓玲', role: 'service', branch: 'SOUTH', inTeam: false },
    { email: at('analyst'), name: '刘洋', role: 'analyst', branch: null, inTeam: false },
    { email: at('sales'), name: '李娜', role: 'sales', branch: 'EAST', inTeam: true },
  ];
  let n = 2;
  for (const { code } of BRANCHES) {
    for (let k = code === 'EAST' ? 1 : 0; k < salesPerBranch; k++, n++) {
      const name = personName(rngFor(0, STREAM.org, n)).name;
      specs.push({ email: at(`sales${n}`), name, role: 'sales', branch: code, inTeam: true });
    }
  }
  return specs;
}

/** Enough reps that each owns a few hundred customers: 3 per branch for the 2,000-customer demo. */
export function defaultSalesPerBranch(customers: number): number {
  return Math.max(3, Math.min(40, Math.round(customers / 650)));
}

export async function ensureDemoOrg(
  db: Db,
  workspaceId: number,
  options: { salesPerBranch: number },
): Promise<DemoOrgResult> {
  await db
    .insert(branches)
    .values(BRANCHES.map((b) => ({ workspaceId, code: b.code, name: b.name })))
    .onConflictDoNothing();
  const branchRows = await db
    .select({ id: branches.id, code: branches.code })
    .from(branches)
    .where(
      and(
        eq(branches.workspaceId, workspaceId),
        inArray(
          branches.code,
          BRANCHES.map((b) => b.code),
        ),
      ),
    );
  const branchId = (code: BranchCode) => branchRows.find((b) => b.code === code)?.id as number;

  const teamIds = new Map<BranchCode, number>();
  for (const b of BRANCHES) {
    const where = and(
      eq(teams.workspaceId, workspaceId),
      eq(teams.branchId, branchId(b.code)),
      eq(teams.name, b.team),
    );
    let [team] = await db.select({ id: teams.id }).from(teams).where(where).limit(1);
    if (!team)
      [team] = await db
        .insert(teams)
        .values({ workspaceId, branchId: branchId(b.code), name: b.team })
        .returning({ id: teams.id });
    teamIds.set(b.code, team?.id as number);
  }

  const specs = demoUserSpecs(options.salesPerBranch);
  const emails = specs.map((s) => s.email.toLowerCase());
  const existing = await db
    .select({ email: users.email, workspaceId: users.workspaceId })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const elsewhere = existing.find((u) => u.workspaceId !== workspaceId);
  if (elsewhere) {
    throw demoErrors.error('demo_user_elsewhere', {
      email: elsewhere.email,
      workspaceId: elsewhere.workspaceId,
    });
  }
  const have = new Set(existing.map((u) => u.email.toLowerCase()));
  const missing = specs.filter((s) => !have.has(s.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD); // argon2 is slow on purpose: hash once
    await db.insert(users).values(
      missing.map((s) => ({
        workspaceId,
        email: s.email,
        name: s.name,
        role: s.role,
        branchId: s.branch ? branchId(s.branch) : null,
        teamId: s.branch && s.inTeam ? (teamIds.get(s.branch) as number) : null,
        passwordHash,
        locale: 'zh-CN' as const,
      })),
    );
  }
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      branchId: users.branchId,
      teamId: users.teamId,
    })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(sql`lower(${users.email})`, emails)));
  const order = new Map(emails.map((e, i) => [e, i]));
  rows.sort((a, b) => (order.get(a.email.toLowerCase()) ?? 0) - (order.get(b.email.toLowerCase()) ?? 0));
  const pick = (role: Role) =>
    rows.filter((u) => u.role === role).map((u) => ({ id: u.id, branchId: u.branchId }));
  return {
    workspaceId,
    branches: BRANCHES.map((b) => ({
      id: branchId(b.code),
      code: b.code,
      name: b.name,
      teamId: teamIds.get(b.code) as number,
    })),
    users: rows,
    org: {
      workspaceId,
      branches: BRANCHES.map((b) => ({ id: branchId(b.code), code: b.code })),
      sales: pick('sales'),
      managers: pick('manager'),
      service: pick('service'),
    },
  };
}
