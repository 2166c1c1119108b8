import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_MESSAGES, importMessage } from './engine.messages';

const here = new URL('.', import.meta.url);
const sources = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test'))
  .map((f) => readFileSync(new URL(f, here), 'utf8'));

describe('engine messages', () => {
  it('has zh-CN and en for every code the engine emits', () => {
    const emitted = new Set(sources.flatMap((s) => [...s.matchAll(/code: '([a-z_]+)'/g)].map((m) => m[1]!)));
    expect(emitted.size).toBeGreaterThan(10);
    for (const code of emitted) expect(Object.keys(ENGINE_MESSAGES), code).toContain(code);
    for (const [code, text] of Object.entries(ENGINE_MESSAGES)) {
      expect(text.en, code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(text.zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills parameters and falls back to the reader catalog', () => {
    const issue = { code: 'duplicate_key', params: { key: 'C1', other: 7 } };
    expect(importMessage(issue, 'en')).toBe('C1 appears again on row 7 with different contents.');
    expect(importMessage(issue, 'zh-CN')).toBe('C1 与第 7 行重复且内容不同。');
    expect(importMessage({ code: 'not_a_number' }, 'en')).toBe('Not a number.');
  });
});
