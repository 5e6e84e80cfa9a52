import EulerStreamApiClient from 'tiktok-live-api-sdk';
import {
  ControlAction,
  InvalidUniqueIdError,
  MemberMessageAction,
  PremiumFeatureError,
  SignAPIError,
  ControlEvent,
  SignatureRateLimitError,
  TikTokLiveConnection,
  UserOfflineError,
  WebcastEvent,
  type WebcastGotHttpConfig,
  type CommonMessageData,
  type User,
  type WebcastChatMessage,
  type WebcastGiftMessage,
  type WebcastLikeMessage,
  type WebcastMemberMessage,
  type WebcastRoomUserSeqMessage,
  type WebcastSocialMessage,
} from 'tiktok-live-connector';
import { TikTokUniqueId, type IngestEventInput } from '../../../../shared/contract/audience.js';
import { FatalConnectorError, type ConnectorLink } from './connector.js';
import { clip, createHeldSubmitter, RecentMessageIds, validEvents, type OpenPlatformLink } from './platformLink.js';

/** A TikTok LIVE link's settings, secrets already unsealed. */
export interface TikTokLinkConfig {
  readonly kind: 'tiktok';
  readonly uniqueId: string;
  readonly roomId?: string | undefined;
  readonly signServerUrl?: string | undefined;
  readonly signApiKey?: string | undefined;
}

/** tiktok-live-connector's own default sign server (Euler Stream). */
export const TIKTOK_DEFAULT_SIGN_SERVER = 'https://api.eulerstream.com';
/**
 * Gift values are TikTok diamonds, not money: counted in this ISO 4217 user-assigned code (X-range) so they can never
 * be summed with CNY or USD revenue. 1 diamond = 1 unit (no minor units).
 */
export const TIKTOK_DIAMOND_CURRENCY = 'XTD';
/** Sign-server requests give up after this long (the supervisor retries). */
const SIGN_TIMEOUT_MS = 15_000;
const TEXT_MAX = 500;
const NAME_MAX = 64;
const GIFT_NAME_MAX = 64;
const COUNT_MAX = 1_000_000;
/**
 * got options for the library's tiktok.com requests (the room lookup): the supervisor retries with backoff, got's own
 * retries (2, after 1 s and 2 s, per request) would only delay a clear failure. The library's type wrongly demands a
 * `cookieJar` here although its constructor always puts its own jar over whatever is given, hence the assertion.
 */
const GOT_OPTIONS = { retry: { limit: 0 } } as Omit<WebcastGotHttpConfig, 'cookieJar'> as WebcastGotHttpConfig;

/** Platform time from the message's `common.createTime` (ms; seconds are accepted too), else the receive time. */
export function tiktokTime(common: CommonMessageData | undefined, now: number): number {
  const n = Number(common?.createTime ?? '');
  if (!Number.isSafeInteger(n) || n <= 0) return now;
  if (n >= 1e12) return n;
  return n >= 1e9 ? n * 1000 : now;
}

/** The sender: TikTok's numeric user id (the @handle when it is missing) and the nickname (the @handle when empty). */
function who(user: User | undefined): { userId?: string; displayName?: string } {
  if (!user) return {};
  const id = user.id && user.id !== '0' ? user.id : user.displayId ? `handle:${user.displayId}` : '';
  const name = user.nickname.trim() || user.displayId.trim();
  return { ...(id ? { userId: id } : {}), ...(name ? { displayName: clip(name, NAME_MAX) } : {}) };
}

/** `chat` (WebcastChatMessage) → comment. */
export function tiktokComment(m: WebcastChatMessage, now: number): IngestEventInput[] {
  const text = clip(m.content.trim(), TEXT_MAX);
  if (text === '') return [];
  return [{ kind: 'comment', platform: 'tiktok', ...who(m.user), occurredAt: tiktokTime(m.common, now), text }];
}

/** `like` (WebcastLikeMessage) → like with the taps of this batch (`count`; `total` is the room's running sum). */
export function tiktokLike(m: WebcastLikeMessage, now: number): IngestEventInput[] {
  if (!Number.isSafeInteger(m.count) || m.count < 1) return [];
  return [{ kind: 'like', platform: 'tiktok', ...who(m.user), occurredAt: tiktokTime(m.common, now), count: Math.min(m.count, COUNT_MAX) }];
}

/**
 * `gift` (WebcastGiftMessage) → gift, counted once. A streakable gift (gift type 1, e.g. Rose) arrives again and again
 * while the viewer taps, with a growing `repeatCount`; only the message with `repeatEnd` is counted, with the final
 * `repeatCount`. Other gifts count at once. `value` = diamonds per gift × count, in {@link TIKTOK_DIAMOND_CURRENCY}.
 */
