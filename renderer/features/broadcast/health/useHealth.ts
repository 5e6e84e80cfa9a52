import { useCallback, useEffect, useState } from 'react';
import type { HealthSample } from '../../../../shared/contract/obs.js';
import { useApi, useOnLinkOpen } from '../../../app/ApiContext.js';
import { appendSample, HEALTH_HISTORY, mergeSamples } from './healthView.js';

export interface HealthView {
  /** The last minute of samples, oldest first. */
  readonly history: readonly HealthSample[];
  readonly latest: HealthSample | null;
  /** When the latest sample arrived (browser clock), to tell a silent sampler from a quiet stream. */
  readonly receivedAt: number | null;
}

const EMPTY: HealthView = { history: [], latest: null, receivedAt: null };

/**
 * One connection's stream health: obs.health (the last minute) at start and whenever the link reopens, then the
 * obs.health events (one a second). Events that arrive while the history is in flight are merged with it.
 */
export function useHealth(connection: string): HealthView {
  const api = useApi();
  const [view, setView] = useState<{ connection: string; health: HealthView }>({ connection, health: EMPTY });

  const load = useCallback(() => {
    void api.call('obs.health', { connection, limit: HEALTH_HISTORY }).then((result) => {
      if (!result.ok) return; // the events keep the strip going; a missing history only shortens the sparkline
      setView((prev) => {
        const own = prev.connection === connection ? prev.health : EMPTY;
        const history = mergeSamples(result.value, own.history);
        const latest = history[history.length - 1] ?? null;
        return {
          connection,
          health: { history, latest, receivedAt: latest === own.latest ? own.receivedAt : Date.now() },
        };
      });
    });
  }, [api, connection]);

  useEffect(load, [load]);
  useOnLinkOpen(load);
  useEffect(
    () =>
      api.on('obs.health', (sample) => {
        if (sample.connection !== connection) return;
        setView((prev) => {
          const own = prev.connection === connection ? prev.health : EMPTY;
          const history = appendSample(own.history, sample);
          if (history === own.history) return prev;
          return { connection, health: { history, latest: sample, receivedAt: Date.now() } };
        });
      }),
    [api, connection],
  );
  return view.connection === connection ? view.health : EMPTY;
}
