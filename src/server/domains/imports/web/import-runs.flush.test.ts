/**
 * A run says it ended only once its issues are on disk. The issues file's stream is made slow here (it
 * writes everything only when ended, 300 ms later), so a run that said 'done' first would be read with no
 * issues: the client reads them as soon as it sees 'done'.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { Writable } = await import('node:stream');
  const slowIssues = (path: string) => {
    const chunks: Buffer[] = [];
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        setTimeout(() => {
          fs.writeFileSync(path, Buffer.concat(chunks));
          done();
        }, 300);
      },
    });
  };
  const createWriteStream = ((path: string, options?: unknown) =>
    String(path).endsWith('.issues.ndjson')
      ? slowIssues(String(path))
      : fs.createWriteStream(path, options as never)) as typeof fs.createWriteStream;
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

describe('a web import run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('is done only when its issues can be read', async () => {
    const up = await t.as(t.fx.users.admin, {
      method: 'POST',
      url: '/api/v1/imports?fileName=customers.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('客户编码,客户名称\r\nF-1,\r\nF-2,某某公司\r\n'),
    });
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json() as { id: string };
    const mapping = { customer_code: '客户编码', name: '客户名称' };
    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.as(t.fx.users.admin, { method, url, ...(payload ? { payload } : {}) });
    const started = await call('POST', `/api/v1/imports/${id}/run`, {
      entity: 'customers',
      mapping,
      mode: 'dry-run',
    });
    expect(started.statusCode, started.body).toBe(202);
    for (;;) {
      const run = (await call('GET', `/api/v1/imports/${id}`)).json();
      if (run.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const issues = await call('GET', `/api/v1/imports/${id}/issues`);
    expect(issues.statusCode, issues.body).toBe(200);
    expect(issues.json().items).toEqual([expect.objectContaining({ line: 2, severity: 'error' })]);
  });
});
