import { gzipSync } from 'node:zlib';
import EulerStreamApiClient from 'tiktok-live-api-sdk';
import {
  CommonMessageData,
  ErrorReason,
  InvalidUniqueIdError,
  PremiumFeatureError,
  ProtoMessageFetchResult,
  SignAPIError,
  TikTokLiveConnection,
  UserOfflineError,
  WebcastPushFrame,
  deserializeWebSocketMessage,
} from 'tiktok-live-connector';
import { describe, expect, it } from 'vitest';
import { IngestEvent, type IngestEventInput, type RawAudienceEvent } from '../../../../shared/contract/audience.js';
import { encodeFetchResult, loadSession, type FixtureFrame, type FixtureMessage } from '../../../../tests/fixtures/platforms/tiktok/server.js';
import { FatalConnectorError } from './connector.js';
import { validEvents } from './platformLink.js';
import { RecentMessageIds } from './platformLink.js';
import { TIKTOK_DIAMOND_CURRENCY, classifyTikTokError, tiktokTime, wireTikTokEvents } from './tiktok.js';

const NOW = 1_800_000_000_000;
const ROOM = '7400000000000000001';
/** A LIVE's message times: T + n ms. */
const T = 1_763_900_000_000;

/** A connection whose message handling (the library's own routing of decoded messages) can be fed directly. */
class FedConnection extends TikTokLiveConnection {
  constructor() {
    // Its own API client: nothing is requested, and the library's global client stays untouched.
    super('fixture_room', { eulerApiInstance: new EulerStreamApiClient({ basePath: 'http://127.0.0.1:9' }), fetchRoomInfoOnConnect: false });
  }
  feed(result: ProtoMessageFetchResult): Promise<void> {
    return this.processProtoMessageFetchResult(result);
  }
}

/** The messages as TikTok sends them: encoded, gzip'd in a push frame, decoded by the library's WebSocket decoder. */
async function viaLibrary(messages: readonly FixtureMessage[], recent = new RecentMessageIds()): Promise<IngestEventInput[]> {
  const body = encodeFetchResult(messages, { roomId: ROOM, cursor: 'c-1', internalExt: 'x', needAck: true });
  const frame = WebcastPushFrame.encode({
    ...WebcastPushFrame.decode(new Uint8Array(0)),
    seqId: '1',
    logId: '1',
    payloadEncoding: 'pb',
    payloadType: 'msg',
    payload: gzipSync(body),
  }).finish();
  const decoded = await deserializeWebSocketMessage(frame);
  const result = decoded.protoMessageFetchResult;
  if (!result) throw new Error('the library did not decode a fetch result');
  const out: IngestEventInput[] = [];
  const conn = new FedConnection();
  wireTikTokEvents(conn, (e) => out.push(...e), () => NOW, recent);
  await conn.feed(result);
  return out;
}

const valid = (inputs: IngestEventInput[]): RawAudienceEvent[] =>
  validEvents(inputs, (why) => {
    throw new Error(why);
  });

const user = (id: string, uniqueId: string, nickname: string): { id: string; uniqueId: string; nickname: string } => ({ id, uniqueId, nickname });
const XIAOLU = user('7301000000000000001', 'xiaolu_88', '小鹿');
const EMMA = user('7301000000000000002', 'emma.shops', 'Emma');
const rose = (at: number, repeatCount: number, repeatEnd: boolean): FixtureMessage => ({
  type: 'gift',
  at,
  user: XIAOLU,
  giftId: '5655',
  name: 'Rose',
  diamonds: 1,
  streakable: true,
  repeatCount,
  repeatEnd,
  groupId: '42',
});

