import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useCueActions } from './useCue.js';

/** Ending a show cannot be undone (a new session is needed to go live again): ask first. */
export function EndShowDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { end } = useCueActions();
  const run = useCommand(end);
  return (
    <Dialog title={t('cues.endTitle')} onClose={onClose} role="alertdialog">
      <p>{t('cues.endBody')}</p>
      {run.error ? <ErrorMessage error={run.error} title={t('cues.endError')} /> : null}
      <div className="form-actions">
        <Button onClick={onClose} autoFocus>
          {t('cues.keepGoing')}
        </Button>
        <Button
          variant="danger"
          data-testid="cue-end-confirm"
          disabled={run.pending}
          onClick={() => {
            void run.run().then((r) => {
              if (r.ok) onClose();
            });
          }}
        >
          {t('cues.end')}
        </Button>
      </div>
    </Dialog>
  );
}
