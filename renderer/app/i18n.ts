import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';
import type { Language } from './language.js';

/** Every string of the UI, per language; en is the reference the types are checked against. */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const;

/** A ready (synchronously initialised) i18next instance for the given language. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  // initAsync:false with inline resources finishes before init() returns; the promise carries nothing we need.
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
