import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Api, LinkStatus } from '../lib/api.js';

const ApiContext = createContext<Api | null>(null);

/** Provides the one Api of the page (created once by main.tsx) to feature hooks. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }): ReactNode {
  return <ApiContext value={api}>{children}</ApiContext>;
}

/** For feature hooks only: components never call the api directly (STYLE §7). */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() used outside <ApiProvider>');
  return api;
}

/** The state of the link to the core (always "open" under Electron, the WebSocket's state in a browser). */
export function useLinkStatus(): LinkStatus {
  const api = useApi();
  const [status, setStatus] = useState<LinkStatus>(() => api.linkStatus());
  useEffect(() => {
    const off = api.onLinkStatus(setStatus);
    // The link may have changed between the first render and this subscription.
    queueMicrotask(() => setStatus(api.linkStatus()));
    return off;
  }, [api]);
  return status;
}

/**
 * Calls `refresh` whenever the link to the core (re)opens, so views catch up on events missed while offline.
 * `refresh` must be stable (wrap it in useCallback).
 */
export function useOnLinkOpen(refresh: () => void): void {
  const api = useApi();
  useEffect(
    () =>
      api.onLinkStatus((s) => {
        if (s === 'open') refresh();
      }),
    [api, refresh],
  );
}
