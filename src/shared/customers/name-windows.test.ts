import { describe, expect, it } from 'vitest';
import { hanProbe, nameWindows } from './name-windows';

describe('nameWindows', () => {
  it('takes up to 4 Han characters from every position that has 2 left in its run', () => {
    expect(nameWindows('西湖精细')).toEqual(['湖精细', '精细', '西湖精细'].sort());
    expect(nameWindows('中A国')).toEqual([]);
    expect(nameWindows('（中国）')).toEqual(['中国']); // full-width brackets are not Han
  });

  it('has every 2–4 character fragment of a name as a prefix of one window', () => {
    const name = '杭州西湖精细化工有限公司';
    const windows = nameWindows(name, '西湖化工');
    const chars = [...name];
    for (let len = 2; len <= 4; len++) {
      for (let i = 0; i + len <= chars.length; i++) {
        const fragment = chars.slice(i, i + len).join('');
        expect(windows.some((w) => w.startsWith(fragment))).toBe(true);
      }
    }
  });

  it('normalises compatibility ideographs and width as NFKC does', () => {
    expect(nameWindows('\uF900\uF901')).toEqual(['豈更']);
  });
});

describe('hanProbe', () => {
  it('looks up the longest Han run, cut to a window', () => {
    expect(hanProbe('西湖')).toEqual({ key: '西湖', runs: ['西湖'] });
    expect(hanProbe('杭州西湖精细化工')?.key).toBe('杭州西湖');
    expect(hanProbe('上海 精细化工')).toEqual({ key: '精细化工', runs: ['上海', '精细化工'] });
  });

  it('has nothing to look up without a run of 2 Han characters', () => {
    expect(hanProbe('abc')).toBeUndefined();
    expect(hanProbe('a西b')).toBeUndefined();
  });
});
