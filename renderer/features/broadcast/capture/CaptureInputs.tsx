import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { captureInputs } from '../inputs.js';
import { deviceName, type CaptureKind } from './capture.js';

/** The capture inputs OBS already has: which device each uses and whether OBS reports it active. */
export function CaptureInputs({ connection: c, kinds }: { connection: ObsConnectionView; kinds: readonly CaptureKind[] }): ReactNode {
  const { t } = useTranslation();
  const inputs = captureInputs(c);
  return (
    <div className="capture-group">
      <h3>{t('capture.inputsTitle')}</h3>
      {inputs.length === 0 ? (
        <p className="muted">{t('capture.noInputs')}</p>
      ) : (
        <ul className="capture-inputs">
          {inputs.map((i) => {
            const state = i.capture.active === null ? 'unknown' : i.capture.active ? 'active' : 'inactive';
            return (
              <li key={i.name} className="capture-input" data-testid="capture-input" data-input={i.name} data-active={state}>
                <strong>{i.name}</strong>
                <span className="muted mono">{i.kind}</span>
                <span>{deviceName(kinds, i.kind, i.capture.device) ?? t('capture.noDevice')}</span>
                <span className={`badge ${state === 'active' ? 'badge-ok' : state === 'inactive' ? 'badge-warn' : ''}`}>
                  {t(`capture.state.${state}`)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
