import { defineErrors } from '../../errors';

export const duplicateErrors = defineErrors({
  merge_undone: {
    status: 409,
    en: 'This merge has been undone already.',
    zh: '此次合并已撤销。',
  },
  survivor_changed: {
    status: 409,
    en: 'The kept customer has changed since the merge; the merge can no longer be undone automatically.',
    zh: '合并后保留的客户已被修改，无法自动撤销此次合并。',
  },
  survivor_gone: {
    status: 409,
    en: 'The kept customer no longer exists (it was deleted or merged into another); undo that first.',
    zh: '合并后保留的客户已不存在（已删除或又被合并），请先撤销那一步。',
  },
  code_taken: {
    status: 409,
    en: (p) => `The code ${p.code} of the merged customer is now used by another customer.`,
    zh: (p) => `被合并客户的编码 ${p.code} 已被其他客户使用。`,
  },
  customer_deleted: {
    status: 409,
    en: 'A deleted customer cannot be merged; restore it first.',
    zh: '已删除的客户不能合并，请先恢复。',
  },
});
