import { describe, expect, it } from 'vitest';
import { fitWarningText } from './fit-warning-messages';
import { FIT_WARNING_CODES as CODES } from './fit-warnings';

describe('fitWarningText', () => {
  it('says every warning in both languages, and whether the model was withheld', () => {
    for (const code of CODES) {
      const w = { model: 'bgnbd' as const, code, withheld: true, value: 12 };
      const en = fitWarningText(w, 'en');
      const zh = fitWarningText(w, 'zh-CN');
      expect(en).toMatch(/^BG\/NBD withheld: \S/);
      expect(zh).toMatch(/^BG\/NBD 购买次数模型未给出预测：\S/);
      expect(en).not.toBe(zh);
    }
    expect(
      fitWarningText({ model: 'gamma_gamma', code: 'too_few_repeaters', withheld: false, value: 12 }, 'en'),
    ).toBe('Gamma-Gamma: only 12 customers bought more than once (at least 30 needed)');
  });
});
