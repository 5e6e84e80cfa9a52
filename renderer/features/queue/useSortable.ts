import { useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { applyPlacement, dropPlacement, keyboardMove, overlayOrder, type Placement } from './reorder.js';
import type { Result } from '../../../shared/errors.js';

/** The MIME type a dragged row carries, so drops from other lists (or files) are ignored. */
const DRAG_TYPE = 'application/x-showrunner-row';

export interface SortableOptions {
  /** The order as shown (ids). */
  readonly ids: readonly string[];
  /** Which list this is (rows only accept drops from their own list). */
  readonly list: string;
  readonly onMove: (id: string, placement: Placement) => void;
}

export interface RowProps {
  readonly draggable: true;
  readonly tabIndex: 0;
  readonly 'data-row-id': string;
  readonly 'data-drop'?: 'upper' | 'lower';
  readonly 'data-dragging'?: 'true';
  readonly onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  readonly onDragStart: (e: DragEvent<HTMLElement>) => void;
  readonly onDragOver: (e: DragEvent<HTMLElement>) => void;
  readonly onDragLeave: (e: DragEvent<HTMLElement>) => void;
  readonly onDrop: (e: DragEvent<HTMLElement>) => void;
  readonly onDragEnd: () => void;
}

/**
 * Reordering a list by HTML5 drag and drop and by keyboard: a focused row moves with Alt+↑/↓ or Ctrl+↑/↓ and keeps
 * the focus; ↑/↓ alone move the focus between rows. Keys pressed in a control inside the row are left alone.
 */
export function useSortable({ ids, list, onMove }: SortableOptions): { rowProps: (id: string) => RowProps } {
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; half: 'upper' | 'lower' } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const container = useRef<HTMLElement | null>(null);

  // A moved row is re-inserted into the DOM, which drops the focus: put it back.
  useLayoutEffect(() => {
    if (focusId === null) return;
    const root = container.current?.ownerDocument ?? document;
    const row = root.querySelector<HTMLElement>(`[data-sortable="${CSS.escape(list)}"] [data-row-id="${CSS.escape(focusId)}"]`);
    // Only a lost focus is put back: a person who has moved on (opened a dialog, clicked elsewhere) keeps theirs.
    if (row && (root.activeElement === null || root.activeElement === root.body)) row.focus();
  }, [focusId, ids, list]);

  const focusRow = useCallback(
    (from: HTMLElement, id: string) => {
      container.current = from.closest<HTMLElement>('[data-sortable]');
      container.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`)?.focus();
    },
    [],
  );

  const rowProps = (id: string): RowProps => ({
    draggable: true,
    tabIndex: 0,
    'data-row-id': id,
    ...(drop?.id === id ? { 'data-drop': drop.half } : {}),
    ...(dragging === id ? { 'data-dragging': 'true' as const } : {}),
    onKeyDown: (e) => {
      if (e.target !== e.currentTarget) return;
      const dir = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
      if (dir === 0) return;
      e.preventDefault();
      if (e.altKey || e.ctrlKey || e.metaKey) {
        const p = keyboardMove(ids, id, dir);
        if (!p) return;
        container.current = e.currentTarget.closest<HTMLElement>('[data-sortable]');
        setFocusId(id);
        onMove(id, p);
        return;
      }
      const neighbour = ids[ids.indexOf(id) + dir];
      if (neighbour !== undefined) focusRow(e.currentTarget, neighbour);
    },
    onDragStart: (e) => {
      e.dataTransfer.setData(DRAG_TYPE, `${list}\n${id}`);
      e.dataTransfer.effectAllowed = 'move';
      setDragging(id);
    },
    onDragOver: (e) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE) || dragging === null) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      const rect = e.currentTarget.getBoundingClientRect();
      const half = e.clientY < rect.top + rect.height / 2 ? 'upper' : 'lower';
      if (drop?.id !== id || drop.half !== half) setDrop({ id, half });
    },
    onDragLeave: (e) => {
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      setDrop((d) => (d?.id === id ? null : d));
    },
    onDrop: (e) => {
      const [fromList, dragged] = e.dataTransfer.getData(DRAG_TYPE).split('\n');
      setDrop(null);
      setDragging(null);
      if (fromList !== list || dragged === undefined) return;
      e.preventDefault();
      const rect = e.currentTarget.getBoundingClientRect();
      const p = dropPlacement(ids, dragged, id, e.clientY < rect.top + rect.height / 2 ? 'upper' : 'lower');
      if (p) onMove(dragged, p);
    },
    onDragEnd: () => {
      setDrop(null);
      setDragging(null);
    },
  });
  return { rowProps };
}

/**
 * The order to show: the core's, or while moves made here are on their way, the local order (so that a second
 * Alt+↓ pressed before the first answer moves from where the row now is). Once every move has been answered the
 * core's order — kept current by its events — is shown again.
 */
export function useOptimisticOrder(serverIds: readonly string[]): {
  ids: readonly string[];
  /** Moves made here that the core has not answered yet. */
  pending: number;
  move: (id: string, p: Placement, send: () => Promise<Result<unknown>>) => Promise<Result<unknown>>;
} {
  const [local, setLocal] = useState<{ order: string[]; pending: number } | null>(null);
  const shown = useMemo(() => (local ? overlayOrder(local.order, serverIds) : serverIds), [local, serverIds]);
  const move = useCallback(
    async (id: string, p: Placement, send: () => Promise<Result<unknown>>) => {
      setLocal((prev) => ({
        order: applyPlacement(prev ? overlayOrder(prev.order, serverIds) : serverIds, id, p),
        pending: (prev?.pending ?? 0) + 1,
      }));
      const r = await send();
      setLocal((prev) => (prev && prev.pending > 1 ? { ...prev, pending: prev.pending - 1 } : null));
      return r;
    },
    [serverIds],
  );
  return { ids: shown, pending: local?.pending ?? 0, move };
}
