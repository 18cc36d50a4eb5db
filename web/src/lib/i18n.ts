import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '../locales/en.json';
import fr from '../locales/fr.json';
import type { Lang, Text } from '../types/api';

export const LANG_STORAGE_KEY = 'clairscore.lang';
export const LANGUAGES: readonly Lang[] = ['fr', 'en'];

/** French by default (the company is French); the last choice is remembered on this browser. */
export function initialLanguage(): Lang {
  try {
    const saved = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // storage can be refused (private mode): French then
  }
  return 'fr';
}

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // nothing to remember then
  }
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', applyLanguage);
  return i18next;
}

/** The current language of a bilingual text. */
export const pick = (text: Text, lang: Lang): string => text[lang];

/** i18next's language narrowed to ours. */
export const asLang = (language: string | undefined): Lang => (language?.startsWith('en') ? 'en' : 'fr');
