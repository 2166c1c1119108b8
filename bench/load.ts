/**
 * The load generator: `concurrency` clients, each sending one request after another over keep-alive
 * connections, first for a warm-up whose samples are dropped, then for a fixed duration or a bounded
 * number of requests, whichever ends first. It uses node:http with a keep-alive agent, the leanest client
 * Node has: the client shares the machine's CPUs with the server, so its own cost shows in the figures.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { Sample } from './stats';

export type Call = {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown /** Default: the scenario */;
  label?: string;
};
export type Answer = { status: number; body: unknown };
export type Send = (call: Call) => Promise<Answer>;

/** One iteration of a client: one or more calls through `send`. */
export type Scenario = { name: string; maxRequests?: number; step(send: Send): Promise<void> };

export type LoadOptions = {
  baseUrl: string;
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  maxRequests: number;
  signal?: AbortSignal;
};

/** The samples of each label (the scenario's name unless a call names another) and the window. */
export type LoadResult = { samples: Map<string, Sample[]>; elapsedMs: number };

const REQUEST_TIMEOUT_MS = 30_000;

function request(options: LoadOptions, agent: Agent, call: Call): Promise<Answer & { ms: number }> {
  const url = new URL(call.path, options.baseUrl);
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string | number> = { accept: 'application/json', ...options.headers };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, text: string) => {
      const ms = performance.now() - started;
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      resolve({ status, body, ms });
    };
    const req = httpRequest(
      url,
      { method: call.method, headers, agent, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => done(0, ''));
      },
    );
    // Refused, reset or timed out: status 0.
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(0, ''));
    req.end(payload);
  });
}

/** Runs the clients until `until()` says stop; `record` gets every sample. */
async function drive(
  scenario: Scenario,
  options: LoadOptions,
  until: () => boolean,
  record: (label: string, sample: Sample) => void,
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const send: Send = async (call) => {
    const { status, body, ms } = await request(options, agent, call);
    record(call.label ?? scenario.name, { ms, status });
    return { status, body };
  };
  const client = async () => {
    while (!until()) await scenario.step(send);
  };
  await Promise.all(Array.from({ length: options.concurrency }, client)).finally(() => agent.destroy());
}

export async function runLoad(scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  const aborted = () => options.signal?.aborted === true;
  const warmupEnd = performance.now() + options.warmupMs;
  await drive(
    scenario,
    options,
    () => aborted() || performance.now() >= warmupEnd,
    () => {},
  );

  const samples = new Map<string, Sample[]>();
  const max = Math.min(options.maxRequests, scenario.maxRequests ?? Number.POSITIVE_INFINITY);
  let sent = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  let last = started;
  await drive(
    scenario,
    options,
    () => aborted() || sent >= max || performance.now() >= end,
    (label, sample) => {
      sent++;
      last = performance.now();
      const list = samples.get(label) ?? [];
      list.push(sample);
      samples.set(label, list);
    },
  );
  return { samples, elapsedMs: last - started };
}
