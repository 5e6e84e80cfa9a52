import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsoleHost, type ConsoleHost } from '../../../electron/console/server.js';
import type { Clock } from '../../../electron/core/clock.js';
import { createCore, type Core } from '../../../electron/core/core.js';
import { createLogger, memorySink, type LogRecord } from '../../../electron/core/logger.js';
import type { IngestSource } from '../../../shared/contract/audience.js';
import { AUDIENCE_EVENT_TYPES, AudienceEvent, type PushedEvent } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/errors.js';
import { MIGRATIONS_DIR, TEST_CALL } from './coreHarness.js';

/** A core whose clock can be moved forward (for retention), everything else real. */
export interface AudienceHarness {
  readonly core: Core;
  readonly dataDir: string;
  readonly pushed: PushedEvent[];
  readonly logs: LogRecord[];
  /** Moves the core's clock forward (timers keep real time). */
  skip(ms: number): void;
  call<T = unknown>(command: string, input?: unknown): Promise<T>;
  dispatch(command: string, input?: unknown): Promise<Result<unknown>>;
  /** Audience events in the log, in order, optionally of one connector. */
  stored(connectorId?: string): { id: string; seq: number; type: string; event: AudienceEvent }[];
  /** Starts the console host on a free loopback port. */
  host(): Promise<ConsoleHost>;
  close(): Promise<void>;
}

const AUDIENCE_TYPES = Object.values(AUDIENCE_EVENT_TYPES);

export function openAudienceCore(opts: { autostart?: boolean } = {}): AudienceHarness {
  const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-audience-int-'));
  const sink = memorySink();
  let offset = 0;
  const clock: Clock = {
    now: () => Date.now() + offset,
    setTimeout: (fn, ms) => {
      const t = setTimeout(fn, ms);
      t.unref();
      return t;
    },
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  };
  const core = createCore({
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    host: 'console',
    version: '0.0.0-test',
    log: createLogger('core', sink),
    clock,
    audienceAutostart: opts.autostart ?? false,
  });
  const pushed: PushedEvent[] = [];
  const unsubscribe = core.subscribe((e) => pushed.push(e));
  let host: ConsoleHost | null = null;
  const placeholders = AUDIENCE_TYPES.map(() => '?').join(', ');
  return {
    core,
    dataDir,
    pushed,
    logs: sink.records,
    skip(ms) {
      offset += ms;
    },
    async call<T>(command: string, input: unknown = {}): Promise<T> {
      const r = await core.dispatch(command, input, TEST_CALL);
      if (!r.ok) throw new Error(`${command} failed: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    dispatch: (command, input = {}) => core.dispatch(command, input, TEST_CALL),
    stored(connectorId) {
      core.audience.pipeline.drain();
      const rows = core.db
        .prepare(`SELECT seq, id, type, payload FROM event_log WHERE type IN (${placeholders}) ORDER BY seq`)
        .all(...AUDIENCE_TYPES) as { seq: number; id: string; type: string; payload: string }[];
      return rows
        .map((r) => ({ id: r.id, seq: r.seq, type: r.type, event: AudienceEvent.parse(JSON.parse(r.payload)) }))
        .filter((r) => connectorId === undefined || r.event.connectorId === connectorId);
    },
    async host() {
      host ??= await startConsoleHost({
        core,
        log: createLogger('host', sink),
        staticDir: join(dataDir, 'no-static'),
        port: 0,
        lan: false,
        accessToken: 'a'.repeat(43),
      });
      return host;
    },
    async close() {
      unsubscribe();
      if (host) await host.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A core with its console host up, the generic ingest connector running and one ingest source created. */
export async function openIngestCore(name: string, platform: string): Promise<{ h: AudienceHarness; port: number; token: string; source: IngestSource }> {
  const h = openAudienceCore();
  const port = (await h.host()).port;
  await h.call('audience.startConnector', { id: 'ingest' });
  const { source, token } = await h.call<{ source: IngestSource; token: string }>('audience.createSource', { name, platform });
  return { h, port, token, source };
}
