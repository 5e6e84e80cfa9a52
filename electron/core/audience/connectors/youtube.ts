import { z } from 'zod';
import type { IngestEventInput, PlatformConfigOf } from '../../../../shared/contract/audience.js';
import { FatalConnectorError, type ConnectorLink } from './connector.js';
import { clip, createHeldSubmitter, validEvents, type OpenPlatformLink } from './platformLink.js';

export type YouTubeConfig = PlatformConfigOf<'youtube'>;

export const YOUTUBE_DEFAULT_API = 'https://www.googleapis.com/youtube/v3';
/** Never poll more often than this, whatever the API suggests. */
export const MIN_POLL_MS = 1_000;
const REQUEST_TIMEOUT_MS = 20_000;
/** While events wait for room in the pipeline, look again this often instead of polling. */
const HELD_WAIT_MS = 200;
const TEXT_MAX = 500;
const NAME_MAX = 64;

const Micros = z.string().regex(/^\d{1,20}$/, 'amountMicros must be digits');
const Currency = z.string().regex(/^[A-Z]{3}$/);

/** One `liveChatMessage` resource (the fields used; others are ignored). */
export const LiveChatMessage = z.object({
  id: z.string().min(1),
  snippet: z.object({
    type: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
    authorChannelId: z.string().optional(),
    displayMessage: z.string().optional(),
    textMessageDetails: z.object({ messageText: z.string() }).optional(),
    superChatDetails: z.object({ amountMicros: Micros, currency: Currency, userComment: z.string().optional(), tier: z.number().optional() }).optional(),
    superStickerDetails: z
      .object({
        amountMicros: Micros,
        currency: Currency,
        superStickerMetadata: z.object({ stickerId: z.string().optional(), altText: z.string().optional() }).optional(),
      })
      .optional(),
    newSponsorDetails: z.object({ memberLevelName: z.string().optional(), isUpgrade: z.boolean().optional() }).optional(),
    memberMilestoneChatDetails: z
      .object({ memberLevelName: z.string().optional(), memberMonth: z.number().optional(), userComment: z.string().optional() })
      .optional(),
  }),
  authorDetails: z.object({ channelId: z.string().min(1), displayName: z.string() }).optional(),
});
export type LiveChatMessage = z.infer<typeof LiveChatMessage>;

/** A `liveChatMessages.list` page; items are checked one by one. */
export const LiveChatPage = z.object({
  nextPageToken: z.string().min(1).optional(),
  pollingIntervalMillis: z.number().int().nonnegative().optional(),
  offlineAt: z.iso.datetime({ offset: true }).optional(),
  items: z.array(z.unknown()),
});
/** A Data API error body. */
const ApiError = z.object({
  error: z.object({
    code: z.number().int().optional(),
    message: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), message: z.string().optional() })).optional(),
  }),
});

