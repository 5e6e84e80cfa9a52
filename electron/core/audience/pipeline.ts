import {
  AUDIENCE_EVENT_TYPES,
  type AudienceEvent,
  type CommentLabel,
  type CommentView,
  type RawAudienceEvent,
} from '../../../shared/contract/audience.js';
import { createAggregates, recordAudienceEvent, snapshotAggregates, type AggregateSnapshot } from '../../../shared/domain/audience/aggregates.js';
import { createTokenBucket, takeTokens } from '../../../shared/domain/audience/tokenBucket.js';
import { assertNever } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import type { EventLog, NewEvent } from '../store/eventLog.js';
import { createCommentsRepo, intentMask, type CommentsRepo } from './commentsRepo.js';
import type { Pseudonymise } from './pseudonym.js';

/** Where raw events come from: stamped onto every event of the source. */
export interface SourceInfo {
  readonly connectorId: string;
  /** Used when an event names no platform. */
  readonly platform: string;
  readonly simulated: boolean;
}

/** A stored event with its event-log id. */
export interface StoredAudienceEvent {
  readonly id: string;
  readonly event: AudienceEvent;
}

export interface PipelineDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly log: Logger;
  /** Personal data out of comment text (shared/domain/redact.ts). */
  readonly redact: (text: string) => string;
  /** Sentiment and intents of a (redacted) comment; null when no model is loaded. */
  readonly classify: (text: string) => CommentLabel | null;
  readonly pseudonymise: Pseudonymise;
  /** Whether a comment contains a blocked word (hidden from the host and the live view, stored anyway). */
  readonly isBlocked: (text: string) => boolean;
  /** After each committed batch, in order (recorder, connector counters). Must not throw. */
  readonly onStored?: (batch: readonly StoredAudienceEvent[]) => void;
  /** A batch of live comments for the UI, at most every `pushIntervalMs`. */
  readonly onComments: (batch: { comments: CommentView[]; sampledOut: number }) => void;
  /** Events the queue holds at most; more are refused, never dropped (default 100,000). */
  readonly capacity?: number;
  /** Events per transaction (default 1,000). */
  readonly batchSize?: number;
  /** Comments pushed live per second at most; the rest are counted (default 200). */
  readonly displayRatePerSec?: number;
  readonly pushIntervalMs?: number;
  /** Sliding window of the live aggregates (default 60 s). */
  readonly windowMs?: number;
}

export interface PipelineCounters {
  readonly queued: number;
  readonly stored: number;
  readonly sampledOut: number;
  readonly refused: number;
}

/**
 * The ingest pipeline: raw events → pseudonym, redaction and classification (comments) → event log and comments
 * projection in one transaction per batch → live aggregates and batched UI pushes.
 *
 * Backpressure: a bounded queue. `submit` takes all of a batch or none of it and says so; the caller (a
 * connector, the webhook) holds, slows down or tells its sender to retry. Nothing accepted is ever dropped:
 * display sampling only decides which comments are pushed live.
 */
export interface IngestPipeline {
  /** Queues raw events from a source. False when the queue cannot take them all (none were queued). */
  submit(source: SourceInfo, events: readonly RawAudienceEvent[]): boolean;
  /** Queues events normalised before (replay): user pseudonyms are kept; text is redacted again. */
  submitNormalised(events: readonly AudienceEvent[]): boolean;
  /** Room left in the queue. */
  room(): number;
  /** The block list changed: cached verdicts are checked again. */
  blockWordsChanged(): void;
  /** The classifier changed (a retrained model): forget cached labels. */
  classifierChanged(): void;
  /** Stores everything queued, now. Returns how many events were stored. */
  drain(): number;
  counters(): PipelineCounters;
  aggregates(now: number): AggregateSnapshot;
  /** Stores what is queued, pushes what is pending and stops the timers. */
  close(): void;
}

interface TextVerdict {
  readonly clean: string;
  readonly label: CommentLabel | null;
  blocked: boolean;
  epoch: number;
}

const TEXT_CACHE_MAX_CHARS = 80;
/**
 * Seven or more digits (also full-width, with separators), an @, or a word of a street address. Without one of
 * these the redactor cannot change a name: every phone, ID-card and e-mail rule of shared/domain/redact.ts needs
 * 7+ digits (a keyword phone: 7–15, a mobile: 11, a landline: 10+, "+…": 8+, an ID: 18) or an @, and every
 * address rule a street, building or room word. Names like "viewer12345" or "小王2024" skip it.
 */
