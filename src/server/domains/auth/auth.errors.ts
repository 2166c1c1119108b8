import { defineErrors } from '../../errors';

export const authErrors = defineErrors({
  invalid_credentials: {
    status: 401,
    en: 'The e-mail or password is wrong.',
    zh: '邮箱或密码错误。',
  },
  login_throttled: {
    status: 429,
    en: (p) => `Too many failed sign-ins; try again in ${p.seconds} seconds.`,
    zh: (p) => `登录失败次数过多，请 ${p.seconds} 秒后再试。`,
  },
  session_expired: {
    status: 401,
    en: 'Your session has expired; sign in again.',
    zh: '登录已过期，请重新登录。',
  },
  token_not_found: { status: 404, en: 'No such API token.', zh: 'API 令牌不存在。' },
});
