import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n';
import { getCustomerValue, getValueSettings, VALUE_KEY, VALUE_SETTINGS_KEY } from './value-api';

/** The value engine's settings (everyone may read them: segment names, cut-offs). */
export function useValueSettings() {
  return useQuery({
    queryKey: VALUE_SETTINGS_KEY,
    queryFn: ({ signal }) => getValueSettings(signal),
    staleTime: 60_000,
  });
}

/** A customer's latest verdict and history (one request for the value and prediction cards). */
export function useCustomerValue(customerId: number) {
  return useQuery({
    queryKey: [...VALUE_KEY, 'customer', customerId],
    queryFn: ({ signal }) => getCustomerValue(customerId, signal),
  });
}

/** An RFM segment's name in the user's language, from the current rules (keys outside them as is). */
export function useSegmentName() {
  const { t } = useTranslation();
  const settings = useValueSettings();
  const en = currentLocale() === 'en';
  const segments = settings.data?.settings.rfm.segments;
  return useCallback(
    (key: string | null | undefined): string => {
      if (!key || key === 'no_rfm') return t('value.segment.noRfm');
      if (key === 'others') return t('value.segment.others');
      const rule = segments?.find((s) => s.key === key);
      return rule ? (en ? rule.nameEn : rule.nameZh) : key;
    },
    [segments, en, t],
  );
}

export const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;

/** Yuan from integer cents (run summaries keep money in cents). */
export const centsToYuan = (cents: number) => (cents / 100).toFixed(2);

/** May start a run, open breach tasks and change the rules (the server checks the same). */
export const canManageValue = (role: string | undefined) => role === 'admin' || role === 'manager';
