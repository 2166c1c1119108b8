import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'string'
    ? [prefix]
    : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
        keys(v, prefix ? `${prefix}.${k}` : k),
      );

describe('web translations', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    const values = (m: unknown): string[] =>
      typeof m === 'string' ? [m] : Object.values(m as Record<string, unknown>).flatMap(values);
    expect([...values(zhCN), ...values(en)].filter((v) => v.trim() === '')).toEqual([]);
  });

  it('leave no Chinese in the English texts', () => {
    const values = (m: unknown): string[] =>
      typeof m === 'string' ? [m] : Object.values(m as Record<string, unknown>).flatMap(values);
    expect(values(en).filter((v) => /\p{Script=Han}/u.test(v))).toEqual([]);
  });

  it('have every key the code asks for', () => {
    const web = fileURLToPath(new URL('..', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
      });
    const known = new Set(keys(zhCN));
    const asked = files(web).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!),
    );
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((key) => !known.has(key))).toEqual([]);
  });
});
