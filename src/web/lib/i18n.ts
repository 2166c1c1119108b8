import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, localeFromAcceptLanguage } from '../../shared/common/locale';
import { en } from '../locales/en';
import { zhCN } from '../locales/zh-CN';

const STORAGE_KEY = 'kehu.locale';

/** The language to start in: the one chosen on this browser before, else the browser's own. */
function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return localeFromAcceptLanguage(globalThis.navigator?.languages?.join(',')) ?? 'zh-CN';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'zh-CN');

/** Switches the language here and remembers it on this browser (the server keeps the user's too). */
export async function switchLocale(locale: Locale): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}
