import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueField, QueueItem } from '../../../shared/contract/cues.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { ComplianceTextArea } from '../scripts/compliance/ComplianceTextArea.js';
import { formatTimeOfDay } from '../cues/format.js';
import { changedSince, describeValue, formFromItem, readQueueForm, writtenAt, type QueueFormValues } from './queueForm.js';
import { useQueueActions } from './useQueue.js';

/** What an edit overwrote although someone had changed it after the form was opened. */
export interface SupersededNotice {
  readonly name: string;
  readonly currency: string;
  readonly fields: readonly { readonly field: QueueField; readonly theirValue: unknown; readonly theirHlc: string }[];
}

const TESTIDS: Readonly<Record<QueueField, string>> = {
  price: 'queue-edit-price',
  promoPrice: 'queue-edit-promo',
  stock: 'queue-edit-stock',
  coupon: 'queue-edit-coupon',
  talkingPoints: 'queue-edit-points',
};

/**
 * Edits a queued product for this show only (the catalog stays as it is). `item` is the live item: fields the
 * person has not touched follow edits made elsewhere while the form is open; a touched field that someone else
 * changed meanwhile is pointed out before saving, and what the save overwrote is reported after.
 */
export function QueueEditDialog({
  item,
  onClose,
  onSuperseded,
}: {
  item: QueueItem;
  onClose: () => void;
  onSuperseded: (notice: SupersededNotice) => void;
}): ReactNode {
  const { t } = useTranslation();
  const { update } = useQueueActions();
  const save = useCommand(update);
  const [baseHlc] = useState(item.hlc);
  const [typed, setTyped] = useState<Partial<QueueFormValues>>({});
  const [resets, setResets] = useState<ReadonlySet<QueueField>>(new Set());
  const [problems, setProblems] = useState<Partial<Record<QueueField, string>>>({});
  const live = formFromItem(item);
  const values: QueueFormValues = { ...live, ...typed };
  const touched = new Set(Object.keys(typed) as QueueField[]);
  const changedElsewhere = new Set(changedSince(item, baseHlc));
  const currency = item.product.price.currency;
  const none = t('common.none');

  const set = (field: QueueField, value: string): void => {
    setTyped((prev) => ({ ...prev, [field]: value }));
    setResets((prev) => {
      if (!prev.has(field)) return prev;
      const next = new Set(prev);
      next.delete(field);
      return next;
    });
  };
  const resetToCatalog = (field: QueueField): void => {
    setTyped((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== field)));
    setResets((prev) => new Set([...prev, field]));
  };

  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const read = readQueueForm(values, touched, resets, currency);
    if (!read.ok) {
      setProblems(Object.fromEntries(Object.entries(read.problems).map(([f, p]) => [f, t(`queue.problems.${p}`)])));
      return;
    }
    setProblems({});
    if (Object.keys(read.patch).length === 0 && read.reset.length === 0) {
      onClose();
      return;
    }
    void save.run(item.id, read.patch, read.reset, baseHlc).then((r) => {
      if (!r.ok) return;
      if (r.value.superseded.length > 0) onSuperseded({ name: item.product.name, currency, fields: r.value.superseded });
      onClose();
    });
  };

  const label = (field: QueueField): string => t(`queue.fields.${field}`, { currency });
  const conflict = (field: QueueField): ReactNode => {
    if (!changedElsewhere.has(field)) return null;
    const at = writtenAt(item.fieldHlc[field]);
    return (
      <p className="field-conflict" role="status" data-testid="queue-edit-conflict" data-field={field}>
        {touched.has(field)
          ? t('queue.changedElsewhereTouched', {
              value: describeValue(field, item.product[field], none),
              time: at === null ? '' : formatTimeOfDay(at),
            })
          : t('queue.changedElsewhere', { time: at === null ? '' : formatTimeOfDay(at) })}
      </p>
    );
  };
  const catalogButton = (field: QueueField): ReactNode =>
    item.product.overridden.includes(field) && !resets.has(field) ? (
      <Button variant="ghost" className="btn-small" data-testid={`${TESTIDS[field]}-reset`} onClick={() => resetToCatalog(field)}>
        {t('queue.useCatalog')}
      </Button>
    ) : resets.has(field) ? (
      <span className="muted">{t('queue.willReset')}</span>
    ) : null;
  const text = (field: Exclude<QueueField, 'talkingPoints'>, inputMode: 'decimal' | 'numeric' | 'text') => (
    <div className="queue-edit-field">
      <TextField
        label={label(field)}
        value={values[field]}
        inputMode={inputMode}
        problem={problems[field]}
        data-testid={TESTIDS[field]}
        onChange={(e) => set(field, e.currentTarget.value)}
      />
      <div className="field-extras">
        {catalogButton(field)}
        {conflict(field)}
      </div>
    </div>
  );

  return (
    <Dialog title={t('queue.editTitle', { name: item.product.name })} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate data-testid="queue-edit-form">
        <p className="note">{t('queue.editNote', { sku: item.product.sku })}</p>
        <div className="form-grid">
          {text('price', 'decimal')}
          {text('promoPrice', 'decimal')}
          {text('stock', 'numeric')}
          {text('coupon', 'text')}
        </div>
        <div className="queue-edit-field">
          <ComplianceTextArea
            label={label('talkingPoints')}
            value={values.talkingPoints}
            onValue={(v) => set('talkingPoints', v)}
            problem={problems.talkingPoints}
            testId={TESTIDS.talkingPoints}
            rows={5}
          />
          <div className="field-extras">
            {catalogButton('talkingPoints')}
            {conflict('talkingPoints')}
          </div>
        </div>
        {save.error ? <ErrorMessage error={save.error} title={t('queue.saveError')} testId="queue-edit-error" /> : null}
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" data-testid="queue-edit-save" disabled={save.pending}>
            {save.pending ? t('queue.saving') : t('queue.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
