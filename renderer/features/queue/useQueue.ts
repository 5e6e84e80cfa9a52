import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { QueueField, QueueItem, QueueOverrides } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import type { Placement } from './reorder.js';

export interface QueueView {
  /** In show order; null until queue.list first answers (or when no show is picked). */
  readonly items: readonly QueueItem[] | null;
  readonly error: ErrorBody | null;
}

/**
 * A show's product queue, kept current: queue.list when the show changes and the link reopens, then every
 * queue.changed (it carries the whole queue, so an edit made on another machine shows as soon as it is pushed).
 */
export function useQueue(sessionId: string | null): QueueView {
  const api = useApi();
  const [view, setView] = useState<{ sessionId: string | null; items: QueueItem[] | null; error: ErrorBody | null }>({
    sessionId: null,
    items: null,
    error: null,
  });
  const pushes = useRef(0);

  const load = useCallback(() => {
    if (sessionId === null) return;
    const seen = pushes.current;
    void api.call('queue.list', { sessionId }).then((r) => {
      if (pushes.current !== seen) return;
      if (r.ok) setView({ sessionId, items: r.value, error: null });
      else setView((prev) => ({ ...prev, sessionId, error: r.error }));
    });
  }, [api, sessionId]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  useEffect(
    () =>
      api.on('queue.changed', (e) => {
        if (e.sessionId !== sessionId) return;
        pushes.current++;
        setView({ sessionId, items: e.items, error: null });
      }),
    [api, sessionId],
  );
  // Never show one show's queue under another's name while the new one loads.
  return view.sessionId === sessionId ? { items: view.items, error: view.error } : { items: null, error: null };
}

export function useQueueActions() {
  const api = useApi();
  return useMemo(
    () => ({
      add: (sessionId: string, productId: string) => api.call('queue.add', { sessionId, productId }),
      remove: (itemId: string) => api.call('queue.remove', { itemId }),
      move: (sessionId: string, itemId: string, p: Placement) => api.call('queue.move', { sessionId, itemId, ...p }),
      update: (itemId: string, patch: QueueOverrides, reset: QueueField[], baseHlc: string) =>
        api.call('queue.update', { itemId, patch, reset, baseHlc }),
    }),
    [api],
  );
}
