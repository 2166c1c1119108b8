/** Input the value engine refuses (the caller maps the code to a message in the user's language). */
export type ValueEngineErrorCode =
  | 'cut_off_out_of_range'
  | 'cut_offs_not_increasing'
  | 'invalid_as_of'
  | 'invalid_matrix'
  | 'invalid_segment_rules'
  | 'matrix_key_twice';

export class ValueEngineError extends Error {
  constructor(
    readonly code: ValueEngineErrorCode,
    /** The setting or matrix at fault, e.g. 'abc.bCut' or 'matrices.size_credit.cells'. */
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValueEngineError';
  }
}

export const ENGINE_ERROR_MESSAGES: Record<ValueEngineErrorCode, { zh: string; en: string }> = {
  cut_off_out_of_range: {
    zh: 'ABC 分界点必须大于 0 且不超过 100%',
    en: 'ABC cut-offs must be above 0 and at most 100%',
  },
  cut_offs_not_increasing: {
    zh: 'ABC 分界点必须递增：A 类分界点须小于 B 类分界点',
    en: 'ABC cut-offs must increase: the A cut-off must be below the B cut-off',
  },
  invalid_as_of: {
    zh: '分析日期不是有效日期（YYYY-MM-DD）',
    en: 'The as-of date is not a valid day (YYYY-MM-DD)',
  },
  invalid_matrix: {
    zh: '因素矩阵无效：每对分档须恰有一个格子，分界点须递增，各档取值不得重复',
    en: 'Invalid factor matrix: every band pair needs exactly one cell, cuts must increase, bands must not share values',
  },
  invalid_segment_rules: {
    zh: 'RFM 细分规则无效：键不得重复或使用保留键（others、no_rfm），区间下限不得大于上限',
    en: 'Invalid RFM segment rules: keys must be unique and not reserved (others, no_rfm), ranges low ≤ high',
  },
  matrix_key_twice: { zh: '因素矩阵的键重复', en: 'Two factor matrices have the same key' },
};
