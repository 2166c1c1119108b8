import { describe, expect, it } from 'vitest';
import { buildTerms, codePrefix, mulberry32, nameFragment, rotation, stripLegalForm } from './terms';

const source = {
  customerNames: ['连云港九华化工有限公司', '攀枝花盛信汽车部件股份有限公司', '扬州中隆纺织有限公司'],
  codes: ['C2017000001', 'C2017000002'],
  contactNames: ['孙鹏辉', '李俊'],
  phones: ['15843461743'],
};

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const v of seqA) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('name fragments', () => {
  it.each([
    ['攀枝花盛信汽车部件股份有限公司', '攀枝花盛信汽车部件'],
    ['扬州中隆纺织有限公司', '扬州中隆纺织'],
    ['有限公司', '有限公司'],
    ['某某', '某某'],
  ])('strips the legal form of %s', (name, expected) => {
    expect(stripLegalForm(name)).toBe(expected);
  });

  it('are 2–4 characters of the name without its legal form', () => {
    const rng = mulberry32(1);
    for (let i = 0; i < 200; i++) {
      const f = nameFragment(rng, '连云港九华化工有限公司');
      expect([...f].length).toBeGreaterThanOrEqual(2);
      expect([...f].length).toBeLessThanOrEqual(4);
      expect('连云港九华化工').toContain(f);
    }
  });
});

describe('codePrefix', () => {
  it('is a prefix of at least 60% of the code', () => {
    const rng = mulberry32(2);
    for (let i = 0; i < 100; i++) {
      const p = codePrefix(rng, 'C2017000001');
      expect('C2017000001'.startsWith(p)).toBe(true);
      expect(p.length).toBeGreaterThanOrEqual(7);
    }
  });
});

describe('buildTerms', () => {
  it('is deterministic for a seed', () => {
    expect(buildTerms(source, { seed: 7, count: 50 })).toEqual(buildTerms(source, { seed: 7, count: 50 }));
    expect(buildTerms(source, { seed: 7, count: 50 })).not.toEqual(
      buildTerms(source, { seed: 8, count: 50 }),
    );
  });

  it('mixes every kind, each made from its source', () => {
    const terms = buildTerms(source, { seed: 3, count: 400 });
    expect(terms).toHaveLength(400);
    expect(new Set(terms.map((t) => t.kind))).toEqual(new Set(['name', 'code', 'contact', 'phone']));
    for (const t of terms) {
      if (t.kind === 'contact') expect(source.contactNames).toContain(t.q);
      if (t.kind === 'phone') expect(source.phones).toContain(t.q);
      if (t.kind === 'code') expect(source.codes.some((c) => c.startsWith(t.q))).toBe(true);
      if (t.kind === 'name') expect(source.customerNames.some((n) => n.includes(t.q))).toBe(true);
    }
  });

  it('skips kinds without rows and returns nothing without any', () => {
    const terms = buildTerms({ ...source, phones: [], codes: [] }, { seed: 3, count: 100 });
    expect(terms.every((t) => t.kind === 'name' || t.kind === 'contact')).toBe(true);
    expect(
      buildTerms({ customerNames: [], codes: [], contactNames: [], phones: [] }, { seed: 1, count: 5 }),
    ).toEqual([]);
  });
});

describe('rotation', () => {
  it('hands out items in order and starts over', () => {
    const next = rotation(['a', 'b', 'c']);
    expect([next(), next(), next(), next(), next()]).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('refuses an empty list', () => {
    expect(() => rotation([])).toThrow();
  });
});
