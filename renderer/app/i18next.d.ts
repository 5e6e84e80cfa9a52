import type en from '../locales/en.json';

declare module 'i18next' {
  /** Typed translation keys: t('nav.live') is checked against locales/en.json. */
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
