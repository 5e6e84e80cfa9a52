import { z } from 'zod';
import { INTENTS, SENTIMENTS } from '../domain/classifier/model.js';
import { Id, Money, Timestamp } from './common.js';

/** What an audience event is about. */
export const AUDIENCE_KINDS = [
  'comment',
  'like',
  'gift',
  'follow',
  'share',
  'viewer_count',
  'enter',
  'leave',
  'product_click',
  'order',
] as const;
export const AudienceKind = z.enum(AUDIENCE_KINDS);
export type AudienceKind = z.infer<typeof AudienceKind>;

/** The event-log type of each kind: facts in past tense. */
export const AUDIENCE_EVENT_TYPES = {
  comment: 'CommentReceived',
  like: 'LikesReceived',
  gift: 'GiftSent',
  follow: 'ViewerFollowed',
  share: 'RoomShared',
  viewer_count: 'ViewerCountReported',
  enter: 'ViewerEntered',
  leave: 'ViewerLeft',
  product_click: 'ProductClicked',
  order: 'OrderPlaced',
} as const satisfies Record<AudienceKind, string>;

export const Sentiment = z.enum(SENTIMENTS);
export const Intent = z.enum(INTENTS);

/** A platform's name as connectors report it: `rehearsal`, `douyin`, `taobao`, `tiktok` … */
export const Platform = z
  .string()
  .trim()
  .min(1, 'platform is empty')
  .max(32, 'platform is longer than 32 characters')
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'platform may hold lowercase letters, digits, ., - and _');

/** A pseudonymised user: HMAC-SHA256 of the platform user id under the studio's secret (128 bits, hex). */
export const UserHash = z.string().regex(/^[0-9a-f]{32}$/, 'userId must be a 32-digit hex pseudonym');

/** The classifier's verdict on one comment. */
export const CommentLabel = z.object({
  sentiment: Sentiment,
  intents: z.array(Intent).max(INTENTS.length),
  confidence: z.number().min(0).max(1),
});
export type CommentLabel = z.infer<typeof CommentLabel>;

export const OrderItem = z.object({
  sku: z.string().trim().min(1, 'sku is empty').max(64, 'sku is longer than 64 characters'),
  qty: z.number().int('qty must be an integer').min(1, 'qty must be at least 1').max(10_000, 'qty is above 10000'),
  unitPrice: Money,
});
export type OrderItem = z.infer<typeof OrderItem>;

const GiftFields = z.object({
  name: z.string().trim().min(1, 'gift name is empty').max(64, 'gift name is longer than 64 characters'),
  count: z.number().int().min(1).max(1_000_000),
  value: Money,
});

const Count = z.number().int('count must be an integer').min(1, 'count must be at least 1').max(1_000_000, 'count is above 1000000');
const Viewers = z.number().int('viewers must be an integer').min(0, 'viewers is negative').max(1_000_000_000, 'viewers is above 1e9');
export const COMMENT_MAX_CHARS = 500;
const DisplayName = z.string().max(64, 'displayName is longer than 64 characters');

const sameCurrency = (o: { items: readonly OrderItem[]; amount: Money }): boolean =>
  o.items.every((i) => i.unitPrice.currency === o.amount.currency);
const CURRENCY_MESSAGE = { message: 'every item unitPrice must be in the currency of amount', path: ['items'] };

/** Fields of every normalised event. */
const Common = {
  platform: Platform,
  /** Which connector delivered it: `rehearsal`, `replay`, `ingest:<source id>`, … */
  connectorId: z.string().min(1).max(80),
  /** Pseudonym of the platform user; null for room-level events (viewer counts). Never the platform's own id. */
  userId: UserHash.nullable(),
  displayName: DisplayName.nullable(),
  /** Platform time (ms since epoch). */
  occurredAt: Timestamp,
  /** When this machine received it (ms since epoch). */
  receivedAt: Timestamp,
  /** Produced by the rehearsal room (or replayed from a rehearsal): never a real viewer. */
  simulated: z.boolean().default(false),
};

