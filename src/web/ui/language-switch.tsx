import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/common/locale';
import { currentLocale, switchLocale } from '../lib/i18n';

/** zh-CN / en; `onSwitched` lets the signed-in shell save the choice on the user too. */
export function LanguageSwitch({ onSwitched }: { onSwitched?: (locale: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <Select<Locale>
      aria-label={t('header.language')}
      size="small"
      value={currentLocale()}
      style={{ width: 100 }}
      options={[
        { value: 'zh-CN', label: '简体中文' },
        { value: 'en', label: 'English' },
      ]}
      onChange={async (locale) => {
        await switchLocale(locale);
        onSwitched?.(locale);
      }}
    />
  );
}
