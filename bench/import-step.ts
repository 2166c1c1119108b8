/**
 * One step of the import benchmark in a process of its own, as `kehu import` runs: opens the database
 * (as the import command does), imports one file (or COPYs it raw, or measures the ceiling), and prints
 * one JSON line — rows, seconds of the import itself, and the process's peak resident memory as the OS
 * counts it (maxRSS: start-up and the database's own memory included).
 *
 *   node --import tsx bench/import-step.ts '{"target":{"dataDir":"…"},"step":"orders","file":"…"}'
 */
import { IMPORT_DB_OPTIONS, runImportCommand } from '../src/cli/commands/import';
import { ensureDefaultWorkspace } from '../src/db/bootstrap';
import { createDb } from '../src/db/client';
import type { ImportEntity } from '../src/shared/imports/import-fields';
import { ceiling, rawCopy } from './import-copy';

export type StepRequest = {
  target: { dataDir: string } | { databaseUrl: string };
  step: ImportEntity | 'raw-copy' | 'ceiling';
  file: string;
};
export type StepResult = { rows: number; seconds: number; maxRssMb: number; ok: boolean };

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
    } else if (request.step === 'ceiling') {
      result = { ...(await ceiling(handle, workspaceId, request.file)), maxRssMb: 0 };
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
