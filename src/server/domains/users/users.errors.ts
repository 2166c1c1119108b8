import { AppError, defineErrors } from '../../errors';

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
  unknown_team: { status: 422, en: 'No such team.', zh: '团队不存在。' },
  team_not_in_branch: {
    status: 422,
    en: 'The team belongs to another branch.',
    zh: '该团队属于其他分公司。',
  },
});

type UserErrorCode = keyof typeof userErrors.defs;

/**
 * A user error that belongs to one field of the request: the usual code and detail, plus the field's
 * own message (`kehu.<code>`, worded in `plugins/validation-messages.ts`) so a form shows it there.
 */
export function userFieldError(code: UserErrorCode, field: string): AppError {
  return new AppError(code, userErrors.defs[code], {}, [{ field, message: `kehu.${code}` }]);
}
