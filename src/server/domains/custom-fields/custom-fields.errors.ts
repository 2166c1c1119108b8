import { AppError, defineErrors } from '../../errors';

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

/** The catalogue's error, with a field error too, so that a form shows it at the field it is about. */
export function customFieldError(
  code: keyof typeof customFieldErrors.defs,
  field: 'key' | 'options',
  params: Record<string, unknown> = {},
): AppError {
  const message =
    code === 'duplicate_custom_field' ? 'kehu.duplicate_custom_field' : 'kehu.select_needs_options';
  return new AppError(code, customFieldErrors.defs[code], params, [{ field, message }]);
}
