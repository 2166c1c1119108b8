/**
 * The benchmark's data set: where it lives for each driver, whether the one asked for is already there
 * (a marker with the sizes and seed), and generating it with seedDemo when it is not.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type CliContext, CliError, openContext, redactUrl } from '../src/cli/context';
import { queryRows } from '../src/db/rows';
import { seedDemo } from '../src/server/domains/demo/demo.service';
import { generationBars } from './progress';
import type { BenchDriver, DataSizes } from './report';

/** Sizes for a number of customers: 3 contacts, 10 orders and 10 activities per customer. */
export function benchSizes(customers: number): DataSizes {
  return { customers, contacts: customers * 3, orders: customers * 10, activities: customers * 10 };
}

/** The end of the generated history: fixed, so every run and both drivers get the same rows. */
export const BENCH_NOW = '2025-06-01T00:00:00+08:00';

export type Marker = {
  kind: 'kehu-bench';
  sizes: DataSizes;
  seed: number;
  now: string;
  /** Rows loaded per table. */
  counts: Record<string, number>;
  generatedAt: string;
  generationMs: number;
};

export type BenchTarget =
  | { driver: 'pglite'; dataDir: string }
  /** `owned`: the kehu_bench_<customers> database this benchmark created (it may drop and recreate it). */
  | { driver: 'postgres'; url: string; owned: boolean };

export const BENCH_DATA_ROOT = fileURLToPath(new URL('./data', import.meta.url));
const MARKER_FILE = 'kehu-bench.marker';
/** The local server the benchmark creates its databases on, unless DATABASE_URL names one. */
export const LOCAL_SERVER = process.env.KEHU_BENCH_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A database on the local server, created when missing (`maintenance` is where CREATE DATABASE runs). */
async function ensureDatabase(name: string, drop = false): Promise<void> {
  const client = new pg.Client({ connectionString: `${LOCAL_SERVER}/postgres` });
  await client.connect();
  try {
    if (drop) await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}

export async function resolveTarget(driver: BenchDriver, customers: number): Promise<BenchTarget> {
  if (driver === 'pglite') return { driver, dataDir: join(BENCH_DATA_ROOT, `pglite-${customers}`) };
  const url = process.env.DATABASE_URL;
  if (url) return { driver, url, owned: false };
  const name = `kehu_bench_${customers}`;
  await ensureDatabase(name);
  return { driver, url: `${LOCAL_SERVER}/${name}`, owned: true };
}

export const describeTarget = (t: BenchTarget) =>
  t.driver === 'pglite' ? `embedded database in ${t.dataDir}` : `PostgreSQL ${redactUrl(t.url)}`;

export function openTarget(target: BenchTarget): Promise<CliContext> {
  const options = target.driver === 'pglite' ? { dataDir: target.dataDir } : { databaseUrl: target.url };
  return openContext(options, { log: () => {} });
}

async function readMarker(target: BenchTarget, ctx: CliContext): Promise<Marker | null> {
  let text: string | null | undefined;
  if (target.driver === 'pglite') {
    const file = join(target.dataDir, MARKER_FILE);
    text = existsSync(file) ? readFileSync(file, 'utf8') : null;
  } else {
    const [row] = await queryRows<{ c: string | null }>(
      ctx.handle.db,
      sql`select shobj_description(oid, 'pg_database') as c from pg_database where datname = current_database()`,
    );
    text = row?.c;
  }
  try {
    const marker = text ? (JSON.parse(text) as Marker) : null;
    return marker?.kind === 'kehu-bench' ? marker : null;
  } catch {
    return null;
  }
}

async function writeMarker(target: BenchTarget, ctx: CliContext, marker: Marker): Promise<void> {
  const text = JSON.stringify(marker, null, 2);
  if (target.driver === 'pglite') {
    writeFileSync(join(target.dataDir, MARKER_FILE), `${text}\n`);
    return;
  }
  const [row] = await queryRows<{ name: string }>(ctx.handle.db, sql`select current_database() as name`);
  await ctx.handle.db.execute(
    sql.raw(`comment on database ${quoteIdent(row!.name)} is ${quoteLiteral(text)}`),
  );
}

const sameData = (m: Marker, sizes: DataSizes, seed: number) =>
  m.seed === seed &&
  m.now === BENCH_NOW &&
  (Object.keys(sizes) as (keyof DataSizes)[]).every((k) => m.sizes[k] === sizes[k]);

async function hasData(ctx: CliContext): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    ctx.handle.db,
    sql`select exists (select 1 from customers) or exists (select 1 from products) as found`,
  );
  return row?.found === true;
}

/** Empties a target this benchmark owns: deletes the data folder or recreates the database. */
async function resetTarget(target: BenchTarget): Promise<void> {
  if (target.driver === 'pglite') rmSync(target.dataDir, { recursive: true, force: true });
  else if (target.owned) await ensureDatabase(new URL(target.url).pathname.slice(1), true);
  else {
    throw new CliError(
      `${describeTarget(target)} holds other data than the benchmark asked for. ` +
        'Point DATABASE_URL at an empty database (or unset it to use kehu_bench_<customers> on the local server).',
    );
  }
}

export type PreparedData = { ctx: CliContext; marker: Marker; reused: boolean };

/**
 * Opens the target and makes sure it holds exactly the data set asked for: reused when its marker
 * matches, else (re)generated. The returned context is open; close it before starting the server.
 */
export async function prepareData(
  target: BenchTarget,
  sizes: DataSizes,
  seed: number,
  log: (line: string) => void,
): Promise<PreparedData> {
  let ctx = await openTarget(target);
  const found = await readMarker(target, ctx);
  if (found && sameData(found, sizes, seed)) return { ctx, marker: found, reused: true };
  if (found || (await hasData(ctx))) {
    log(`${describeTarget(target)} holds another data set; emptying it.`);
    await ctx.close();
    await resetTarget(target);
    ctx = await openTarget(target);
  }
  try {
    log(`Generating the data set into the ${describeTarget(target)} (seed ${seed}) …`);
    const bars = generationBars();
    const result = await seedDemo(ctx.handle, {
      ...sizes,
      seed,
      now: new Date(BENCH_NOW),
      workspaceId: ctx.workspaceId,
      onProgress: (p) => bars.update(p),
    }).finally(() => bars.stop());
    const marker: Marker = {
      kind: 'kehu-bench',
      sizes,
      seed,
      now: BENCH_NOW,
      counts: result.counts,
      generatedAt: new Date().toISOString(),
      generationMs: result.elapsedMs,
    };
    await writeMarker(target, ctx, marker);
    return { ctx, marker, reused: false };
  } catch (err) {
    await ctx.close().catch(() => {});
    throw err;
  }
}
