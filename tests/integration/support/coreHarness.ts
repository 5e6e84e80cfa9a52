import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../../electron/core/core.js';
import type { CallContext } from '../../../electron/core/dispatch.js';
import { createLogger, stderrSink, type LogRecord } from '../../../electron/core/logger.js';
import type { ObsConnectionView, PushedEvent } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/errors.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const MIGRATIONS_DIR = join(REPO, 'electron/core/store/migrations');
export const TEST_CALL: CallContext = { transport: 'ipc', peer: 'test' };

/** A real core (plain Node, real SQLite in a fresh temp dir) plus what a test needs to watch it. */
export interface CoreHarness {
  readonly core: Core;
  readonly dataDir: string;
  /** Every log record of the core (also echoed to stderr when SHOWRUNNER_LOG is set). */
  readonly logs: LogRecord[];
  /** Every pushed event, in order, since the core was created. */
  readonly pushed: PushedEvent[];
  dispatch(command: string, input: unknown): Promise<Result<unknown>>;
  /** The current view of one OBS connection ("main" by default). */
  view(connection?: string): ObsConnectionView;
  /** Every status the connection went through, in order, from obs.stateChanged (repeats collapsed). */
  statuses(connection?: string): string[];
  /**
   * Resolves with the connection's view as soon as `pred` holds (checked now, then on every obs.stateChanged);
   * rejects after `timeoutMs` with the last view and the core's recent warnings.
   */
  waitForObs(pred: (v: ObsConnectionView) => boolean, what: string, timeoutMs?: number, connection?: string): Promise<ObsConnectionView>;
  /** Resolves with the first pushed event at index ≥ `from` that matches; event-driven, bounded by `timeoutMs`. */
  waitForPushed(pred: (e: PushedEvent) => boolean, what: string, from: number, timeoutMs?: number): Promise<PushedEvent>;
  /** Closes the core (OBS sockets, event log, SQLite) and removes its data dir. */
  close(): Promise<void>;
}

export function openCore(opts: { readonly obsCallTimeoutMs?: number } = {}): CoreHarness {
  const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-core-int-'));
  const logs: LogRecord[] = [];
  const echo = process.env['SHOWRUNNER_LOG'] ? stderrSink() : null;
  const log = createLogger('core', (r) => {
    logs.push(r);
    echo?.(r);
  });
  const core = createCore({
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    host: 'console',
    version: '0.0.0-test',
    log,
    ...(opts.obsCallTimeoutMs === undefined ? {} : { obsCallTimeoutMs: opts.obsCallTimeoutMs }),
  });
  const pushed: PushedEvent[] = [];
  const statusLog = new Map<string, string[]>();
  const unsubscribe = core.subscribe((e) => {
    pushed.push(e);
    if (e.name !== 'obs.stateChanged') return;
    for (const c of e.payload.connections) {
      const seen = statusLog.get(c.name) ?? [];
      if (seen.at(-1) !== c.status) seen.push(c.status);
      statusLog.set(c.name, seen);
    }
  });

  const view = (connection = 'main'): ObsConnectionView => core.obs.get(connection).view();
  const recentWarnings = (): string =>
    logs
      .filter((r) => r.level === 'warn' || r.level === 'error')
      .slice(-8)
      .map((r) => `${r.level} ${r.module}: ${r.msg} ${JSON.stringify(r.fields ?? {})}`)
      .join('\n');

  const waitForPushed = (pred: (e: PushedEvent) => boolean, what: string, from: number, timeoutMs = 10_000): Promise<PushedEvent> =>
    new Promise((resolvePromise, reject) => {
      const already = pushed.slice(from).find(pred);
      if (already) {
        resolvePromise(already);
        return;
      }
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; pushed since: ${JSON.stringify(pushed.slice(from).map((e) => e.name))}\n${recentWarnings()}`));
      }, timeoutMs);
      const off = core.subscribe((e) => {
        if (!pred(e)) return;
        clearTimeout(timer);
        off();
        resolvePromise(e);
      });
    });

  let closed = false;
  return {
    core,
    dataDir,
    logs,
    pushed,
    dispatch: (command, input) => core.dispatch(command, input, TEST_CALL),
    view,
    statuses: (connection = 'main') => [...(statusLog.get(connection) ?? [])],
    waitForObs: (pred, what, timeoutMs = 15_000, connection = 'main') =>
      new Promise((resolvePromise, reject) => {
        const now = view(connection);
        if (pred(now)) {
          resolvePromise(now);
          return;
        }
        const timer = setTimeout(() => {
          off();
          const v = view(connection);
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for OBS "${connection}" ${what}; last: status=${v.status} failure=${String(v.failure)} ` +
                `epoch=${v.epoch} attempts=${v.attempts} message=${String(v.message)}\n${recentWarnings()}`,
            ),
          );
        }, timeoutMs);
        const off = core.subscribe((e) => {
          if (e.name !== 'obs.stateChanged') return;
          const v = e.payload.connections.find((c) => c.name === connection);
          if (!v || !pred(v)) return;
          clearTimeout(timer);
          off();
          resolvePromise(v);
        });
      }),
    waitForPushed,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await core.close();
      } finally {
        unsubscribe();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** The error code of a failed Result, or 'ok'. */
export function codeOf(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}
