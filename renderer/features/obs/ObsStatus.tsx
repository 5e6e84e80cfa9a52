import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { useNow } from '../../lib/useNow.js';
import { StatusPill } from '../../ui/StatusPill.js';
import { secondsUntil, statusTone } from './obsState.js';

/** The connection's status pill, its message (why it failed, what it is waiting for) and the next retry. */
export function ObsStatus({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const retrying = c.status === 'reconnecting' && c.nextRetryAt !== null;
  const now = useNow(1000, retrying);
  const seconds = retrying ? secondsUntil(c.nextRetryAt, now) : null;
  return (
    <div className="obs-status">
      <StatusPill tone={statusTone(c.status)} data-testid="obs-status" data-status={c.status} aria-label={`${t('obs.statusLabel')}: ${t(`obs.status.${c.status}`)}`}>
        {t(`obs.status.${c.status}`)}
      </StatusPill>
      {c.failure && c.status === 'failed' ? <span className="badge badge-bad">{t(`obs.failure.${c.failure}`)}</span> : null}
      {c.message ? (
        <span className="obs-message" data-testid="obs-message">
          {c.message}
        </span>
      ) : null}
      {seconds !== null ? (
        <span className="muted" data-testid="obs-retry">
          {seconds > 0
            ? t('obs.nextRetry', { seconds, attempt: c.attempts + 1 })
            : t('obs.retrying', { attempt: c.attempts + 1 })}
        </span>
      ) : null}
      {c.status === 'identified' && c.obsVersion && c.websocketVersion ? (
        <span className="muted">{t('obs.versions', { obs: c.obsVersion, websocket: c.websocketVersion })}</span>
      ) : null}
    </div>
  );
}
