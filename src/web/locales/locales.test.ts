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
});
