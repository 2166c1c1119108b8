import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatImportMessage,
  formatRowIssue,
  type ImportMessageCatalog,
  READ_MESSAGES,
} from './read.messages';

const HAN = /\p{Script=Han}/u;

describe('read messages', () => {
  it('has zh-CN and en texts for every code the reader emits, with the same placeholders', async () => {
    const dir = import.meta.dirname;
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const emitted = new Set<string>();
    for (const file of files) {
      const source = await readFile(join(dir, file), 'utf8');
      for (const m of source.matchAll(/\bcode: '([a-z_0-9]+)'/g)) emitted.add(m[1]!);
      for (const m of source.matchAll(/\bfail(?:<\w+>)?\('([a-z_0-9]+)'/g)) emitted.add(m[1]!);
    }
    expect(emitted.size).toBeGreaterThan(20);
    for (const code of emitted) expect(READ_MESSAGES, code).toHaveProperty(code);
    for (const [code, { en, zh }] of Object.entries(READ_MESSAGES)) {
      expect(en, code).not.toMatch(HAN);
      expect(zh, code).toMatch(HAN);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      // Chinese also shows an enum's Chinese labels ({labels}) beside its values.
      expect(
        names(zh).filter((n) => n !== 'labels'),
        code,
      ).toEqual(names(en));
    }
  });

  it('fills params and the line, in either language', () => {
    const problem = {
      code: 'duplicate_header',
      line: 1,
      params: { header: '名称', first: 'A', second: 'C' },
    };
    expect(formatImportMessage(problem, 'en')).toBe(
      'The header “名称” appears twice (columns A and C); rename or remove one.',
    );
    expect(formatImportMessage(problem, 'zh-CN')).toBe(
      '表头“名称”出现了两次（A 列和 C 列）；请改名或删除其中一列。',
    );
    expect(formatImportMessage({ code: 'unbalanced_quote', line: 12 }, 'en')).toMatch(/^Row 12 opens/);
  });

  it('reads several catalogs, first one first, and shows an unknown code as itself', () => {
    const engine: ImportMessageCatalog = {
      duplicate_key: { en: 'Code {code} twice.', zh: '编码 {code} 重复。' },
    };
    expect(
      formatImportMessage({ code: 'duplicate_key', params: { code: 'C1' } }, 'zh-CN', READ_MESSAGES, engine),
    ).toBe('编码 C1 重复。');
    expect(formatImportMessage({ code: 'required' }, 'en', READ_MESSAGES, engine)).toBe(
      'A value is required.',
    );
    expect(formatImportMessage({ code: 'no_such_code' }, 'en')).toBe('no_such_code');
  });

  it('writes a row issue as one report line', () => {
    const issue = {
      line: 7,
      column: '金额',
      value: '12元5',
      code: 'not_a_number',
      params: { kind: 'money' },
    };
    expect(formatRowIssue(issue, 'en')).toBe('Row 7, column “金额” (“12元5”): Not a number.');
    expect(formatRowIssue(issue, 'zh-CN')).toBe('第 7 行，列“金额”（“12元5”）：不是有效的数字。');
    expect(formatRowIssue({ line: 3, column: null, value: null, code: 'required' }, 'en')).toBe(
      'Row 3: A value is required.',
    );
  });
});
