import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Session } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { effectiveSession, SESSION_STORAGE_KEY, upsertSession } from './sessions.js';

/**
 * The picked show, shared by every page of this device and kept across reloads: one store per page, backed by
 * localStorage (a pick made while storage is blocked lasts as long as the page).
 */
function createPickStore() {
  const listeners = new Set<() => void>();
  let fallback: string | null = null;
  const read = (): string | null => {
    try {
      return window.localStorage.getItem(SESSION_STORAGE_KEY) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const write = (id: string): void => {
    fallback = id;
    try {
      window.localStorage.setItem(SESSION_STORAGE_KEY, id);
    } catch {
      // Storage unavailable: `fallback` holds the pick for this page.
    }
    for (const l of listeners) l();
  };
  const subscribe = (l: () => void): (() => void) => {
    listeners.add(l);
    const onStorage = (e: StorageEvent): void => {
      if (e.key === SESSION_STORAGE_KEY) l();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', onStorage);
    };
  };
  return { read, write, subscribe };
}
const picked = createPickStore();

export interface SessionsView {
  /** Newest first; null until session.list first answers. */
  readonly sessions: readonly Session[] | null;
  readonly error: ErrorBody | null;
  /** The show this device works on (see effectiveSession). */
  readonly current: Session | null;
  readonly pick: (id: string) => void;
}

/** The studio's shows, kept current by session.changed; and the one picked on this device. */
export function useSessions(): SessionsView {
  const api = useApi();
  const [state, setState] = useState<{ sessions: Session[] | null; error: ErrorBody | null }>({ sessions: null, error: null });
  const pickedId = useSyncExternalStore(picked.subscribe, picked.read);

  const load = useCallback(() => {
    void api.call('session.list', {}).then((r) => {
      if (r.ok) setState({ sessions: r.value, error: null });
      else setState((prev) => ({ sessions: prev.sessions, error: r.error }));
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  useEffect(
    () =>
      api.on('session.changed', (s) => {
        setState((prev) => ({ sessions: prev.sessions ? upsertSession(prev.sessions, s) : prev.sessions, error: prev.error }));
      }),
    [api],
  );

  const current = useMemo(() => effectiveSession(state.sessions ?? [], pickedId), [state.sessions, pickedId]);
  return { sessions: state.sessions, error: state.error, current, pick: picked.write };
}

export function useSessionActions() {
  const api = useApi();
  return useMemo(
    () => ({
      create: async (title: string) => {
        const r = await api.call('session.create', { title });
        if (r.ok) picked.write(r.value.id);
        return r;
      },
    }),
    [api],
  );
}