describe('TikTok LIVE mapping (messages decoded by tiktok-live-connector)', () => {
  it('maps chat in Chinese and English to comments with the user id, nickname and the message time', async () => {
    const events = valid(
      await viaLibrary([
        { type: 'chat', at: 1_763_900_000_050, user: XIAOLU, text: '  主播好！这个口红多少钱？ ' },
        { type: 'chat', at: 1_763_900_002_000, user: EMMA, text: 'Is the red one still in stock?' },
        { type: 'chat', at: 1_763_900_002_500, user: EMMA, text: '   ' },
      ]),
    );
    expect(events).toEqual([
      { kind: 'comment', platform: 'tiktok', userId: XIAOLU.id, displayName: '小鹿', occurredAt: 1_763_900_000_050, text: '主播好！这个口红多少钱？' },
      { kind: 'comment', platform: 'tiktok', userId: EMMA.id, displayName: 'Emma', occurredAt: 1_763_900_002_000, text: 'Is the red one still in stock?' },
    ]);
  });

  it('counts a gift streak once, at its end, with the final repeat count and its diamonds as value', async () => {
    const events = valid(
      await viaLibrary([
        rose(T + 1, 1, false),
        rose(T + 2, 3, false),
        rose(T + 3, 5, true),
        { type: 'gift', at: T + 4, user: EMMA, giftId: '7934', name: 'Heart Me', diamonds: 30, streakable: false, repeatCount: 1, repeatEnd: false, groupId: '43' },
      ]),
    );
    expect(events.map((e) => (e.kind === 'gift' ? [e.gift, e.occurredAt] : e.kind))).toEqual([
      [{ name: 'Rose', count: 5, value: { amount: 5, currency: TIKTOK_DIAMOND_CURRENCY } }, T + 3],
      [{ name: 'Heart Me', count: 1, value: { amount: 30, currency: TIKTOK_DIAMOND_CURRENCY } }, T + 4],
    ]);
  });

  it('maps likes, follows, shares (told apart by the library), joins and viewer counts', async () => {
    const events = valid(
      await viaLibrary([
        { type: 'like', at: T + 10, user: EMMA, count: 15, total: 99 },
        { type: 'like', at: T + 11, user: EMMA, count: 0, total: 99 },
        { type: 'follow', at: T + 12, user: EMMA },
        { type: 'share', at: T + 13, user: XIAOLU },
        { type: 'member', at: T + 14, user: XIAOLU },
        { type: 'viewers', at: T + 15, total: 1342 },
      ]),
    );
    expect(events).toEqual([
      { kind: 'like', platform: 'tiktok', userId: EMMA.id, displayName: 'Emma', occurredAt: T + 10, count: 15 },
      { kind: 'follow', platform: 'tiktok', userId: EMMA.id, displayName: 'Emma', occurredAt: T + 12 },
      { kind: 'share', platform: 'tiktok', userId: XIAOLU.id, displayName: '小鹿', occurredAt: T + 13 },
      { kind: 'enter', platform: 'tiktok', userId: XIAOLU.id, displayName: '小鹿', occurredAt: T + 14 },
      { kind: 'viewer_count', platform: 'tiktok', occurredAt: T + 15, viewers: 1342 },
    ]);
  });

  it('maps the whole recorded session: one Rose streak of 5, every event valid for the ingest schema', async () => {
    const frames = loadSession('session.jsonl').filter((f): f is Extract<FixtureFrame, { messages: unknown }> => 'messages' in f);
    const events = valid(await viaLibrary(frames.flatMap((f) => f.messages)));
    expect(events.map((e) => e.kind)).toEqual([
      'viewer_count',
      'comment',
      'enter',
      'enter',
      'comment',
      'like',
      'gift',
      'gift',
      'gift',
      'follow',
      'share',
      'comment',
      'like',
      'viewer_count',
    ]);
    const gifts = events.filter((e) => e.kind === 'gift');
    expect(gifts.map((g) => [g.gift.name, g.gift.count])).toEqual([
      ['Rose', 5],
      ['GG', 1],
      ['Heart Me', 1],
    ]);
    for (const e of events) expect(IngestEvent.safeParse(e).success).toBe(true);
  });

  it('delivers each message once when a new connection repeats recent messages with their ids', async () => {
    const recent = new RecentMessageIds([], 2);
    const batch: FixtureMessage[] = [
      { type: 'viewers', at: T, total: 10 },
      { type: 'chat', at: T + 1, user: EMMA, text: 'hi' },
    ];
    expect(await viaLibrary(batch, recent)).toHaveLength(2);
    expect(await viaLibrary(batch, recent)).toEqual([]);
    // A new message passes, and the oldest id is forgotten past the bound.
    expect(await viaLibrary([...batch, { type: 'chat', at: T + 2, user: EMMA, text: 'again' }], recent)).toHaveLength(1);
    expect(await viaLibrary(batch.slice(1), recent)).toEqual([]);
    expect(await viaLibrary(batch.slice(0, 1), recent)).toHaveLength(1);
    // What the audience service stores and gives back after a restart: the same messages stay out.
    const ids = recent.takeChanges();
    expect(ids).toHaveLength(2);
    expect(recent.takeChanges()).toBeNull();
    const restored = new RecentMessageIds(ids ?? [], 2);
    expect(await viaLibrary(batch.slice(0, 1), restored)).toEqual([]);
  });

  it('takes the platform time in ms or seconds, and the receive time when it is missing or absurd', () => {
    const c = (createTime: string): CommonMessageData => ({ ...CommonMessageData.decode(new Uint8Array(0)), createTime });
    expect(tiktokTime(c('1763900000123'), NOW)).toBe(1_763_900_000_123);
    expect(tiktokTime(c('1763900000'), NOW)).toBe(1_763_900_000_000);
    expect(tiktokTime(c('0'), NOW)).toBe(NOW);
    expect(tiktokTime(c('12'), NOW)).toBe(NOW);
    expect(tiktokTime(undefined, NOW)).toBe(NOW);
  });

  it('reports events that do not fit the schema instead of passing them on', () => {
    const why: string[] = [];
    const out = validEvents([{ kind: 'viewer_count', platform: 'tiktok', viewers: -1 }], (w) => why.push(w));
    expect(out).toEqual([]);
    expect(why[0]).toMatch(/^viewer_count: viewers/);
  });
});

