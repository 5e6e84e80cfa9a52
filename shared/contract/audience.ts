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

export const ConnectorKind = z.enum(['rehearsal', 'replay', 'ingest']);
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
} as const;

export const audienceEvents = {
  /** New comments since the last batch (at most ten batches a second); `sampledOut` were stored but not pushed. */
  'audience.comments': z.object({ comments: z.array(CommentView), sampledOut: z.number().int() }),
  /** Once a second while the audience side runs. */
  'audience.stats': AudienceStats,
  'audience.connectorsChanged': z.object({ connectors: z.array(ConnectorStatus) }),
  /** A comment was pinned, unpinned, answered, relabelled or (un)blocked. */
  'audience.commentChanged': CommentView,
} as const;
