import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../../shared/imports/import-fields';

/** A field's label in the user's language: the entity's own wording first ("name" of a product …). */
export function useFieldLabel(entity: ImportEntity) {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string) => {
      const own = `imports.entityFields.${entity}.${key}`;
      return i18n.exists(own) ? t(own) : t(`imports.fields.${key}`);
    },
    [entity, t, i18n],
  );
}
