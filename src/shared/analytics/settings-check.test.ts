import { describe, expect, it } from 'vitest';
import { BUILTIN_MATRICES } from './builtin-matrices';
import { matricesIssues, segmentRuleIssues, valueSettingsIssues } from './settings-check';
import { settingsWith } from './value.test-support';
import { DEFAULT_RFM_SEGMENTS, DEFAULT_VALUE_SETTINGS } from './value-settings';

describe('settings checks', () => {
  it('the defaults and the built-in matrices are valid', () => {
    expect(valueSettingsIssues(DEFAULT_VALUE_SETTINGS)).toEqual([]);
    expect(matricesIssues(BUILTIN_MATRICES)).toEqual([]);
  });

  it('cut-offs not increasing are refused, naming the field', () => {
    expect(valueSettingsIssues(settingsWith({ abc: { aCut: 0.95, bCut: 0.8 } }))).toEqual([
      { path: 'abc.bCut', code: 'cut_offs_not_increasing' },
    ]);
  });

  it('segment rules: reserved or repeated keys, ranges low > high', () => {
    const [champions, lost] = [DEFAULT_RFM_SEGMENTS[0]!, DEFAULT_RFM_SEGMENTS.at(-1)!];
    expect(
      segmentRuleIssues([
        champions,
        { ...lost, key: 'champions' },
        { ...lost, key: 'others' },
        { ...lost, key: 'odd', f: [4, 2] },
      ]),
    ).toEqual([
      { path: 'rfm.segments.1.key', code: 'segment_key_twice', detail: 'champions' },
      { path: 'rfm.segments.2.key', code: 'segment_key_reserved', detail: 'others' },
      { path: 'rfm.segments.3.f', code: 'range_not_increasing', detail: '4–2' },
    ]);
  });

  it('matrices: keys twice and each matrix’s own issues', () => {
    const broken = { ...BUILTIN_MATRICES[1]!, cells: BUILTIN_MATRICES[1]!.cells.slice(1) };
    expect(matricesIssues([BUILTIN_MATRICES[0]!, BUILTIN_MATRICES[0]!, broken])).toEqual([
      { path: 'matrices.size_credit', code: 'matrix_key_twice' },
      { path: 'matrices.product_market.cells', code: 'cell_missing', detail: '0,2' },
    ]);
  });
});