/**
 * One audience event, normalised. This is the payload of the event-log facts (`CommentReceived` …), the
 * line format of recordings (JSONL) and what replay plays back. Comment text is redacted before it is built.
 */
export const AudienceEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    ...Common,
    text: z.string().max(COMMENT_MAX_CHARS * 2),
    label: CommentLabel.nullable(),
    /** Display sampling: true when the comment was pushed to the live view; every comment is stored either way. */
    sampled: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('like'), ...Common, count: Count }),
  z.object({ kind: z.literal('gift'), ...Common, gift: GiftFields }),
  z.object({ kind: z.literal('follow'), ...Common }),
  z.object({ kind: z.literal('share'), ...Common }),
  z.object({ kind: z.literal('viewer_count'), ...Common, viewers: Viewers }),
  z.object({ kind: z.literal('enter'), ...Common }),
  z.object({ kind: z.literal('leave'), ...Common }),
  z.object({ kind: z.literal('product_click'), ...Common, productId: Id.nullable(), sku: z.string().max(64).nullable() }),
  z
    .object({
      kind: z.literal('order'),
      ...Common,
      orderId: z.string().min(1).max(128),
      productId: Id.nullable(),
      items: z.array(OrderItem).min(1).max(100),
      amount: Money,
    })
    .refine(sameCurrency, CURRENCY_MESSAGE),
]);
export type AudienceEvent = z.infer<typeof AudienceEvent>;
export type AudienceEventOf<K extends AudienceKind> = Extract<AudienceEvent, { kind: K }>;

/** Platform time as epoch milliseconds or an ISO 8601 date-time with offset. */
const OccurredAt = z.union([
  z.number().int('occurredAt must be whole milliseconds').min(0, 'occurredAt is negative').max(8.64e15),
  z.iso.datetime({ offset: true, message: 'occurredAt must be epoch ms or an ISO 8601 date-time' }).transform((s) => Date.parse(s)),
]);

const RawUserId = z
  .union([z.string().min(1).max(128, 'userId is longer than 128 characters'), z.number().int().nonnegative()])
  .transform(String);

/** Fields every source may send; the core adds connector, pseudonym and receive time. */
const IngestCommon = {
  /** Defaults to the source's platform. */
  platform: Platform.optional(),
  /** The platform's own user id; pseudonymised on arrival, never stored. */
  userId: RawUserId.optional(),
  displayName: DisplayName.optional(),
  occurredAt: OccurredAt.optional(),
};

/**
 * One event as a connector or an external source delivers it (docs/ingest.md): the platform user id is still
 * raw and comment text not yet redacted or classified.
 */
export const IngestEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    ...IngestCommon,
    text: z
      .string({ error: 'text must be a string' })
      .min(1, 'text is empty')
      .max(COMMENT_MAX_CHARS, `text is longer than ${COMMENT_MAX_CHARS} characters`),
  }),
  z.object({ kind: z.literal('like'), ...IngestCommon, count: Count.default(1) }),
  z.object({ kind: z.literal('gift'), ...IngestCommon, gift: GiftFields }),
  z.object({ kind: z.literal('follow'), ...IngestCommon }),
  z.object({ kind: z.literal('share'), ...IngestCommon }),
  z.object({ kind: z.literal('viewer_count'), ...IngestCommon, viewers: Viewers }),
  z.object({ kind: z.literal('enter'), ...IngestCommon }),
  z.object({ kind: z.literal('leave'), ...IngestCommon }),
  z.object({
    kind: z.literal('product_click'),
    ...IngestCommon,
    productId: Id.optional(),
    sku: z.string().max(64).optional(),
  }),
  z
    .object({
      kind: z.literal('order'),
      ...IngestCommon,
      orderId: z.string().min(1, 'orderId is empty').max(128),
      productId: Id.optional(),
      items: z.array(OrderItem).min(1, 'an order needs at least one item').max(100),
      amount: Money,
    })
    .refine(sameCurrency, CURRENCY_MESSAGE),
]);
export type IngestEventInput = z.input<typeof IngestEvent>;
/** A raw event, parsed: what connectors hand to the ingest pipeline. */
export type RawAudienceEvent = z.output<typeof IngestEvent>;

