import type { Statement } from 'better-sqlite3';
import { hlcTick, hlcZero, hlcDecode, type Hlc } from '../../../shared/domain/hlc.js';
import { uuidv7, type RandomBytes } from '../../../shared/domain/uuidv7.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from './db.js';

/** A fact to record. Types are past tense: `ProductCreated`, `SceneSwitched`. */
export interface NewEvent {
  readonly type: string;
  readonly payload: unknown;
  readonly sessionId?: string | null;
  readonly subject?: string | null;
}

/** Receives the id, HLC and recorded-at of one stamped event (see EventLog.stamp). */
export type StampSink = (id: string, hlc: string, recordedAt: number) => void;

export interface StoredEvent {
  readonly seq: number;
  readonly id: string;
  readonly hlc: string;
  readonly type: string;
  readonly sessionId: string | null;
  readonly subject: string | null;
  readonly payload: unknown;
  readonly recordedAt: number;
  readonly ackedAt: number | null;
}

export interface EventLog {
  /** Writes now, inside the caller's transaction (or its own). Returns the stored ids. */
  appendNow(events: readonly NewEvent[]): string[];
  /**
   * Stamps `n` events for a writer on another connection (the audience pipeline's writer thread), which writes
   * their rows in this order: an id, HLC and recorded-at each, passed to `sink` in order. The store's own log
   * has it; the caller serialises the payloads.
   */
  stamp?(n: number, sink: StampSink): void;
  /** Queues for the next batch; high-rate sources use this. Returns the id the event will have. */
  enqueue(event: NewEvent): string;
  /** Writes everything queued in one transaction. */
  flush(): number;
  pending(): number;
  read(opts?: { afterSeq?: number; type?: string; limit?: number }): StoredEvent[];
  count(): number;
  close(): void;
}

export interface EventLogOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly random: RandomBytes;
  readonly nodeId: string;
  readonly log: Logger;
  /** Flush when this many events are queued (default 1000). */
  readonly batchSize?: number;
  /** Flush at most this long after the first queued event (default 50 ms). */
  readonly flushDelayMs?: number;
}

interface Stamped {
  readonly id: string;
  readonly hlc: string;
  readonly e: NewEvent;
  readonly payload: string;
  readonly at: number;
}

interface Row {
  seq: number;
  id: string;
  hlc: string;
  type: string;
  session_id: string | null;
  subject: string | null;
  payload: string;
  recorded_at: number;
  acked_at: number | null;
}

