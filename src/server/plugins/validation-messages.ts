import { z } from 'zod';
import type { Locale } from '../../shared/common/locale';

const KEHU_MESSAGES: Record<string, { en: string; zh: string }> = {
  'kehu.invalid_phone': { en: 'Not a valid phone number.', zh: '电话号码格式不正确。' },
  'kehu.invalid_tax_id': {
    en: 'Not a valid unified social credit code (18 characters with a check character).',
    zh: '统一社会信用代码无效（应为 18 位且校验位正确）。',
  },
  'kehu.invalid_money': {
    en: 'Not a valid amount (at most 12 digits and 2 decimals).',
    zh: '金额格式不正确（最多 12 位整数、2 位小数）。',
  },
  'kehu.blank': { en: 'Must not be empty.', zh: '不能为空。' },
  'kehu.invalid_cursor': { en: 'Not a cursor this list gave out.', zh: '分页游标无效。' },
  'kehu.unknown_custom_field': { en: 'No such custom field.', zh: '没有这个自定义字段。' },
  'kehu.custom_field_type': { en: 'Wrong type for this custom field.', zh: '自定义字段的值类型不正确。' },
  'kehu.custom_field_required': { en: 'This custom field is required.', zh: '此自定义字段为必填项。' },
  'kehu.custom_field_option': { en: 'Not one of the allowed options.', zh: '不是允许的选项之一。' },
  'kehu.duplicate_custom_field': {
    en: 'Another custom field has this key.',
    zh: '已有自定义字段使用这个键。',
  },
  'kehu.select_needs_options': {
    en: 'A select field needs at least one option.',
    zh: '下拉字段至少需要一个选项。',
  },
  'kehu.invalid_code_rule': {
    en: 'Not a valid code rule: exactly one {seq} or {seq:N}, optionally {yyyy} {yy} {mm} {dd}, no spaces or other braces, codes of at most 40 characters.',
    zh: '编码规则无效：须恰好包含一个 {seq} 或 {seq:N}，可含 {yyyy} {yy} {mm} {dd}，不能有空格或其他花括号，编码最长 40 个字符。',
  },
  'kehu.invalid_time_zone': {
    en: 'Not a known IANA time zone (such as Asia/Shanghai).',
    zh: '不是有效的 IANA 时区（例如 Asia/Shanghai）。',
  },
  'kehu.unknown_quality_field': {
    en: 'Not a field that can be required: a profile field, a contact fact or custom:<key> of a custom field.',
    zh: '不是可设为必填的字段：应为客户资料字段、联系人条件，或 custom:<键名> 形式的自定义字段。',
  },
  'kehu.duplicate_quality_field': { en: 'This field is listed twice.', zh: '该字段重复列出。' },
  'kehu.unknown_user': { en: 'No such user in this workspace.', zh: '本工作区没有这个用户。' },
  'kehu.last_admin': {
    en: 'The last active admin of the workspace must stay an active admin; make another user admin first.',
    zh: '这是工作区最后一位启用的管理员，不能改为其他角色或停用；请先将另一位用户设为管理员。',
  },
  'kehu.branch_required': { en: 'A manager needs a branch.', zh: '经理必须属于一个分公司。' },
  'kehu.unknown_branch': { en: 'No such branch.', zh: '分公司不存在。' },
  'kehu.unknown_team': { en: 'No such team.', zh: '团队不存在。' },
  'kehu.team_not_in_branch': {
    en: 'This team belongs to another branch; choose a team of the user’s branch.',
    zh: '该团队属于其他分公司，请选择用户所在分公司的团队。',
  },
  'kehu.unknown_product': { en: 'No such product.', zh: '没有这个产品。' },
  'kehu.invalid_quantity': {
    en: 'Not a valid quantity (at most 11 digits and 3 decimals).',
    zh: '数量格式不正确（最多 11 位整数、3 位小数）。',
  },
  'kehu.line_needs_item': { en: 'Give a product or a description.', zh: '请填写产品或描述。' },
  'kehu.amount_out_of_range': {
    en: 'The amount is too large (at most 999,999,999,999.99).',
    zh: '金额过大（最多 999,999,999,999.99）。',
  },
  'kehu.contact_not_of_customer': {
    en: 'This contact does not belong to the customer.',
    zh: '该联系人不属于此客户。',
  },
  'kehu.one_line': { en: 'Must be a single line.', zh: '只能填写一行。' },
  'kehu.parent_is_self': { en: 'A customer cannot be its own parent.', zh: '客户不能是自己的上级客户。' },
  'kehu.unknown_parent': { en: 'No such parent customer.', zh: '上级客户不存在。' },
  'kehu.invalid_view_filter': {
    en: 'Not a filter, search or sort this list accepts.',
    zh: '此列表不接受该筛选、搜索或排序条件。',
  },
  'kehu.duplicate_template_name': {
    en: 'You already have an import template for this kind of record with this name.',
    zh: '此类记录您已有同名的导入模板。',
  },
  'kehu.unknown_import_field': {
    en: 'Records of this kind have no such field.',
    zh: '此类记录没有这个字段。',
  },
  'kehu.unknown_import_column': {
    en: 'The file has no column with this header.',
    zh: '文件中没有这个表头的列。',
  },
  'kehu.required_import_column': {
    en: 'Required: choose the column it is read from.',
    zh: '必填：请选择读取它的列。',
  },
  'kehu.duplicate_view_name': {
    en: 'You already have a view of this list with this name.',
    zh: '此列表中您已有同名的视图。',
  },
  // 查重 (src/server/domains/duplicates)
  'kehu.merge_same_customer': {
    en: 'A customer cannot be merged into itself.',
    zh: '不能将客户与自身合并。',
  },
  // 价值分析 (src/server/domains/value; the settings schema's own key)
  cut_offs_not_increasing: {
    en: 'ABC cut-offs must increase: the A cut-off must be below the B cut-off.',
    zh: 'ABC 分界点必须递增：A 类分界点须小于 B 类分界点。',
  },
  'kehu.invalid_percent': { en: 'Not a percentage from 0 to 100.', zh: '应为 0 到 100 之间的百分比。' },
  'kehu.unknown_merge_field': { en: 'Not a field a merge can choose.', zh: '合并时不能选择此字段。' },
  'kehu.union_only_tags': {
    en: 'Only tags can be combined from both customers.',
    zh: '只有标签可以合并双方的值。',
  },
};

export function translateKehuMessage(message: string, locale: Locale): string | undefined {
  const m = KEHU_MESSAGES[message];
  return m ? (locale === 'en' ? m.en : m.zh) : undefined;
}

type RawIssue = {
  code: string;
  message: string;
  path: (string | number)[];
  input?: unknown;
  [k: string]: unknown;
};

const localeErrors = { en: z.locales.en().localeError, 'zh-CN': z.locales.zhCN().localeError };

/** Re-words a zod issue in the caller's language; our own message keys come from the table above. */
export function localizeIssue(issue: RawIssue, locale: Locale): string {
  const own = translateKehuMessage(issue.message, locale);
  if (own) return own;
  const fn = localeErrors[locale] as (i: unknown) => string | { message: string } | undefined;
  const out = fn(issue);
  return (typeof out === 'string' ? out : out?.message) ?? issue.message;
}
