import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem, Session } from '../../../shared/contract/cues.js';
import { formatMoney } from '../../../shared/domain/money.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { AddToQueue } from './AddToQueue.js';
import { QueueEditDialog, type SupersededNotice } from './QueueEditDialog.js';
import { RemoveFromQueueDialog } from './RemoveFromQueueDialog.js';
import { applyPlacement, sortByOrder, type Placement } from './reorder.js';
import { SupersededNote } from './SupersededNote.js';
import { useQueue, useQueueActions } from './useQueue.js';
import { useOptimisticOrder, useSortable } from './useSortable.js';

/** The show's product queue: reorder (drag and drop, Alt/Ctrl+↑/↓), edit live, remove. */
export function QueuePanel({ session }: { session: Session }): ReactNode {
  const { t } = useTranslation();
  const { items, error } = useQueue(session.id);
  const actions = useQueueActions();
  const serverIds = useMemo(() => items?.map((i) => i.id) ?? [], [items]);
  const order = useOptimisticOrder(serverIds);
  const shown = useMemo(() => sortByOrder(items ?? [], order.ids), [items, order.ids]);
  const [announcement, setAnnouncement] = useState('');
  const [moveError, setMoveError] = useState<ErrorBody | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<QueueItem | null>(null);
  const [notice, setNotice] = useState<SupersededNotice | null>(null);
  const ended = session.status === 'ended';

  const onMove = (id: string, p: Placement): void => {
    const item = shown.find((i) => i.id === id);
    const position = applyPlacement(order.ids, id, p).indexOf(id) + 1;
    setAnnouncement(t('queue.moved', { name: item?.product.name ?? '', position, count: order.ids.length }));
    setMoveError(null);
    void order.move(id, p, () => actions.move(session.id, id, p)).then((r) => {
      if (!r.ok) setMoveError(r.error);
    });
  };
  const { rowProps } = useSortable({ ids: order.ids, list: 'queue', onMove });
  const queuedProducts = useMemo(() => new Set(items?.map((i) => i.productId) ?? []), [items]);
  const editingItem = editing === null ? null : (items?.find((i) => i.id === editing) ?? null);

  return (
    <div className="queue-layout">
      <section className="panel queue-panel" aria-labelledby="queue-list-title">
        <div className="panel-head">
          <h2 id="queue-list-title">{t('queue.listTitle', { title: session.title })}</h2>
          {items ? <p className="count">{t('queue.count', { count: items.length })}</p> : null}
        </div>
        <p className="note" id="queue-help">
          {ended ? t('queue.endedNote') : t('queue.help')}
        </p>
        {error ? <ErrorMessage error={error} title={t('queue.loadError')} /> : null}
        {moveError ? <ErrorMessage error={moveError} title={t('queue.moveError')} testId="queue-move-error" /> : null}
        {notice ? <SupersededNote notice={notice} onDismiss={() => setNotice(null)} /> : null}
        {items === null ? (
          error ? null : <p className="muted">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p className="empty" data-testid="queue-empty">
            {t('queue.empty')}
          </p>
        ) : (
          <ol
            className="sort-list queue-list"
            data-sortable="queue"
            data-testid="queue-list"
            data-pending={order.pending}
            aria-describedby="queue-help"
          >
            {shown.map((item, index) => {
              const p = item.product;
              const props = ended ? { tabIndex: 0 as const } : rowProps(item.id);
              return (
                <li
                  key={item.id}
                  className="sort-row queue-row"
                  data-testid="queue-row"
                  data-item-id={item.id}
                  data-sku={p.sku}
                  aria-label={t('queue.rowLabel', { position: index + 1, name: p.name })}
                  {...props}
                >
                  <span className="drag-handle" aria-hidden="true">
                    ⠿
                  </span>
                  <span className="row-index">{index + 1}</span>
                  <span className="queue-thumb">
                    <ProductThumb src={p.imageUrl} />
                  </span>
                  <span className="queue-main">
                    <span className="queue-name">
                      <strong data-testid="queue-name">{p.name}</strong>
                      <span className="muted mono">{p.sku}</span>
                      {p.deleted ? <span className="badge badge-bad">{t('queue.deleted')}</span> : null}
                      {p.overridden.length > 0 ? (
                        <span className="badge badge-warn" title={p.overridden.map((f) => t(`queue.fieldNames.${f}`)).join(', ')}>
                          {t('queue.overridden')}
                        </span>
                      ) : null}
                    </span>
                    <span className="queue-facts">
                      <span className="queue-money">
                        <span className={p.promoPrice ? 'struck' : undefined} data-testid="queue-price">
                          {formatMoney(p.price)}
                        </span>
                        {p.promoPrice ? (
                          <strong className="promo" data-testid="queue-promo">
                            {formatMoney(p.promoPrice)}
                          </strong>
                        ) : null}
                      </span>
                      <span className="queue-stock" data-testid="queue-stock" data-stock={p.stock}>
                        {p.stock === 0 ? <span className="badge badge-bad">{t('queue.soldOut')}</span> : t('queue.stockShort', { count: p.stock })}
                      </span>
                      {p.coupon ? (
                        <span className="badge" data-testid="queue-coupon">
                          {t('queue.couponShort', { coupon: p.coupon })}
                        </span>
                      ) : null}
                      <span className="muted">{t('queue.pointsShort', { count: p.talkingPoints.length })}</span>
                    </span>
                  </span>
                  {ended ? null : (
                    <span className="actions">
                      <Button data-testid="queue-edit" aria-label={t('queue.editLabel', { name: p.name })} onClick={() => setEditing(item.id)}>
                        {t('queue.edit')}
                      </Button>
                      <Button
                        variant="ghost"
                        data-testid="queue-remove"
                        aria-label={t('queue.removeLabel', { name: p.name })}
                        onClick={() => setRemoving(item)}
                      >
                        {t('queue.remove')}
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        <p className="visually-hidden" aria-live="polite" data-testid="queue-announce">
          {announcement}
        </p>
        {editingItem ? (
          <QueueEditDialog
            key={editingItem.id}
            item={editingItem}
            onClose={() => setEditing(null)}
            onSuperseded={(n) => setNotice(n)}
          />
        ) : null}
        {removing ? <RemoveFromQueueDialog item={removing} onClose={() => setRemoving(null)} /> : null}
      </section>
      {ended ? null : <AddToQueue sessionId={session.id} queued={queuedProducts} />}
    </div>
  );
}
