import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { BroadcastPanel } from '../broadcast/BroadcastPanel.js';
import { ConnectionStrip } from '../broadcast/ConnectionStrip.js';
import { HealthStrip } from '../broadcast/health/HealthStrip.js';
import { pickConnection } from '../broadcast/inputs.js';
import { ChatPanel } from '../chat/ChatPanel.js';
import { CuePanel } from '../cues/CuePanel.js';
import { Dashboard } from '../dashboard/Dashboard.js';
import { MAIN_CONNECTION } from '../obs/obsState.js';
import { ObsStatus } from '../obs/ObsStatus.js';
import { useObsState } from '../obs/useObs.js';

/** The producer's live view: stream health and alerts on top, the show control (cues), then the broadcast controls of the chosen OBS. */
export function LivePage(): ReactNode {
  const { t } = useTranslation();
  const { state, error } = useObsState();
  const [picked, setPicked] = useState<string | null>(null);
  const current = pickConnection(state, picked);
  return (
    <section className="page live-page" aria-labelledby="live-title">
      <HealthStrip connection={current?.name ?? MAIN_CONNECTION} />
      <header className="page-header">
        <h1 id="live-title">{t('live.title')}</h1>
        <ConnectionStrip connections={state?.connections ?? []} selected={current?.name ?? null} onSelect={setPicked} />
        {current ? <ObsStatus connection={current} /> : null}
      </header>
      {error ? <ErrorMessage error={error} title={t('obs.loadError')} testId="obs-load-error" /> : null}
      {state === null && !error ? <p className="muted">{t('obs.loading')}</p> : null}
      <CuePanel />
      <Dashboard />
      {current ? <BroadcastPanel key={current.name} connection={current} /> : null}
      <ChatPanel />
    </section>
  );
}
