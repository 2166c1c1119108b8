import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';

const MB = 1024 * 1024;

/** `size` bytes of an orders CSV, made as they are read; `progress.sent` counts the bytes handed out. */
function ordersCsv(size: number, progress: { sent: number }): Readable {
  let sent = 0;
  let n = 0;
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      let chunk = sent === 0 ? 'customer_code,order_no,ordered_at,amount\r\n' : '';
      while (chunk.length < 64 * 1024) chunk += `C${n % 1000},SO-${n++},2024-03-05,1234.50\r\n`;
      const bytes = Buffer.from(chunk).subarray(0, Math.min(chunk.length, size - sent));
      sent += bytes.length;
      progress.sent = sent;
      this.push(bytes);
    },
  });
}

// A 200 MB file through the web upload: streamed to disk as it arrives, never held in memory.
describe('a 200 MB upload', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('is written to disk as it arrives (never held whole), then previewed from its first rows', async () => {
    const size = 200 * MB;
    const progress = { sent: 0 };
    const dir = t.app.services.importUploads.dir;
    // How far the file on disk trails what the client has sent: a server that buffered the body would
    // write nothing until the end, and trail by the whole file.
    let lag = 0;
    let seenWriting = false;
    const sampler = setInterval(() => {
      const files = existsSync(dir) ? readdirSync(dir) : [];
      const written = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
      if (written > 0 && written < size) seenWriting = true;
      lag = Math.max(lag, progress.sent - written);
    }, 10);
    const res = await fetch(`${url}/api/v1/imports?fileName=orders.csv`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.fx.users.admin.token}`,
        'content-type': 'application/octet-stream',
      },
      body: Readable.toWeb(ordersCsv(size, progress)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    clearInterval(sampler);
    expect(res.status).toBe(201);
    const upload = (await res.json()) as { id: string; size: number };
    expect(upload.size).toBe(size);
    const path = t.app.services.importUploads.get(t.fx.users.admin, upload.id).path;
    expect(statSync(path).size).toBe(size);
    expect(seenWriting).toBe(true);
    expect(lag).toBeLessThan(32 * MB);

    const preview = await t.as(t.fx.users.admin, {
      method: 'GET',
      url: `/api/v1/imports/${upload.id}/preview?entity=orders`,
    });
    expect(preview.json()).toMatchObject({
      headers: ['customer_code', 'order_no', 'ordered_at', 'amount'],
      rows: expect.arrayContaining([{ line: 2, cells: ['C0', 'SO-0', '2024-03-05', '1234.50'] }]),
      missing: [],
    });
  });
});