export function tiktokGift(m: WebcastGiftMessage, now: number): IngestEventInput[] {
  const streakable = m.gift?.type === 1;
  if (streakable && m.repeatEnd !== 1) return [];
  const count = Math.min(Math.max(1, m.repeatCount) * Math.max(1, m.groupCount), COUNT_MAX);
  const diamonds = Math.max(0, m.gift?.diamondCount ?? 0);
  const name = clip(m.gift?.name.trim() || `gift ${m.giftId}`, GIFT_NAME_MAX);
  return [
    {
      kind: 'gift',
      platform: 'tiktok',
      ...who(m.user),
      occurredAt: tiktokTime(m.common, now),
      gift: { name, count, value: { amount: diamonds * count, currency: TIKTOK_DIAMOND_CURRENCY } },
    },
  ];
}

/** `follow` / `share` (WebcastSocialMessage, told apart by the library from the display key) → follow / share. */
export function tiktokSocial(kind: 'follow' | 'share', m: WebcastSocialMessage, now: number): IngestEventInput[] {
  return [{ kind, platform: 'tiktok', ...who(m.user), occurredAt: tiktokTime(m.common, now) }];
}

/** `member` (WebcastMemberMessage) → enter, for joins only (the same message also announces subscriptions). */
export function tiktokMember(m: WebcastMemberMessage, now: number): IngestEventInput[] {
  if (m.action !== MemberMessageAction.MEMBER_MESSAGE_ACTION_JOINED) return [];
  return [{ kind: 'enter', platform: 'tiktok', ...who(m.user), occurredAt: tiktokTime(m.common, now) }];
}

/** `roomUser` (WebcastRoomUserSeqMessage) → viewer_count: `total` is the number watching now. */
export function tiktokViewers(m: WebcastRoomUserSeqMessage, now: number): IngestEventInput[] {
  const viewers = Number(m.total);
  if (!Number.isSafeInteger(viewers) || viewers < 0) return [];
  return [{ kind: 'viewer_count', platform: 'tiktok', occurredAt: tiktokTime(m.common, now), viewers }];
}

/** Maps the library's audience events (after its own decoding and routing) to ingest events, each message once. */
export function wireTikTokEvents(
  connection: TikTokLiveConnection,
  deliver: (events: IngestEventInput[]) => void,
  now: () => number,
  recent: RecentMessageIds = new RecentMessageIds(),
): void {
  const once =
    <M extends { common: CommonMessageData | undefined }>(map: (m: M, at: number) => IngestEventInput[]) =>
    (m: M): void => {
      if (recent.fresh(m.common?.msgId)) deliver(map(m, now()));
    };
  connection.on(WebcastEvent.CHAT, once(tiktokComment));
  connection.on(WebcastEvent.LIKE, once(tiktokLike));
  connection.on(WebcastEvent.GIFT, once(tiktokGift));
  connection.on(WebcastEvent.FOLLOW, once((m: WebcastSocialMessage, at) => tiktokSocial('follow', m, at)));
  connection.on(WebcastEvent.SHARE, once((m: WebcastSocialMessage, at) => tiktokSocial('share', m, at)));
  connection.on(WebcastEvent.MEMBER, once(tiktokMember));
  connection.on(WebcastEvent.ROOM_USER, once(tiktokViewers));
}

/** The message of an error with the API key blanked out (it can ride along in a request URL or a server reply). */
const messageOf = (e: unknown, secret: string | undefined): string => {
  const msg = e instanceof Error ? e.message : String(e);
  const oneLine = msg.replace(/\s+/g, ' ').trim();
  return secret ? oneLine.split(secret).join('[redacted]') : oneLine;
};

/**
 * Which failures retrying cannot fix: the streamer is not live, the user name is invalid, the sign server refused
 * the API key (401/403) or wants a paid plan (402). Everything else (network, rate limit, sign server hiccup) is
 * retried by the supervisor with backoff.
 */
export function classifyTikTokError(e: unknown, uniqueId: string, secret: string | undefined): Error {
  const msg = messageOf(e, secret);
  if (e instanceof FatalConnectorError) return e;
  if (e instanceof UserOfflineError) return new FatalConnectorError(`@${uniqueId} is not live on TikTok right now: start the connector once the LIVE has begun`);
  if (e instanceof InvalidUniqueIdError) return new FatalConnectorError(`"${uniqueId}" is not a valid TikTok user name: ${msg}`);
  if (e instanceof PremiumFeatureError) return new FatalConnectorError(`the TikTok sign server requires a paid plan for this: ${msg}`);
  if (e instanceof SignatureRateLimitError) return new Error(`the TikTok sign server is rate limiting this key: ${msg}`);
  if (e instanceof SignAPIError) {
    const status = /Unexpected sign server status (\d{3})/.exec(msg)?.[1];
    if (status === '401' || status === '403') {
      return new FatalConnectorError(`the TikTok sign server refused the API key (HTTP ${status}): check signApiKey in the connector settings`);
    }
    return new Error(`TikTok sign server: ${msg}`);
  }
  return new Error(`TikTok LIVE: ${msg}`);
}

