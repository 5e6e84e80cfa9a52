import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../lib/useCommand.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useCueActions } from './useCue.js';

/** Ending a show cannot be undone (a new session is needed to go live again): ask first. */
export function EndShowDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { end } = useCueActions();
  const run = useCommand(end);
  return (
    <ConfirmDialog
      title={t('cues.endTitle')}
      confirmLabel={t('cues.end')}
      confirmTestId="cue-end-confirm"
      cancelLabel={t('cues.keepGoing')}
      pending={run.pending}
      error={run.error}
      errorTitle={t('cues.endError')}
      onClose={onClose}
      onConfirm={() => {
        void run.run().then((r) => {
          if (r.ok) onClose();
        });
      }}
    >
      <p>{t('cues.endBody')}</p>
    </ConfirmDialog>
  );
}
