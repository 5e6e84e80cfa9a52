import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../shared/contract/cues.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useQueueActions } from './useQueue.js';

/** Asks before taking a product out of the show (its live edits for this show go with it). */
export function RemoveFromQueueDialog({ item, onClose }: { item: QueueItem; onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { remove } = useQueueActions();
  const del = useCommand(remove);
  return (
    <Dialog title={t('queue.removeTitle', { name: item.product.name })} onClose={onClose} role="alertdialog">
      <p>{item.product.overridden.length > 0 ? t('queue.removeBodyEdited') : t('queue.removeBody')}</p>
      {del.error ? <ErrorMessage error={del.error} title={t('queue.removeError')} /> : null}
      <div className="form-actions">
        <Button onClick={onClose} autoFocus>
          {t('common.cancel')}
        </Button>
        <Button
          variant="danger"
          data-testid="queue-remove-confirm"
          disabled={del.pending}
          onClick={() => {
            void del.run(item.id).then((r) => {
              if (r.ok) onClose();
            });
          }}
        >
          {t('queue.remove')}
        </Button>
      </div>
    </Dialog>
  );
}
