// Scene switch latency: through the console's contract (WebSocket client → console host → core → OBS) versus a
// raw obs-websocket-js call to the same OBS, in the same run. `npm run bench -- obs` (or `npx tsx bench/run.ts obs`).
import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocket as NodeWebSocket } from 'ws';
import { startConsoleHost, type ConsoleHost } from '../electron/console/server.js';
import { createCore, type Core } from '../electron/core/core.js';
import { createLogger, memorySink } from '../electron/core/logger.js';
import { events, isEventName, type CommandInput, type CommandName, type CommandOutput } from '../shared/contract/index.js';
import { ServerFrame } from '../shared/contract/wire.js';
import type { Result } from '../shared/errors.js';
import { FIXTURE_SCENES, freePort, startObs, type ObsInstance } from '../tests/fixtures/obs/obsFixture.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = 200;
const WARMUP = 20;
const TARGET_RATIO = 1.2;

/** A client of the console's contract over its WebSocket. */
interface ContractClient {
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  close(): void;
}

/**
 * The console host's WebSocket protocol (shared/contract/wire.ts), spoken as the renderer's wsApi speaks it and
 * doing the same work per frame: ServerFrame.parse, and every pushed event checked against its contract schema.
 * (renderer/lib/api.ts itself needs the DOM types, which the scripts/bench typecheck does not have.)
 */
async function connectContract(url: string): Promise<ContractClient> {
  const ws = new NodeWebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => undefined); // a failure shows as the pending calls' rejection below
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let nextId = 1;
  ws.on('message', (data: Buffer) => {
    const frame = ServerFrame.parse(JSON.parse(data.toString('utf8')));
    if (frame.type === 'result') {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      resolve?.(frame.result as Result<unknown>);
    } else if (frame.type === 'event' && isEventName(frame.name)) {
      events[frame.name].safeParse(frame.payload);
    }
  });
  ws.on('close', () => {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'console host connection closed' } });
    }
  });
  return {
    call: <K extends CommandName>(command: K, input: CommandInput<K>) =>
      new Promise<Result<CommandOutput<K>>>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (r: Result<unknown>) => void);
        ws.send(JSON.stringify({ type: 'call', id, command, input }));
      }),
    close: () => ws.close(),
  };
}

interface Stats {
  readonly n: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Nearest-rank percentile of sorted values. */
function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function stats(ms: readonly number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
  return {
    n: s.length,
    medianMs: r2(median),
    p95Ms: r2(pct(s, 95)),
    meanMs: r2(s.reduce((a, b) => a + b, 0) / s.length),
    minMs: r2(s[0] ?? NaN),
    maxMs: r2(s.at(-1) ?? NaN),
  };
}

async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const workDir = mkdtempSync(join(tmpdir(), 'showrunner-obs-bench-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'showrunner-obs-bench-core-'));
  let obs: ObsInstance | null = null;
  let core: Core | null = null;
  let host: ConsoleHost | null = null;
  let api: ContractClient | null = null;
  const raw = new OBSWebSocket();
  let rawConnected = false;
  try {
    const password = randomBytes(12).toString('base64url');
    obs = await startObs({ workDir, port: await freePort(4550, 4569), password, transition: 'Cut' });
    const instance = obs;
    core = createCore({
      dataDir,
      migrationsDir: join(REPO, 'electron/core/store/migrations'),
      host: 'console',
      version: '0.0.0-bench',
      log: createLogger('bench', memorySink()),
    });
    host = await startConsoleHost({
      core,
      log: createLogger('bench-host', memorySink()),
      staticDir: join(REPO, 'dist/renderer'),
      port: 0,
      lan: false,
      accessToken: randomBytes(32).toString('base64url'),
    });
    api = await connectContract(`ws://127.0.0.1:${host.port}/ws`);
    const client = api;
    const configured = await client.call('obs.configure', { name: 'main', url: instance.url, password, autoConnect: true });
    if (!configured.ok) throw new Error(`obs.configure: ${configured.error.message}`);
    await until(async () => {
      const s = await client.call('obs.getState', {});
      return s.ok && s.value.connections.some((c) => c.name === 'main' && c.status === 'identified');
    }, 'the core to identify with OBS');

    // Like the core's command socket: no event subscriptions, so OBS answers without event frames ahead of it.
    await raw.connect(instance.url, password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None });
    rawConnected = true;

    const viaConsole = async (scene: string): Promise<number> => {
      const t0 = performance.now();
      const r = await client.call('obs.setScene', { connection: 'main', scene });
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`obs.setScene ${scene}: ${r.error.code} ${r.error.message}`);
      return ms;
    };
    const viaRaw = async (scene: string): Promise<number> => {
      const t0 = performance.now();
      await raw.call('SetCurrentProgramScene', { sceneName: scene });
      return performance.now() - t0;
    };

    // Interleaved, so drift of the machine (OBS encoding, other load) hits both paths alike; every call is a real
    // switch (the target is never the current program scene).
    const consoleMs: number[] = [];
    const rawMs: number[] = [];
    const scenes = FIXTURE_SCENES;
    let k = 0;
    const next = (): string => scenes[k++ % scenes.length] ?? 'Host';
    for (let i = 0; i < WARMUP; i++) {
      await viaConsole(next());
      await viaRaw(next());
    }
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      consoleMs.push(await viaConsole(next()));
      rawMs.push(await viaRaw(next()));
    }
    const wallS = (performance.now() - t0) / 1000;

    const viaConsoleStats = stats(consoleMs);
    const rawStats = stats(rawMs);
    const ratio = r2(viaConsoleStats.medianMs / rawStats.medianMs);
    const state = await client.call('obs.getState', {});
    const main = state.ok ? state.value.connections.find((c) => c.name === 'main') : undefined;
    return {
      what: 'OBS scene switch latency: console contract (WebSocket) vs raw obs-websocket-js, same OBS, same run',
      obs: { version: main?.obsVersion ?? null, websocket: main?.websocketVersion ?? null, transition: 'Cut' },
      switches: N,
      warmup: WARMUP,
      order: 'interleaved (console, raw, console, …); every call switches to a scene that is not on program',
      console: {
        path: 'contract client (ws, frames parsed as wsApi does) → console host WebSocket → dispatch (zod) → core → OBS command socket',
        ...viaConsoleStats,
      },
      raw: { path: 'obs-websocket-js SetCurrentProgramScene on its own connection with NO event subscriptions (like the core command socket)', ...rawStats },
      medianRatio: ratio,
      p95Ratio: r2(viaConsoleStats.p95Ms / rawStats.p95Ms),
      target: `console median / raw median <= ${TARGET_RATIO}`,
      pass: ratio <= TARGET_RATIO,
      wallSeconds: r2(wallS),
      machine: { node: process.version, cpus: cpus().length },
    };
  } finally {
    api?.close();
    if (rawConnected) await raw.disconnect().catch(() => undefined);
    await host?.close();
    await core?.close();
    await obs?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}
