/**
 * `kehu bench import`: 200,000 customers and 1,000,000 order lines (≈ 80 MB of CSV, generated once into
 * bench/data/import/) imported through `kehu import` (reader + engine, one transaction each) into a fresh
 * database, with rows/s and peak RSS; then the same order file loaded by a plain COPY into an
 * unconstrained table as the reference, and the ratio. PGlite always; PostgreSQL when DATABASE_URL is
 * set (a fresh database `kehu_bench_import` on that server).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runImportCommand } from '../src/cli/commands/import';
import { ensureDefaultWorkspace } from '../src/db/bootstrap';
import { withBulkSession } from '../src/db/bulk';
import { createDb, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import type { ImportEntity } from '../src/shared/imports/import-fields';

const DATA = fileURLToPath(new URL('./data/import', import.meta.url));
const CUSTOMERS = 200_000;
const ORDER_LINES = 1_000_000;
const PRODUCTS = 2_000;
const log = (line: string) => console.error(line);

/** A small deterministic generator (the same files every time). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

async function writeLines(path: string, header: string, count: number, line: (i: number) => string) {
  if (existsSync(`${path}.done`)) return;
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  createWriteStream(`${path}.done`).end();
}

async function generate() {
  mkdirSync(DATA, { recursive: true });
  const r = lcg(42);
  const cities = ['杭州', '宁波', '上海', '北京', '广州', '深圳', '成都', '武汉'];
  const trades = ['化工', '机械', '电子', '贸易', '建材', '纺织'];
  await writeLines(
    join(DATA, 'products.csv'),
    '产品编码,产品名称,单位,标准价',
    PRODUCTS,
    (i) => `P${i},产品${i},个,${(i % 900) + 10}.00`,
  );
  await writeLines(join(DATA, 'customers.csv'), '客户编码,客户名称,客户类型,状态,城市', CUSTOMERS, (i) => {
    const city = cities[i % cities.length];
    return `C${String(i).padStart(7, '0')},${city}${trades[r(trades.length)]}${i}有限公司,${i % 5 === 0 ? '经销商' : '企业'},活跃,${city}`;
  });
  await writeLines(
    join(DATA, 'orders.csv'),
    'order_no,customer_code,ordered_at,amount,cost,product_code,quantity,unit_price,currency',
    ORDER_LINES,
    (i) => {
      const order = Math.floor(i / 4);
      const customer = String((order * 7919) % CUSTOMERS).padStart(7, '0');
      const day = 1 + (order % 28);
      const qty = 1 + r(20);
      const price = 10 + r(990);
      return `SO${String(order).padStart(8, '0')},C${customer},2024-${String(1 + (order % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')},${qty * price}.00,${Math.floor(qty * price * 0.7)}.50,P${r(PRODUCTS)},${qty},${price}.00,CNY`;
    },
  );
}

/** Peak resident memory while `work` runs, sampled every 100 ms. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const start = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - start) / 1000, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

/** The order file, as is, into a table of text columns without keys or indexes, in 8 MB COPY chunks. */
async function rawCopy(handle: DbHandle, path: string): Promise<number> {
  await handle.db.execute(`drop table if exists bench_raw_orders`);
  await handle.db.execute(
    `create table bench_raw_orders (order_no text, customer_code text, ordered_at text, amount text, cost text,
       product_code text, quantity text, unit_price text, currency text)`,
  );
  const table = { name: 'bench_raw_orders', keys: [], columns: [] as string[] };
  let rows = 0;
  await withBulkSession(handle, async (session) => {
    let header = true;
    let rest = '';
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 8 << 20 })) {
      const text = rest + (chunk as string);
      const cut = text.lastIndexOf('\n') + 1;
      rest = text.slice(cut);
      let body = text.slice(0, cut);
      if (header) {
        body = body.slice(body.indexOf('\n') + 1);
        header = false;
      }
      rows += body.length === 0 ? 0 : body.split('\n').length - 1;
      await session.copy(
        {
          ...table,
          columns: [
            'order_no',
            'customer_code',
            'ordered_at',
            'amount',
            'cost',
            'product_code',
            'quantity',
            'unit_price',
            'currency',
          ],
        },
        [body],
      );
    }
  });
  return rows;
}

