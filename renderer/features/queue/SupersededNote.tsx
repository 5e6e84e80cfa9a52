import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.js';
import { formatTimeOfDay } from '../cues/format.js';
import type { SupersededNotice } from './QueueEditDialog.js';
import { describeValue, writtenAt } from './queueForm.js';

/**
 * After a save that overwrote someone else's newer change to the same field: which field, what their value was
 * and when they set it — so that nothing is lost silently and the two people can settle it.
 */
export function SupersededNote({ notice, onDismiss }: { notice: SupersededNotice; onDismiss: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="superseded" role="status" data-testid="queue-superseded">
      <strong>{t('queue.supersededTitle', { name: notice.name })}</strong>
      <ul className="plain-list">
        {notice.fields.map((f) => {
          const at = writtenAt(f.theirHlc);
          return (
            <li key={f.field} data-field={f.field}>
              {t('queue.supersededField', {
                field: t(`queue.fieldNames.${f.field}`),
                value: f.theirValue === undefined ? t('queue.catalogValue') : describeValue(f.field, f.theirValue, t('common.none')),
                time: at === null ? '' : formatTimeOfDay(at),
              })}
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('queue.supersededWho')}</p>
      <Button variant="ghost" onClick={onDismiss}>
        {t('common.close')}
      </Button>
    </div>
  );
}
