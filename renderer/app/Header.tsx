import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/errors.js';
import type { LinkStatus } from '../lib/api.js';
import { StatusPill, type Tone } from '../ui/StatusPill.js';
import { isLanguage, LANGUAGES } from './language.js';
import { ROUTES, routeHref, type Route } from './routes.js';
import { useAppInfo } from './useAppInfo.js';
import { useLanguage } from './useLanguage.js';

function linkTone(link: LinkStatus): Tone {
  switch (link) {
    case 'open':
      return 'ok';
    case 'connecting':
      return 'busy';
    case 'closed':
      return 'bad';
    default:
      return assertNever(link, 'link status');
  }
}

export function Header({ link, route }: { link: LinkStatus; route: Route }): ReactNode {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const info = useAppInfo();
  const ref = useRef<HTMLElement>(null);
  useHeaderHeightVariable(ref);
  return (
    <header className="app-header" ref={ref}>
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        {info ? (
          <span className={info.mode === 'rehearsal' ? 'badge badge-warn' : 'badge badge-live'}>
            {info.mode === 'rehearsal' ? t('app.rehearsal') : t('app.live')}
          </span>
        ) : null}
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        {ROUTES.map((r) => (
          <a key={r} href={routeHref(r)} data-testid={`nav-${r}`} aria-current={r === route ? 'page' : undefined}>
            {t(`nav.${r}`)}
          </a>
        ))}
      </nav>
      <div className="header-tools">
        <StatusPill tone={linkTone(link)} data-testid="link-status" aria-label={`${t('header.link')}: ${t(`link.${link}`)}`}>
          {t(`link.${link}`)}
        </StatusPill>
        <label className="lang">
          <span className="visually-hidden">{t('header.language')}</span>
          <select
            data-testid="lang-select"
            value={language}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isLanguage(value)) setLanguage(value);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}

/** Publishes the sticky header's height as --header-h, so bars that stick below it (the health strip) sit right under it. */
function useHeaderHeightVariable(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty('--header-h', `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--header-h');
    };
  }, [ref]);
}
