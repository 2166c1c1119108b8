import { defineErrors } from '../../errors';

export const taskErrors = defineErrors({
  assignee_not_allowed: {
    status: 403,
    en: 'You may give tasks only to yourself (managers: to users of their branch).',
    zh: '您只能给自己分配待办（经理可分配给本分公司的用户）。',
  },
});
