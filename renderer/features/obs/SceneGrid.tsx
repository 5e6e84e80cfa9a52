import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { useCommand } from '../../lib/useCommand.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useObsActions } from './useObs.js';

/**
 * One button per OBS scene; the program scene is highlighted from OBS's own state (not optimistically), so
 * what the grid shows is what is on air. While OBS is not connected the last known scenes stay, dimmed.
 */
export function SceneGrid({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const { setScene } = useObsActions();
  const command = useCommand(setScene);
  const [target, setTarget] = useState<string | null>(null);

  const switchTo = (scene: string): void => {
    setTarget(scene);
    void command.run(scene);
  };

  const live = c.status === 'identified';
  if (c.scenes.length === 0) return live ? <p className="muted">{t('live.noScenes')}</p> : null;
  return (
    <>
      <ul className={live ? 'scene-grid' : 'scene-grid scene-grid-stale'} aria-label={t('live.scenes')}>
        {c.scenes.map((s) => {
          // Without a live connection nobody knows what is on air: no scene is marked program then.
          const program = live && s.name === c.programScene;
          const preview = live && c.studioMode && s.name === c.previewScene;
          const switching = command.pending && target === s.name;
          return (
            <li key={s.name}>
              <button
                type="button"
                className={['scene', program ? 'scene-program' : '', preview ? 'scene-preview' : ''].filter(Boolean).join(' ')}
                data-testid="scene-button"
                data-scene={s.name}
                data-program={program ? 'true' : 'false'}
                aria-pressed={program}
                aria-busy={switching}
                onClick={() => switchTo(s.name)}
              >
                <span className="scene-name">{s.name}</span>
                {program ? <span className="scene-tag scene-tag-program">{t('live.program')}</span> : null}
                {preview ? <span className="scene-tag">{t('live.preview')}</span> : null}
                {switching ? <span className="scene-tag">{t('live.switching')}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      {command.error ? (
        <ErrorMessage error={command.error} title={t('live.sceneError', { scene: target ?? '' })} testId="scene-error" />
      ) : null}
    </>
  );
}
