import { defineErrors } from '../../errors';

export const customerErrors = defineErrors({
  duplicate_customer_code: {
    status: 409,
    en: (p) =>
      p.name
        ? `Customer code ${p.code} is already used by ${p.name}.`
        : `Customer code ${p.code} is already used.`,
    zh: (p) => (p.name ? `客户编码 ${p.code} 已被「${p.name}」使用。` : `客户编码 ${p.code} 已被使用。`),
  },
  customer_deleted: {
    status: 409,
    en: 'This customer was deleted; restore it before changing it.',
    zh: '该客户已删除，请先恢复再修改。',
  },
  customer_not_deleted: { status: 409, en: 'This customer is not deleted.', zh: '该客户未被删除。' },
});
