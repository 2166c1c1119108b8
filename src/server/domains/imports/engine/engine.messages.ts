/**
 * The import engine's messages: every code the engine puts on a RowIssue, in zh-CN and en, with {name}
 * placeholders filled from the issue's params. Disjoint from the reader's catalog (read/read.messages).
 */
import type { Locale } from '../../../../shared/common/locale';
import type { ImportMessage, RowIssue } from '../import.contract';

import { formatImportMessage, type ImportMessageCatalog, READ_MESSAGES } from '../read/read.messages';

export const ENGINE_MESSAGES = {
  // Safety nets behind the reader's own cell checks (which answer first with their own codes).
  invalid_value: {
    en: 'Not a valid value for this column.',
    zh: '该列的值无效。',
  },
  value_required: { en: 'A value is required.', zh: '必须填写。' },
  value_too_long: { en: 'Longer than {max} characters.', zh: '超过 {max} 个字符。' },
  unknown_customer: {
    en: 'No customer has the code {value}.',
    zh: '客户编码 {value} 不存在。',
  },
  customer_deleted: {
    en: 'Customer {value} is in the recycle bin; restore it before importing into it.',
    zh: '客户 {value} 已删除（在回收站中），请先恢复再导入。',
  },
  customer_forbidden: {
    en: 'You may not change customer {value}.',
    zh: '您无权修改客户 {value}。',
  },
  customer_create_forbidden: {
    en: 'Your role may not create customers.',
    zh: '您的角色不能新建客户。',
  },
  unknown_product: {
    en: 'No product has the code {value}.',
    zh: '产品编码 {value} 不存在。',
  },
  products_forbidden: {
    en: 'Only administrators and managers may change products.',
    zh: '只有管理员和经理可以修改产品。',
  },
  unknown_user: {
    en: 'No active user has the e-mail or name {value}.',
    zh: '找不到邮箱或姓名为 {value} 的在职用户。',
  },
  ambiguous_user: {
    en: 'Several users are called {value}; write their e-mail instead.',
    zh: '有多个用户名为 {value}，请改填邮箱。',
  },
  owner_forbidden: {
    en: 'You may not make {value} the owner of a customer.',
    zh: '您不能把客户分配给 {value}。',
  },
  unknown_branch: {
    en: 'No branch has the code or name {value}.',
    zh: '找不到编码或名称为 {value} 的分公司。',
  },
  branch_forbidden: {
    en: 'You may only import customers of your own branch.',
    zh: '您只能导入本分公司的客户。',
  },
  unknown_contact: {
    en: 'Customer {customer} has no contact called {value}.',
    zh: '客户 {customer} 没有名为 {value} 的联系人。',
  },
  duplicate_key: {
    en: '{key} appears again on row {other} with different contents.',
    zh: '{key} 与第 {other} 行重复且内容不同。',
  },
  order_conflict: {
    en: 'Order {value}: this row says something else than row {other} about the order (customer, date, currency, status or notes).',
    zh: '订单 {value}：本行的订单信息（客户、日期、币种、状态或备注）与第 {other} 行不一致。',
  },
  order_deleted: {
    en: 'Order {value} is in the recycle bin; restore it before importing it again.',
    zh: '订单 {value} 已删除（在回收站中），请先恢复再导入。',
  },
  order_has_invalid_lines: {
    en: 'Skipped: another line of order {value} is invalid.',
    zh: '已跳过：订单 {value} 的其他行有错误。',
  },
  currency_invalid: {
    en: 'A currency is three letters, such as CNY.',
    zh: '币种应为三个字母，例如 CNY。',
  },
  quantity_zero: { en: 'The quantity may not be 0.', zh: '数量不能为 0。' },
  out_of_range: { en: 'The number is too large.', zh: '数值过大。' },
  duplicate_customer: {
    en: 'Looks like existing customer {code} {name} (score {score}); imported as a new customer.',
    zh: '疑似与已有客户 {code} {name} 重复（相似度 {score}），已作为新客户导入。',
  },
  duplicate_merged: {
    en: 'Merged into existing customer {code} {name} (score {score}), which keeps its code.',
    zh: '已合并到已有客户 {code} {name}（相似度 {score}），保留其客户编码。',
  },
  duplicate_merge_taken: {
    en: 'Looks like existing customer {code} {name} (score {score}), which row {other} is merged into; imported as a new customer.',
    zh: '疑似与已有客户 {code} {name} 重复（相似度 {score}），但第 {other} 行已合并到该客户，本行作为新客户导入。',
  },
  duplicate_in_file: {
    en: 'Looks like the same company as row {other}.',
    zh: '疑似与第 {other} 行是同一家公司。',
  },
} as const satisfies ImportMessageCatalog;

export type EngineMessageCode = keyof typeof ENGINE_MESSAGES;

/** An engine or reader message in the user's language (a code neither knows shows as itself). */
export const importMessage = (message: ImportMessage, locale: Locale): string =>
  formatImportMessage(message, locale, ENGINE_MESSAGES, READ_MESSAGES);

const WARNING: Record<Locale, string> = { en: 'Warning: ', 'zh-CN': '提示：' };

/** An issue's message as reports and lists show it: a warning (the row is still written) says so first. */
export const issueMessage = (issue: RowIssue, locale: Locale): string =>
  `${issue.severity === 'warning' ? WARNING[locale] : ''}${importMessage(issue, locale)}`;
