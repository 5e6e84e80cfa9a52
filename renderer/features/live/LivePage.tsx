import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/routes.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { findConnection } from '../obs/obsState.js';
import { ObsStatus } from '../obs/ObsStatus.js';
import { SceneGrid } from '../obs/SceneGrid.js';
import { useObsState } from '../obs/useObs.js';

/** The producer's live view: how OBS is doing and the scenes to cut between. */
export function LivePage(): ReactNode {
  const { t } = useTranslation();
  const { state, error } = useObsState();
  const main = findConnection(state);
  return (
    <section className="page" aria-labelledby="live-title">
      <header className="page-header">
        <h1 id="live-title">{t('live.title')}</h1>
        {main ? <ObsStatus connection={main} /> : null}
      </header>
      {error ? <ErrorMessage error={error} title={t('obs.loadError')} testId="obs-load-error" /> : null}
      <section className="panel" aria-labelledby="scenes-title">
        <h2 id="scenes-title">{t('live.scenes')}</h2>
        {state === null && !error ? <p className="muted">{t('obs.loading')}</p> : null}
        {main && main.status !== 'identified' ? (
          <p className="note">
            {t('live.notConnected')} <a href={routeHref('settings')}>{t('live.openSettings')}</a>
          </p>
        ) : null}
        {main ? <SceneGrid connection={main} /> : null}
      </section>
    </section>
  );
}
