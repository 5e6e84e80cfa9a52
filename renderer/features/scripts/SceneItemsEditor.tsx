import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SceneItemToggle } from '../../../shared/contract/cues.js';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { Button } from '../../ui/Button.js';

const MAX_TOGGLES = 20;

/**
 * Sources the segment shows or hides when it starts ("Price Card / Logo: hide"). Scenes and sources come from OBS
 * while it is connected; typed by hand while it is not.
 */
export function SceneItemsEditor({
  value,
  obs,
  problem,
  onChange,
}: {
  value: readonly SceneItemToggle[];
  obs: ObsConnectionView | null;
  problem: string | null;
  onChange: (v: SceneItemToggle[]) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const setAt = (i: number, patch: Partial<SceneItemToggle>): void =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...patch, ...(patch.scene !== undefined && patch.scene !== x.scene ? { source: '' } : {}) } : x)));
  const scenes = obs?.scenes ?? null;
  return (
    <fieldset className="scene-toggles" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend className="field-label">{t('scripts.fields.sceneItems')}</legend>
      {value.length === 0 ? <p className="field-hint">{t('scripts.noSceneItems')}</p> : null}
      <ul className="scene-toggle-list">
        {value.map((x, i) => {
          const sources = scenes?.find((s) => s.name === x.scene)?.items.map((it) => it.sourceName) ?? null;
          return (
            <li key={i} className="scene-toggle" data-testid="segment-scene-item">
              {scenes ? (
                <select aria-label={t('scripts.toggleScene')} value={x.scene} onChange={(e) => setAt(i, { scene: e.currentTarget.value })}>
                  <option value="">{t('scripts.pickScene')}</option>
                  {x.scene !== '' && !scenes.some((s) => s.name === x.scene) ? <option value={x.scene}>{t('scripts.notInObs', { name: x.scene })}</option> : null}
                  {scenes.map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input aria-label={t('scripts.toggleScene')} value={x.scene} maxLength={200} onChange={(e) => setAt(i, { scene: e.currentTarget.value })} />
              )}
              {sources ? (
                <select aria-label={t('scripts.toggleSource')} value={x.source} onChange={(e) => setAt(i, { source: e.currentTarget.value })}>
                  <option value="">{t('scripts.pickSource')}</option>
                  {x.source !== '' && !sources.includes(x.source) ? <option value={x.source}>{t('scripts.notInObs', { name: x.source })}</option> : null}
                  {sources.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              ) : (
                <input aria-label={t('scripts.toggleSource')} value={x.source} maxLength={200} onChange={(e) => setAt(i, { source: e.currentTarget.value })} />
              )}
              <select
                aria-label={t('scripts.toggleAction')}
                value={x.enabled ? 'show' : 'hide'}
                onChange={(e) => setAt(i, { enabled: e.currentTarget.value === 'show' })}
              >
                <option value="show">{t('scripts.show')}</option>
                <option value="hide">{t('scripts.hide')}</option>
              </select>
              <Button variant="ghost" aria-label={t('scripts.removeToggle')} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </li>
          );
        })}
      </ul>
      {value.length < MAX_TOGGLES ? (
        <Button className="btn-small" data-testid="segment-scene-item-add" onClick={() => onChange([...value, { scene: '', source: '', enabled: true }])}>
          {t('scripts.addToggle')}
        </Button>
      ) : null}
      {problem ? (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
