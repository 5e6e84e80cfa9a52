import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { Button } from '../../../ui/Button.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useObsState } from '../../obs/useObs.js';
import { pickConnection } from '../inputs.js';
import { deviceCount, kindsByMedia, type CaptureKind } from './capture.js';
import { CaptureInputs } from './CaptureInputs.js';
import { CaptureKindSection } from './CaptureKindSection.js';
import { useCaptureDevices } from './useCaptureDevices.js';

/** Settings: the cameras, capture cards and microphones OBS can see, to add to a scene; and the capture inputs in use. */
export function CaptureDevicesPanel(): ReactNode {
  const { t } = useTranslation();
  const { state } = useObsState();
  const [picked, setPicked] = useState<string | null>(null);
  const c = pickConnection(state, picked);
  const selectId = useId();
  return (
    <section className="panel" aria-labelledby="capture-title">
      <div className="panel-head">
        <h2 id="capture-title">{t('capture.title')}</h2>
        {state && state.connections.length > 1 ? (
          <div className="field field-inline">
            <label htmlFor={selectId}>{t('capture.connection')}</label>
            <select id={selectId} value={c?.name ?? ''} onChange={(e) => setPicked(e.currentTarget.value)}>
              {state.connections.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {c ? <CaptureDevices key={c.name} connection={c} /> : <p className="muted">{t('obs.loading')}</p>}
    </section>
  );
}

function CaptureDevices({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const live = c.status === 'identified';
  const devices = useCaptureDevices(c.name, live);
  const kinds = devices.kinds ?? [];
  const { video, audio } = kindsByMedia(kinds);

  return (
    <div className="capture">
      <div className="toolbar">
        <p className="note">{live ? t('capture.intro') : t('capture.notConnected')}</p>
        <Button data-testid="capture-refresh" onClick={devices.refresh} disabled={!live || devices.loading}>
          {devices.loading ? t('capture.refreshing') : t('capture.refresh')}
        </Button>
      </div>
      {devices.error ? <ErrorMessage error={devices.error} title={t('capture.loadError')} testId="capture-error" /> : null}
      {devices.kinds !== null && deviceCount(kinds) === 0 ? (
        <p className="empty" data-testid="capture-empty">
          {t('capture.empty')}
          {devices.message ? <span className="capture-obs-message"> {devices.message}</span> : null}
        </p>
      ) : null}
      {devices.kinds !== null && deviceCount(kinds) > 0 ? (
        <>
          <MediaGroup title={t('capture.video')} kinds={video} connection={c} />
          <MediaGroup title={t('capture.audio')} kinds={audio} connection={c} />
        </>
      ) : null}
      <CaptureInputs connection={c} kinds={kinds} />
    </div>
  );
}

function MediaGroup({ title, kinds, connection }: { title: string; kinds: readonly CaptureKind[]; connection: ObsConnectionView }): ReactNode {
  if (kinds.length === 0) return null;
  return (
    <div className="capture-group">
      <h3>{title}</h3>
      {kinds.map((k) => (
        <CaptureKindSection key={k.kind} kind={k} connection={connection} />
      ))}
    </div>
  );
}
