import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract/cues.js';
import { useCommand } from '../../lib/useCommand.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { useQueueActions } from './useQueue.js';

/** Asks before taking a product out of the show (its live edits for this show go with it). */
export function RemoveFromQueueDialog({ item, onClose }: { item: QueueItem; onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { remove } = useQueueActions();
  const del = useCommand(remove);
  return (
    <ConfirmDialog
      title={t('queue.removeTitle', { name: item.product.name })}
      confirmLabel={t('queue.remove')}
      confirmTestId="queue-remove-confirm"
      pending={del.pending}
      error={del.error}
      errorTitle={t('queue.removeError')}
      onClose={onClose}
      onConfirm={() => {
        void del.run(item.id).then((r) => {
          if (r.ok) onClose();
        });
      }}
    >
      <p>{item.product.overridden.length > 0 ? t('queue.removeBodyEdited') : t('queue.removeBody')}</p>
    </ConfirmDialog>
  );
}
