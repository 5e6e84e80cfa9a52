import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language.js';

/** Reads the stored language choice; storage can be unavailable (blocked, private mode), which means no choice. */
export function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The current UI language and a setter that switches it and remembers the choice on this device. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  const set = useCallback(
    (language: Language) => {
      void i18n.changeLanguage(language);
      try {
        window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
      } catch {
        // Storage unavailable: the choice lasts until the page reloads, which is all we can do.
      }
    },
    [i18n],
  );
  return [current, set];
}
