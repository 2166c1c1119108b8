import { defineErrors } from '../../errors';

export const userErrors = defineErrors({
  duplicate_email: {
    status: 409,
    en: (p) => `A user with the e-mail ${p.email} already exists.`,
    zh: (p) => `邮箱为 ${p.email} 的用户已存在。`,
  },
  unknown_branch: { status: 422, en: 'No such branch.', zh: '分公司不存在。' },
  duplicate_branch: {
    status: 409,
    en: (p) => `A branch with the code ${p.code} already exists.`,
    zh: (p) => `编码为 ${p.code} 的分公司已存在。`,
  },
  last_admin: {
    status: 409,
    en: 'The workspace would be left without an active admin.',
    zh: '工作区将没有可用的管理员。',
  },
  branch_required: {
    status: 422,
    en: 'A manager needs a branch.',
    zh: '经理必须属于一个分公司。',
  },
});
