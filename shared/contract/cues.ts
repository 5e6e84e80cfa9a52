import { z } from 'zod';
import { Id, Money, Timestamp } from './common.js';

/*
 * Product cues (issue 4): shows (sessions), their product queue, the run-of-show script, live execution
 * ("Next"), producer → host messages and the advertising-law compliance check.
 */

const OneLine = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is longer than ${max} characters`)
    .regex(/^[^\r\n]*$/, `${what} must be one line`);

/** An OBS scene, source or input name as the producer typed it. */
const ObsName = OneLine('OBS name', 200);
const Title = OneLine('title', 200);
const Coupon = OneLine('coupon', 200);
const TalkingPoints = z.array(z.string().trim().min(1).max(500)).max(30);
/** A position in an ordered list: a base-62 fractional index key (shared/domain/cues/fractionalIndex). */
const PositionKey = z.string();
/** An encoded hybrid logical clock timestamp (shared/domain/hlc); string order is clock order. */
export const HlcString = z.string().min(1).max(100);

// ---------------------------------------------------------------------------------------------------------------
// Sessions

export const SessionStatus = z.enum(['planned', 'live', 'ended']);
export type SessionStatus = z.infer<typeof SessionStatus>;

/** A show. At most one session is live at a time. */
export const Session = z.object({
  id: Id,
  title: z.string(),
  plannedStart: Timestamp.nullable(),
  status: SessionStatus,
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  endedAt: Timestamp.nullable(),
});
export type Session = z.infer<typeof Session>;

// ---------------------------------------------------------------------------------------------------------------
// Queue

/** The catalog fields a session may override live, each merged field by field (last writer wins by HLC). */
export const QUEUE_FIELDS = ['price', 'promoPrice', 'stock', 'coupon', 'talkingPoints'] as const;
export const QueueField = z.enum(QUEUE_FIELDS);
export type QueueField = z.infer<typeof QueueField>;

/** Per-session overrides; a missing key means "as in the catalog". `promoPrice: null` / `coupon: null` mean none. */
export const QueueOverrides = z.object({
  price: Money.optional(),
  promoPrice: Money.nullable().optional(),
  stock: z.number().int().min(0).max(10_000_000).optional(),
  coupon: Coupon.nullable().optional(),
  talkingPoints: TalkingPoints.optional(),
});
export type QueueOverrides = z.infer<typeof QueueOverrides>;

/** A product as this show sells it: the catalog product merged with the session's overrides. */
export const QueueProduct = z.object({
  productId: Id,
  sku: z.string(),
  name: z.string(),
  imageUrl: z.string().nullable(),
  price: Money,
  promoPrice: Money.nullable(),
  stock: z.number().int().nonnegative(),
  coupon: z.string().nullable(),
  talkingPoints: z.array(z.string()),
  /** The catalog product was deleted after it was queued; the values come from the snapshot taken when queued. */
  deleted: z.boolean(),
  /** Which fields hold a session override rather than the catalog's value. */
  overridden: z.array(QueueField),
});
export type QueueProduct = z.infer<typeof QueueProduct>;

export const QueueItem = z.object({
  id: Id,
  sessionId: Id,
  productId: Id,
  /** Order key: items sort by (position, id). */
  position: PositionKey,
  product: QueueProduct,
  overrides: QueueOverrides,
  /** The HLC of the last write of each overridden field and of the position. */
  fieldHlc: z.record(z.string(), HlcString),
  /** The newest of fieldHlc: pass it back as `baseHlc` with an edit to learn what it overwrote. */
  hlc: HlcString,
  addedAt: Timestamp,
});
export type QueueItem = z.infer<typeof QueueItem>;

/** A field this edit overwrote although someone else had changed it after `baseHlc` (never lost silently). */
export const SupersededField = z.object({
  field: QueueField,
  /** Their value that this edit replaced (undefined: they had reset it to the catalog's value). */
  theirValue: z.unknown(),
  theirHlc: HlcString,
});

const Placement = {
  /** Place right before this item (null: at the end). */
  before: Id.nullable().optional(),
  /** Place right after this item (null: at the start). */
  after: Id.nullable().optional(),
};
const onePlacement = (p: { before?: string | null | undefined; after?: string | null | undefined }): boolean =>
  (p.before === undefined) !== (p.after === undefined);

// ---------------------------------------------------------------------------------------------------------------
// Script (run-of-show)

export const SceneItemToggle = z.object({ scene: ObsName, source: ObsName, enabled: z.boolean() });
export type SceneItemToggle = z.infer<typeof SceneItemToggle>;

/** Longest segment script (teleprompter text) and notes. */
export const SCRIPT_MAX = 50_000;
export const NOTES_MAX = 10_000;
export const OVERLAY_MAX = 1_000;

/** What a producer edits in a segment. */
export const SegmentFields = z.object({
  title: Title,
  plannedDurationSec: z.number().int().min(0).max(24 * 3600),
  /** Linked catalog product; its queue overrides in this session apply. */
  productId: Id.nullable(),
  /** Program scene to switch to on OBS "main". */
  obsScene: ObsName.nullable(),
  /** Overlay text, e.g. `{name}  ¥{promo_price}  仅剩 {stock} 件` (shared/domain/cues/overlay). */
  overlayTemplate: z.string().max(OVERLAY_MAX).nullable(),
  /** OBS text input that shows the rendered overlay, e.g. "Price Text". */
  overlayTarget: ObsName.nullable(),
  sceneItems: z.array(SceneItemToggle).max(20),
  /** Teleprompter text. */
  script: z.string().max(SCRIPT_MAX),
  notes: z.string().max(NOTES_MAX),
});
export type SegmentFields = z.infer<typeof SegmentFields>;
export const SEGMENT_FIELDS = SegmentFields.keyof().options;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export const SegmentInput = SegmentFields.extend({
  plannedDurationSec: SegmentFields.shape.plannedDurationSec.default(300),
  productId: SegmentFields.shape.productId.default(null),
  obsScene: SegmentFields.shape.obsScene.default(null),
  overlayTemplate: SegmentFields.shape.overlayTemplate.default(null),
  overlayTarget: SegmentFields.shape.overlayTarget.default(null),
  sceneItems: SegmentFields.shape.sceneItems.default([]),
  script: SegmentFields.shape.script.default(''),
  notes: SegmentFields.shape.notes.default(''),
});
export type SegmentInput = z.input<typeof SegmentInput>;

export const SegmentPatch = SegmentFields.partial().refine((p) => Object.values(p).some((v) => v !== undefined), 'patch is empty');
export type SegmentPatch = z.infer<typeof SegmentPatch>;

export const Segment = z.object({
  id: Id,
  sessionId: Id,
  position: PositionKey,
  title: z.string(),
  plannedDurationSec: z.number().int().nonnegative(),
  productId: Id.nullable(),
  obsScene: z.string().nullable(),
  overlayTemplate: z.string().nullable(),
  overlayTarget: z.string().nullable(),
  sceneItems: z.array(z.object({ scene: z.string(), source: z.string(), enabled: z.boolean() })),
  script: z.string(),
  notes: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  hlc: HlcString,
});
export type Segment = z.infer<typeof Segment>;

export const ScriptWarning = z.object({ segmentId: Id, message: z.string() });

export const Script = z.object({
  sessionId: Id,
  segments: z.array(Segment),
  totalPlannedSec: z.number().int().nonnegative(),
  /** Things to fix before the show: unknown overlay placeholders, an overlay without a target, a product not queued… */
  warnings: z.array(ScriptWarning),
});
export type Script = z.infer<typeof Script>;

export const SCRIPT_TEMPLATES = ['rundown', 'quick'] as const;
export const ScriptTemplateName = z.enum(SCRIPT_TEMPLATES);
export type ScriptTemplateName = z.infer<typeof ScriptTemplateName>;

/** Scene and source names a template fills in (defaults match a typical studio: Host / Product / Price Card). */
export const TemplateOptions = z.object({
  hostScene: ObsName.default('Host'),
  productScene: ObsName.default('Product'),
  priceScene: ObsName.default('Price Card'),
  titleTarget: ObsName.default('Product Title'),
  priceTarget: ObsName.default('Price Text'),
});
export type TemplateOptions = z.infer<typeof TemplateOptions>;

const ImportMode = z.enum(['replace', 'append']);
const ImportInput = z.object({
  sessionId: Id,
  text: z.string().max(2_000_000, 'the script file is larger than 2 MB'),
  /** replace: the imported segments take the place of the current ones; append: they go after them. */
  mode: ImportMode.default('replace'),
  /** Queue the products the script names that are not queued yet. */
  addToQueue: z.boolean().default(true),
});
const ImportResult = z.object({ script: Script, imported: z.number().int(), addedToQueue: z.number().int() });
const ExportResult = z.object({ text: z.string(), fileName: z.string() });

// ---------------------------------------------------------------------------------------------------------------
// Live execution

export const TimingLevel = z.enum(['ok', 'warning', 'overrun']);
export type TimingLevel = z.infer<typeof TimingLevel>;

export const CueVia = z.enum(['start', 'next', 'previous', 'goto', 'end']);
export type CueVia = z.infer<typeof CueVia>;

export const HostMessage = z.object({
  id: Id,
  sessionId: Id.nullable(),
  text: z.string(),
  from: z.string().nullable(),
  postedAt: Timestamp,
});
export type HostMessage = z.infer<typeof HostMessage>;

/** An audience question pinned for the host. */
export const PinnedQuestion = z.object({ id: Id, text: z.string(), author: z.string().nullable(), pinnedAt: Timestamp });
export type PinnedQuestion = z.infer<typeof PinnedQuestion>;

/** Everything the host view shows, as of `serverTime`; clients tick the clocks on from there. */
export const CueView = z.object({
  status: z.enum(['idle', 'live', 'ended']),
  session: Session.nullable(),
  segmentIndex: z.number().int().nullable(),
  segmentCount: z.number().int(),
  segment: Segment.nullable(),
  nextSegment: z.object({ id: Id, title: z.string(), plannedDurationSec: z.number().int() }).nullable(),
  product: QueueProduct.nullable(),
  /** The segment's overlay template rendered with the product. */
  overlayText: z.string().nullable(),
  /** When the current segment started. */
  startedAt: Timestamp.nullable(),
  elapsedMs: z.number().int(),
  plannedMs: z.number().int(),
  /** planned − elapsed; negative once overrun. null: the segment has no planned duration. */
  remainingMs: z.number().int().nullable(),
  overrun: z.boolean(),
  timingLevel: TimingLevel,
  showStartedAt: Timestamp.nullable(),
  showElapsedMs: z.number().int(),
  showPlannedMs: z.number().int(),
  /** When the show will end at this pace: elapsed + what is left of this segment + later segments as planned. */
  showProjectedMs: z.number().int(),
  showOverrunMs: z.number().int(),
  via: CueVia.nullable(),
  serverTime: Timestamp,
  messages: z.array(HostMessage),
  pins: z.array(PinnedQuestion),
});
export type CueView = z.infer<typeof CueView>;

export const CueActionKind = z.enum(['scene', 'overlay', 'sceneItem']);
export type CueActionKind = z.infer<typeof CueActionKind>;

/** One OBS action of an advance. A failed action is reported (and alerted) but never undoes the advance. */
export const CueActionResult = z.object({
  kind: CueActionKind,
  target: z.string(),
  ok: z.boolean(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  ms: z.number(),
});
export type CueActionResult = z.infer<typeof CueActionResult>;

export const AdvanceResult = z.object({ cue: CueView, actions: z.array(CueActionResult) });
export type AdvanceResult = z.infer<typeof AdvanceResult>;

/** Refuse the move when the show is no longer at this segment (two controllers pressing Next at once). */
const From = { from: Id.optional() };

// ---------------------------------------------------------------------------------------------------------------
// Compliance

export const COMPLIANCE_CATEGORIES = [
  'superlative',
  'ranking',
  'authority',
  'absolute',
  'uniqueness',
  'price',
  'efficacy',
  'time',
] as const;
export const ComplianceCategory = z.enum(COMPLIANCE_CATEGORIES);
export type ComplianceCategory = z.infer<typeof ComplianceCategory>;

/** banned: the law forbids it in ads; review: often a violation, sometimes a fact (100% 纯棉) — a person decides. */
export const ComplianceSeverity = z.enum(['banned', 'review']);

export const ComplianceTerm = z
  .object({
    term: z.string().trim().min(1, 'term is empty').max(50),
    lang: z.enum(['zh', 'en']),
    category: ComplianceCategory,
    severity: ComplianceSeverity,
    reason: z.string().trim().min(1, 'reason is required').max(300),
    /** Longer phrases that contain the term and are fine (第一次, 第一步): not flagged. */
    allow: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  })
  .refine((t) => t.allow.every((a) => a.toLowerCase().includes(t.term.toLowerCase())), {
    message: 'each allowed phrase must contain the term',
    path: ['allow'],
  });
export type ComplianceTerm = z.output<typeof ComplianceTerm>;

export const ComplianceTermList = z
  .array(ComplianceTerm)
  .min(1, 'the list is empty')
  .max(2000)
  .superRefine((terms, ctx) => {
    const seen = new Map<string, number>();
    terms.forEach((t, i) => {
      const key = `${t.lang}:${t.term.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'term'], message: `"${t.term}" is listed twice (entries ${first + 1} and ${i + 1})` });
      } else seen.set(key, i);
    });
  });

