import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Alert } from '../../../shared/contract/alerts.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { mergeAlerts, upsertAlert } from './alerts.js';

export interface AlertsView {
  /** Newest first; null until alerts.list first answers. */
  readonly alerts: readonly Alert[] | null;
  readonly error: ErrorBody | null;
}

/**
 * The studio's alerts: alerts.list at start and whenever the link reopens, then alerts.changed (raised, cleared,
 * acknowledged). Events that arrive while the list is in flight are newer than it and are applied on top.
 */
export function useAlerts(): AlertsView {
  const api = useApi();
  const [view, setView] = useState<AlertsView>({ alerts: null, error: null });
  const inFlight = useRef<Alert[] | null>(null);

  const load = useCallback(() => {
    const seen: Alert[] = [];
    inFlight.current = seen;
    void api.call('alerts.list', { limit: 100 }).then((result) => {
      if (inFlight.current !== seen) return; // a newer load is on its way
      inFlight.current = null;
      if (result.ok) setView({ alerts: mergeAlerts(result.value, seen), error: null });
      else setView((prev) => ({ alerts: prev.alerts, error: result.error }));
    });
  }, [api]);

  useEffect(load, [load]);
  useOnLinkOpen(load);
  useEffect(
    () =>
      api.on('alerts.changed', (alert) => {
        inFlight.current?.push(alert);
        setView((prev) => ({ alerts: upsertAlert(prev.alerts ?? [], alert), error: prev.error }));
      }),
    [api],
  );
  return view;
}

export function useAlertActions() {
  const api = useApi();
  return useMemo(() => ({ acknowledge: (id: string) => api.call('alerts.acknowledge', { id }) }), [api]);
}
