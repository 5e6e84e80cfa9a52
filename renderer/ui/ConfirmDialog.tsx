import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../shared/errors.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';
import { ErrorMessage } from './ErrorMessage.js';

interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** The destructive action's label (on the danger button). */
  readonly confirmLabel: string;
  readonly confirmTestId: string;
  /** The safe choice, focused first (default "Cancel"). */
  readonly cancelLabel?: string | undefined;
  readonly pending?: boolean | undefined;
  /** The last attempt's error, shown above the buttons. */
  readonly error?: ErrorBody | null | undefined;
  readonly errorTitle?: string | undefined;
  readonly errorTestId?: string | undefined;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks before a destructive action: the safe choice has the focus, the action is the danger button. */
export function ConfirmDialog(p: ConfirmDialogProps): ReactNode {
  const { t } = useTranslation();
  return (
    <Dialog title={p.title} onClose={p.onClose} role="alertdialog">
      {p.children}
      {p.error ? <ErrorMessage error={p.error} title={p.errorTitle} testId={p.errorTestId} /> : null}
      <div className="form-actions">
        <Button onClick={p.onClose} autoFocus>
          {p.cancelLabel ?? t('common.cancel')}
        </Button>
        <Button variant="danger" data-testid={p.confirmTestId} disabled={p.pending === true} onClick={p.onConfirm}>
          {p.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
