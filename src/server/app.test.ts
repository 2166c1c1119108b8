import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing';

describe('the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('publishes an OpenAPI 3.1 document generated from the zod schemas, and its reference', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/customers');
    expect(doc.components.schemas.Customer.properties.code).toBeDefined();
    expect(doc.components.schemas.Problem).toBeDefined();
    const first = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const docs =
      first.statusCode === 301
        ? await t.app.inject({ method: 'GET', url: first.headers.location as string })
        : first;
    expect(docs.statusCode).toBe(200);
    const root = await t.app.inject({ method: 'GET', url: '/' });
    expect(root.headers.location).toBe('/api/docs/');
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('asks for sign-in on every API endpoint but login, logout and the session probe', async () => {
    // GET /auth/session answers `{ user: null }` to a stranger: it serves nothing but that.
    const open = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/session']);
    const api = t.app.kehuRoutes.filter((r) => r.url.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(10);
    for (const r of api) {
      if (open.has(`${r.method} ${r.url}`)) continue;
      const url = r.url.replace(/:(\w+)/g, (_m, name) => (name === 'entity' ? 'customer' : '1'));
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      // Validation may run before the handler; either way nothing is served to a stranger.
      expect([401, 422], `${r.method} ${r.url}`).toContain(res.statusCode);
      if (res.statusCode === 200) throw new Error(`${r.method} ${r.url} answered an anonymous caller`);
    }
  });

  it('tells a stranger that nobody is signed in, and nothing else', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null });
  });

  it('answers unknown routes and wrong languages with problem+json', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nope',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route_not_found', title: '未找到' });
  });
});
