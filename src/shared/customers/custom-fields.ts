export type CustomFieldDef = {
  key: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'select';
  options: readonly string[];
  required: boolean;
};

export type CustomFieldIssue = { key: string; message: string };
type Value = string | number | boolean | null;

/**
 * Checks custom field values against the admin's definitions. `merged` is the full set after the
 * change, so required fields are enforced on update too. Messages are keys translated by the server.
 */
export function validateCustomFields(
  defs: readonly CustomFieldDef[],
  merged: Record<string, Value>,
): CustomFieldIssue[] {
  const issues: CustomFieldIssue[] = [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(merged)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ key, message: 'kehu.unknown_custom_field' });
      continue;
    }
    if (value === null) continue;
    const ok =
      def.type === 'text'
        ? typeof value === 'string'
        : def.type === 'number'
          ? typeof value === 'number' && Number.isFinite(value)
          : def.type === 'boolean'
            ? typeof value === 'boolean'
            : def.type === 'date'
              ? typeof value === 'string' &&
                /^\d{4}-\d{2}-\d{2}$/.test(value) &&
                !Number.isNaN(Date.parse(value))
              : typeof value === 'string';
    if (!ok) issues.push({ key, message: 'kehu.custom_field_type' });
    else if (def.type === 'select' && !def.options.includes(value as string)) {
      issues.push({ key, message: 'kehu.custom_field_option' });
    }
  }
  for (const def of defs) {
    const v = merged[def.key];
    if (def.required && (v === undefined || v === null || v === '')) {
      issues.push({ key: def.key, message: 'kehu.custom_field_required' });
    }
  }
  return issues;
}
