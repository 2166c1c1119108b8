import { describe, expect, it } from 'vitest';
import { queryGrams, searchGrams } from './search-grams';

describe('searchGrams', () => {
  it('indexes every 2-character window of a Chinese name', () => {
    expect(searchGrams('西湖精细')).toEqual(['湖精', '精细', '西湖'].sort());
  });

  it('finds any 2+ character fragment as a subset of the name grams', () => {
    const name = searchGrams('杭州西湖精细化工有限公司', '西湖化工');
    for (const q of ['西湖', '精细化工', '有限公司', '杭州西湖']) {
      for (const g of queryGrams(q)) expect(name).toContain(g);
    }
  });

  it('does not bridge across non-Han characters and folds full-width forms', () => {
    expect(searchGrams('中A国')).toEqual([]);
    expect(searchGrams('（中国）')).toEqual(['中国']);
  });

  it.each([[''], [null], [undefined], ['ABC Chemicals']])('has no grams for %s', (text) => {
    expect(searchGrams(text)).toEqual([]);
  });
});