const MAYBE_PII_NAME = /(?:[0-9０-９][\s\-–—.()（）]*){7}|[@＠]|[号號路街道巷弄栋棟室楼樓]|\b(?:st|street|ave|avenue|road|rd|blvd|lane|ln|dr|drive|box)\b/i;
const TEXT_CACHE_SIZE = 50_000;

type Item =
  | { readonly raw: RawAudienceEvent; readonly source: SourceInfo; readonly receivedAt: number }
  | { readonly normalised: AudienceEvent; readonly receivedAt: number };

const PUSH_BUFFER_MAX = 2_000;
/** Events processed per turn of the event loop before yielding to I/O. */
const TURN_BUDGET = 5_000;
const RETRY_AFTER_FAILURE_MS = 1_000;

function subjectOf(e: AudienceEvent): string | null {
  if (e.kind === 'order' || e.kind === 'product_click') return e.productId === null ? null : `product:${e.productId}`;
  return null;
}

export function createIngestPipeline(deps: PipelineDeps): IngestPipeline {
  const { db, events, clock, log, redact, classify, pseudonymise, isBlocked, onStored, onComments } = deps;
  const capacity = deps.capacity ?? 100_000;
  const batchSize = deps.batchSize ?? 1_000;
  const pushIntervalMs = deps.pushIntervalMs ?? 100;
  const displayRate = deps.displayRatePerSec ?? 200;
  const repo: CommentsRepo = createCommentsRepo(db);
  const agg = createAggregates(deps.windowMs ?? 60_000, 1_000);
  const display = createTokenBucket(displayRate, displayRate, clock.now());

  // A FIFO as an array with a moving head: shift() would be O(n) per event at 5,000 events/s.
  let queue: Item[] = [];
  let head = 0;
  let drainScheduled = false;
  let retryTimer: unknown = null;
  let pushTimer: unknown = null;
  let pending: CommentView[] = [];
  let pendingSampledOut = 0;
  let stored = 0;
  let sampledOut = 0;
  let refused = 0;
  let closed = false;

  const size = (): number => queue.length - head;

  // A display name is shown, so it is checked for personal data too. Names like "jake_88" or "小王2024" are
  // everywhere and cannot hold a phone, e-mail or ID number (those need 7+ digits or an @); only names that
  // might (many digits, an @, an address word) go through the redactor, and a viewer's name comes again with
  // each of their messages, so results are cached.
  const names = new Map<string, string>();
  const cleanName = (name: string): string => {
    if (!MAYBE_PII_NAME.test(name)) return name;
    const hit = names.get(name);
    if (hit !== undefined) return hit;
    const clean = redact(name).slice(0, 64);
    if (names.size >= TEXT_CACHE_SIZE) names.clear();
    names.set(name, clean);
    return clean;
  };

  // The block list changes rarely; a cached verdict from before the change is re-checked.
  let blockEpoch = 0;
  /** Time of the batch being processed. */
  let now = 0;

  // Live chat repeats itself (扣1, 上链接, 666 …): short texts keep their redaction and label in a bounded cache,
  // so the regexes and the model run once per distinct message, not once per message.
  const verdicts = new Map<string, TextVerdict>();
  const verdict = (text: string): TextVerdict => {
    const cacheable = text.length <= TEXT_CACHE_MAX_CHARS;
    if (cacheable) {
      const hit = verdicts.get(text);
      if (hit) return hit;
    }
    const clean = redact(text);
    const v: TextVerdict = { clean, label: classify(clean), blocked: isBlocked(clean), epoch: blockEpoch };
    if (cacheable) {
      if (verdicts.size >= TEXT_CACHE_SIZE) verdicts.clear();
      verdicts.set(text, v);
    }
    return v;
  };
  /** Whether the event `normalise` just built is a blocked comment (read right after the call). */
  let lastBlocked = false;
  /** Redacted text, label and display sampling of a comment; sets `lastBlocked`. */
  const commentVerdict = (text: string): TextVerdict => {
    const v = verdict(text);
    if (v.epoch !== blockEpoch) {
      v.blocked = isBlocked(v.clean);
      v.epoch = blockEpoch;
    }
    lastBlocked = v.blocked;
    return v;
  };
  // Blocked comments are stored but never shown live; the rest are shown while the display budget lasts.
  const sampleFor = (v: TextVerdict): boolean => !v.blocked && takeTokens(display, 1, now).ok;

  // Every event is built as one object literal with the keys in the contract's order (kind, the common fields,
  // then the kind's own): V8 gives all events of a kind one shape, which JSON.stringify and the projection read
  // fast, and no intermediate objects are spread per event.
  const normalise = (item: Item): AudienceEvent => {
    if ('normalised' in item) {
      const e = item.normalised;
      lastBlocked = false;
      if (e.kind !== 'comment') return { ...e, receivedAt: item.receivedAt };
      const v = commentVerdict(e.text);
      return { ...e, receivedAt: item.receivedAt, text: v.clean, label: e.label ?? v.label, sampled: sampleFor(v) };
    }
    const { raw, source, receivedAt } = item;
    const platform = raw.platform ?? source.platform;
    const connectorId = source.connectorId;
    const userId = raw.userId === undefined ? null : pseudonymise(platform, raw.userId);
    const displayName = raw.displayName === undefined ? null : cleanName(raw.displayName);
    const occurredAt = raw.occurredAt ?? receivedAt;
    const simulated = source.simulated;
    lastBlocked = false;
    switch (raw.kind) {
      case 'comment': {
        const v = commentVerdict(raw.text);
        const label = v.label;
        const sampled = sampleFor(v);
        return { kind: 'comment', platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated, text: v.clean, label, sampled };
      }
      case 'like':
        return { kind: 'like', platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated, count: raw.count };
      case 'gift':
        return { kind: 'gift', platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated, gift: raw.gift };
      case 'follow':
      case 'share':
      case 'enter':
      case 'leave':
        return { kind: raw.kind, platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated };
      case 'viewer_count':
        return { kind: 'viewer_count', platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated, viewers: raw.viewers };
      case 'product_click':
        return {
          kind: 'product_click',
          platform,
          connectorId,
          userId,
          displayName,
          occurredAt,
          receivedAt,
          simulated,
          productId: raw.productId ?? null,
          sku: raw.sku ?? null,
        };
      case 'order':
        return {
          kind: 'order',
          platform,
          connectorId,
          userId,
          displayName,
          occurredAt,
          receivedAt,
          simulated,
          orderId: raw.orderId,
          productId: raw.productId ?? null,
          items: raw.items,
          amount: raw.amount,
        };
      default:
        return assertNever(raw, 'audience event kind');
    }
  };

  // One transaction per batch: the log rows and the comments projection commit together or not at all.
  // appendNow (not enqueue) because the projection rows need the events' seqs inside the same transaction;
  // the pipeline is the batcher, so this is still one transaction per batch, never one per chat message.
  const writeBatch = db.transaction((batch: readonly AudienceEvent[], blocked: readonly boolean[]): string[] => {
    const newEvents: NewEvent[] = batch.map((e) => ({ type: AUDIENCE_EVENT_TYPES[e.kind], payload: e, subject: subjectOf(e) }));
    const ids = events.appendNow(newEvents);
    // One writer and rowid order: the batch got consecutive seqs ending at the last insert. Checked at both
    // ends; if it ever does not hold, each seq is looked up.
    const last = repo.lastInsertSeq();
    const first = last - ids.length + 1;
    const consecutive = repo.idAt(first) === ids[0] && repo.idAt(last) === ids[ids.length - 1];
    batch.forEach((e, i) => {
      if (e.kind !== 'comment') return;
      const id = ids[i] ?? '';
      const seq = consecutive ? first + i : repo.seqOf(id);
      if (seq === null) throw new Error(`event ${id} vanished inside its own transaction`);
      repo.insert({
        seq,
        id,
        at: e.occurredAt,
        receivedAt: e.receivedAt,
        platform: e.platform,
        connectorId: e.connectorId,
        userHash: e.userId,
        displayName: e.displayName,
        text: e.text,
        sentiment: e.label?.sentiment ?? null,
        intents: e.label ? intentMask(e.label.intents) : 0,
        confidence: e.label?.confidence ?? null,
        simulated: e.simulated,
        blocked: blocked[i] ?? false,
      });
    });
    return ids;
  });

  const schedulePush = (): void => {
    if (pushTimer !== null || closed) return;
    pushTimer = clock.setTimeout(() => {
      pushTimer = null;
      push();
    }, pushIntervalMs);
  };

  const push = (): void => {
    if (pending.length === 0 && pendingSampledOut === 0) return;
    const batch = { comments: pending, sampledOut: pendingSampledOut };
    pending = [];
    pendingSampledOut = 0;
    onComments(batch);
  };

  const processChunk = (n: number): number => {
    const batch: AudienceEvent[] = new Array<AudienceEvent>(n);
    const blocked: boolean[] = new Array<boolean>(n);
    now = clock.now();
    for (let i = 0; i < n; i++) {
      const item = queue[head + i];
      if (item === undefined) throw new Error('pipeline queue underflow');
      // The verdict says whether a comment is blocked (checked again after the block list changed).
      batch[i] = normalise(item);
      blocked[i] = lastBlocked;
    }
    let ids: string[];
    try {
      ids = writeBatch(batch, blocked);
    } catch (err) {
      // Keep the batch at the head of the queue (normalised, so redaction and labels are not redone wrongly);
      // retry later. Nothing accepted is lost while the process lives.
      batch.forEach((e, i) => {
        queue[head + i] = { normalised: e, receivedAt: e.receivedAt };
      });
      log.error('audience batch write failed; kept in the queue', { count: batch.length, error: String(err) });
      throw err;
    }
    head += n;
    if (head > 4_096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    stored += batch.length;
    const storedBatch: StoredAudienceEvent[] = new Array<StoredAudienceEvent>(batch.length);
    batch.forEach((e, i) => {
      const id = ids[i] ?? '';
      storedBatch[i] = { id, event: e };
      recordAudienceEvent(agg, e, e.receivedAt);
      if (e.kind !== 'comment' || blocked[i]) return;
      if (!e.sampled) {
        sampledOut++;
        pendingSampledOut++;
        return;
      }
      if (pending.length < PUSH_BUFFER_MAX) pending.push(viewOf(id, e, false));
    });
    if (pending.length > 0 || pendingSampledOut > 0) schedulePush();
    onStored?.(storedBatch);
    return batch.length;
  };

  const drainUpTo = (budget: number): number => {
    let done = 0;
    while (size() > 0 && done < budget) done += processChunk(Math.min(batchSize, size(), budget - done));
    return done;
  };

  const scheduleDrain = (): void => {
    if (drainScheduled || closed || retryTimer !== null) return;
    drainScheduled = true;
    setImmediate(() => {
      drainScheduled = false;
      if (closed) return;
      try {
        drainUpTo(TURN_BUDGET);
      } catch {
        retryTimer = clock.setTimeout(() => {
          retryTimer = null;
          scheduleDrain();
        }, RETRY_AFTER_FAILURE_MS);
        return;
      }
      if (size() > 0) scheduleDrain();
    });
  };

  const accept = (items: Item[]): boolean => {
    if (closed) return false;
    if (size() + items.length > capacity) {
      refused += items.length;
      return false;
    }
    for (const it of items) queue.push(it);
    scheduleDrain();
    return true;
  };

  return {
    submit(source, raws) {
      if (raws.length === 0) return true;
      const receivedAt = clock.now();
      return accept(raws.map((raw) => ({ raw, source, receivedAt })));
    },
    submitNormalised(list) {
      if (list.length === 0) return true;
      const receivedAt = clock.now();
      return accept(list.map((normalised) => ({ normalised, receivedAt })));
    },
    room: () => Math.max(0, capacity - size()),
    blockWordsChanged() {
      blockEpoch++;
    },
    classifierChanged() {
      verdicts.clear();
    },
    drain: () => drainUpTo(Number.MAX_SAFE_INTEGER),
    counters: () => ({ queued: size(), stored, sampledOut, refused }),
    aggregates: (now) => snapshotAggregates(agg, now),
    close() {
      if (closed) return;
      try {
        drainUpTo(Number.MAX_SAFE_INTEGER);
      } finally {
        closed = true;
        if (pushTimer !== null) clock.clearTimeout(pushTimer);
        if (retryTimer !== null) clock.clearTimeout(retryTimer);
        pushTimer = null;
        retryTimer = null;
        push();
      }
    },
  };
}

/** The chat panel's view of a freshly stored comment. */
export function viewOf(id: string, e: Extract<AudienceEvent, { kind: 'comment' }>, blocked: boolean): CommentView {
  return {
    id,
    at: e.occurredAt,
    platform: e.platform,
    connectorId: e.connectorId,
    userId: e.userId,
    displayName: e.displayName,
    text: e.text,
    sentiment: e.label?.sentiment ?? null,
    intents: e.label ? [...e.label.intents] : [],
    confidence: e.label?.confidence ?? null,
    simulated: e.simulated,
    pinned: false,
    answered: false,
    blocked,
    corrected: false,
  };
}
