import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { Button } from '../../../ui/Button.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useBroadcastActions } from '../useBroadcast.js';

/** Studio mode on/off, the scene waiting in preview, and the Transition button that takes it to program. */
export function StudioControls({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const actions = useBroadcastActions(c.name);
  const toggle = useCommand(actions.setStudioMode);
  const transition = useCommand(actions.transition);
  const live = c.status === 'identified';
  const studio = live && c.studioMode;
  const { current, durationMs } = c.transitions;

  return (
    <div className="studio">
      <div className="studio-row">
        <button
          type="button"
          className="btn toggle"
          data-testid="studio-mode-toggle"
          aria-pressed={studio}
          disabled={!live || toggle.pending}
          onClick={() => {
            transition.clearError();
            void toggle.run(!c.studioMode);
          }}
        >
          <span className="toggle-track" aria-hidden="true" />
          {t('broadcast.studioMode')}
        </button>
        {studio ? (
          <span className="preview-label" data-testid="preview-scene" data-scene={c.previewScene ?? ''}>
            {t('broadcast.previewIs', { scene: c.previewScene ?? t('common.none') })}
          </span>
        ) : null}
        <Button
          variant="primary"
          data-testid="transition-button"
          disabled={!studio || transition.pending}
          onClick={() => {
            toggle.clearError();
            void transition.run();
          }}
          title={studio ? undefined : t('broadcast.transitionNeedsStudio')}
        >
          {transition.pending ? t('broadcast.transitioning') : t('broadcast.transition')}
        </Button>
        {current ? (
          <span className="muted">
            {durationMs !== null && durationMs > 0
              ? t('broadcast.transitionWithDuration', { name: current, ms: durationMs })
              : t('broadcast.transitionName', { name: current })}
          </span>
        ) : null}
      </div>
      {studio ? <p className="note">{t('broadcast.studioHint')}</p> : null}
      {toggle.error ? <ErrorMessage error={toggle.error} title={t('broadcast.studioError')} testId="studio-error" /> : null}
      {transition.error ? (
        <ErrorMessage error={transition.error} title={t('broadcast.transitionError')} testId="transition-error" />
      ) : null}
    </div>
  );
}
