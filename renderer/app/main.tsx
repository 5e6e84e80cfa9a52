import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApi } from '../lib/api.js';
import { ApiProvider } from './ApiContext.js';
import { App } from './App.js';
import { createI18n } from './i18n.js';
import { initialLanguage } from './language.js';
import { readStoredLanguage } from './useLanguage.js';
import './styles.css';

const i18n = createI18n(initialLanguage(readStoredLanguage(), navigator.languages));
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// Created once for the page's lifetime (not inside a component, where StrictMode would open a second socket).
const api = createApi();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
