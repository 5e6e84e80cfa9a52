import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ObsStateView } from '../../../shared/contract/obs.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { applySceneChanged, MAIN_CONNECTION } from './obsState.js';

export interface ObsView {
  /** null until obs.getState first answers. */
  readonly state: ObsStateView | null;
  readonly error: ErrorBody | null;
}

/**
 * The OBS connections as the core sees them: obs.getState at start and whenever the link reopens, then
 * obs.stateChanged / obs.sceneChanged. A snapshot that was requested before an event arrived is older than
 * that event and is dropped.
 */
export function useObsState(): ObsView {
  const api = useApi();
  const [view, setView] = useState<ObsView>({ state: null, error: null });
  const eventCount = useRef(0);

  const load = useCallback(() => {
    const seenAtRequest = eventCount.current;
    void api.call('obs.getState', {}).then((result) => {
      if (eventCount.current !== seenAtRequest) return;
      if (result.ok) setView({ state: result.value, error: null });
      else setView((prev) => ({ state: prev.state, error: result.error }));
    });
  }, [api]);

  useEffect(load, [load]);
  useOnLinkOpen(load);
  useEffect(() => {
    const offState = api.on('obs.stateChanged', (state) => {
      eventCount.current++;
      setView({ state, error: null });
    });
    const offScene = api.on('obs.sceneChanged', (event) => {
      eventCount.current++;
      setView((prev) => {
        if (!prev.state) return prev;
        const state = applySceneChanged(prev.state, event);
        return state === prev.state ? prev : { ...prev, state };
      });
    });
    return () => {
      offState();
      offScene();
    };
  }, [api]);
  return view;
}

/** Commands on one OBS connection (default "main"); each resolves to its Result for the caller to show. */
export function useObsActions(name: string = MAIN_CONNECTION) {
  const api = useApi();
  return useMemo(
    () => ({
      /** Saves URL (and the password when one was typed) and connects. */
      configure: (url: string, password: string) =>
        api.call('obs.configure', {
          name,
          url,
          autoConnect: true,
          ...(password === '' ? {} : { password }),
        }),
      disconnect: () => api.call('obs.disconnect', { name }),
      setScene: (scene: string) => api.call('obs.setScene', { connection: name, scene }),
    }),
    [api, name],
  );
}
