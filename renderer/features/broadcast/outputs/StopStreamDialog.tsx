import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../shared/errors.js';
import { useNow } from '../../../lib/useNow.js';
import { Button } from '../../../ui/Button.js';
import { Dialog } from '../../../ui/Dialog.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { elapsedSince, formatDuration } from '../format.js';

interface StopStreamDialogProps {
  pending: boolean;
  error: ErrorBody | null;
  since: number | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before ending a live stream; Cancel has the focus so Enter does not end the show by accident. */
export function StopStreamDialog({ pending, error, since, onCancel, onConfirm }: StopStreamDialogProps): ReactNode {
  const { t } = useTranslation();
  const now = useNow(1000, true);
  const elapsed = elapsedSince(since, now);
  return (
    <Dialog title={t('outputs.stream.confirmTitle')} onClose={onCancel} role="alertdialog">
      <p>{t('outputs.stream.confirmBody')}</p>
      {elapsed !== null ? <p className="muted">{t('outputs.stream.confirmElapsed', { time: formatDuration(elapsed) })}</p> : null}
      {error ? <ErrorMessage error={error} title={t('outputs.stream.stopError')} testId="stop-stream-error" /> : null}
      <div className="form-actions">
        <Button onClick={onCancel} autoFocus data-testid="cancel-stop-stream">
          {t('outputs.stream.keepLive')}
        </Button>
        <Button variant="danger" data-testid="confirm-stop-stream" onClick={onConfirm} disabled={pending}>
          {pending ? t('outputs.stream.stopping') : t('outputs.stream.confirmStop')}
        </Button>
      </div>
    </Dialog>
  );
}