/** Live platforms the app connects to itself (docs/connectors.md). */
export const PLATFORM_KINDS = ['tiktok', 'twitch', 'youtube'] as const;
export const PlatformKind = z.enum(PLATFORM_KINDS);
export type PlatformKind = z.infer<typeof PlatformKind>;
export const ConnectorKind = z.enum(['rehearsal', 'replay', 'ingest', ...PLATFORM_KINDS]);
export type ConnectorKind = z.infer<typeof ConnectorKind>;
export const ConnectorState = z.enum(['stopped', 'starting', 'running', 'reconnecting', 'failed']);
export type ConnectorState = z.infer<typeof ConnectorState>;

export const RehearsalConfig = z.object({
  /** Base events per second; surges multiply it for a few seconds, never above 5,000/s. */
  rate: z.number().min(0.1).max(5_000),
  seed: z.number().int().min(0).max(0xffff_ffff),
  /** Occasional surges (a product reveal, a price drop): several times the base rate for 5–20 s. */
  surges: z.boolean(),
});
export type RehearsalConfig = z.infer<typeof RehearsalConfig>;

export const ReplayProgress = z.object({
  file: z.string(),
  speed: z.number(),
  paused: z.boolean(),
  /** Events played so far, and lines skipped because they were not valid events. */
  played: z.number().int(),
  skipped: z.number().int(),
  finished: z.boolean(),
});
export type ReplayProgress = z.infer<typeof ReplayProgress>;

/** A connector's status: the UI labels `simulated` sources wherever their events show. */
export const ConnectorStatus = z.object({
  id: z.string(),
  kind: ConnectorKind,
  label: z.string(),
  simulated: z.boolean(),
  state: ConnectorState,
  /** Events delivered since the app started. */
  events: z.number().int(),
  lastEventAt: Timestamp.nullable(),
  errors: z.number().int(),
  lastError: z.string().nullable(),
  /** Times the connector was down and came back (each is a `ConnectorGap` in the log). */
  gaps: z.number().int(),
  since: Timestamp.nullable(),
  rehearsal: RehearsalConfig.nullable(),
  replay: ReplayProgress.nullable(),
});
export type ConnectorStatus = z.infer<typeof ConnectorStatus>;

// ── Platform connectors (TikTok LIVE, Twitch chat, YouTube live chat) ──────────────────────────────────────────

/** A credential: sealed with the secret box before it is stored, never returned and never logged. */
const Secret = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'is empty')
  .max(512, 'is longer than 512 characters')
  .regex(/^\S+$/, 'may not contain spaces');
/** An http(s) address. */
const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).max(300, 'is longer than 300 characters');
/** A host name or IPv4 address (no scheme, no port). */
const Host = z
  .string()
  .trim()
  .min(1, 'host is empty')
  .max(253, 'host is longer than 253 characters')
  .regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'host must be a host name such as irc-ws.chat.twitch.tv');
/** A TikTok user name (`@` optional): 2–24 letters, digits, `_` and `.`. */
export const TikTokUniqueId = z
  .string()
  .trim()
  .regex(/^@?[A-Za-z0-9_.]{2,24}$/, 'a TikTok user name has 2–24 letters, digits, _ and . (the part after @ in the profile link)')
  .transform((s) => s.replace(/^@/, ''));
