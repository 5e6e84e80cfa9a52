import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { Button } from '../../../ui/Button.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useBroadcastActions } from '../useBroadcast.js';
import { uniqueInputName, type CaptureKind } from './capture.js';
import { useKindLabel } from './kindLabel.js';

type Device = CaptureKind['devices'][number];

/** One capture kind (e.g. V4L2 cameras) with its devices, each addable to a scene under a name. */
export function CaptureKindSection({ kind, connection }: { kind: CaptureKind; connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const label = useKindLabel(kind.kind);
  return (
    <section className="capture-kind" data-testid="capture-kind" data-kind={kind.kind} aria-label={label}>
      <h4>
        {label} <span className="muted mono">{kind.kind}</span>
      </h4>
      {kind.devices.length === 0 ? (
        <p className="muted">{t('capture.noneOfKind')}</p>
      ) : (
        <ul className="capture-devices">
          {kind.devices.map((d) => (
            <CaptureDeviceRow key={d.value} kind={kind.kind} device={d} connection={connection} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CaptureDeviceRow({ kind, device, connection: c }: { kind: string; device: Device; connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const sceneId = useId();
  const nameId = useId();
  const { addCaptureInput } = useBroadcastActions(c.name);
  const add = useCommand(addCaptureInput);
  const taken = new Set([...c.inputs.map((i) => i.name), ...c.scenes.map((s) => s.name)]);
  const [scene, setScene] = useState(c.programScene ?? c.scenes[0]?.name ?? '');
  const [name, setName] = useState(() => uniqueInputName(device.name, taken));
  const [added, setAdded] = useState<{ input: string; scene: string } | null>(null);
  const live = c.status === 'identified';
  const sceneValue = c.scenes.some((s) => s.name === scene) ? scene : (c.scenes[0]?.name ?? '');

  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const inputName = name.trim();
    if (inputName === '' || sceneValue === '') return;
    void add.run(sceneValue, kind, inputName, device.value).then((r) => {
      if (!r.ok) return;
      setAdded({ input: r.value.inputName, scene: sceneValue });
      setName(uniqueInputName(device.name, new Set([...taken, r.value.inputName])));
    });
  };

  return (
    <li className="capture-device" data-testid="capture-device" data-device={device.value} data-enabled={device.enabled}>
      <div className="capture-device-name">
        <strong>{device.name}</strong>
        {device.enabled ? null : <span className="badge badge-warn">{t('capture.unavailable')}</span>}
      </div>
      <form className="capture-add-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={sceneId}>{t('capture.scene')}</label>
          <select id={sceneId} data-testid="capture-scene" value={sceneValue} onChange={(e) => setScene(e.currentTarget.value)}>
            {c.scenes.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={nameId}>{t('capture.inputName')}</label>
          <input
            id={nameId}
            data-testid="capture-name"
            value={name}
            maxLength={200}
            required
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <Button
          type="submit"
          variant="primary"
          data-testid="capture-add"
          disabled={!live || add.pending || name.trim() === '' || sceneValue === ''}
        >
          {add.pending ? t('capture.adding') : t('capture.add')}
        </Button>
      </form>
      {added ? (
        <p className="field-hint" role="status" data-testid="capture-added">
          {t('capture.added', { input: added.input, scene: added.scene })}
        </p>
      ) : null}
      {add.error ? <ErrorMessage error={add.error} title={t('capture.addError', { name: device.name })} testId="capture-add-error" /> : null}
    </li>
  );
}