describe('TikTok LIVE errors', () => {
  const KEY = 'euler_live_key_0123456789';
  it('fails for good when the streamer is offline, the user name is invalid, or the key is refused', () => {
    expect(classifyTikTokError(new UserOfflineError('offline'), 'shop', KEY)).toBeInstanceOf(FatalConnectorError);
    expect(classifyTikTokError(new InvalidUniqueIdError('bad'), 'shop', KEY)).toBeInstanceOf(FatalConnectorError);
    const refused = classifyTikTokError(
      new SignAPIError(ErrorReason.SIGN_NOT_200, undefined, undefined, `[fetchSignedWebSocketFromEulerRoute] Unexpected sign server status 401. Payload:\n{"message":"bad key ${KEY}"}`),
      'shop',
      KEY,
    );
    expect(refused).toBeInstanceOf(FatalConnectorError);
    expect(refused.message).toMatch(/refused the API key \(HTTP 401\)/);
    expect(classifyTikTokError(new PremiumFeatureError('This feature requires a paid Euler Stream plan.', 'Error fetching the signed TikTok WebSocket'), 'shop', KEY)).toBeInstanceOf(FatalConnectorError);
  });

  it('retries sign server hiccups and network errors, without the API key in the message', () => {
    const hiccup = classifyTikTokError(new SignAPIError(ErrorReason.SIGN_NOT_200, undefined, undefined, `Unexpected sign server status 502. Payload: ${KEY}`), 'shop', KEY);
    expect(hiccup).not.toBeInstanceOf(FatalConnectorError);
    expect(hiccup.message).not.toContain(KEY);
    expect(hiccup.message).toContain('[redacted]');
    const net = classifyTikTokError(new Error(`connect ECONNREFUSED 127.0.0.1:1 ?apiKey=${KEY}`), 'shop', KEY);
    expect(net).not.toBeInstanceOf(FatalConnectorError);
    expect(net.message).not.toContain(KEY);
  });
});
