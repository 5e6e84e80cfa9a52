import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { routeHref } from '../../app/routes.js';
import { AudioMixer } from './audio/AudioMixer.js';
import { OutputControls } from './outputs/OutputControls.js';
import { SceneGrid } from './scenes/SceneGrid.js';
import { SceneItems } from './scenes/SceneItems.js';
import { StudioControls } from './scenes/StudioControls.js';
import { TextSources } from './scenes/TextSources.js';

/** Everything the producer needs to run the broadcast of one OBS from the Live page. */
export function BroadcastPanel({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="broadcast" data-connection={c.name}>
      <section className="panel" aria-labelledby="outputs-title">
        <h2 id="outputs-title" className="visually-hidden">
          {t('outputs.title')}
        </h2>
        <OutputControls connection={c} />
      </section>

      <section className="panel" aria-labelledby="scenes-title">
        <div className="panel-head">
          <h2 id="scenes-title">{t('live.scenes')}</h2>
          <StudioControls connection={c} />
        </div>
        {c.status !== 'identified' ? (
          <p className="note">
            {t('live.notConnected')} <a href={routeHref('settings')}>{t('live.openSettings')}</a>
          </p>
        ) : null}
        <SceneGrid connection={c} />
      </section>

      <div className="broadcast-columns">
        <div className="broadcast-column">
          <section className="panel" aria-labelledby="items-title">
            <h2 id="items-title">{t('broadcast.sources')}</h2>
            <SceneItems connection={c} />
          </section>
          <section className="panel" aria-labelledby="texts-title">
            <h2 id="texts-title">{t('broadcast.textSources')}</h2>
            <TextSources connection={c} />
          </section>
        </div>
        <section className="panel" aria-labelledby="mixer-title">
          <h2 id="mixer-title">{t('mixer.title')}</h2>
          <AudioMixer connection={c} />
        </section>
      </div>
    </div>
  );
}
