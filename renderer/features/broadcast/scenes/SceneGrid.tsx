import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useBroadcastActions } from '../useBroadcast.js';
import { SceneTile } from './SceneTile.js';

/**
 * One tile per OBS scene. Program and preview are highlighted from OBS's own state (not optimistically), so
 * what the grid shows is what is on air. Outside studio mode a click cuts to the scene; in studio mode it puts
 * the scene in preview. While OBS is not connected the last known scenes stay, dimmed, with no program marked.
 */
export function SceneGrid({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const { setScene, setPreviewScene } = useBroadcastActions(c.name);
  const cut = useCommand(setScene);
  const preview = useCommand(setPreviewScene);
  const [target, setTarget] = useState<string | null>(null);
  const live = c.status === 'identified';

  const pick = (scene: string): void => {
    setTarget(scene);
    (c.studioMode ? cut : preview).clearError();
    void (c.studioMode ? preview : cut).run(scene);
  };

  if (c.scenes.length === 0) return live ? <p className="muted">{t('live.noScenes')}</p> : null;
  const error = cut.error ?? preview.error;
  return (
    <>
      <ul className={live ? 'scene-grid' : 'scene-grid scene-grid-stale'} aria-label={t('live.scenes')}>
        {c.scenes.map((s) => (
          <li key={s.name}>
            <SceneTile
              connection={c.name}
              scene={s.name}
              live={live}
              program={live && s.name === c.programScene}
              preview={live && c.studioMode && s.name === c.previewScene}
              switching={(cut.pending || preview.pending) && target === s.name}
              onPick={pick}
            />
          </li>
        ))}
      </ul>
      {error ? (
        <ErrorMessage
          error={error}
          title={cut.error ? t('live.sceneError', { scene: target ?? '' }) : t('broadcast.previewError', { scene: target ?? '' })}
          testId="scene-error"
        />
      ) : null}
    </>
  );
}
