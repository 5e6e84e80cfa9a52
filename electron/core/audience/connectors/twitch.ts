import tmi from 'tmi.js';
import type { ChatUserstate, CommonUserstate, SubGiftUserstate, SubUserstate } from 'tmi.js';
import type { IngestEventInput, PlatformConfigOf } from '../../../../shared/contract/audience.js';
import { redactPii } from '../../../../shared/domain/redact.js';
import { FatalConnectorError, type ConnectorLink } from './connector.js';
import { clip, createHeldSubmitter, validEvents, type OpenPlatformLink } from './platformLink.js';

export type TwitchConfig = PlatformConfigOf<'twitch'>;

export const TWITCH_DEFAULT_SERVER = 'irc-ws.chat.twitch.tv';
/** What Twitch pays the streamer per Bit: one US cent. */
const BIT_VALUE_CENTS = 1;
/** Twitch never answered the login: give up this attempt (the supervisor retries). */
const CONNECT_TIMEOUT_MS = 15_000;
/** Twitch's login refusals (NOTICE text): retrying cannot fix them. */
const LOGIN_REFUSED = /Login authentication failed|Login unsuccessful|Improperly formatted auth|Error logging in|Invalid NICK/i;
const TEXT_MAX = 500;
const NAME_MAX = 64;

/** Platform time from `tmi-sent-ts`, else the receive time. */
const sentAt = (tags: { 'tmi-sent-ts'?: string | undefined }, now: number): number => {
  const n = Number(tags['tmi-sent-ts']);
  return Number.isSafeInteger(n) && n > 0 ? n : now;
};

/**
 * The user a viewer's pseudonym is made from: their login (lower-case), because JOIN and PART, the presence lines,
 * carry only the login, and a viewer's enter, chat and leave must be one pseudonym. The numeric user-id (stable
 * across renames, which Twitch allows every 60 days) is used only when a line has no login.
 */
const twitchUser = (login: string | undefined, id: string | undefined): { userId?: string } =>
  login ? { userId: `login:${login.toLowerCase()}` } : id ? { userId: id } : {};

const who = (tags: CommonUserstate): { userId?: string; displayName?: string } => {
  const loginTag: unknown = tags['login'];
  const userTag: unknown = tags['username'];
  const login = typeof loginTag === 'string' && loginTag !== '' ? loginTag : typeof userTag === 'string' ? userTag : '';
  const name = tags['display-name']?.trim() || login;
  return { ...twitchUser(login, tags['user-id']), ...(name ? { displayName: clip(name, NAME_MAX) } : {}) };
};

/** A chat line (`PRIVMSG`, also `/me`) → comment. */
export function twitchComment(tags: CommonUserstate, text: string, now: number): IngestEventInput[] {
  const body = clip(text.trim(), TEXT_MAX);
  if (body === '') return [];
  return [{ kind: 'comment', platform: 'twitch', ...who(tags), occurredAt: sentAt(tags, now), text: body }];
}

/** A cheer (`PRIVMSG` with `bits`) → a gift of N Bits worth N US cents, plus the message as a comment. */
export function twitchCheer(tags: ChatUserstate, text: string, now: number): IngestEventInput[] {
  const bits = Number(tags.bits);
  const out: IngestEventInput[] = [];
  if (Number.isSafeInteger(bits) && bits > 0) {
    out.push({
      kind: 'gift',
      platform: 'twitch',
      ...who(tags),
      occurredAt: sentAt(tags, now),
      gift: { name: 'Bits', count: bits, value: { amount: bits * BIT_VALUE_CENTS, currency: 'USD' } },
    });
  }
  return [...out, ...twitchComment(tags, text, now)];
}

/** A subscription or resubscription (`USERNOTICE` sub/resub) → follow, plus the shared message as a comment. */
export function twitchSubscription(tags: SubUserstate, text: string | null, now: number): IngestEventInput[] {
  return [{ kind: 'follow', platform: 'twitch', ...who(tags), occurredAt: sentAt(tags, now) }, ...(text ? twitchComment(tags, text, now) : [])];
}

/**
 * A gifted subscription (`USERNOTICE` subgift) → follow by the recipient, who became a subscriber. Twitch does not
 * say what the gifter paid (sub prices differ by country), so it is not a gift with a value.
 */
export function twitchSubGift(tags: SubGiftUserstate, now: number): IngestEventInput[] {
  const id = tags['msg-param-recipient-id'];
  const name = tags['msg-param-recipient-display-name'] ?? tags['msg-param-recipient-user-name'];
  if (!id && !name) return [];
  return [
    {
      kind: 'follow',
      platform: 'twitch',
      ...twitchUser(tags['msg-param-recipient-user-name'], id),
      ...(name ? { displayName: clip(name, NAME_MAX) } : {}),
      occurredAt: sentAt(tags, now),
    },
  ];
}

