/**
 * The import engine's messages: every code the engine puts on a RowIssue, in zh-CN and en. Parameters
 * are written {name} and filled by `engineMessage`.
 */
import type { Locale } from '../../../../shared/common/locale';
import type { ImportMessage } from '../import.contract';

type Text = { zh: string; en: string };

export const ENGINE_MESSAGES = {
  invalid_value: {
    en: 'Not a valid {type} value.',
    zh: '不是有效的{typeZh}。',
  },
  required: { en: 'A value is required.', zh: '必填，不能为空。' },
  too_long: { en: 'Longer than {max} characters.', zh: '超过 {max} 个字符。' },
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
  merge_duplicates_unavailable: {
    en: 'Merging duplicates on import is not available yet.',
    zh: '导入时合并重复客户的功能尚未提供。',
  },
} as const satisfies Record<string, Text>;

export type EngineMessageCode = keyof typeof ENGINE_MESSAGES;

const TYPE_NAMES: Record<string, Text> = {
  text: { en: 'text', zh: '文本' },
  money: { en: 'amount', zh: '金额' },
  decimal: { en: 'number', zh: '数字' },
  integer: { en: 'whole number', zh: '整数' },
  date: { en: 'date', zh: '日期' },
  timestamp: { en: 'date and time', zh: '日期时间' },
  boolean: { en: 'yes/no', zh: '是/否' },
  enum: { en: 'choice', zh: '选项' },
  list: { en: 'list', zh: '列表' },
};

const fill = (text: string, params: Readonly<Record<string, string | number>>) =>
  text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

/** The engine's message in the user's language; undefined for a code that is not the engine's. */
export function engineMessage(message: ImportMessage, locale: Locale): string | undefined {
  const entry = (ENGINE_MESSAGES as Record<string, Text>)[message.code];
  if (!entry) return undefined;
  const params: Record<string, string | number> = { ...message.params };
  const type = typeof params.type === 'string' ? TYPE_NAMES[params.type] : undefined;
  if (type) {
    params.type = type.en;
    params.typeZh = type.zh;
  }
  return fill(locale === 'en' ? entry.en : entry.zh, params);
}
