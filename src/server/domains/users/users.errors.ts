import { defineErrors } from '../../errors';

export const userErrors = defineErrors({
  duplicate_email: {
    status: 409,
    en: (p) => `A user with the e-mail ${p.email} already exists.`,
    zh: (p) => `邮箱为 ${p.email} 的用户已存在。`,
  },
  unknown_branch: { status: 422, en: 'No such branch.', zh: '分公司不存在。' },
  branch_required: {
    status: 422,
    en: 'A manager needs a branch.',
    zh: '经理必须属于一个分公司。',
  },
});
