import { useTranslation } from 'react-i18next';
import { customFieldKey } from '../../../shared/quality/quality-fields';
import { currentLocale } from '../../lib/i18n';
import { useCustomFieldDefs } from '../customers/customer-in-place';

/** The label of a required field in the user's language: profile fields translated, custom ones as defined. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  const defs = useCustomFieldDefs();
  const en = currentLocale() === 'en';
  return (field) => {
    const key = customFieldKey(field);
    if (key === null) return t(`quality.field.${field}`, field);
    const def = defs.find((d) => d.key === key);
    return def ? (en ? def.labelEn : def.labelZh) : key;
  };
}