/**
 * TikTok LIVE through tiktok-live-connector. Each link is its own `TikTokLiveConnection` with its own Euler Stream
 * client (`eulerApiInstance`), so two connectors with different sign servers or keys never share the library's
 * global `SignConfig`. The library asks the sign server for a signed push-server address and the first batch of
 * messages, then keeps a WebSocket to TikTok; when it closes the link ends with an error and the supervisor
 * reconnects with backoff (a `ConnectorGap` marks the outage). The end of the LIVE ends the link normally.
 */
export const openTikTokLink: OpenPlatformLink<TikTokLinkConfig> = async (config, deps) => {
  const { clock, log } = deps;
  const secret = config.signApiKey;
  const parsedId = TikTokUniqueId.safeParse(config.uniqueId);
  if (!parsedId.success) throw new FatalConnectorError(`"${config.uniqueId}" is not a valid TikTok user name: ${parsedId.error.issues[0]?.message ?? 'invalid'}`);
  const uniqueId = parsedId.data;

  const apiClient = new EulerStreamApiClient({
    basePath: config.signServerUrl ?? TIKTOK_DEFAULT_SIGN_SERVER,
    // The SDK moves the key into an X-Api-Key header of this object (never into the URL).
    ...(secret ? { apiKey: secret } : {}),
    baseOptions: { headers: { 'User-Agent': 'tiktok-live-connector/2.5.0 showrunner' }, validateStatus: () => true, timeout: SIGN_TIMEOUT_MS },
  });
  const connection = new TikTokLiveConnection(uniqueId, {
    eulerApiInstance: apiClient,
    // Room info comes from tiktok.com (often blocked): one request less per attempt. The live check runs only
    // when the room has to be looked up anyway (below).
    fetchRoomInfoOnConnect: false,
    processInitialData: true,
    enableExtendedGiftInfo: false,
    webClientOptions: GOT_OPTIONS,
  });

  let finished = false;
  let resolveEnded: (e: Error | null) => void = () => undefined;
  const ended = new Promise<Error | null>((r) => {
    resolveEnded = r;
  });
  let invalid = 0;
  let decodeErrors = 0;
  const onInvalid = (why: string): void => {
    invalid++;
    if (invalid <= 10 || invalid % 1000 === 0) log.warn('a TikTok event did not fit the audience schema; skipped', { why, invalid });
  };
  const held = createHeldSubmitter(deps, (n) => {
    finish(new Error(`the audience pipeline could not take ${n} TikTok events in time`));
    void connection.disconnect().catch(() => undefined);
  });
  const finish = (e: Error | null): void => {
    if (finished) return;
    finished = true;
    connection.removeAllListeners();
    // A listener stays so a late library error never becomes an unhandled 'error' event.
    connection.on(ControlEvent.ERROR, () => undefined);
    held.close();
    resolveEnded(e);
  };
  const deliver = (events: IngestEventInput[]): void => {
    if (!finished) held.deliver(validEvents(events, onInvalid));
  };

  wireTikTokEvents(connection, deliver, () => clock.now(), deps.seen);
  connection.on(WebcastEvent.STREAM_END, ({ action }) => {
    log.info('the TikTok LIVE ended', { uniqueId, action: action === ControlAction.CONTROL_ACTION_STREAM_SUSPENDED ? 'suspended' : 'ended' });
    finish(null);
  });
  connection.on(ControlEvent.ERROR, (err: unknown) => {
    // {info, exception}: a frame that could not be decoded, a handler that threw. The link carries on.
    const e = err !== null && typeof err === 'object' && 'exception' in err ? err.exception : err;
    const info = err !== null && typeof err === 'object' && 'info' in err ? String(err.info) : 'error';
    decodeErrors++;
    if (decodeErrors <= 10 || decodeErrors % 1000 === 0) log.warn('tiktok-live-connector reported an error', { info, error: messageOf(e, secret).slice(0, 300), count: decodeErrors });
  });
  connection.on(ControlEvent.DISCONNECTED, ({ code, reason }) => {
    finish(new Error(`TikTok closed the LIVE connection (code ${code}${reason ? `: ${reason}` : ''})`));
  });

  try {
    let roomId = config.roomId;
    if (roomId === undefined) {
      // The library's lookup (tiktok.com, then the sign server); a LIVE that has not started fails the connector.
      if (!(await connection.fetchIsLive())) throw new UserOfflineError(`@${uniqueId} is offline`);
      roomId = await connection.fetchRoomId();
    }
    await connection.connect(roomId);
  } catch (e) {
    finished = true;
    connection.removeAllListeners();
    connection.on(ControlEvent.ERROR, () => undefined);
    held.close();
    await connection.disconnect().catch(() => undefined);
    throw classifyTikTokError(e, uniqueId, secret);
  }
  log.info('connected to TikTok LIVE', { uniqueId, roomId: connection.roomId, signServer: config.signServerUrl ?? 'default', withKey: secret !== undefined });

  return {
    ended,
    async close() {
      finish(null);
      await connection.disconnect().catch(() => undefined);
    },
  } satisfies ConnectorLink;
};