/** `JOIN` / `PART` of another user → enter / leave. IRC gives only the login (not the numeric id). */
export function twitchPresence(kind: 'enter' | 'leave', login: string, now: number): IngestEventInput[] {
  return [{ kind, platform: 'twitch', ...twitchUser(login, undefined), displayName: clip(login, NAME_MAX), occurredAt: now }];
}

const refusal = (reason: string): Error =>
  LOGIN_REFUSED.test(reason)
    ? new FatalConnectorError(`Twitch refused the login (${reason}): check the username and the OAuth token (it needs the chat:read scope)`)
    : new Error(`could not connect to Twitch chat: ${reason}`);

/**
 * Twitch chat through tmi.js over its WebSocket IRC interface. tmi.js's own reconnect is off: the supervisor
 * reconnects with backoff and marks the gap. A login refusal fails the connector at once (no retry storm).
 */
export const openTwitchLink: OpenPlatformLink<TwitchConfig> = async (config, deps) => {
  const { clock, log } = deps;
  const secure = config.secure ?? true;
  const identity = config.username !== undefined && config.oauthToken !== undefined ? { username: config.username, password: config.oauthToken } : undefined;
  const tmiLog = log.child('tmi');
  const client = new tmi.Client({
    options: { skipUpdatingEmotesets: true, joinInterval: 300 },
    connection: {
      server: config.server ?? TWITCH_DEFAULT_SERVER,
      ...(config.port === undefined ? {} : { port: config.port }),
      secure,
      reconnect: false,
      timeout: 10_000,
    },
    ...(identity ? { identity } : {}),
    channels: [...config.channels],
    // tmi.js logs chat lines at info: kept at debug here, with personal data redacted like stored comments (the
    // log file must not hold what the store may not). It never logs the token.
    logger: {
      info: (m: string) => tmiLog.debug(redactPii(m).text),
      warn: (m: string) => tmiLog.debug(redactPii(m).text),
      error: (m: string) => tmiLog.warn(redactPii(m).text),
    },
  });

  let finished = false;
  let resolveEnded: (e: Error | null) => void = () => undefined;
  const ended = new Promise<Error | null>((r) => {
    resolveEnded = r;
  });
  const finish = (e: Error | null): void => {
    if (finished) return;
    finished = true;
    resolveEnded(e);
  };
  let invalid = 0;
  const onInvalid = (why: string): void => {
    invalid++;
    if (invalid <= 10 || invalid % 1000 === 0) log.warn('a Twitch event did not fit the audience schema; skipped', { why, invalid });
  };
  const held = createHeldSubmitter(deps, (n) => {
    finish(new Error(`the audience pipeline could not take ${n} Twitch events in time`));
    void client.disconnect().catch(() => undefined);
  });
  const deliver = (events: IngestEventInput[]): void => {
    held.deliver(validEvents(events, onInvalid));
  };

  client.on('message', (_channel, tags, text, self) => {
    if (self || tags['message-type'] === 'whisper') return;
    deliver(twitchComment(tags, text, clock.now()));
  });
  client.on('cheer', (_channel, tags, text) => deliver(twitchCheer(tags, text, clock.now())));
  client.on('subscription', (_channel, _user, _methods, text, tags) => deliver(twitchSubscription(tags, text, clock.now())));
  client.on('resub', (_channel, _user, _months, text, tags) => deliver(twitchSubscription(tags, text, clock.now())));
  client.on('subgift', (_channel, _user, _streak, _recipient, _methods, tags) => deliver(twitchSubGift(tags, clock.now())));
  client.on('join', (_channel, login, self) => {
    if (!self) deliver(twitchPresence('enter', login, clock.now()));
  });
  client.on('part', (_channel, login, self) => {
    if (!self) deliver(twitchPresence('leave', login, clock.now()));
  });
  client.on('disconnected', (reason) => {
    const why = reason || 'connection closed';
    finish(LOGIN_REFUSED.test(why) ? refusal(why) : new Error(`Twitch chat disconnected: ${why}`));
  });

  let timer: unknown = null;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = clock.setTimeout(() => reject(new Error(`Twitch did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
      client.connect().then(
        () => resolve(),
        (e: unknown) => reject(refusal(e instanceof Error ? e.message : String(e))),
      );
    });
  } catch (e) {
    finished = true;
    held.close();
    client.removeAllListeners();
    await client.disconnect().catch(() => undefined);
    throw e;
  } finally {
    if (timer !== null) clock.clearTimeout(timer);
  }
  log.info('connected to Twitch chat', { channels: config.channels, anonymous: identity === undefined });

  const link: ConnectorLink = {
    ended,
    async close() {
      finish(null);
      held.close();
      client.removeAllListeners();
      await client.disconnect().catch(() => undefined);
    },
  };
  return link;
};
