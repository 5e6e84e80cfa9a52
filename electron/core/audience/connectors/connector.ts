import type { ConnectorKind, ConnectorState, ConnectorStatus, RehearsalConfig, ReplayProgress } from '../../../../shared/contract/audience.js';
import { backoffDelay, type BackoffPolicy } from '../../../../shared/domain/backoff.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { EventLog } from '../../store/eventLog.js';

/** A source of audience events: started and stopped by the producer, watched through its status. */
export interface Connector {
  readonly id: string;
  readonly kind: ConnectorKind;
  start(): Promise<ConnectorStatus>;
  stop(): Promise<ConnectorStatus>;
  status(): ConnectorStatus;
  /** Healthy while it runs without trouble; the reason otherwise. */
  health(): { readonly ok: boolean; readonly reason: string | null };
  /** Counts delivered events (the pipeline calls this after storing them). */
  noteEvents(count: number, at: number): void;
}

/** A live link to a source, as opened by a connector. */
export interface ConnectorLink {
  /** Resolves when the link ends on its own: null when the source finished, an error when it broke. */
  readonly ended: Promise<Error | null>;
  close(): Promise<void>;
}

/** An error that retrying cannot fix (bad credentials, a missing file): the connector fails instead of reconnecting. */
export class FatalConnectorError extends Error {
  override readonly name = 'FatalConnectorError';
}

export interface SupervisorOptions {
  readonly id: string;
  readonly kind: ConnectorKind;
  readonly label: string;
  readonly simulated: boolean;
  readonly clock: Clock;
  readonly log: Logger;
  /** The gap markers go here. */
  readonly events: EventLog;
  readonly backoff: BackoffPolicy;
  readonly random01: () => number;
  /** Opens one link; throws when it cannot (retried with backoff unless the error is a FatalConnectorError). */
  readonly open: () => Promise<ConnectorLink>;
  readonly onStatus: (status: ConnectorStatus) => void;
  /** Extra status a connector reports (rehearsal settings, replay progress). */
  readonly details?: () => { rehearsal?: RehearsalConfig; replay?: ReplayProgress };
}

/** The payload of a `ConnectorGap` event: the connector delivered nothing from `from` to `to`. */
export interface ConnectorGap {
  readonly connectorId: string;
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

/**
 * Runs a connector's links: `starting → running`, and when a link breaks `reconnecting` with capped,
 * jittered backoff until it is back, then a `ConnectorGap {connectorId, from, to}` in the event log for the time
 * it was down. A fatal error ends in `failed`; a link that finishes on its own (a replay at its end) in `stopped`.
 */
export function createSupervisedConnector(o: SupervisorOptions): Connector {
  let state: ConnectorState = 'stopped';
  let link: ConnectorLink | null = null;
  let generation = 0;
  let attempt = 0;
  let retryTimer: unknown = null;
  let downSince: number | null = null;
  let downReason = '';
  let since: number | null = null;
  let eventCount = 0;
  let lastEventAt: number | null = null;
  let errors = 0;
  let lastError: string | null = null;
  let gaps = 0;

  const status = (): ConnectorStatus => {
    const d = o.details?.() ?? {};
    return {
      id: o.id,
      kind: o.kind,
      label: o.label,
      simulated: o.simulated,
      state,
      events: eventCount,
      lastEventAt,
      errors,
      lastError,
      gaps,
      since,
      rehearsal: d.rehearsal ?? null,
      replay: d.replay ?? null,
    };
  };
  const setState = (next: ConnectorState): void => {
    if (next === state) return;
    state = next;
    since = o.clock.now();
    o.onStatus(status());
  };
  const noteError = (e: unknown): void => {
    errors++;
    lastError = e instanceof Error ? e.message : String(e);
  };

  const recordGap = (): void => {
    if (downSince === null) return;
    const gap: ConnectorGap = { connectorId: o.id, from: downSince, to: o.clock.now(), reason: downReason };
    downSince = null;
    gaps++;
    try {
      o.events.appendNow([{ type: 'ConnectorGap', subject: `connector:${o.id}`, payload: gap }]);
    } catch (e) {
      o.log.error('could not record a connector gap', { connector: o.id, error: String(e) });
    }
  };

  const connect = async (gen: number): Promise<void> => {
    let opened: ConnectorLink;
    try {
      opened = await o.open();
    } catch (e) {
      if (gen !== generation) return;
      noteError(e);
      if (e instanceof FatalConnectorError) {
        o.log.warn('connector failed', { connector: o.id, error: lastError });
        downSince = null;
        setState('failed');
        return;
      }
      scheduleRetry(gen, lastError ?? 'open failed');
      return;
    }
    if (gen !== generation) {
      await opened.close();
      return;
    }
    link = opened;
    attempt = 0;
    recordGap();
    setState('running');
    void opened.ended.then((err) => {
      if (gen !== generation || link !== opened) return;
      link = null;
      if (err === null) {
        setState('stopped');
        return;
      }
      noteError(err);
      if (err instanceof FatalConnectorError) {
        // The source says retrying cannot help (a chat that ended, a revoked key): fail instead of reconnecting.
        o.log.warn('connector failed', { connector: o.id, error: err.message });
        downSince = null;
        setState('failed');
        return;
      }
      o.log.warn('connector link broke; reconnecting', { connector: o.id, error: err.message });
      if (downSince === null) {
        downSince = o.clock.now();
        downReason = err.message;
      }
      scheduleRetry(gen, err.message);
    });
  };

  const scheduleRetry = (gen: number, reason: string): void => {
    if (downSince === null) {
      downSince = o.clock.now();
      downReason = reason;
    }
    setState('reconnecting');
    attempt++;
    retryTimer = o.clock.setTimeout(() => {
      retryTimer = null;
      if (gen === generation) void connect(gen);
    }, backoffDelay(attempt, o.backoff, o.random01()));
  };

  const connector: Connector = {
    id: o.id,
    kind: o.kind,
    async start() {
      if (state === 'running' || state === 'starting' || state === 'reconnecting') return status();
      generation++;
      attempt = 0;
      downSince = null;
      setState('starting');
      await connect(generation);
      return status();
    },
    async stop() {
      generation++;
      if (retryTimer !== null) o.clock.clearTimeout(retryTimer);
      retryTimer = null;
      // Stopped on purpose: a gap marks outages, not the producer's choice.
      downSince = null;
      const l = link;
      link = null;
      setState('stopped');
      if (l) {
        try {
          await l.close();
        } catch (e) {
          noteError(e);
        }
      }
      return status();
    },
    status,
    health() {
      switch (state) {
        case 'running':
          return { ok: true, reason: null };
        case 'stopped':
          return { ok: false, reason: 'stopped' };
        case 'starting':
          return { ok: false, reason: 'starting' };
        case 'reconnecting':
          return { ok: false, reason: `reconnecting: ${lastError ?? 'link lost'}` };
        case 'failed':
          return { ok: false, reason: `failed: ${lastError ?? 'unknown error'}` };
      }
    },
    noteEvents(count, at) {
      eventCount += count;
      lastEventAt = at;
    },
  };
  return connector;
}