export const ComplianceWords = z.object({
  terms: z.array(ComplianceTerm),
  /** default: the list shipped in resources/compliance; studio: the studio's edited list. */
  source: z.enum(['default', 'studio']),
  updatedAt: Timestamp.nullable(),
});

export const FINDING_PLACES = [
  'segment.title',
  'segment.script',
  'segment.notes',
  'segment.overlayTemplate',
  'product.name',
  'product.talkingPoints',
  'product.coupon',
] as const;

/** A term found in a text. `index`/`length` are UTF-16 offsets into that text, for highlighting. */
export const TextFinding = z.object({
  term: z.string(),
  /** The text as written (case may differ from the term). */
  matched: z.string(),
  index: z.number().int(),
  length: z.number().int(),
  category: ComplianceCategory,
  severity: ComplianceSeverity,
  reason: z.string(),
});
export type TextFinding = z.infer<typeof TextFinding>;

export const ComplianceFinding = TextFinding.extend({
  where: z.enum(FINDING_PLACES),
  /** Segment id (segment.*) or queue item id (product.*). */
  id: Id,
  /** Which talking point, for product.talkingPoints; else null. */
  part: z.number().int().nullable(),
  /** The text around the match. */
  excerpt: z.string(),
});
export type ComplianceFinding = z.infer<typeof ComplianceFinding>;

