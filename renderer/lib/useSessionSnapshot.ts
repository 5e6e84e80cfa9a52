import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody, Result } from '../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../app/ApiContext.js';
import type { Api } from './api.js';

export interface SessionSnapshot<T> {
  /** null until the first answer (or when no show is picked). */
  readonly value: T | null;
  readonly error: ErrorBody | null;
}

/**
 * A show's whole-state projection (its queue, its script), kept current: `load` when the show changes and when the
 * link reopens, then every push `subscribe` delivers (each carries the whole state, so an edit made on another
 * machine shows as soon as it is pushed). A load that answers after a push is dropped: the push is newer. Never
 * shows one show's state under another's name while the new one loads.
 *
 * `load` and `subscribe` must be stable (module-level functions).
 */
export function useSessionSnapshot<T>(
  sessionId: string | null,
  load: (api: Api, sessionId: string) => Promise<Result<T>>,
  subscribe: (api: Api, sessionId: string, push: (value: T) => void) => () => void,
): SessionSnapshot<T> {
  const api = useApi();
  const [view, setView] = useState<{ sessionId: string | null; value: T | null; error: ErrorBody | null }>({
    sessionId: null,
    value: null,
    error: null,
  });
  const pushes = useRef(0);

  const reload = useCallback(() => {
    if (sessionId === null) return;
    const seen = pushes.current;
    void load(api, sessionId).then((r) => {
      if (pushes.current !== seen) return;
      if (r.ok) setView({ sessionId, value: r.value, error: null });
      else setView((prev) => ({ ...prev, sessionId, error: r.error }));
    });
  }, [api, sessionId, load]);
  useEffect(reload, [reload]);
  useOnLinkOpen(reload);
  useEffect(() => {
    if (sessionId === null) return undefined;
    return subscribe(api, sessionId, (value) => {
      pushes.current++;
      setView({ sessionId, value, error: null });
    });
  }, [api, sessionId, subscribe]);
  return view.sessionId === sessionId ? { value: view.value, error: view.error } : { value: null, error: null };
}
