/**
 * One step of the import benchmark in a process of its own, as `kehu import` runs: opens the database
 * (as the import command does), imports one file (or COPYs it raw), and prints one JSON line — rows,
 * seconds of the import itself, and the process's peak resident memory as the OS counts it (maxRSS:
 * start-up and the database's own memory included).
 *
 *   node --import tsx bench/import-step.ts '{"target":{"dataDir":"…"},"step":"orders","file":"…"}'
 */
import { createReadStream } from 'node:fs';
import { IMPORT_DB_OPTIONS, runImportCommand } from '../src/cli/commands/import';
import { ensureDefaultWorkspace } from '../src/db/bootstrap';
import { withBulkSession } from '../src/db/bulk';
import { createDb, type DbHandle } from '../src/db/client';
import type { ImportEntity } from '../src/shared/imports/import-fields';

export type StepRequest = {
  target: { dataDir: string } | { databaseUrl: string };
  step: ImportEntity | 'raw-copy';
  file: string;
};
export type StepResult = { rows: number; seconds: number; maxRssMb: number; ok: boolean };

const RAW_COLUMNS = [
  'order_no',
  'customer_code',
  'ordered_at',
  'amount',
  'cost',
  'product_code',
  'quantity',
  'unit_price',
  'currency',
];

/** The order file, as is, into a table of text columns without keys or indexes, in 8 MB COPY chunks. */
async function rawCopy(handle: DbHandle, path: string): Promise<number> {
  await handle.db.execute(`drop table if exists bench_raw_orders`);
  await handle.db.execute(
    `create table bench_raw_orders (${RAW_COLUMNS.map((c) => `${c} text`).join(', ')})`,
  );
  const table = { name: 'bench_raw_orders', keys: [], columns: RAW_COLUMNS };
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
      await session.copy(table, [body]);
    }
  });
  return rows;
}

async function main() {
  const request = JSON.parse(process.argv[2] ?? '') as StepRequest;
  const handle = await createDb(
    'dataDir' in request.target ? { ...IMPORT_DB_OPTIONS, dataDir: request.target.dataDir } : request.target,
  );
  let result: StepResult;
  try {
    const workspaceId = await ensureDefaultWorkspace(handle.db);
    const start = performance.now();
    if (request.step === 'raw-copy') {
      const rows = await rawCopy(handle, request.file);
      result = { rows, seconds: (performance.now() - start) / 1000, maxRssMb: 0, ok: true };
    } else {
      const ctx = { handle, workspaceId, description: 'bench', close: async () => {} };
      const run = await runImportCommand(ctx, request.step, request.file, { lang: 'en' });
      const seconds = (performance.now() - start) / 1000;
      const ok = run.exitCode === 0 && (run.result?.invalid ?? 0) === 0;
      result = { rows: run.result?.rows ?? 0, seconds, maxRssMb: 0, ok };
    }
  } finally {
    await handle.close();
  }
  result.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
