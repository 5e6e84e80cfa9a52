import { useCallback, useEffect, useRef, useState } from 'react';
import type { MetricsSnapshot } from '../../../shared/contract/metrics.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { SeriesRing } from './seriesRing.js';

/** The chart keeps an hour of seconds. */
const RING_SECONDS = 3_600;

export interface DashboardView {
  /** null until metrics.current first answers. */
  readonly snapshot: MetricsSnapshot | null;
  readonly error: ErrorBody | null;
  /** The chart's data; mutated in place, `onSeries` says when. */
  readonly ring: SeriesRing;
  /** Called whenever the ring changed (the chart invalidates, drawing on the next frame). */
  readonly onSeries: (listener: () => void) => () => void;
}

/**
 * The live dashboard's data: metrics.current + metrics.series at start and whenever the link reopens, then every
 * metrics.updated. React state changes at most once per animation frame however fast pushes arrive; the chart's
 * ring is filled outside React and redrawn on its own frame.
 */
export function useDashboard(): DashboardView {
  const api = useApi();
  const [snapshot, setSnapshot] = useState<MetricsSnapshot | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [ring] = useState(() => new SeriesRing(RING_SECONDS));
  const [listeners] = useState(() => new Set<() => void>());
  const latest = useRef<MetricsSnapshot | null>(null);
  const frame = useRef<number | null>(null);
  const session = useRef<string | null | undefined>(undefined);

  const notify = useCallback(() => {
    for (const l of listeners) l();
  }, [listeners]);

  const publish = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setSnapshot(latest.current);
    });
  }, []);

  const load = useCallback(() => {
    void api.call('metrics.current', {}).then(async (r) => {
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setError(null);
      const s = r.value;
      session.current = s.sessionId;
      const series = await api.call('metrics.series', { from: Math.max(s.since, s.at - RING_SECONDS * 1000), resolution: 'second' });
      ring.clear();
      if (series.ok) for (const b of series.value) ring.put(b);
      for (const b of s.recent) ring.put(b);
      if (latest.current === null || latest.current.seq <= s.seq) latest.current = s;
      publish();
      notify();
    });
  }, [api, ring, publish, notify]);

  useEffect(load, [load]);
  useOnLinkOpen(load);
  useEffect(
    () =>
      api.on('metrics.updated', (s) => {
        if (session.current !== undefined && s.sessionId !== session.current) {
          // A new show started: its series begins empty.
          session.current = s.sessionId;
          ring.clear();
        }
        for (const b of s.recent) ring.put(b);
        latest.current = s;
        publish();
        notify();
      }),
    [api, ring, publish, notify],
  );
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const onSeries = useCallback(
    (l: () => void) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    [listeners],
  );
  return { snapshot, error, ring, onSeries };
}
