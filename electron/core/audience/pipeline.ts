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
import { createCommentsRepo, type CommentsRepo } from './commentsRepo.js';
import { createPayloadEncoder, type Cell, type TextFragment } from './eventJson.js';
import { createIngestWriter, type IngestWriter } from './ingestWriter.js';
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
  /**
   * Write batches on a writer thread with its own connection (default: when the database is a file and the
   * event log can stamp events for it), so normalising the next events overlaps with writing the last ones.
   */
  readonly writerThread?: boolean;
  /** Distinct comment texts whose verdicts are cached (default 50,000). */
  readonly textCacheSize?: number;
}

export interface PipelineCounters {
  readonly queued: number;
  readonly stored: number;
  readonly sampledOut: number;
  readonly refused: number;
}

/**
 * The ingest pipeline: raw events → pseudonym, redaction and classification (comments) → event log in one
 * transaction per batch → live aggregates and batched UI pushes. The log row is the stored comment (the chat
 * panel reads it); only blocked comments get a comment_state row beside it.
 *
 * Two threads: the main thread normalises, stamps and encodes a batch part by part (payloads as shapes and values,
 * eventJson.ts) and posts each part to a writer thread (its own connection to the same WAL database), which fills
 * the payloads in and inserts them while the next part is built;
 * one transaction per batch all the same. Events count as queued until their batch is committed, and `drain()`
 * waits for the writer (so what it returns is stored and readable). An in-memory database, or a writer thread
 * that fails to start or dies, means writing on the main thread, with the same results.
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

/** A comment text's redaction (`text`), label and block verdict; also its payload fragment for the writer thread. */
interface TextVerdict extends TextFragment {
  blocked: boolean;
  epoch: number;
}

/** The fragment of an event that is not a comment (the encoder does not read it). */
const NO_TEXT: TextFragment = { text: '', label: null, ref: -1, gen: -1 };

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
/** Events per message to the writer thread: it writes one part while the next is normalised. */
const PART = 250;
/** A writer thread that makes no progress for this long (busy timeout: 5 s) is given up for the main thread. */
const WRITER_STALL_MS = 15_000;

/** A batch handed to the writer thread, kept until it is committed. */
interface InFlight {
  readonly no: number;
  readonly batch: AudienceEvent[];
  readonly blocked: boolean[];
  readonly ids: string[];
}

function subjectOf(e: AudienceEvent): string | null {
  if (e.kind === 'order' || e.kind === 'product_click') return e.productId === null ? null : `product:${e.productId}`;
  return null;
}

