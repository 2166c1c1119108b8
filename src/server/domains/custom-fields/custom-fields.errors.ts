import { defineErrors } from '../../errors';

export const customFieldErrors = defineErrors({
  duplicate_custom_field: {
    status: 409,
    en: (p) => `A custom field with the key ${p.key} already exists.`,
    zh: (p) => `键为 ${p.key} 的自定义字段已存在。`,
  },
  select_needs_options: {
    status: 422,
    en: 'A select field needs at least one option.',
    zh: '下拉字段至少需要一个选项。',
  },
});