/** The append-only event log. One writer; batches high-rate events into single transactions. */
export function createEventLog(opts: EventLogOptions): EventLog {
  const { db, clock, random, nodeId, log } = opts;
  const batchSize = opts.batchSize ?? 1000;
  const flushDelayMs = opts.flushDelayMs ?? 50;
  const insert: Statement = db.prepare(
    'INSERT INTO event_log (id, hlc, type, session_id, subject, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // Resume from the highest timestamp ever written, not from the last row: a batch stamped before an
  // appendNow is written after it, so the last row by seq can carry a lower hlc than an earlier one. String
  // order is clock order, so max() is the latest clock.
  const lastHlcRow = db.prepare('SELECT max(hlc) AS hlc FROM event_log').get() as { hlc: string | null } | undefined;
  let hlc: Hlc = lastHlcRow?.hlc ? { ...hlcDecode(lastHlcRow.hlc), node: nodeId } : hlcZero(nodeId);
  let queue: Stamped[] = [];
  let timer: unknown = null;
  let closed = false;

  // HLC strings share their wall-clock part while the clock stays in one millisecond (a batch of 1,000 events
  // is stamped within a few of them), so that part is encoded once per millisecond, not once per event. Same
  // format as hlcEncode (fixed width, string order = clock order); the unit tests compare the two.
  let wallKey = -1;
  let wallText = '';
  const encodeHlc = (h: Hlc): string => {
    if (h.wall !== wallKey) {
      wallKey = h.wall;
      wallText = `${h.wall.toString(36).padStart(11, '0')}:`;
    }
    return `${wallText}${h.counter.toString(36).padStart(4, '0')}:${h.node}`;
  };

  // The payload is serialised when the event is stamped: a queued event records the payload as it was when it
  // happened (not after later mutation), and a payload that cannot be serialised is refused at once instead of
  // failing every later batch it sits in.
  const serialise = (payload: unknown): string => {
    const json = JSON.stringify(payload ?? null) as string | undefined; // undefined for a function payload → null
    return json ?? 'null';
  };
  const stamp = (e: NewEvent): Stamped => {
    const payload = serialise(e.payload);
    const at = clock.now();
    hlc = hlcTick(hlc, at);
    return { id: uuidv7(at, random), hlc: encodeHlc(hlc), e, payload, at };
  };
  const write = (s: Stamped): void => {
    insert.run(s.id, s.hlc, s.e.type, s.e.sessionId ?? null, s.e.subject ?? null, s.payload, s.at);
  };
  const writeBatch = db.transaction((items: readonly Stamped[]) => {
    for (const it of items) write(it);
  });
  // appendNow stamps and writes each event straight away: no intermediate record per event. Serialising first
  // keeps the order of effects of stamp(): an unserialisable payload throws before the clock ticks.
  const appendAll = db.transaction((list: readonly NewEvent[], ids: string[]) => {
    for (const e of list) {
      const payload = serialise(e.payload);
      const at = clock.now();
      hlc = hlcTick(hlc, at);
      const id = uuidv7(at, random);
      insert.run(id, encodeHlc(hlc), e.type, e.sessionId ?? null, e.subject ?? null, payload, at);
      ids.push(id);
    }
  });

  const flush = (): number => {
    if (timer !== null) {
      clock.clearTimeout(timer);
      timer = null;
    }
    if (queue.length === 0) return 0;
    const items = queue;
    queue = [];
    try {
      writeBatch(items);
    } catch (e) {
      // Keep the events: put them back in front and let the caller see the failure.
      queue = items.concat(queue);
      log.error('event batch write failed; events kept in memory', { count: items.length, error: String(e) });
      throw e;
    }
    return items.length;
  };

  const schedule = (): void => {
    if (timer !== null || closed) return;
    timer = clock.setTimeout(() => {
      timer = null;
      // Never write a batch into someone else's open transaction: its rollback would lose the batch.
      if (db.inTransaction) {
        schedule();
        return;
      }
      try {
        flush();
      } catch {
        schedule();
      }
    }, flushDelayMs);
  };

  return {
    appendNow(events) {
      const ids: string[] = [];
      appendAll(events, ids);
      return ids;
    },
    stamp(n, sink) {
      for (let i = 0; i < n; i++) {
        const at = clock.now();
        hlc = hlcTick(hlc, at);
        sink(uuidv7(at, random), encodeHlc(hlc), at);
      }
    },
    enqueue(e) {
      if (closed) throw new Error('event log is closed');
      const s = stamp(e);
      queue.push(s);
      if (queue.length < batchSize || db.inTransaction) {
        schedule();
        return s.id;
      }
      try {
        flush();
      } catch {
        // The event is queued (flush logged the failure and kept the batch): retry later, do not fail the caller.
        schedule();
      }
      return s.id;
    },
    flush,
    pending: () => queue.length,
    read({ afterSeq = 0, type, limit = 1000 } = {}) {
      const rows = (
        type
          ? db
              .prepare('SELECT * FROM event_log WHERE seq > ? AND type = ? ORDER BY seq LIMIT ?')
              .all(afterSeq, type, limit)
          : db.prepare('SELECT * FROM event_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit)
      ) as Row[];
      return rows.map((r) => ({
        seq: r.seq,
        id: r.id,
        hlc: r.hlc,
        type: r.type,
        sessionId: r.session_id,
        subject: r.subject,
        payload: JSON.parse(r.payload) as unknown,
        recordedAt: r.recorded_at,
        ackedAt: r.acked_at,
      }));
    },
    count: () => (db.prepare('SELECT count(*) AS n FROM event_log').get() as { n: number }).n,
    close() {
      flush();
      closed = true;
    },
  };
}
