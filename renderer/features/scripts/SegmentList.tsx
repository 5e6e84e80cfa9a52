import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../shared/contract/cues.js';
import type { Result } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { formatElapsed } from '../cues/format.js';
import { applyPlacement, sortByOrder, type Placement } from '../queue/reorder.js';
import { useOptimisticOrder, useSortable } from '../queue/useSortable.js';

export interface SegmentListProps {
  segments: readonly Segment[];
  selectedId: string | null;
  onAirId: string | null;
  /** Product names by catalog id, for the rows. */
  productNames: ReadonlyMap<string, string>;
  /** Number of warnings per segment id. */
  warnings: ReadonlyMap<string, number>;
  readOnly: boolean;
  onSelect: (id: string) => void;
  onMove: (id: string, p: Placement) => Promise<Result<unknown>>;
  onDuplicate: (id: string) => void;
  onRemove: (segment: Segment) => void;
}

/** The run-of-show in order: pick a segment to edit; reorder by drag and drop or Alt/Ctrl+↑/↓; duplicate; remove. */
export function SegmentList(props: SegmentListProps): ReactNode {
  const { segments, selectedId, onAirId, productNames, warnings, readOnly, onSelect } = props;
  const { t } = useTranslation();
  const serverIds = useMemo(() => segments.map((s) => s.id), [segments]);
  const order = useOptimisticOrder(serverIds);
  const shown = sortByOrder(segments, order.ids);
  const [announcement, setAnnouncement] = useState('');
  const { rowProps } = useSortable({
    ids: order.ids,
    list: 'segments',
    onMove: (id, p) => {
      const s = segments.find((x) => x.id === id);
      setAnnouncement(t('scripts.moved', { title: s?.title ?? '', position: applyPlacement(order.ids, id, p).indexOf(id) + 1, count: order.ids.length }));
      void order.move(id, p, () => props.onMove(id, p));
    },
  });
  if (segments.length === 0) {
    return (
      <p className="empty" data-testid="segment-empty">
        {t('scripts.empty')}
      </p>
    );
  }
  return (
    <>
      <p className="note" id="segment-help">
        {t('scripts.listHelp')}
      </p>
      <ol
        className="sort-list segment-list"
        data-sortable="segments"
        data-testid="segment-list"
        data-pending={order.pending}
        aria-describedby="segment-help"
      >
        {shown.map((s, i) => {
          const sortable = readOnly ? { tabIndex: 0 as const } : rowProps(s.id);
          const warn = warnings.get(s.id) ?? 0;
          return (
            <li
              key={s.id}
              className="sort-row segment-row"
              data-testid="segment-row"
              data-segment-id={s.id}
              data-selected={s.id === selectedId}
              aria-current={s.id === selectedId ? 'true' : undefined}
              {...sortable}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) onSelect(s.id);
                if ('onKeyDown' in sortable) sortable.onKeyDown(e);
              }}
              onClick={(e) => {
                if (!(e.target instanceof Element) || !e.target.closest('button')) onSelect(s.id);
              }}
            >
              <span className="drag-handle" aria-hidden="true">
                ⠿
              </span>
              <span className="row-index">{i + 1}</span>
              <span className="segment-main">
                <strong className="segment-row-title">{s.title}</strong>
                <span className="muted segment-row-meta">
                  {[formatElapsed(s.plannedDurationSec * 1000), s.productId ? (productNames.get(s.productId) ?? t('scripts.unknownProduct')) : null, s.obsScene]
                    .filter((x): x is string => x !== null)
                    .join(' · ')}
                </span>
              </span>
              <span className="segment-flags">
                {s.id === onAirId ? <span className="badge badge-live">{t('scripts.onAir')}</span> : null}
                {warn > 0 ? <span className="badge badge-warn">{t('scripts.warningCount', { count: warn })}</span> : null}
              </span>
              {readOnly ? null : (
                <span className="actions">
                  <Button className="btn-small" data-testid="segment-duplicate" aria-label={t('scripts.duplicateLabel', { title: s.title })} onClick={() => props.onDuplicate(s.id)}>
                    {t('scripts.duplicate')}
                  </Button>
                  <Button
                    variant="ghost"
                    className="btn-small"
                    data-testid="segment-remove"
                    aria-label={t('scripts.removeLabel', { title: s.title })}
                    disabled={s.id === onAirId}
                    onClick={() => props.onRemove(s)}
                  >
                    {t('scripts.remove')}
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite" data-testid="segment-announce">
        {announcement}
      </p>
    </>
  );
}
