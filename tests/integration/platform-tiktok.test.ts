import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentMessageIds } from '../../electron/core/audience/connectors/platformLink.js';
import { openTikTokLink } from '../../electron/core/audience/connectors/tiktok.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { createLogger, fileSink, memorySink, teeSink, type LogRecord } from '../../electron/core/logger.js';
import { AUDIENCE_EVENT_TYPES, AudienceEvent, type ConnectorStatus } from '../../shared/contract/audience.js';
import { loadSession, startTikTokFixtureServer, type FixtureServerOptions, type TikTokFixtureServer } from '../fixtures/platforms/tiktok/server.js';
import { MIGRATIONS_DIR, TEST_CALL } from './support/coreHarness.js';
import { elapse, waitUntil } from './support/waitFor.js';

const HEX32 = /^[0-9a-f]{32}$/;
const KEY = 'euler_fixture_key_5f1c0a9e7b2d4c6a8e0f';
const ROOM = '7400000000000000001';
const RAW_USER_IDS = ['7301000000000000001', '7301000000000000002', '7301000000000000003'];
const AUDIENCE_TYPES = Object.values(AUDIENCE_EVENT_TYPES);

/** A real core on a temp data dir, logging to memory and to a log file as the console host does. */
interface TikTokHarness {
  readonly core: Core;
  readonly dataDir: string;
  readonly logFile: string;
  readonly logs: LogRecord[];
  call<T>(command: string, input?: unknown): Promise<T>;
  stored(connectorId: string): AudienceEvent[];
  gaps(connectorId: string): { connectorId: string; from: number; to: number; reason: string }[];
  status(id: string): ConnectorStatus | undefined;
  /** Closes the core; `keepData` leaves the data dir for a restart (openCore(dataDir)). */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

function openCore(dataDir = mkdtempSync(join(tmpdir(), 'showrunner-tiktok-int-'))): TikTokHarness {
  const logFile = join(dataDir, 'logs', 'console.log');
  const mem = memorySink();
  const core = createCore({
    dataDir,
    migrationsDir: MIGRATIONS_DIR,
    host: 'console',
    version: '0.0.0-test',
    log: createLogger('core', teeSink(mem, fileSink(logFile, 'debug'))),
    audienceAutostart: false,
  });
  const placeholders = AUDIENCE_TYPES.map(() => '?').join(', ');
  return {
    core,
    dataDir,
    logFile,
    logs: mem.records,
    async call<T>(command: string, input: unknown = {}): Promise<T> {
      const r = await core.dispatch(command, input, TEST_CALL);
      if (!r.ok) throw new Error(`${command} failed: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    stored(connectorId) {
      core.audience.pipeline.drain();
      return (core.db.prepare(`SELECT payload FROM event_log WHERE type IN (${placeholders}) ORDER BY seq`).all(...AUDIENCE_TYPES) as { payload: string }[])
        .map((r) => AudienceEvent.parse(JSON.parse(r.payload)))
        .filter((e) => e.connectorId === connectorId);
    },
    gaps(connectorId) {
      return (core.db.prepare("SELECT payload FROM event_log WHERE type = 'ConnectorGap' ORDER BY seq").all() as { payload: string }[])
        .map((r) => JSON.parse(r.payload) as { connectorId: string; from: number; to: number; reason: string })
        .filter((g) => g.connectorId === connectorId);
    },
    status: (id) => core.audience.listConnectors().find((c) => c.id === id),
    async close(opts) {
      await core.close();
      if (opts?.keepData !== true) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const byKind = <K extends AudienceEvent['kind']>(events: AudienceEvent[], k: K): Extract<AudienceEvent, { kind: K }>[] =>
  events.filter((e): e is Extract<AudienceEvent, { kind: K }> => e.kind === k);

describe('TikTok LIVE through tiktok-live-connector against a local sign server and push server', () => {
  let h: TikTokHarness;
  const servers: TikTokFixtureServer[] = [];
  const session = loadSession('session.jsonl');
  const serve = async (opts: Partial<FixtureServerOptions> = {}): Promise<TikTokFixtureServer> => {
    const s = await startTikTokFixtureServer({
      rooms: { shop_live: { roomId: ROOM, live: true } },
      apiKey: KEY,
      initial: session[0],
      ...opts,
    });
    servers.push(s);
    return s;
  };
  beforeEach(() => {
    h = openCore();
  });
  afterEach(async () => {
    await h.close();
    for (const s of servers.splice(0)) await s.close();
  });

  /** Nothing secret reached the log (memory and file). */
  const expectKeyNotLogged = (key: string): void => {
    expect(readFileSync(h.logFile, 'utf8')).not.toContain(key);
    expect(JSON.stringify(h.logs)).not.toContain(key);
  };

  it('openTikTokLink: the library decodes the recorded frames and the pipeline stores them pseudonymised, a streak counted once', async () => {
    const server = await serve();
    const id = 'tiktok-direct';
    const link = await openTikTokLink(
      { kind: 'tiktok', uniqueId: 'shop_live', roomId: ROOM, signServerUrl: server.signServerUrl, signApiKey: KEY },
      { pipeline: h.core.audience.pipeline, source: { connectorId: id, platform: 'tiktok', simulated: false }, clock: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) }, log: createLogger('tiktok', teeSink((r) => h.logs.push(r), fileSink(h.logFile, 'debug'))), seen: new RecentMessageIds() },
    );
    try {
      // The library asked the sign server for the room (with the key in a header), then opened the push server.
      expect(server.requests.map((r) => [r.route, r.path, r.apiKey])).toEqual([['connect', `/webcast/rooms/${ROOM}/connect`, 'valid']]);
      expect(server.requests[0]?.query).toMatchObject({ client: 'ttlive-node', platform: 'web', client_enter: 'true' });
      expect(server.requests[0]?.query).not.toHaveProperty('apiKey');
      await server.waitForEnters(1);
      expect(server.received.wsQueries[0]).toMatchObject({ room_id: ROOM, cursor: 'c-1', compress: 'gzip' });
      await server.play(session);
      await waitUntil(() => h.stored(id).length >= 14, { timeoutMs: 10_000, what: 'the session to be stored' });
      await elapse(100);
      const events = h.stored(id);
      expect(events.map((e) => e.kind)).toEqual(['viewer_count', 'comment', 'enter', 'enter', 'comment', 'like', 'gift', 'gift', 'gift', 'follow', 'share', 'comment', 'like', 'viewer_count']);
      for (const e of events) expect(e).toMatchObject({ platform: 'tiktok', connectorId: id, simulated: false });
      for (const e of events.filter((x) => x.kind !== 'viewer_count')) {
        expect(e.userId).toMatch(HEX32);
        expect(RAW_USER_IDS).not.toContain(e.userId);
      }
      const [zh, en, buy] = byKind(events, 'comment');
      expect(zh).toMatchObject({ displayName: '小鹿', text: '主播好！这个口红多少钱？', occurredAt: 1_763_900_000_050 });
      expect(en).toMatchObject({ displayName: 'Emma', text: 'Is the red one still in stock?' });
      expect(buy).toMatchObject({ displayName: '阿强', text: '上链接！要两支' });
      // Every comment went through the classifier.
      for (const c of [zh, en, buy]) expect(c?.label).not.toBeNull();
      expect(buy?.label?.intents).toContain('purchase');
      // One viewer, one pseudonym across kinds.
      expect(byKind(events, 'gift')[0]?.userId).toBe(zh?.userId);
      // The Rose streak (1 → 3 → 5, with a broken frame in the middle) counts once, with 5 roses.
      expect(byKind(events, 'gift').map((g) => [g.displayName, g.gift])).toEqual([
        ['小鹿', { name: 'Rose', count: 5, value: { amount: 5, currency: 'XTD' } }],
        ['Emma', { name: 'GG', count: 1, value: { amount: 1, currency: 'XTD' } }],
        ['阿强', { name: 'Heart Me', count: 1, value: { amount: 30, currency: 'XTD' } }],
      ]);
      expect(byKind(events, 'viewer_count').map((v) => v.viewers)).toEqual([1180, 1342]);
      expect(byKind(events, 'like').map((l) => l.count)).toEqual([15, 40]);
      expect(byKind(events, 'follow').map((f) => f.displayName)).toEqual(['Emma']);
      expect(byKind(events, 'share').map((f) => f.displayName)).toEqual(['阿强']);
      // The malformed frame was reported and skipped; every good frame was acknowledged as TikTok expects.
      expect(h.logs.some((r) => r.level === 'warn' && r.msg === 'tiktok-live-connector reported an error')).toBe(true);
      expect(server.received.acks).toHaveLength(8);
      expect(server.received.acks.every((a) => a.startsWith('internal_src:fixture|seq:'))).toBe(true);
    } finally {
      await link.close();
    }
    expect(await link.ended).toBeNull();
    await waitUntil(() => server.open() === 0, { timeoutMs: 5_000, what: 'the socket to close' });
    expectKeyNotLogged(KEY);
  });

  it('end to end through the core: looks the room up, reconnects after a dropped socket with a ConnectorGap, stops when the LIVE ends', async () => {
    const server = await serve();
    const added = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'TikTok fixture',
      config: { kind: 'tiktok', uniqueId: '@shop_live', signServerUrl: server.signServerUrl, signApiKey: KEY },
    });
    expect(added).toMatchObject({ kind: 'tiktok', state: 'stopped', simulated: false });
    const id = added.id;
    const started = await h.call<ConnectorStatus>('audience.startConnector', { id });
    expect(started.state).toBe('running');
    // No room id given: the library's lookup fell through tiktok.com (no network here) to the sign server.
    expect(server.requests.filter((r) => r.route === 'room_id').map((r) => r.path)).toContain('/webcast/anchors/shop_live/room_id');
    await server.waitForEnters(1);

    await server.play(session.slice(0, 4));
    await waitUntil(() => h.stored(id).length >= 6, { timeoutMs: 10_000, what: 'the first frames to be stored' });

    server.drop();
    await waitUntil(() => h.status(id)?.state === 'reconnecting', { timeoutMs: 5_000, what: 'the connector to notice the drop' });
    await waitUntil(() => h.status(id)?.state === 'running' && server.open() === 1, { timeoutMs: 15_000, what: 'the connector to reconnect' });
    await server.waitForEnters(2);
    const gaps = h.gaps(id);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.reason).toMatch(/TikTok closed the LIVE connection \(code 1006\)/);
    expect(gaps[0]!.to).toBeGreaterThan(gaps[0]!.from);
    expect(h.status(id)?.gaps).toBe(1);

    await server.play(session.slice(4));
    await waitUntil(() => byKind(h.stored(id), 'viewer_count').length >= 2, { timeoutMs: 10_000, what: 'the frames after the reconnect' });
    await elapse(100);
    const events = h.stored(id);
    expect(byKind(events, 'gift').map((g) => [g.gift.name, g.gift.count])).toEqual([
      ['Rose', 5],
      ['GG', 1],
      ['Heart Me', 1],
    ]);
    // The new connection's first batch repeated the room's recent messages (same ids): each is stored once.
    expect(server.requests.filter((r) => r.route === 'connect')).toHaveLength(2);
    expect(byKind(events, 'viewer_count').map((v) => v.viewers)).toEqual([1180, 1342]);
    expect(byKind(events, 'comment').map((c) => c.text)).toEqual(['主播好！这个口红多少钱？', 'Is the red one still in stock?', '上链接！要两支']);

    await server.play(loadSession('stream-end.jsonl'));
    await waitUntil(() => h.status(id)?.state === 'stopped', { timeoutMs: 10_000, what: 'the end of the LIVE to stop the connector' });
    expect(byKind(h.stored(id), 'comment').at(-1)?.text).toBe('Thanks, see you tomorrow!');
    // The end of the LIVE is not an outage: no second gap, no reconnect.
    await elapse(1_500);
    expect(h.gaps(id)).toHaveLength(1);
    expect(server.connections()).toBe(2);
    expect(h.status(id)?.state).toBe('stopped');
    expect(h.core.db.prepare('SELECT group_concat(value) FROM settings').pluck().get()).not.toContain(KEY);
    expectKeyNotLogged(KEY);
  });

  it('after an app restart, the recent messages TikTok repeats on the new connection are not stored again', async () => {
    const server = await serve();
    const { id } = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'TikTok fixture',
      config: { kind: 'tiktok', uniqueId: '@shop_live', signServerUrl: server.signServerUrl, signApiKey: KEY },
    });
    await h.call<ConnectorStatus>('audience.startConnector', { id });
    await server.waitForEnters(1);
    await server.play(session.slice(0, 4));
    await waitUntil(() => h.stored(id).length >= 6, { timeoutMs: 10_000, what: 'the first frames to be stored' });

    // The app closes and starts again on the same data: a new core, the connector started anew.
    const dataDir = h.dataDir;
    await h.close({ keepData: true });
    h = openCore(dataDir);
    expect(h.status(id)?.state).toBe('stopped');
    await h.call<ConnectorStatus>('audience.startConnector', { id });
    await server.waitForEnters(2);
    await server.play(session.slice(4));
    await waitUntil(() => byKind(h.stored(id), 'viewer_count').length >= 2, { timeoutMs: 10_000, what: 'the frames after the restart' });
    await elapse(100);
    // The new connection's first batch repeated the room's recent messages: each is stored once.
    expect(server.requests.filter((r) => r.route === 'connect')).toHaveLength(2);
    const events = h.stored(id);
    expect(byKind(events, 'viewer_count').map((v) => v.viewers)).toEqual([1180, 1342]);
    expect(byKind(events, 'comment').map((c) => c.text)).toEqual(['主播好！这个口红多少钱？', 'Is the red one still in stock?', '上链接！要两支']);
    expect(h.core.db.prepare('SELECT count(*) FROM connector_seen WHERE connector_id = ?').pluck().get(id)).toBe(1);
    // Removing the connector forgets its ids too.
    await h.call('audience.removePlatformConnector', { id });
    expect(h.core.db.prepare('SELECT count(*) FROM connector_seen WHERE connector_id = ?').pluck().get(id)).toBe(0);
  });

  it('two connectors with different sign servers and keys run side by side, each with its own key', async () => {
    const otherKey = 'euler_second_key_0a1b2c3d4e5f6a7b8c9d';
    const first = await serve();
    const second = await serve({ apiKey: otherKey, initial: undefined, rooms: { other_shop: { roomId: '7400000000000000002', live: true } } });
    const [a, b] = await Promise.all([
      h.call<ConnectorStatus>('audience.addPlatformConnector', {
        label: 'First',
        config: { kind: 'tiktok', uniqueId: 'shop_live', roomId: ROOM, signServerUrl: first.signServerUrl, signApiKey: KEY },
      }),
      h.call<ConnectorStatus>('audience.addPlatformConnector', {
        label: 'Second',
        config: { kind: 'tiktok', uniqueId: 'other_shop', roomId: '7400000000000000002', signServerUrl: second.signServerUrl, signApiKey: otherKey },
      }),
    ]);
    const started = await Promise.all([h.call<ConnectorStatus>('audience.startConnector', { id: a.id }), h.call<ConnectorStatus>('audience.startConnector', { id: b.id })]);
    expect(started.map((s) => s.state)).toEqual(['running', 'running']);
    expect(first.requests.map((r) => r.apiKey)).toEqual(['valid']);
    expect(second.requests.map((r) => r.apiKey)).toEqual(['valid']);
    await Promise.all([first.waitForEnters(1), second.waitForEnters(1)]);
    await Promise.all([first.play(session.slice(0, 3)), second.play(loadSession('stream-end.jsonl').slice(0, 1))]);
    await waitUntil(() => h.stored(a.id).length >= 6 && h.stored(b.id).length >= 1, { timeoutMs: 10_000, what: 'both rooms to deliver' });
    expect(byKind(h.stored(b.id), 'comment').map((c) => c.text)).toEqual(['Thanks, see you tomorrow!']);
    expect(byKind(h.stored(a.id), 'comment').map((c) => c.text)).toEqual(['主播好！这个口红多少钱？', 'Is the red one still in stock?']);
    expectKeyNotLogged(KEY);
    expectKeyNotLogged(otherKey);
  });

  it('a streamer who is not live fails the connector at once, without retrying', async () => {
    const server = await serve({ rooms: { shop_live: { roomId: ROOM, live: true }, closed_shop: { roomId: '7400000000000000009', live: false } } });
    const { id } = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'Offline',
      config: { kind: 'tiktok', uniqueId: 'closed_shop', signServerUrl: server.signServerUrl, signApiKey: KEY },
    });
    const started = await h.call<ConnectorStatus>('audience.startConnector', { id });
    expect(started.state).toBe('failed');
    expect(started.lastError).toMatch(/@closed_shop is not live on TikTok/);
    const asked = server.requests.length;
    await elapse(2_500);
    expect(server.requests).toHaveLength(asked);
    expect(server.requests.filter((r) => r.route === 'connect')).toHaveLength(0);
    expect(server.connections()).toBe(0);
    expect(h.status(id)?.state).toBe('failed');
  });

  it('a refused API key (401) fails the connector with a clear message, once, and the key is never logged', async () => {
    const server = await serve();
    const wrong = 'euler_wrong_key_9d8c7b6a5f4e3d2c1b0a';
    const { id } = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'Bad key',
      config: { kind: 'tiktok', uniqueId: 'shop_live', roomId: ROOM, signServerUrl: server.signServerUrl, signApiKey: wrong },
    });
    const started = await h.call<ConnectorStatus>('audience.startConnector', { id });
    expect(started.state).toBe('failed');
    expect(started.lastError).toMatch(/refused the API key \(HTTP 401\)/);
    await elapse(2_500);
    expect(server.requests.map((r) => [r.route, r.apiKey])).toEqual([['connect', 'invalid']]);
    expect(h.status(id)?.state).toBe('failed');
    expectKeyNotLogged(wrong);
  });
});
