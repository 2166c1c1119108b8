import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../testing';

export const TAX_ID = '91350100M000100Y43';

/** JSON calls that must succeed (2xx), for the set-up of the duplicates tests. */
export function apiOf(t: TestApp) {
  async function call(
    user: TestUser,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) {
    const res = await t.as(user, { method, url, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.body ? res.json() : undefined;
  }
  return {
    call,
    customer: async (user: TestUser, payload: object) =>
      (await call(user, 'POST', '/api/v1/customers', { type: 'enterprise', status: 'active', ...payload }))
        .id as number,
    contact: async (user: TestUser, payload: object) =>
      (await call(user, 'POST', '/api/v1/contacts', payload)).id as number,
    pairs: async (user: TestUser, query = '') =>
      (await call(user, 'GET', `/api/v1/duplicates?${query}`)) as {
        items: {
          a: { id: number; code: string; version: number };
          b: { id: number; code: string; version: number };
          score: number;
          reasons: { kind: string; value: string | null; similarity: number | null }[];
        }[];
        nextCursor: string | null;
      },
  };
}

export const codesOf = (items: { a: { code: string }; b: { code: string } }[]) =>
  items.map((p) => `${p.a.code}~${p.b.code}`);
