import { defineErrors } from '../../errors';

export const activityErrors = defineErrors({
  activity_customer_deleted: {
    status: 409,
    en: 'The customer was deleted; restore it before recording or changing its activities.',
    zh: '该客户已删除，请先恢复客户再记录或修改其跟进记录。',
  },
  not_activity_author: {
    status: 403,
    en: 'Only the author, an administrator or the branch manager may change this activity.',
    zh: '只有记录人、管理员或本分公司经理可以修改此跟进记录。',
  },
});
