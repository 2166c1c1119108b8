/**
 * Starts the Kehu server (`kehu start`) as a child process on a free port of 127.0.0.1 — PGlite runs
 * queries on the server's event loop, so the load generator must live in another process — waits until
 * `GET /api/health` answers, and stops it (SIGTERM: the server closes, then releases the data folder).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BenchTarget } from './dataset';

export type ChildServer = { baseUrl: string; pid: number; stop(): Promise<void> };

const KEHU_BIN = fileURLToPath(new URL('../bin/kehu.js', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;

/** A port that was free a moment ago (the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = once(child, 'exit').then(() => {});
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return exited.finally(() => clearTimeout(force));
}

export async function startServer(target: BenchTarget): Promise<ChildServer> {
  const port = await freePort();
  // The API only: the web app's build is not what is measured.
  const args = [KEHU_BIN, 'start', '--no-web', '--host', '127.0.0.1', '--port', String(port)];
  const env = { ...process.env };
  delete env.KEHU_DATA_DIR;
  if (target.driver === 'pglite') {
    args.push('--data-dir', target.dataDir);
    delete env.DATABASE_URL;
  } else {
    env.DATABASE_URL = target.url;
  }
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: string) => {
    output.push(chunk);
    if (output.length > 200) output.shift();
    if (process.env.KEHU_DEBUG) process.stderr.write(`[server] ${chunk}`);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const failure = () => {
    const end = child.exitCode ?? child.signalCode;
    return end === null ? null : `The server exited (${end}) before it was ready:\n${output.join('').trim()}`;
  };
  try {
    await waitHealthy(baseUrl, target.driver, failure);
    return { baseUrl, pid: child.pid ?? 0, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Polls the health endpoint until it answers 200 from the expected kind of database. */
async function waitHealthy(
  baseUrl: string,
  driver: BenchTarget['driver'],
  failure: () => string | null,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const failed = failure();
    if (failed) throw new Error(failed);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      const body = (await res.json()) as { database?: string };
      if (res.ok && body.database === driver) return;
      if (res.ok) throw new Error(`The server at ${baseUrl} uses ${body.database}, not ${driver}.`);
    } catch (err) {
      if ((err as Error).message.startsWith('The server at')) throw err;
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/api/health did not answer 200 within 2 minutes.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
