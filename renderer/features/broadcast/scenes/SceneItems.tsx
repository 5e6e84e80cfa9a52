import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView, ObsSceneItem } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { focusedScene, itemsTopFirst } from '../inputs.js';
import { useBroadcastActions } from '../useBroadcast.js';

/**
 * The sources of one scene with show/hide toggles. The scene follows preview (studio mode) or program until the
 * producer picks another one in the list.
 */
export function SceneItems({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const selectId = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const scene = focusedScene(c, picked);
  if (!scene) return <p className="muted">{t('live.noScenes')}</p>;
  const items = itemsTopFirst(scene);
  return (
    <div className="scene-items">
      <div className="field field-inline">
        <label htmlFor={selectId}>{t('broadcast.itemsOf')}</label>
        <select
          id={selectId}
          data-testid="scene-items-scene"
          value={scene.name}
          onChange={(e) => setPicked(e.currentTarget.value)}
        >
          {c.scenes.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('broadcast.noItems')}</p>
      ) : (
        <ul className="item-list">
          {items.map((item) => (
            <SceneItemRow key={`${scene.name}/${item.id}`} connection={c} scene={scene.name} item={item} />
          ))}
        </ul>
      )}
    </div>
  );
}

function SceneItemRow({ connection: c, scene, item }: { connection: ObsConnectionView; scene: string; item: ObsSceneItem }): ReactNode {
  const { t } = useTranslation();
  const { setSceneItemEnabled } = useBroadcastActions(c.name);
  const toggle = useCommand(setSceneItemEnabled);
  const live = c.status === 'identified';
  return (
    <li
      className={item.enabled ? 'item-row' : 'item-row item-hidden'}
      data-testid="scene-item"
      data-item-id={item.id}
      data-enabled={item.enabled ? 'true' : 'false'}
    >
      <div className="item-main">
        <span className="item-name">{item.sourceName}</span>
        {item.inputKind ? <span className="item-kind mono">{item.inputKind}</span> : null}
        {item.locked ? (
          <span className="badge" data-testid="scene-item-locked" title={t('broadcast.lockedHint')}>
            {t('broadcast.locked')}
          </span>
        ) : null}
        <button
          type="button"
          className="btn toggle item-toggle"
          data-testid="scene-item-toggle"
          aria-pressed={item.enabled}
          aria-label={t(item.enabled ? 'broadcast.hideItem' : 'broadcast.showItem', { name: item.sourceName })}
          disabled={!live || toggle.pending}
          onClick={() => void toggle.run(scene, item.id, !item.enabled)}
        >
          <span className="toggle-track" aria-hidden="true" />
          {item.enabled ? t('broadcast.visible') : t('broadcast.hidden')}
        </button>
      </div>
      {toggle.error ? (
        <ErrorMessage error={toggle.error} title={t('broadcast.itemError', { name: item.sourceName })} testId="scene-item-error" />
      ) : null}
    </li>
  );
}
