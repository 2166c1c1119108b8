import { defineErrors } from '../../errors';

export const productErrors = defineErrors({
  duplicate_product_code: {
    status: 409,
    en: (p) => `Product code ${p.code} is already used by ${p.name}.`,
    zh: (p) => `产品编码 ${p.code} 已被「${p.name}」使用。`,
  },
});
