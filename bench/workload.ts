/**
 * What the load generator sends, sampled from the database before the server starts (the embedded
 * database's folder is locked while the server runs): search terms, customer ids, provinces, and an
 * API token of the demo admin.
 */
import { sql } from 'drizzle-orm';
import type { CliContext } from '../src/cli/context';
import { queryRows } from '../src/db/rows';
import { createServices } from '../src/server/services';
import type { Actor } from '../src/shared/auth/roles';
import { buildTerms, mulberry32, type Term } from './terms';

export const BENCH_ADMIN_EMAIL = 'admin@kehu.demo';

export type Workload = {
  terms: Term[];
  /** Customers the admin can open (not deleted), in a random but fixed order. */
  customerIds: number[];
  /** Provinces that have active customers, in a fixed shuffled order. */
  provinces: string[];
  /** `Authorization: Bearer …` of the demo admin; expires after a day. */
  token: string;
};

const SAMPLE_ROWS = 400;
const SAMPLE_IDS = 5_000;
const TERMS = 1_000;

function shuffle<T>(items: T[], seed: number): T[] {
  const rng = mulberry32(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export async function sampleWorkload(ctx: CliContext, seed: number): Promise<Workload> {
  const { db } = ctx.handle;
  const ws = ctx.workspaceId;
  // md5 of the id and the seed: a fixed pseudo-random order that is the same on both drivers.
  const order = (salt: string) => sql.raw(`md5(id::text || '${salt}${seed}')`);
  const customers = await queryRows<{ name: string; code: string }>(
    db,
    sql`select name, code from customers where workspace_id = ${ws} and deleted_at is null
        order by ${order('c')} limit ${SAMPLE_ROWS}`,
  );
  const contacts = await queryRows<{ name: string; phone: string | null }>(
    db,
    sql`select name, phones[1] as phone from contacts where workspace_id = ${ws} and deleted_at is null
        order by ${order('p')} limit ${SAMPLE_ROWS}`,
  );
  const ids = await queryRows<{ id: number }>(
    db,
    sql`select id::int as id from customers where workspace_id = ${ws} and deleted_at is null
        order by ${order('i')} limit ${SAMPLE_IDS}`,
  );
  const provinces = await queryRows<{ province: string }>(
    db,
    sql`select distinct province from customers
        where workspace_id = ${ws} and deleted_at is null and status = 'active' and province is not null
        order by province`,
  );
  const terms = buildTerms(
    {
      customerNames: customers.map((c) => c.name),
      codes: customers.map((c) => c.code),
      contactNames: contacts.map((c) => c.name),
      phones: contacts.flatMap((c) => (c.phone ? [c.phone] : [])),
    },
    { seed, count: TERMS },
  );
  return {
    terms,
    customerIds: ids.map((r) => Number(r.id)),
    provinces: shuffle(
      provinces.map((p) => p.province),
      seed,
    ),
    token: await adminToken(ctx),
  };
}

/** A fresh API token of the demo admin (the seeded data set always has one). */
export async function adminToken(ctx: CliContext): Promise<string> {
  const [admin] = await queryRows<{ id: number; name: string; branch_id: number | null }>(
    ctx.handle.db,
    sql`select id::int as id, name, branch_id from users
        where workspace_id = ${ctx.workspaceId} and email = ${BENCH_ADMIN_EMAIL} and role = 'admin'`,
  );
  if (!admin) throw new Error(`The benchmark data set has no admin ${BENCH_ADMIN_EMAIL}.`);
  const actor: Actor = {
    userId: Number(admin.id),
    workspaceId: ctx.workspaceId,
    role: 'admin',
    branchId: admin.branch_id,
    email: BENCH_ADMIN_EMAIL,
    name: admin.name,
  };
  const { token } = await createServices(ctx.handle).auth.createToken(actor, 'kehu bench', 1);
  return token;
}
