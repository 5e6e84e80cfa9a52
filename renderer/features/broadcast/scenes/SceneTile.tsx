import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSceneThumbnail } from './useSceneThumbnail.js';

interface SceneTileProps {
  connection: string;
  scene: string;
  live: boolean;
  program: boolean;
  preview: boolean;
  switching: boolean;
  onPick: (scene: string) => void;
}

/** One scene: its live thumbnail, name and program / preview tags. Clicking cuts to it (or previews it in studio mode). */
export function SceneTile({ connection, scene, live, program, preview, switching, onPick }: SceneTileProps): ReactNode {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const src = useSceneThumbnail(connection, scene, { enabled: live, onAir: program || preview }, ref);
  return (
    <button
      ref={ref}
      type="button"
      className={['scene', program ? 'scene-program' : '', preview ? 'scene-preview' : ''].filter(Boolean).join(' ')}
      data-testid="scene-button"
      data-scene={scene}
      data-program={program ? 'true' : 'false'}
      aria-pressed={program}
      aria-busy={switching}
      onClick={() => onPick(scene)}
    >
      <span className="scene-thumb-frame">
        {/* Decorative: the name below says which scene it is. Kept without src until the first screenshot. */}
        <img className="scene-thumb" data-testid="scene-thumb" data-scene={scene} alt="" src={src ?? undefined} />
        {src === null ? <span className="scene-thumb-empty">{live ? t('live.thumbLoading') : t('live.thumbOffline')}</span> : null}
      </span>
      <span className="scene-meta">
        <span className="scene-name">{scene}</span>
        <span className="scene-tags">
          {program ? <span className="scene-tag scene-tag-program">{t('live.program')}</span> : null}
          {preview ? <span className="scene-tag scene-tag-preview">{t('live.preview')}</span> : null}
          {switching ? <span className="scene-tag">{t('live.switching')}</span> : null}
        </span>
      </span>
    </button>
  );
}
