import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../db/testing';
import { buildApp } from '../app';
import { webBuildIsStale } from './web-build';

const dir = mkdtempSync(join(tmpdir(), 'kehu-web-'));
const dist = join(dir, 'dist');
const src = join(dir, 'src');
mkdirSync(join(dist, 'assets'), { recursive: true });
mkdirSync(src);
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the web app as served', () => {
  let db: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDb('pglite');
    app = await buildApp({ db, webRoot: dist });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('serves index.html at / and at any route of the app, uncached', async () => {
    for (const url of ['/', '/customers', '/customers/42?tab=timeline']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, and keeps unknown API paths problem+json 404s', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // An asset that does not exist is a 404, never index.html (a browser would run HTML as a script).
    const gone = await app.inject({ method: 'GET', url: '/assets/app-0000.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain('<div id="root">');
    // One built after the server started (a rebuild while serving) is served all the same.
    writeFileSync(join(dist, 'assets', 'late-5678.js'), 'console.log(2)');
    const late = await app.inject({ method: 'GET', url: '/assets/late-5678.js?v=1' });
    expect(late.statusCode).toBe(200);
    expect(late.body).toBe('console.log(2)');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });
});

describe('webBuildIsStale', () => {
  it('is stale without a build, or when a source is newer than the build', () => {
    const file = join(src, 'page.tsx');
    writeFileSync(file, 'export {}');
    const old = new Date(Date.now() - 60_000);
    const built = new Date(Date.now() - 30_000);
    utimesSync(file, old, old);
    utimesSync(src, old, old);
    utimesSync(join(dist, 'index.html'), built, built);
    expect(webBuildIsStale(join(dir, 'missing'), [src])).toBe(true);
    expect(webBuildIsStale(dist, [src])).toBe(false);
    writeFileSync(file, 'export const changed = 1');
    expect(webBuildIsStale(dist, [src])).toBe(true);
  });
});