async function freshPostgres(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('drop database if exists kehu_bench_import with (force)');
    await admin.query('create database kehu_bench_import');
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = '/kehu_bench_import';
  return target.toString();
}

type Figure = { step: string; rows: number; seconds: number; rowsPerS: number; peakRssMb: number };

async function benchDriver(driver: 'pglite' | 'postgres'): Promise<Figure[]> {
  let handle: DbHandle;
  if (driver === 'pglite') {
    const dir = join(DATA, 'pglite');
    rmSync(dir, { recursive: true, force: true });
    handle = await createDb({ dataDir: dir });
  } else {
    handle = await createDb({ databaseUrl: await freshPostgres(process.env.DATABASE_URL as string) });
  }
  const figures: Figure[] = [];
  try {
    await migrate(handle);
    const workspaceId = await ensureDefaultWorkspace(handle.db);
    await handle.db.execute(
      `insert into users (workspace_id, email, name, role) values (${workspaceId}, 'bench-import@kehu.local', 'bench', 'admin')`,
    );
    const ctx = { handle, workspaceId, description: driver, close: async () => {} };
    const step = async (entity: ImportEntity, file: string) => {
      log(`${driver}: importing ${file}`);
      const m = await measured(() => runImportCommand(ctx, entity, join(DATA, file), { lang: 'en' }));
      const rows = m.value.result?.rows ?? 0;
      if (m.value.exitCode !== 0 || (m.value.result?.invalid ?? 0) > 0)
        throw new Error(`${file}: import failed`);
      figures.push({
        step: `import ${entity}`,
        rows,
        seconds: m.seconds,
        rowsPerS: rows / m.seconds,
        peakRssMb: m.peakRssMb,
      });
    };
    await step('products', 'products.csv');
    await step('customers', 'customers.csv');
    await step('orders', 'orders.csv');
    log(`${driver}: plain COPY of orders.csv`);
    const raw = await measured(() => rawCopy(handle, join(DATA, 'orders.csv')));
    figures.push({
      step: 'plain COPY orders.csv',
      rows: raw.value,
      seconds: raw.seconds,
      rowsPerS: raw.value / raw.seconds,
      peakRssMb: raw.peakRssMb,
    });
  } finally {
    await handle.close();
  }
  return figures;
}

export async function runImportBench(drivers: ('pglite' | 'postgres')[]): Promise<void> {
  await generate();
  log(
    `orders.csv: ${(statSync(join(DATA, 'orders.csv')).size / 2 ** 20).toFixed(1)} MB, ${ORDER_LINES.toLocaleString('en-US')} lines`,
  );
  for (const driver of drivers) {
    if (driver === 'postgres' && !process.env.DATABASE_URL) {
      log('postgres: skipped (set DATABASE_URL to a server to benchmark it)');
      continue;
    }
    const figures = await benchDriver(driver);
    console.log(`\n${driver}`);
    console.log(
      `${'step'.padEnd(26)}${'rows'.padStart(12)}${'seconds'.padStart(10)}${'rows/s'.padStart(12)}${'peak RSS'.padStart(12)}`,
    );
    for (const f of figures) {
      console.log(
        `${f.step.padEnd(26)}${f.rows.toLocaleString('en-US').padStart(12)}${f.seconds.toFixed(1).padStart(10)}${Math.round(f.rowsPerS).toLocaleString('en-US').padStart(12)}${`${f.peakRssMb} MB`.padStart(12)}`,
      );
    }
    const orders = figures.find((f) => f.step === 'import orders');
    const raw = figures.find((f) => f.step.startsWith('plain COPY'));
    if (orders && raw)
      console.log(`import / plain COPY (rows/s): ${(orders.rowsPerS / raw.rowsPerS).toFixed(2)}`);
  }
}
