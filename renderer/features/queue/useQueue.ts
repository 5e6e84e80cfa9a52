import { useMemo } from 'react';
import type { QueueField, QueueItem, QueueOverrides } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi } from '../../app/ApiContext.js';
import type { Api } from '../../lib/api.js';
import { useSessionSnapshot } from '../../lib/useSessionSnapshot.js';
import type { Placement } from './reorder.js';

export interface QueueView {
  /** In show order; null until queue.list first answers (or when no show is picked). */
  readonly items: readonly QueueItem[] | null;
  readonly error: ErrorBody | null;
}

const loadQueue = (api: Api, sessionId: string) => api.call('queue.list', { sessionId });
const onQueue = (api: Api, sessionId: string, push: (items: QueueItem[]) => void) =>
  api.on('queue.changed', (e) => {
    if (e.sessionId === sessionId) push(e.items);
  });

/** A show's product queue, kept current: queue.list, then every queue.changed (it carries the whole queue). */
export function useQueue(sessionId: string | null): QueueView {
  const { value, error } = useSessionSnapshot(sessionId, loadQueue, onQueue);
  return { items: value, error };
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