export const ComplianceReport = z.object({
  sessionId: Id,
  findings: z.array(ComplianceFinding),
  summary: z.object({
    total: z.number().int(),
    banned: z.number().int(),
    review: z.number().int(),
    byTerm: z.array(z.object({ term: z.string(), count: z.number().int() })),
  }),
  checkedAt: Timestamp,
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

// ---------------------------------------------------------------------------------------------------------------

export const cueCommands = {
  'session.create': {
    input: z.object({ title: Title, plannedStart: Timestamp.nullable().default(null) }),
    output: Session,
  },
  /** All sessions, newest first. */
  'session.list': { input: z.object({}).default({}), output: z.array(Session) },
  'session.get': { input: z.object({ sessionId: Id }), output: Session },

  /** The session's queue in show order. */
  'queue.list': { input: z.object({ sessionId: Id }), output: z.array(QueueItem) },
  /** Queues a catalog product (once per session); at the end unless placed. */
  'queue.add': {
    input: z.object({ sessionId: Id, productId: Id, ...Placement }),
    output: QueueItem,
  },
  'queue.remove': { input: z.object({ itemId: Id }), output: z.object({ itemId: Id }) },
  /** Moves an item right before or right after another (exactly one of the two). */
  'queue.move': {
    input: z.object({ sessionId: Id, itemId: Id, ...Placement }).refine(onePlacement, 'give exactly one of "before" and "after"'),
    output: QueueItem,
  },
  /**
   * Sets (patch) or drops (reset) per-session overrides. Each field is merged on its own by HLC, so two staff
   * editing different fields both keep their edit; `superseded` names same-field edits made after `baseHlc`.
   */
  'queue.update': {
    input: z.object({
      itemId: Id,
      patch: QueueOverrides.default({}),
      reset: z.array(QueueField).max(QUEUE_FIELDS.length).default([]),
      baseHlc: HlcString.optional(),
    }),
    output: z.object({ item: QueueItem, superseded: z.array(SupersededField) }),
  },

  'script.get': { input: z.object({ sessionId: Id }), output: Script },
  /** Adds a segment after `after` (null: first; omitted: last). */
  'script.addSegment': {
    input: z.object({ sessionId: Id, segment: SegmentInput, after: Id.nullable().optional() }),
    output: Segment,
  },
  'script.updateSegment': { input: z.object({ segmentId: Id, patch: SegmentPatch }), output: Segment },
  /** The segment the live show is on cannot be removed. */
  'script.removeSegment': { input: z.object({ segmentId: Id }), output: z.object({ segmentId: Id }) },
  'script.moveSegment': {
    input: z.object({ segmentId: Id, ...Placement }).refine(onePlacement, 'give exactly one of "before" and "after"'),
    output: Segment,
  },
  /** A copy right after the original. */
  'script.duplicateSegment': { input: z.object({ segmentId: Id }), output: Segment },
  'script.listTemplates': {
    input: z.object({}).default({}),
    output: z.array(z.object({ name: ScriptTemplateName, title: z.string(), description: z.string() })),
  },
  /** Builds segments for the queued products from a template. */
  'script.applyTemplate': {
    input: z.object({
      sessionId: Id,
      template: ScriptTemplateName,
      mode: ImportMode.default('append'),
      options: TemplateOptions.default(TemplateOptions.parse({})),
    }),
    output: Script,
  },
  /** All or nothing: a malformed file imports nothing and the error names its lines. */
  'script.importJson': { input: ImportInput, output: ImportResult },
  /** All or nothing; format in docs/script-format.md. */
  'script.importMarkdown': { input: ImportInput, output: ImportResult },
  'script.exportJson': { input: z.object({ sessionId: Id }), output: ExportResult },
  'script.exportMarkdown': { input: z.object({ sessionId: Id }), output: ExportResult },

  /** Goes live with the first segment (or `segmentId`). */
  'cues.start': { input: z.object({ sessionId: Id, segmentId: Id.optional() }), output: AdvanceResult },
  'cues.next': { input: z.object(From).default({}), output: AdvanceResult },
  'cues.previous': { input: z.object(From).default({}), output: AdvanceResult },
  /** Jumps to a segment; to the current one restarts it (timer and OBS actions). */
  'cues.goto': { input: z.object({ segmentId: Id }), output: AdvanceResult },
  'cues.current': { input: z.object({}).default({}), output: CueView },
  'cues.end': { input: z.object({}).default({}), output: CueView },

  'host.message': {
    input: z.object({ text: z.string().trim().min(1, 'message is empty').max(500), from: z.string().trim().min(1).max(60).optional() }),
    output: HostMessage,
  },
  'host.pinQuestion': {
    input: z.object({ text: z.string().trim().min(1, 'question is empty').max(500), author: z.string().trim().min(1).max(100).optional() }),
    output: PinnedQuestion,
  },
  'host.unpin': { input: z.object({ pinId: Id }), output: z.object({ pins: z.array(PinnedQuestion) }) },

  /** Scans the session's segments (title, script, notes, overlay) and queued products (name, talking points, coupon). */
  'compliance.check': { input: z.object({ sessionId: Id }), output: ComplianceReport },
  /** Scans one text with the studio's list (editor highlighting). */
  'compliance.scanText': {
    input: z.object({ text: z.string().max(SCRIPT_MAX) }),
    output: z.object({ findings: z.array(TextFinding) }),
  },
  'compliance.getWords': { input: z.object({}).default({}), output: ComplianceWords },
  /** Replaces the studio's list (validated: no empty or duplicate terms). */
  'compliance.setWords': { input: z.object({ terms: ComplianceTermList }), output: ComplianceWords },
  /** Back to the shipped list. */
  'compliance.resetWords': { input: z.object({}).default({}), output: ComplianceWords },
} as const;

export const cueEvents = {
  'session.changed': Session,
  /** The whole queue of a session after a change. */
  'queue.changed': z.object({
    sessionId: Id,
    items: z.array(QueueItem),
    changed: z.array(Id),
    reason: z.enum(['added', 'removed', 'moved', 'updated', 'imported', 'catalog']),
  }),
  'script.changed': Script,
  /** The show moved to another segment (or started / ended). Pushed before the OBS actions complete. */
  'cues.advanced': CueView,
  /** What the host view shows changed without a move (a live price or stock edit, a segment edit). */
  'cues.updated': CueView,
  'host.messagePosted': HostMessage,
  'host.pinsChanged': z.object({ pins: z.array(PinnedQuestion) }),
} as const;
