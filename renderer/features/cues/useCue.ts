import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { CueView } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { withMessage, withPins, type CueSnapshot } from './cueClock.js';

export interface CueState {
  /** null until cues.current first answers. */
  readonly snapshot: CueSnapshot | null;
  readonly error: ErrorBody | null;
  /** Counts the CueViews received (answers and pushes; not messages or pins): changes with every cue update. */
  readonly version: number;
}

/**
 * The live show as the host view shows it: cues.current at start and whenever the link reopens, then the pushed
 * CueView of every cues.advanced / cues.updated (rendered as pushed: no refetch), messages and pins.
 *
 * `immediate` renders each pushed view synchronously inside the socket's message handler (flushSync) rather than
 * in React's next scheduled pass: the host view must show a move the moment it is pushed.
 */
export function useCue({ immediate = false }: { immediate?: boolean } = {}): CueState {
  const api = useApi();
  const [state, setState] = useState<CueState>({ snapshot: null, error: null, version: 0 });
  const pushes = useRef(0);

  const load = useCallback(() => {
    const seenAtRequest = pushes.current;
    void api.call('cues.current', {}).then((r) => {
      // A view pushed after this request was sent is newer than its answer.
      if (pushes.current !== seenAtRequest) return;
      if (r.ok) setState((prev) => ({ snapshot: { view: r.value, receivedAt: Date.now() }, error: null, version: prev.version + 1 }));
      else setState((prev) => ({ ...prev, error: r.error }));
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);

  useEffect(() => {
    const apply = (update: (prev: CueState) => CueState): void => {
      pushes.current++;
      if (immediate) flushSync(() => setState(update));
      else setState(update);
    };
    const onView = (view: CueView): void =>
      apply((prev) => ({ snapshot: { view, receivedAt: Date.now() }, error: null, version: prev.version + 1 }));
    const offs = [
      api.on('cues.advanced', onView),
      api.on('cues.updated', onView),
      api.on('host.messagePosted', (m) =>
        apply((prev) => (prev.snapshot ? { ...prev, snapshot: { ...prev.snapshot, view: withMessage(prev.snapshot.view, m) } } : prev)),
      ),
      api.on('host.pinsChanged', ({ pins }) =>
        apply((prev) => (prev.snapshot ? { ...prev, snapshot: { ...prev.snapshot, view: withPins(prev.snapshot.view, pins) } } : prev)),
      ),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [api, immediate]);
  return state;
}

/** Live execution and producer → host commands; each resolves to its Result for the caller to show. */
export function useCueActions() {
  const api = useApi();
  return useMemo(
    () => ({
      start: (sessionId: string, segmentId?: string) =>
        api.call('cues.start', segmentId === undefined ? { sessionId } : { sessionId, segmentId }),
      next: (from: string | undefined) => api.call('cues.next', from === undefined ? {} : { from }),
      previous: (from: string | undefined) => api.call('cues.previous', from === undefined ? {} : { from }),
      goto: (segmentId: string) => api.call('cues.goto', { segmentId }),
      end: () => api.call('cues.end', {}),
      message: (text: string) => api.call('host.message', { text }),
      pin: (text: string, author: string) => api.call('host.pinQuestion', author.trim() === '' ? { text } : { text, author }),
      unpin: (pinId: string) => api.call('host.unpin', { pinId }),
      check: (sessionId: string) => api.call('compliance.check', { sessionId }),
    }),
    [api],
  );
}