/** A Twitch login (`#` optional, any case): 3–25 letters, digits and `_`. */
export const TwitchLogin = z
  .string()
  .trim()
  .regex(/^#?[A-Za-z0-9_]{3,25}$/, 'a Twitch channel is its login name: 3–25 letters, digits and _ (as in twitch.tv/<name>)')
  .transform((s) => s.replace(/^#/, '').toLowerCase());

export const TIKTOK_SECRETS = ['signApiKey'] as const;
export const TWITCH_SECRETS = ['oauthToken'] as const;
export const YOUTUBE_SECRETS = ['apiKey'] as const;
/** The credential fields of each platform's settings. */
export const PLATFORM_SECRETS = { tiktok: TIKTOK_SECRETS, twitch: TWITCH_SECRETS, youtube: YOUTUBE_SECRETS } as const;

const TikTokFields = {
  kind: z.literal('tiktok'),
  uniqueId: TikTokUniqueId,
  /** Skips the room lookup when known. */
  roomId: z.string().trim().regex(/^\d{1,32}$/, 'roomId is a number').optional(),
  /** Default: the library's own sign server. */
  signServerUrl: HttpUrl.optional(),
};
const TwitchFields = {
  kind: z.literal('twitch'),
  channels: z
    .array(TwitchLogin)
    .min(1, 'name at least one channel')
    .max(20, 'at most 20 channels per connector')
    .refine((c) => new Set(c).size === c.length, 'a channel is named twice'),
  /** With `oauthToken`: logs in as this account; without both: reads anonymously (justinfan). */
  username: TwitchLogin.optional(),
  /** Default irc-ws.chat.twitch.tv. */
  server: Host.optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  /** Default true (wss on 443). */
  secure: z.boolean().optional(),
};
const YouTubeFields = {
  kind: z.literal('youtube'),
  /** The broadcast's `snippet.liveChatId` (liveBroadcasts or videos.list?part=liveStreamingDetails). */
  liveChatId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_\-.=]{8,200}$/, 'liveChatId is the id from the broadcast’s liveStreamingDetails.activeLiveChatId'),
  /** Default https://www.googleapis.com/youtube/v3. */
  apiBaseUrl: HttpUrl.optional(),
};

/** A platform connector's settings, secrets in plain text: what `addPlatformConnector` takes. */
export const PlatformConnectorConfig = z.discriminatedUnion('kind', [
  z.object({ ...TikTokFields, signApiKey: Secret.optional() }),
  z.object({ ...TwitchFields, oauthToken: Secret.optional() }).refine((c) => (c.username === undefined) === (c.oauthToken === undefined), {
    message: 'give both username and oauthToken to log in, or neither to read anonymously',
    path: ['oauthToken'],
  }),
  z.object({ ...YouTubeFields, apiKey: Secret }),
]);
export type PlatformConnectorConfig = z.infer<typeof PlatformConnectorConfig>;
export type PlatformConnectorConfigInput = z.input<typeof PlatformConnectorConfig>;
export type PlatformConfigOf<K extends PlatformKind> = Extract<PlatformConnectorConfig, { kind: K }>;

/** In an update: a new secret, null to remove it, left out to keep the stored one. */
const SecretPatch = z.union([Secret, z.null()]).optional();
/** New settings for a platform connector: secrets left out keep their stored value. */
export const PlatformConnectorConfigUpdate = z.discriminatedUnion('kind', [
  z.object({ ...TikTokFields, signApiKey: SecretPatch }),
  z.object({ ...TwitchFields, oauthToken: SecretPatch }),
  z.object({ ...YouTubeFields, apiKey: SecretPatch }),
]);
export type PlatformConnectorConfigUpdate = z.infer<typeof PlatformConnectorConfigUpdate>;

/** Stands for a stored secret in what the core returns: the secret itself never leaves the core. */
const SecretSet = z.object({ set: z.literal(true) }).optional();
/** A platform connector's settings as the core shows them. */
export const PlatformConnectorPublicConfig = z.discriminatedUnion('kind', [
  z.object({ ...TikTokFields, signApiKey: SecretSet }),
  z.object({ ...TwitchFields, oauthToken: SecretSet }),
  z.object({ ...YouTubeFields, apiKey: SecretSet }),
]);
export type PlatformConnectorPublicConfig = z.infer<typeof PlatformConnectorPublicConfig>;

export const PlatformConnectorView = z.object({
  id: z.string(),
  label: z.string(),
  config: PlatformConnectorPublicConfig,
  status: ConnectorStatus,
});
export type PlatformConnectorView = z.infer<typeof PlatformConnectorView>;

const ConnectorLabel = z.string().trim().min(1, 'label is empty').max(60, 'label is longer than 60 characters');
const PlatformConnectorId = z.string().min(1).max(80);

/** A stored comment as the chat panel shows it. */
export const CommentView = z.object({
  id: z.string(),
  at: Timestamp,
  platform: z.string(),
  connectorId: z.string(),
  userId: z.string().nullable(),
  displayName: z.string().nullable(),
  /** Redacted text; null once purged by the retention setting. */
  text: z.string().nullable(),
  sentiment: Sentiment.nullable(),
  intents: z.array(Intent),
  confidence: z.number().nullable(),
  simulated: z.boolean(),
  pinned: z.boolean(),
  answered: z.boolean(),
  /** Contains a blocked word: hidden from the host and the live view unless asked for. */
  blocked: z.boolean(),
  /** A person corrected the label. */
  corrected: z.boolean(),
});
export type CommentView = z.infer<typeof CommentView>;

export const CommentFilter = z.enum(['all', 'questions', 'purchase', 'price_objection', 'complaints', 'praise', 'pinned']);
export type CommentFilter = z.infer<typeof CommentFilter>;

const IntentCounts = z.object({
  purchase: z.number().int(),
  price_objection: z.number().int(),
  question: z.number().int(),
  complaint: z.number().int(),
  praise: z.number().int(),
});

/** Live audience figures over a sliding window (seconds) plus totals since the app started. */
export const AudienceStats = z.object({
  at: Timestamp,
  windowMs: z.number().int(),
  viewers: z.number().int().nullable(),
  peakViewers: z.number().int().nullable(),
  window: z.object({
    comments: z.number().int(),
    commentsPerMin: z.number(),
    likes: z.number().int(),
    likesPerMin: z.number(),
    gifts: z.number().int(),
    shares: z.number().int(),
    follows: z.number().int(),
    enters: z.number().int(),
    leaves: z.number().int(),
    productClicks: z.number().int(),
    orders: z.number().int(),
    units: z.number().int(),
    sentiment: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
    intents: IntentCounts,
    /** (positive − negative) / scored comments, −1…+1; null when nothing was scored. */
    sentimentIndex: z.number().nullable(),
    /** Comments with purchase intent / scored comments; null when nothing was scored. */
    purchaseIntentRate: z.number().nullable(),
  }),
  totals: z.object({
    events: z.number().int(),
    comments: z.number().int(),
    likes: z.number().int(),
    gifts: z.number().int(),
    orders: z.number().int(),
    units: z.number().int(),
    /** Sum of order amounts per currency. */
    gmv: z.array(Money),
  }),
  pipeline: z.object({
    /** Waiting to be stored. */
    queued: z.number().int(),
    stored: z.number().int(),
    /** Comments stored but not pushed live (display sampling). */
    sampledOut: z.number().int(),
    /** Refused because the queue was full (the sender was told to retry). */
    refused: z.number().int(),
  }),
  /** A simulated source is running: the UI shows the "simulated" label. */
  simulated: z.boolean(),
  recording: z.object({ file: z.string(), events: z.number().int() }).nullable(),
});
export type AudienceStats = z.infer<typeof AudienceStats>;

export const IngestSource = z.object({
  id: z.string(),
  name: z.string(),
  platform: z.string(),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  /** Since the app started. */
  accepted: z.number().int(),
  rejected: z.number().int(),
  rateLimited: z.number().int(),
  lastEventAt: Timestamp.nullable(),
  lastError: z.string().nullable(),
});
export type IngestSource = z.infer<typeof IngestSource>;

const SourceName = z
  .string()
  .trim()
  .min(1, 'name is empty')
  .max(60, 'name is longer than 60 characters')
  .regex(/^[\w\- .]+$/u, 'name may hold letters, digits, spaces, ., - and _');
const RecordingFile = z
  .string()
  .max(120)
  .regex(/^[\w.-]+\.jsonl$/, 'a recording is a file name ending in .jsonl in the recordings folder (no path)');
const CommentId = z.object({ commentId: z.string().min(1).max(64) });

/** The chat model in use: the shipped one, or the studio's own (retrained from its corrections). */
export const StudioModelStatus = z.object({
  source: z.enum(['shipped', 'studio', 'none']),
  file: z.string().nullable(),
  /** When the studio model was trained; null for the shipped model. */
  trainedAt: Timestamp.nullable(),
  /** Corrections the studio model was trained with; null for the shipped model. */
  trainedCorrections: z.number().int().nullable(),
  /** Corrections stored now (the latest label per comment). */
  corrections: z.number().int(),
  training: z.boolean(),
});
export type StudioModelStatus = z.infer<typeof StudioModelStatus>;

export const RetrainResult = z.object({
  file: z.string(),
  corrections: z.number().int(),
  examples: z.number().int(),
  trainMs: z.number().int(),
  /** Figures on the chat set's held-out split (the shipped model's are in resources/classifier/eval.json). */
  heldout: z.object({ sentimentAccuracy: z.number(), intentMacroF1: z.number() }),
  status: StudioModelStatus,
});
export type RetrainResult = z.infer<typeof RetrainResult>;

/** Progress of a retraining (audience.retrainModel). */
export const RetrainProgress = z.object({
  stage: z.enum(['started', 'training', 'evaluating', 'finished', 'failed']),
  message: z.string().nullable(),
  at: Timestamp,
});
export type RetrainProgress = z.infer<typeof RetrainProgress>;

export const audienceCommands = {
  'audience.listConnectors': { input: z.object({}).default({}), output: z.array(ConnectorStatus) },
  'audience.startConnector': { input: z.object({ id: z.string().min(1).max(80) }), output: ConnectorStatus },
  'audience.stopConnector': { input: z.object({ id: z.string().min(1).max(80) }), output: ConnectorStatus },
  /** Changes the rehearsal room (applies at once when it runs). */
  'audience.configureRehearsal': {
    input: z.object({ rate: RehearsalConfig.shape.rate.optional(), seed: RehearsalConfig.shape.seed.optional(), surges: z.boolean().optional() }),
    output: RehearsalConfig,
  },
  /** Plays a recording from the data dir's recordings folder, 1×–50×. */
  'audience.startReplay': {
    input: z.object({ file: RecordingFile, speed: z.number().min(1).max(50).default(1) }),
    output: ConnectorStatus,
  },
  /** Pauses, resumes or changes the speed of the running replay. */
  'audience.controlReplay': {
    input: z.object({ paused: z.boolean().optional(), speed: z.number().min(1).max(50).optional() }),
    output: ConnectorStatus,
  },
  'audience.listRecordings': {
    input: z.object({}).default({}),
    output: z.array(z.object({ file: z.string(), bytes: z.number().int(), modifiedAt: Timestamp })),
  },
  /** Records every audience event from now on to a JSONL file in the recordings folder (replayable). */
  'audience.startRecording': {
    input: z.object({ name: z.string().max(80).regex(/^[\w.-]*$/, 'name may hold letters, digits, ., - and _').optional() }).default({}),
    output: z.object({ file: z.string() }),
  },
  'audience.stopRecording': {
    input: z.object({}).default({}),
    output: z.object({ file: z.string(), events: z.number().int() }),
  },
  /** A generic-ingest source. The token is shown once here and stored only as a hash. */
  'audience.createSource': {
    input: z.object({ name: SourceName, platform: Platform.default('webhook') }),
    output: z.object({ source: IngestSource, token: z.string() }),
  },
  'audience.listSources': { input: z.object({}).default({}), output: z.array(IngestSource) },
  'audience.revokeSource': { input: z.object({ id: z.string().min(1).max(64) }), output: IngestSource },
  /** Stored comments, newest first; page with `beforeId`. Blocked comments only when asked for. */
  'audience.comments': {
    input: z
      .object({
        filter: CommentFilter.default('all'),
        search: z.string().trim().max(100).optional(),
        beforeId: z.string().min(1).max(64).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        includeBlocked: z.boolean().default(false),
      })
      .default({ filter: 'all', limit: 100, includeBlocked: false }),
    output: z.object({ comments: z.array(CommentView), more: z.boolean() }),
  },
  'audience.pin': { input: CommentId, output: CommentView },
  'audience.unpin': { input: CommentId, output: CommentView },
  'audience.markAnswered': { input: CommentId, output: CommentView },
  /** Replaces the block list: comments containing any of the words are hidden from the host and the live view (still stored). */
  'audience.blockWords': {
    input: z.object({ words: z.array(z.string().trim().min(1).max(50)).max(500) }),
    output: z.object({ words: z.array(z.string()), blocked: z.number().int() }),
  },
  'audience.getSettings': {
    input: z.object({}).default({}),
    output: z.object({ blockWords: z.array(z.string()), retentionDays: z.number().int().nullable(), rehearsal: RehearsalConfig }),
  },
  /** Stores a person's label for a comment (a `LabelCorrected` event); exported for retraining. */
  'audience.correctLabel': {
    input: z.object({ commentId: z.string().min(1).max(64), sentiment: Sentiment, intents: z.array(Intent).max(INTENTS.length) }),
    output: CommentView,
  },
  /** Writes the corrections as JSONL `{text, sentiment, intents}` (what the classifier's training script reads). */
  'audience.exportCorrections': { input: z.object({}).default({}), output: z.object({ file: z.string(), count: z.number().int() }) },
  /** Comment text older than this many days is deleted (counts and labels stay); null keeps it. */
  'audience.setRetention': {
    input: z.object({ days: z.number().int().min(1).max(3650).nullable() }),
    output: z.object({ days: z.number().int().nullable(), purged: z.number().int() }),
  },
  'audience.stats': { input: z.object({}).default({}), output: AudienceStats },
  /** A TikTok / Twitch / YouTube connector: stored (secrets sealed), not started. */
  'audience.addPlatformConnector': { input: z.object({ label: ConnectorLabel, config: PlatformConnectorConfig }), output: ConnectorStatus },
  /** New label or settings (same platform); a running connector reconnects with them. */
  'audience.updatePlatformConnector': {
    input: z.object({ id: PlatformConnectorId, label: ConnectorLabel.optional(), config: PlatformConnectorConfigUpdate.optional() }),
    output: ConnectorStatus,
  },
  /** Stops the connector and deletes its settings and secrets. */
  'audience.removePlatformConnector': { input: z.object({ id: PlatformConnectorId }), output: z.object({ id: z.string() }) },
  /** The platform connectors with their settings; secrets show only as `{set: true}`. */
  'audience.platformConnectors': { input: z.object({}).default({}), output: z.array(PlatformConnectorView) },
  /** Which chat model labels comments now, and how many corrections the studio has stored. */
  'audience.modelStatus': { input: z.object({}).default({}), output: StudioModelStatus },
  /**
   * Trains the studio's own model from the shipped chat set plus the studio's corrections, in a child process;
   * writes it to the data dir (never over the shipped model) and labels new comments with it at once.
   */
  'audience.retrainModel': { input: z.object({}).default({}), output: RetrainResult },
} as const;

export const audienceEvents = {
  /** New comments since the last batch (at most ten batches a second); `sampledOut` were stored but not pushed. */
  'audience.comments': z.object({ comments: z.array(CommentView), sampledOut: z.number().int() }),
  /** Once a second while the audience side runs. */
  'audience.stats': AudienceStats,
  'audience.connectorsChanged': z.object({ connectors: z.array(ConnectorStatus) }),
  /** A comment was pinned, unpinned, answered, relabelled or (un)blocked. */
  'audience.commentChanged': CommentView,
  /** A retraining of the studio's chat model moved on (audience.retrainModel). */
  'audience.retrainProgress': RetrainProgress,
} as const;