/** Digits after the decimal point of a currency (JPY 0, USD 2, KWD 3). */
export function currencyExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `amountMicros` (millionths of the currency's main unit) → integer minor units, rounded half up; null when too large. */
export function microsToMinor(amountMicros: string, currency: string): number | null {
  const exp = currencyExponent(currency);
  const divisor = 10n ** BigInt(Math.max(0, 6 - exp));
  const minor = (BigInt(amountMicros) + divisor / 2n) / divisor;
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}

/**
 * One live chat message → audience events. textMessageEvent → comment; superChatEvent / superStickerEvent → gift
 * (amount in minor units of the paid currency) plus the Super Chat's text as a comment; newSponsorEvent,
 * memberMilestoneChatEvent and giftMembershipReceivedEvent → follow (the author became or stays a member);
 * deletions, bans, polls and the other system messages → nothing.
 */
export function youTubeEvents(m: LiveChatMessage): IngestEventInput[] {
  const s = m.snippet;
  const userId = m.authorDetails?.channelId ?? s.authorChannelId;
  const name = m.authorDetails?.displayName.trim();
  const base = {
    platform: 'youtube',
    ...(userId ? { userId } : {}),
    ...(name ? { displayName: clip(name, NAME_MAX) } : {}),
    occurredAt: Date.parse(s.publishedAt),
  };
  const comment = (text: string | undefined): IngestEventInput[] => {
    const body = clip((text ?? '').trim(), TEXT_MAX);
    return body === '' ? [] : [{ kind: 'comment', ...base, text: body }];
  };
  const gift = (name: string, micros: string, currency: string): IngestEventInput[] => {
    const amount = microsToMinor(micros, currency);
    return amount === null ? [] : [{ kind: 'gift', ...base, gift: { name: clip(name, NAME_MAX), count: 1, value: { amount, currency } } }];
  };
  switch (s.type) {
    case 'textMessageEvent':
      return comment(s.textMessageDetails?.messageText ?? s.displayMessage);
    case 'superChatEvent':
      return s.superChatDetails
        ? [...gift('Super Chat', s.superChatDetails.amountMicros, s.superChatDetails.currency), ...comment(s.superChatDetails.userComment)]
        : [];
    case 'superStickerEvent':
      return s.superStickerDetails
        ? gift(s.superStickerDetails.superStickerMetadata?.altText?.trim() || 'Super Sticker', s.superStickerDetails.amountMicros, s.superStickerDetails.currency)
        : [];
    case 'newSponsorEvent':
    case 'giftMembershipReceivedEvent':
      return [{ kind: 'follow', ...base }];
    case 'memberMilestoneChatEvent':
      return [{ kind: 'follow', ...base }, ...comment(s.memberMilestoneChatDetails?.userComment)];
    default:
      return [];
  }
}

/** Error reasons that a retry cannot fix. */
const FATAL_REASONS = new Set([
  'liveChatEnded',
  'liveChatDisabled',
  'liveChatNotFound',
  'forbidden',
  'keyInvalid',
  'keyExpired',
  'accessNotConfigured',
  'ipRefererBlocked',
  'badRequest',
  'invalidPageToken',
]);
const RETRY_REASONS = new Set(['quotaExceeded', 'rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded', 'backendError']);

/** An HTTP error answer → the error the link reports: fatal when retrying cannot help. */
export function apiFailure(status: number, body: string): Error {
  let reason = '';
  let message = '';
  try {
    const parsed = ApiError.safeParse(JSON.parse(body));
    if (parsed.success) {
      reason = parsed.data.error.errors?.[0]?.reason ?? '';
      message = parsed.data.error.message ?? parsed.data.error.errors?.[0]?.message ?? '';
    }
  } catch {
    // Not JSON: the status says enough.
  }
  const what = `YouTube answered ${status}${reason ? ` ${reason}` : ''}${message ? `: ${clip(message, 200)}` : ''}`;
  if (reason === 'liveChatEnded') return new FatalConnectorError(`${what} (the live chat has ended)`);
  if (reason === 'liveChatNotFound' || status === 404) return new FatalConnectorError(`${what} (no live chat with this liveChatId)`);
  if (RETRY_REASONS.has(reason) || status === 429 || status >= 500) return new Error(what);
  if (FATAL_REASONS.has(reason) || status === 400 || status === 401 || status === 403) return new FatalConnectorError(what);
  return new Error(what);
}

/**
 * YouTube live chat by polling `liveChatMessages.list` (API key), honouring `pollingIntervalMillis` (never below
 * 1 s) and following `nextPageToken`. Each connector gets its own opener: the page token survives a reconnect, so
 * a broken poll resumes where it stopped (no repeats, no loss). The first poll of a fresh connector also delivers
 * the recent messages the API returns with it, except those it delivered before an app restart (message ids).
 */
export function createYouTubeLink(): OpenPlatformLink<YouTubeConfig> {
  let pageToken: string | null = null;
  let tokenFor: string | null = null;

  return async (config, deps) => {
    const { clock, log } = deps;
    const base = (config.apiBaseUrl ?? YOUTUBE_DEFAULT_API).replace(/\/+$/, '');
    if (tokenFor !== config.liveChatId) {
      pageToken = null;
      tokenFor = config.liveChatId;
    }
    let finished = false;
    let resolveEnded: (e: Error | null) => void = () => undefined;
    const ended = new Promise<Error | null>((r) => {
      resolveEnded = r;
    });
    let timer: unknown = null;
    let inflight: AbortController | null = null;
    const finish = (e: Error | null): void => {
      if (finished) return;
      finished = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      inflight?.abort();
      resolveEnded(e);
    };
    let invalid = 0;
    const onInvalid = (why: string): void => {
      invalid++;
      if (invalid <= 10 || invalid % 1000 === 0) log.warn('a YouTube chat message did not fit the audience schema; skipped', { why, invalid });
    };
    const held = createHeldSubmitter(deps, (n) => finish(new Error(`the audience pipeline could not take ${n} YouTube events in time`)));

    /** One poll; returns the wait before the next, or null when the chat went offline. */
    const poll = async (): Promise<number | null> => {
      const q = new URLSearchParams({ liveChatId: config.liveChatId, part: 'snippet,authorDetails', maxResults: '2000', key: config.apiKey });
      if (pageToken !== null) q.set('pageToken', pageToken);
      const ctl = new AbortController();
      inflight = ctl;
      const timeout = clock.setTimeout(() => ctl.abort(), REQUEST_TIMEOUT_MS);
      let status: number;
      let body: string;
      try {
        // The address holds the API key: it never goes into a message or a log line.
        const res = await fetch(`${base}/liveChat/messages?${q.toString()}`, { signal: ctl.signal, headers: { accept: 'application/json' } });
        status = res.status;
        body = await res.text();
      } catch (e) {
        const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
        throw new Error(ctl.signal.aborted && !finished ? `YouTube did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : `could not reach the YouTube API${cause}`);
      } finally {
        clock.clearTimeout(timeout);
        if (inflight === ctl) inflight = null;
      }
      if (status !== 200) throw apiFailure(status, body);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new Error(`YouTube sent a page that is not JSON (${body.length} bytes)`);
      }
      const page = LiveChatPage.safeParse(json);
      if (!page.success) throw new Error(`YouTube sent a page that is not a liveChatMessages list: ${page.error.issues[0]?.path.join('.') ?? ''} ${page.error.issues[0]?.message ?? ''}`);
      const events: IngestEventInput[] = [];
      for (const item of page.data.items) {
        const m = LiveChatMessage.safeParse(item);
        // A message delivered before (the first poll after an app restart returns the recent chat) is skipped.
        if (m.success) {
          if (deps.seen.fresh(m.data.id)) events.push(...youTubeEvents(m.data));
        }
        else onInvalid(`message: ${m.error.issues[0]?.path.join('.') ?? ''} ${m.error.issues[0]?.message ?? ''}`);
      }
      held.deliver(validEvents(events, onInvalid));
      if (page.data.nextPageToken !== undefined) pageToken = page.data.nextPageToken;
      if (page.data.offlineAt !== undefined) return null;
      return Math.max(MIN_POLL_MS, page.data.pollingIntervalMillis ?? MIN_POLL_MS);
    };

    const schedule = (ms: number): void => {
      timer = clock.setTimeout(() => {
        timer = null;
        if (finished) return;
        if (held.held() > 0) {
          schedule(HELD_WAIT_MS);
          return;
        }
        poll().then(
          (next) => {
            if (finished) return;
            if (next === null) {
              log.info('the YouTube live chat went offline; the connector stops');
              finish(null);
            } else schedule(next);
          },
          (e: unknown) => finish(e instanceof Error ? e : new Error(String(e))),
        );
      }, ms);
    };

    // The first poll happens inside open(): a wrong key or an ended chat fails the start itself.
    let first: number | null;
    try {
      first = await poll();
    } catch (e) {
      finished = true;
      held.close();
      throw e;
    }
    log.info('polling YouTube live chat', { liveChatId: config.liveChatId });
    if (first === null) {
      log.info('the YouTube live chat is offline');
      finish(null);
    } else schedule(first);

    const link: ConnectorLink = {
      ended,
      close() {
        finish(null);
        held.close();
        return Promise.resolve();
      },
    };
    return link;
  };
}
