import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AudienceStats, ConnectorStatus, RehearsalConfig } from '../../../shared/contract/audience.js';
import type { Result } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { eventRates, type Reading } from './rates.js';

/** The latest `audience.stats` (pushed once a second); null until the first arrives. */
export function useAudienceStats(): AudienceStats | null {
  const api = useApi();
  const [stats, setStats] = useState<AudienceStats | null>(null);
  const load = useCallback(() => {
    void api.call('audience.stats', {}).then((r) => {
      if (r.ok) setStats((prev) => (prev && prev.at > r.value.at ? prev : r.value));
    });
  }, [api]);
  useEffect(() => {
    load();
    return api.on('audience.stats', setStats);
  }, [api, load]);
  useOnLinkOpen(load);
  return stats;
}

export interface ConnectorRow {
  readonly status: ConnectorStatus;
  /** Events per second over the last refresh; null until two readings exist. */
  readonly rate: number | null;
}

const POLL_MS = 1_000;

/** The connectors with their state, pushed on change and read once a second for the events/s figure. */
export function useConnectors(): { rows: readonly ConnectorRow[]; error: string | null } {
  const api = useApi();
  const [rows, setRows] = useState<readonly ConnectorRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const last = useRef<ReadonlyMap<string, Reading>>(new Map());

  const apply = useCallback((connectors: readonly ConnectorStatus[]) => {
    const now = performance.now();
    const { rates, readings } = eventRates(last.current, connectors, now);
    last.current = readings;
    setRows(connectors.map((status) => ({ status, rate: rates.get(status.id) ?? null })));
  }, []);

  const load = useCallback(() => {
    void api.call('audience.listConnectors', {}).then((r) => {
      if (r.ok) {
        setError(null);
        apply(r.value);
      } else setError(r.error.message);
    });
  }, [api, apply]);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, POLL_MS);
    const off = api.on('audience.connectorsChanged', ({ connectors }) => apply(connectors));
    return () => {
      clearInterval(timer);
      off();
    };
  }, [api, load, apply]);
  useOnLinkOpen(load);
  return { rows, error };
}

export interface ConnectorActions {
  readonly start: (id: string) => Promise<Result<ConnectorStatus>>;
  readonly stop: (id: string) => Promise<Result<ConnectorStatus>>;
  readonly setRehearsalRate: (rate: number) => Promise<Result<RehearsalConfig>>;
}

export function useConnectorActions(): ConnectorActions {
  const api = useApi();
  return useMemo(
    () => ({
      start: (id: string) => api.call('audience.startConnector', { id }),
      stop: (id: string) => api.call('audience.stopConnector', { id }),
      setRehearsalRate: (rate: number) => api.call('audience.configureRehearsal', { rate }),
    }),
    [api],
  );
}
