import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceEvent, CommentView, ConnectorStatus, PlatformConnectorView } from '../../shared/contract/audience.js';
import { startTwitchServer, type TwitchFixtureServer } from '../fixtures/platforms/twitchServer.js';
import { page, startYouTubeServer, type YouTubeFixtureServer } from '../fixtures/platforms/youtubeServer.js';
import { tempCore } from '../fixtures/tempCore.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';
import { TEST_CALL } from './support/coreHarness.js';
import { elapse, waitUntil } from './support/waitFor.js';

const HEX32 = /^[0-9a-f]{32}$/;

describe('platform connectors against local protocol fixtures', () => {
  let h: AudienceHarness;
  const servers: { close(): Promise<void> }[] = [];
  beforeEach(() => {
    h = openAudienceCore();
  });
  afterEach(async () => {
    await h.close();
    for (const s of servers.splice(0)) await s.close();
  });

  const status = (id: string): ConnectorStatus | undefined => h.core.audience.listConnectors().find((c) => c.id === id);
  const states = (id: string): string[] =>
    h.pushed.flatMap((e) =>
      e.name === 'audience.connectorsChanged' ? e.payload.connectors.filter((c) => c.id === id).map((c) => c.state) : [],
    );
  const gaps = (id: string): { connectorId: string; from: number; to: number; reason: string }[] =>
    (h.core.db.prepare("SELECT payload FROM event_log WHERE type = 'ConnectorGap' ORDER BY seq").all() as { payload: string }[])
      .map((r) => JSON.parse(r.payload) as { connectorId: string; from: number; to: number; reason: string })
      .filter((g) => g.connectorId === id);
  const comments = async (): Promise<CommentView[]> => (await h.call<{ comments: CommentView[] }>('audience.comments', { limit: 500 })).comments;
  const settingsText = (): string => (h.core.db.prepare('SELECT group_concat(value, char(10)) FROM settings').pluck().get() as string | null) ?? '';
  const logText = (): string => JSON.stringify(h.logs);
  const twitch = async (opts: Parameters<typeof startTwitchServer>[0]): Promise<TwitchFixtureServer> => {
    const s = await startTwitchServer(opts);
    servers.push(s);
    return s;
  };
  const youtube = async (opts: Parameters<typeof startYouTubeServer>[0]): Promise<YouTubeFixtureServer> => {
    const s = await startYouTubeServer(opts);
    servers.push(s);
    return s;
  };

  it('Twitch: reads chat anonymously through tmi.js, maps cheers, subs and presence, and marks a gap after a dropped socket', async () => {
    const server = await twitch({ script: (n) => (n === 1 ? ['chat.irc'] : ['chat-after-reconnect.irc']) });
    const added = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'Twitch fixture',
      config: { kind: 'twitch', channels: ['#ShowRunner_Test'], server: '127.0.0.1', port: server.port, secure: false },
    });
    expect(added).toMatchObject({ kind: 'twitch', simulated: false, state: 'stopped', label: 'Twitch fixture' });
    const id = added.id;

    const started = await h.call<ConnectorStatus>('audience.startConnector', { id });
    expect(started.state).toBe('running');
    await waitUntil(() => server.pending() === 0 && h.stored(id).length >= 10, { timeoutMs: 10_000, what: 'the recorded Twitch lines to be stored' });
    // tmi.js logged in anonymously and joined the channel, lower-cased.
    expect(server.received).toContain('PASS SCHMOOPIIE');
    expect(server.received.some((l) => /^NICK justinfan\d+$/.test(l))).toBe(true);
    expect(server.received).toContain('JOIN #showrunner_test');
    expect(server.received.some((l) => l.startsWith('PONG'))).toBe(true);

    const events = h.stored(id).map((s) => s.event);
    expect(events.map((e) => e.kind)).toEqual(['comment', 'comment', 'gift', 'comment', 'follow', 'comment', 'follow', 'enter', 'leave', 'leave']);
    for (const e of events) {
      expect(e).toMatchObject({ platform: 'twitch', connectorId: id, simulated: false });
      expect(e.userId).toMatch(HEX32);
    }
    const byKind = <K extends AudienceEvent['kind']>(k: K): Extract<AudienceEvent, { kind: K }>[] =>
      events.filter((e): e is Extract<AudienceEvent, { kind: K }> => e.kind === k);
    const [kappa, xiaolu, cheerText, resubText] = byKind('comment');
    expect(kappa).toMatchObject({ displayName: 'Ronni', text: 'Kappa Keepo Kappa', occurredAt: 1_763_900_000_100 });
    expect(xiaolu).toMatchObject({ displayName: '小鹿', text: '这个口红多少钱？how much is the lipstick?' });
    expect(cheerText?.text).toBe('cheer100 love this stream');
    expect(resubText).toMatchObject({ displayName: 'ronni', text: 'Great stream -- keep it up!' });
    // The same viewer (ronni) gets the same pseudonym in chat, in the resub and when leaving (PART names only the login).
    expect(resubText?.userId).toBe(kappa?.userId);
    expect(byKind('leave').at(-1)).toMatchObject({ displayName: 'ronni', userId: kappa?.userId });
    expect(byKind('gift')[0]).toMatchObject({ displayName: 'CheerBear', gift: { name: 'Bits', count: 100, value: { amount: 100, currency: 'USD' } } });
    expect(byKind('follow').map((f) => f.displayName)).toEqual(['ronni', 'Mr_Woodchuck']);
    expect(byKind('enter')[0]?.displayName).toBe('lurker_42');

    const stored = await comments();
    const view = stored.find((c) => c.text === 'Kappa Keepo Kappa');
    expect(view).toMatchObject({ platform: 'twitch', connectorId: id, displayName: 'Ronni', simulated: false });
    expect(view?.userId).toMatch(HEX32);
    expect(view?.userId).not.toBe('1337');
    expect(view?.sentiment).not.toBeNull();
    expect(stored.find((c) => c.displayName === '小鹿')?.intents).toContain('question');

    // The server drops the socket: reconnecting, back to running on a new connection, one gap in the log.
    server.dropAll();
    await waitUntil(() => server.connections() === 2 && status(id)?.state === 'running', { timeoutMs: 10_000, what: 'the Twitch link to come back' });
    await waitUntil(() => h.stored(id).length === 11, { timeoutMs: 10_000, what: 'the line played after the reconnect' });
    expect(h.stored(id).at(-1)?.event).toMatchObject({ kind: 'comment', text: 'back again after the reconnect' });
    expect(states(id)).toEqual(expect.arrayContaining(['starting', 'running', 'reconnecting']));
    expect(states(id).lastIndexOf('reconnecting')).toBeLessThan(states(id).lastIndexOf('running'));
    const [gap] = gaps(id);
    expect(gap?.reason).toMatch(/disconnected/i);
    expect(gap?.to).toBeGreaterThanOrEqual(gap?.from ?? Infinity);
    expect(status(id)).toMatchObject({ gaps: 1, errors: 1, state: 'running' });

    await h.call('audience.stopConnector', { id });
    expect(status(id)?.state).toBe('stopped');
    expect((await h.call<{ id: string }>('audience.removePlatformConnector', { id })).id).toBe(id);
    expect(status(id)).toBeUndefined();
    expect(await h.call<PlatformConnectorView[]>('audience.platformConnectors')).toEqual([]);
  });

  it('Twitch: a refused OAuth token fails the connector without retrying; the token is never shown or logged', async () => {
    const good = 'k1m2n3o4p5q6r7s8t9u0v1w2x3y4z5';
    const wrong = 'zzzzwrongwrongwrongwrongwrong0';
    const server = await twitch({ oauthToken: good, script: () => ['chat-after-reconnect.irc'] });
    const added = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'Twitch bot',
      config: { kind: 'twitch', channels: ['showrunner_test'], username: 'showrunner_bot', oauthToken: wrong, server: '127.0.0.1', port: server.port, secure: false },
    });
    const failed = await h.call<ConnectorStatus>('audience.startConnector', { id: added.id });
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toMatch(/Login authentication failed/);
    expect(server.received).toContain(`PASS oauth:${wrong}`);
    await elapse(2_500);
    expect(server.connections()).toBe(1);
    expect(status(added.id)?.state).toBe('failed');

    const listed = await h.call<PlatformConnectorView[]>('audience.platformConnectors');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.config).toMatchObject({ kind: 'twitch', username: 'showrunner_bot', oauthToken: { set: true } });
    expect(listed[0]?.status.state).toBe('failed');

    // The right token (secret replaced; other fields kept) logs in.
    const fixed = await h.call<ConnectorStatus>('audience.updatePlatformConnector', {
      id: added.id,
      config: { kind: 'twitch', channels: ['showrunner_test'], username: 'showrunner_bot', oauthToken: good, server: '127.0.0.1', port: server.port, secure: false },
    });
    expect(fixed.state).toBe('stopped');
    expect((await h.call<ConnectorStatus>('audience.startConnector', { id: added.id })).state).toBe('running');
    await waitUntil(() => h.stored(added.id).length === 1, { timeoutMs: 10_000, what: 'the logged-in link to read chat' });
    // A label-only update keeps the stored token; the running connector comes back with it.
    const relabelled = await h.call<ConnectorStatus>('audience.updatePlatformConnector', { id: added.id, label: 'Twitch bot (main)' });
    expect(relabelled).toMatchObject({ label: 'Twitch bot (main)', state: 'running' });
    expect(server.received.filter((l) => l === `PASS oauth:${good}`)).toHaveLength(2);

    const out = JSON.stringify(await h.call<PlatformConnectorView[]>('audience.platformConnectors'));
    for (const secret of [good, wrong]) {
      expect(out).not.toContain(secret);
      expect(logText()).not.toContain(secret);
      expect(settingsText()).not.toContain(secret);
    }
  });

  it('Twitch: settings are checked at the boundary', async () => {
    const bad = await h.dispatch('audience.addPlatformConnector', { label: 'x', config: { kind: 'twitch', channels: ['no spaces allowed'] } });
    expect(bad.ok).toBe(false);
    const half = await h.dispatch('audience.addPlatformConnector', { label: 'x', config: { kind: 'twitch', channels: ['abc'], username: 'bot' } });
    expect(half.ok).toBe(false);
    if (!half.ok) expect(half.error.message).toMatch(/username and oauthToken/);
    const yt = await h.dispatch('audience.addPlatformConnector', { label: 'x', config: { kind: 'youtube', liveChatId: 'Cg0KC2tMNVpG' } });
    expect(yt.ok).toBe(false);
  });

  const CHAT = 'Cg0KC2tMNVpGR1NGSXNnKicKGFVDX3g1WEcxT1YyUDZ1Wlo1RlNNOVR0dxILa0w1WkZHU0ZJc2c';
  const KEY = 'AIzaSyFIXTURE-0123456789abcdefghijklmno';

  it('YouTube: polls pages in order, maps Super Chats in minor units, survives a malformed page and stops when the chat goes offline', async () => {
    const server = await youtube({
      apiKey: KEY,
      script: {
        [CHAT]: {
          '': [page('page-1.json')],
          GOCw2pDK5Y4DIIGs2pDK5Y4D: [{ status: 200, file: 'malformed-truncated.json.txt' }, page('page-2.json')],
          GKDs9pDK5Y4DIIq89pDK5Y4D: [page('page-offline.json')],
        },
      },
    });
    const added = await h.call<ConnectorStatus>('audience.addPlatformConnector', {
      label: 'YouTube fixture',
      config: { kind: 'youtube', liveChatId: CHAT, apiKey: KEY, apiBaseUrl: server.baseUrl },
    });
    expect(added).toMatchObject({ kind: 'youtube', simulated: false });
    const id = added.id;
    expect((await h.call<ConnectorStatus>('audience.startConnector', { id })).state).toBe('running');
    await waitUntil(() => status(id)?.state === 'stopped', { timeoutMs: 20_000, what: 'the chat to go offline' });

    // First page, the malformed answer, the same page token again (no page lost), then offline.
    expect(server.requests.map((r) => r.pageToken)).toEqual(['', 'GOCw2pDK5Y4DIIGs2pDK5Y4D', 'GOCw2pDK5Y4DIIGs2pDK5Y4D', 'GKDs9pDK5Y4DIIq89pDK5Y4D']);
    expect(server.requests[0]).toMatchObject({ part: 'snippet,authorDetails', maxResults: '2000' });

    const events = h.stored(id).map((s) => s.event);
    expect(events.map((e) => e.kind)).toEqual(['comment', 'gift', 'comment', 'follow', 'gift', 'comment']);
    for (const e of events) {
      expect(e).toMatchObject({ platform: 'youtube', connectorId: id, simulated: false });
      expect(e.userId).toMatch(HEX32);
    }
    expect(events[0]).toMatchObject({ displayName: 'Mei Lin', text: 'Is the blue one still in stock?', occurredAt: Date.parse('2025-11-23T12:00:01.123Z') });
    expect(events[1]).toMatchObject({ displayName: '田中さん', gift: { name: 'Super Chat', count: 1, value: { amount: 1_000, currency: 'JPY' } } });
    expect(events[2]).toMatchObject({ kind: 'comment', text: '応援しています！' });
    expect(events[3]).toMatchObject({ kind: 'follow', displayName: 'Sam' });
    expect(events[4]).toMatchObject({ displayName: 'Alex', gift: { name: 'Dancing cat', value: { amount: 499, currency: 'USD' } } });
    expect(events[5]).toMatchObject({ text: 'ordered two, thanks!', userId: events[0]?.userId });

    const s = status(id);
    expect(s?.errors).toBe(1);
    expect(s?.lastError).toMatch(/not JSON/);
    expect(s?.gaps).toBe(1);
    expect(gaps(id)[0]?.reason).toMatch(/not JSON/);
    const stored = await comments();
    expect(stored.find((c) => c.text === 'Is the blue one still in stock?')?.sentiment).not.toBeNull();

    const out = JSON.stringify(await h.call<PlatformConnectorView[]>('audience.platformConnectors'));
    expect(out).toContain('"apiKey":{"set":true}');
    expect(out).not.toContain(KEY);
    expect(logText()).not.toContain(KEY);
    expect(settingsText()).not.toContain(KEY);
  });

  it('YouTube: a missing chat fails the start, an ended chat fails the running connector, a quota error is retried', async () => {
    const server = await youtube({
      apiKey: KEY,
      script: {
        ENDING_CHAT_0001: { '': [page('page-1.json')], GOCw2pDK5Y4DIIGs2pDK5Y4D: [{ status: 403, file: 'error-liveChatEnded.json' }] },
        QUOTA_CHAT_00001: { '': [{ status: 403, file: 'error-quotaExceeded.json' }, page('page-offline.json')] },
      },
    });
    const add = async (liveChatId: string, apiKey = KEY): Promise<string> =>
      (
        await h.call<ConnectorStatus>('audience.addPlatformConnector', {
          label: liveChatId,
          config: { kind: 'youtube', liveChatId, apiKey, apiBaseUrl: server.baseUrl },
        })
      ).id;

    const missing = await h.call<ConnectorStatus>('audience.startConnector', { id: await add('MISSING_CHAT_001') });
    expect(missing.state).toBe('failed');
    expect(missing.lastError).toMatch(/404 liveChatNotFound/);

    const badKey = await h.call<ConnectorStatus>('audience.startConnector', { id: await add('QUOTA_CHAT_00001', 'AIzaSy-not-the-key') });
    expect(badKey.state).toBe('failed');
    expect(badKey.lastError).toMatch(/400 badRequest: API key not valid/);
    expect(badKey.lastError).not.toContain('AIzaSy-not-the-key');

    const ending = await add('ENDING_CHAT_0001');
    expect((await h.call<ConnectorStatus>('audience.startConnector', { id: ending })).state).toBe('running');
    await waitUntil(() => status(ending)?.state === 'failed', { timeoutMs: 10_000, what: 'the ended chat to fail the connector' });
    expect(status(ending)?.lastError).toMatch(/liveChatEnded.*no longer live/);
    const asked = server.requests.filter((r) => r.liveChatId === 'ENDING_CHAT_0001').length;
    await elapse(2_000);
    expect(server.requests.filter((r) => r.liveChatId === 'ENDING_CHAT_0001').length).toBe(asked);
    expect(h.stored(ending)).toHaveLength(4);

    const quota = await add('QUOTA_CHAT_00001');
    expect((await h.call<ConnectorStatus>('audience.startConnector', { id: quota })).state).toBe('reconnecting');
    expect(status(quota)?.lastError).toMatch(/quotaExceeded/);
    await waitUntil(() => status(quota)?.state === 'stopped', { timeoutMs: 10_000, what: 'the retried poll to reach the offline page' });
    expect(states(quota)).toEqual(expect.arrayContaining(['reconnecting', 'running', 'stopped']));
  });

  it('platform connectors survive a restart: stored with sealed secrets, the running ones start again', async () => {
    const server = await youtube({ apiKey: KEY, script: { [CHAT]: { '': [page('page-1.json')], GOCw2pDK5Y4DIIGs2pDK5Y4D: [page('page-2.json')] } } });
    const first = tempCore();
    const call = async <T>(core: typeof first.core, command: string, input: unknown): Promise<T> => {
      const r = await core.dispatch(command, input, TEST_CALL);
      if (!r.ok) throw new Error(`${command}: ${r.error.message}`);
      return r.value as T;
    };
    const added = await call<ConnectorStatus>(first.core, 'audience.addPlatformConnector', {
      label: 'YouTube kept',
      config: { kind: 'youtube', liveChatId: CHAT, apiKey: KEY, apiBaseUrl: server.baseUrl },
    });
    const idle = await call<ConnectorStatus>(first.core, 'audience.addPlatformConnector', {
      label: 'Twitch idle',
      config: { kind: 'twitch', channels: ['showrunner_test'], username: 'showrunner_bot', oauthToken: 'idle-token-0123456789', server: '127.0.0.1', port: 9 },
    });
    expect((await call<ConnectorStatus>(first.core, 'audience.startConnector', { id: added.id })).state).toBe('running');
    await first.core.close();

    const second = tempCore({ dataDir: first.dataDir });
    try {
      const listed = await call<PlatformConnectorView[]>(second.core, 'audience.platformConnectors', {});
      expect(listed.map((c) => [c.id, c.label])).toEqual([
        [added.id, 'YouTube kept'],
        [idle.id, 'Twitch idle'],
      ]);
      expect(listed[1]?.config).toMatchObject({ kind: 'twitch', port: 9, oauthToken: { set: true } });
      await waitUntil(() => second.core.audience.listConnectors().find((c) => c.id === added.id)?.state === 'running', {
        timeoutMs: 10_000,
        what: 'the YouTube connector to start again',
      });
      expect(second.core.audience.listConnectors().find((c) => c.id === idle.id)?.state).toBe('stopped');
      // The sealed key was unsealed for the link: the server saw it (a wrong key would fail the start).
      expect(server.requests.length).toBeGreaterThanOrEqual(2);
      // The restarted link's first poll (no page token) got the recent chat again: none of it is stored twice.
      await waitUntil(() => server.requests.filter((r) => r.pageToken === '').length === 2, { timeoutMs: 10_000, what: 'the first poll after the restart' });
      second.core.audience.pipeline.drain();
      const rows = second.core.db.prepare("SELECT payload FROM event_log WHERE payload ->> '$.connectorId' = ? ORDER BY seq").pluck().all(added.id) as string[];
      const keys = rows.map((p) => {
        const e = JSON.parse(p) as { kind: string; userId: string | null; occurredAt: number };
        return `${e.kind} ${e.userId ?? ''} ${e.occurredAt}`;
      });
      expect(keys.length).toBeGreaterThanOrEqual(3);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await second.cleanup();
    }
  });
});