export function createIngestPipeline(deps: PipelineDeps): IngestPipeline {
  const { db, events, clock, log, redact, classify, pseudonymise, isBlocked, onStored, onComments } = deps;
  const capacity = deps.capacity ?? 100_000;
  const textCacheSize = deps.textCacheSize ?? TEXT_CACHE_SIZE;
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

  /** Events queued here, not yet handed to a writer. */
  const unposted = (): number => queue.length - head;
  /** Events accepted and not yet stored: queued here or held by the writer thread. */
  const size = (): number => unposted() + inFlightEvents;

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
  const forgetVerdicts = (): void => {
    verdicts.clear();
    dropFragmentsBelow = encoder.firstLiveFragment();
  };
  const verdict = (text: string): TextVerdict => {
    const cacheable = text.length <= TEXT_CACHE_MAX_CHARS;
    if (cacheable) {
      const hit = verdicts.get(text);
      if (hit) return hit;
    }
    const clean = redact(text);
    const v: TextVerdict = { text: clean, label: classify(clean), blocked: isBlocked(clean), epoch: blockEpoch, ref: -1, gen: -1 };
    if (cacheable) {
      if (verdicts.size >= textCacheSize) forgetVerdicts();
      verdicts.set(text, v);
    }
    return v;
  };
  /** Whether the event `normalise` just built is a blocked comment (read right after the call). */
  let lastBlocked = false;
  /**
   * The fragment of the event `normalise` just built itself (keys in the contract's order, so the payload
   * encoder can write it): a comment's text verdict, NO_TEXT for other kinds. Null for an event it passed on
   * (replayed, or back from a failed write), which is written as JSON text.
   */
  let lastFragment: TextFragment | null = null;
  /** Payloads for the writer thread (eventJson.ts). */
  const encoder = createPayloadEncoder();
  /** Set when the text cache was emptied: fragments below it are dropped by the writer after the next part. */
  let dropFragmentsBelow = 0;
  /** The event-log record of an event, for the main-thread writer. */
  const toNewEvent = (e: AudienceEvent): NewEvent => ({ type: AUDIENCE_EVENT_TYPES[e.kind], payload: e, subject: subjectOf(e) });
  const commentVerdict = (text: string): TextVerdict => {
    const v = verdict(text);
    if (v.epoch !== blockEpoch) {
      v.blocked = isBlocked(v.text);
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
      lastFragment = null;
      if (e.kind !== 'comment') return { ...e, receivedAt: item.receivedAt };
      const v = commentVerdict(e.text);
      return { ...e, receivedAt: item.receivedAt, text: v.text, label: e.label ?? v.label, sampled: sampleFor(v) };
    }
    const { raw, source, receivedAt } = item;
    const platform = raw.platform ?? source.platform;
    const connectorId = source.connectorId;
    const userId = raw.userId === undefined ? null : pseudonymise(platform, raw.userId);
    const displayName = raw.displayName === undefined ? null : cleanName(raw.displayName);
    const occurredAt = raw.occurredAt ?? receivedAt;
    const simulated = source.simulated;
    lastBlocked = false;
    lastFragment = NO_TEXT;
    switch (raw.kind) {
      case 'comment': {
        const v = commentVerdict(raw.text);
        const label = v.label;
        lastFragment = v;
        const sampled = sampleFor(v);
        return { kind: 'comment', platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated, text: v.text, label, sampled };
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

  // One transaction per batch: the log rows and the state of blocked comments commit together or not at all.
  // The log row is the comment (the chat panel reads it); only a blocked one gets a comment_state row, found by
  // its id (rare: block words are few).
  const writeBatch = db.transaction((records: readonly NewEvent[], blocked: readonly boolean[]): string[] => {
    const ids = events.appendNow(records);
    blocked.forEach((b, i) => {
      if (!b) return;
      const seq = repo.seqOf(ids[i] ?? '');
      if (seq === null) throw new Error(`event ${ids[i] ?? '?'} vanished inside its own transaction`);
      repo.markBlocked(seq);
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

  /** What follows a committed batch: counters, aggregates, the live push and `onStored`, in batch order. */
  const afterCommit = (batch: readonly AudienceEvent[], blocked: readonly boolean[], ids: readonly string[]): void => {
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
  };

  const advance = (n: number): void => {
    head += n;
    if (head > 4_096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };

  /** Batches the writer thread holds, oldest first, and how many events they have. */
  let inFlight: InFlight[] = [];
  let inFlightEvents = 0;
  let batchNo = 0;
  const stampable = events.stamp?.bind(events);
  const useThread = deps.writerThread ?? (!db.memory && stampable !== undefined);
  let writer: IngestWriter | null = null;
  if (useThread && stampable) {
    try {
      writer = createIngestWriter(db.name, () => onWriterProgress());
      log.info('audience events are written by a writer thread');
    } catch (err) {
      log.error('audience writer thread not started; writing on the main thread', { error: String(err) });
    }
  }

  const processChunk = (n: number): number => {
    const batch: AudienceEvent[] = new Array<AudienceEvent>(n);
    const blocked: boolean[] = new Array<boolean>(n);
    const records: NewEvent[] = new Array<NewEvent>(n);
    now = clock.now();
    for (let i = 0; i < n; i++) {
      const item = queue[head + i];
      if (item === undefined) throw new Error('pipeline queue underflow');
      // The verdict says whether a comment is blocked (checked again after the block list changed).
      const e = normalise(item);
      batch[i] = e;
      blocked[i] = lastBlocked;
      records[i] = toNewEvent(e);
    }
    let ids: string[];
    try {
      ids = writeBatch(records, blocked);
    } catch (err) {
      // Keep the batch at the head of the queue (normalised, so redaction and labels are not redone wrongly);
      // retry later. Nothing accepted is lost while the process lives.
      batch.forEach((e, i) => {
        queue[head + i] = { normalised: e, receivedAt: e.receivedAt };
      });
      log.error('audience batch write failed; kept in the queue', { count: batch.length, error: String(err) });
      throw err;
    }
    advance(n);
    afterCommit(batch, blocked, ids);
    return batch.length;
  };

  /**
   * Normalises and stamps a batch part by part, handing each part to the writer thread while the next one is
   * built. The events stay counted as queued until the writer has committed them.
   */
  const postChunk = (w: IngestWriter, stamp: NonNullable<EventLog['stamp']>, n: number): number => {
    const batch: AudienceEvent[] = new Array<AudienceEvent>(n);
    const blocked: boolean[] = new Array<boolean>(n);
    const ids: string[] = new Array<string>(n);
    const no = ++batchNo;
    now = clock.now();
    let posted = false;
    try {
      for (let start = 0; start < n; start += PART) {
        const end = Math.min(n, start + PART);
        /** Per event of the part: its text fragment when the encoder can write it, else null (JSON text). */
        const fragments: (TextFragment | null)[] = new Array<TextFragment | null>(end - start);
        /** Indexes (in this part) of the blocked comments: the writer marks them in comment_state. */
        const blockedAt: number[] = [];
        for (let i = start; i < end; i++) {
          const item = queue[head + i];
          if (item === undefined) throw new Error('pipeline queue underflow');
          const e = normalise(item);
          batch[i] = e;
          blocked[i] = lastBlocked;
          if (lastBlocked) blockedAt.push(i - start);
          fragments[i - start] = lastFragment;
        }
        const rows: Cell[] = [];
        let i = start;
        stamp(end - start, (id, hlc, recordedAt) => {
          const e = batch[i] as AudienceEvent;
          const fragment = fragments[i - start] ?? null;
          ids[i] = id;
          rows.push(id, hlc, AUDIENCE_EVENT_TYPES[e.kind], null, subjectOf(e), recordedAt);
          if (fragment === null) rows.push(JSON.stringify(e));
          else encoder.encode(e, fragment, rows);
          i++;
        });
        const drop = dropFragmentsBelow;
        dropFragmentsBelow = 0;
        w.post({ no, defs: encoder.takeDefs(), rows, blocked: blockedAt, drop, commit: end === n });
        posted = true;
      }
    } catch (err) {
      // Nothing of this batch is committed: the writer rolls back what it got; the items stay queued.
      if (posted) w.abort(no);
      throw err;
    }
    advance(n);
    inFlight.push({ no, batch, blocked, ids });
    inFlightEvents += n;
    return n;
  };

  const eventExists = db.prepare('SELECT 1 FROM event_log WHERE id = ?').pluck();
  /**
   * Takes what the writer thread committed through `afterCommit`. After a failure, the batches it did not commit
   * go back to the head of the queue (normalised) and the failure is thrown, as on the main thread; a writer
   * thread that died is replaced by writing on the main thread.
   */
  const settle = (): void => {
    const w = writer;
    if (w === null) return;
    const done = w.committed();
    while (inFlight.length > 0 && (inFlight[0]?.no ?? Infinity) <= done) {
      const b = inFlight.shift() as InFlight;
      inFlightEvents -= b.batch.length;
      afterCommit(b.batch, b.blocked, b.ids);
    }
    const failure = w.failure();
    if (failure === null) return;
    const back: InFlight[] = [];
    for (const b of inFlight) {
      // A thread that died between its commit and saying so: the batch is stored (all of it or none of it).
      if (failure.dead && b.ids.length > 0 && eventExists.get(b.ids[0]) !== undefined) afterCommit(b.batch, b.blocked, b.ids);
      else back.push(b);
    }
    const items: Item[] = [];
    for (const b of back) for (const e of b.batch) items.push({ normalised: e, receivedAt: e.receivedAt });
    queue = items.concat(queue.slice(head));
    head = 0;
    inFlight = [];
    inFlightEvents = 0;
    if (failure.dead) {
      writer = null;
      w.kill();
      log.error('audience writer thread failed; writing on the main thread from now on', { kept: items.length, error: failure.message });
      return;
    }
    encoder.forget();
    w.reset();
    log.error('audience batch write failed; kept in the queue', { count: items.length, error: failure.message });
    throw new Error(failure.message);
  };

  const step = (n: number): number => {
    const w = writer;
    if (w !== null && stampable) return postChunk(w, stampable, n);
    return processChunk(n);
  };

  const drainUpTo = (budget: number): number => {
    let done = 0;
    settle();
    while (unposted() > 0 && done < budget) done += step(Math.min(batchSize, unposted(), budget - done));
    return done;
  };

  /** Everything queued is stored when it returns (it waits for the writer thread). */
  const drainAll = (): number => {
    // The writer thread needs the write lock this connection would hold until the caller's transaction ends:
    // waiting for it here would stall for the busy timeout and then fail.
    if (writer !== null && db.inTransaction) throw new Error('the audience pipeline cannot be drained inside a transaction');
    const before = stored;
    drainUpTo(Number.MAX_SAFE_INTEGER);
    const w = writer;
    const last = inFlight[inFlight.length - 1];
    if (w !== null && last !== undefined && !w.waitFor(last.no, WRITER_STALL_MS)) w.kill();
    settle();
    // A writer thread given up on: its batches are back in the queue, written here.
    if (size() > 0) drainUpTo(Number.MAX_SAFE_INTEGER);
    return stored - before;
  };

  /** After a failed write: drain again in a second (the batch is back at the head of the queue). */
  const retryLater = (): void => {
    if (retryTimer !== null || closed) return;
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      scheduleDrain();
    }, RETRY_AFTER_FAILURE_MS);
  };

  function onWriterProgress(): void {
    if (closed && writer === null) return;
    try {
      settle();
    } catch {
      retryLater();
      return;
    }
    if (unposted() > 0) scheduleDrain();
  }

  const scheduleDrain = (): void => {
    if (drainScheduled || closed || retryTimer !== null) return;
    drainScheduled = true;
    setImmediate(() => {
      drainScheduled = false;
      if (closed) return;
      try {
        drainUpTo(TURN_BUDGET);
      } catch {
        retryLater();
        return;
      }
      if (unposted() > 0) scheduleDrain();
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
      forgetVerdicts();
    },
    drain: drainAll,
    counters: () => ({ queued: size(), stored, sampledOut, refused }),
    aggregates: (now) => snapshotAggregates(agg, now),
    close() {
      if (closed) return;
      try {
        drainAll();
      } finally {
        closed = true;
        if (pushTimer !== null) clock.clearTimeout(pushTimer);
        if (retryTimer !== null) clock.clearTimeout(retryTimer);
        pushTimer = null;
        retryTimer = null;
        const w = writer;
        writer = null;
        w?.close(5_000);
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
