import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hlcDecode, hlcEncode, hlcTick, hlcZero } from '../../../shared/domain/hlc.js';
import { UUID_V7, type RandomBytes } from '../../../shared/domain/uuidv7.js';
import type { Clock } from '../clock.js';
import { createLogger, memorySink, type LogRecord } from '../logger.js';
import { loadMigrations, openDatabase, type Db } from './db.js';
import { createEventLog, type EventLog, type EventLogOptions } from './eventLog.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const T0 = 1_700_000_000_000;

interface ManualClock extends Clock {
  set(ms: number): void;
  /** Moves time on and runs the timers that came due, in order. */
  advance(ms: number): void;
  timers(): number;
}

function manualClock(start: number): ManualClock {
  let now = start;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const handle = nextHandle++;
      timers.set(handle, { at: now + ms, fn });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    set(ms) {
      now = ms;
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
    timers: () => timers.size,
  };
}

function seededRandom(seed: number): RandomBytes {
  let a = seed >>> 0;
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return a >>> 24;
    });
}

let db: Db;
let clock: ManualClock;
let records: LogRecord[];

let seed = 1;

function makeLog(extra: Partial<EventLogOptions> = {}): EventLog {
  const sink = memorySink();
  records = sink.records;
  return createEventLog({ db, clock, random: seededRandom(seed++), nodeId: 'node-a', log: createLogger('events', sink), ...extra });
}

/** Makes inserts of events of type `Boom` fail inside SQLite. */
function armBoom(): void {
  db.exec("CREATE TRIGGER boom BEFORE INSERT ON event_log WHEN NEW.type = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END");
}

function storedTypes(): string[] {
  return (db.prepare('SELECT type FROM event_log ORDER BY seq').all() as { type: string }[]).map((r) => r.type);
}

beforeEach(() => {
  db = openDatabase({ file: ':memory:', migrations: loadMigrations(MIGRATIONS_DIR) });
  clock = manualClock(T0);
});

afterEach(() => {
  db.close();
});

describe('appendNow', () => {
  it('writes at once with UUIDv7 ids carrying the clock time and strictly increasing hlc', () => {
    const log = makeLog();
    const ids = log.appendNow([{ type: 'A', payload: 1 }, { type: 'B', payload: 2 }]);
    clock.set(T0 - 10_000); // the wall clock jumps backwards
    ids.push(...log.appendNow([{ type: 'C', payload: 3 }]));
    clock.set(T0 + 5);
    ids.push(...log.appendNow([{ type: 'D', payload: 4 }]));

    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(4);
    const rows = log.read();
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.hlc)).toEqual([
      '000loyw3v28:0000:node-a',
      '000loyw3v28:0001:node-a',
      '000loyw3v28:0002:node-a',
      '000loyw3v2d:0000:node-a',
    ]);
    expect(ids[0]?.replace(/-/g, '').slice(0, 12)).toBe(T0.toString(16).padStart(12, '0'));
    expect(rows.map((r) => r.recordedAt)).toEqual([T0, T0, T0 - 10_000, T0 + 5]);
  });

  it('encodes each hlc exactly as hlcEncode does, across milliseconds and in both write paths', () => {
    const log = makeLog();
    let expected = hlcZero('node-a');
    const want: string[] = [];
    const tick = (): void => {
      expected = hlcTick(expected, clock.now());
      want.push(hlcEncode(expected));
    };
    for (let step = 0; step < 40; step++) {
      clock.set(T0 + Math.floor(step / 3) * 7 - (step % 5 === 4 ? 20 : 0)); // repeats, steps forward, backwards
      if (step % 2 === 0) {
        log.appendNow([{ type: 'A', payload: step }, { type: 'A', payload: step }]);
        tick();
        tick();
      } else {
        log.enqueue({ type: 'Q', payload: step });
        tick();
      }
    }
    log.flush();
    // Queued rows are written after the appendNow rows stamped later, so compare in clock (= string) order.
    expect(log.read().map((r) => r.hlc).sort()).toEqual(want);
  });

  it('stores type, session, subject and payload and reads them back', () => {
    const log = makeLog();
    const [id] = log.appendNow([{ type: 'ProductPresented', sessionId: 's1', subject: 'product:p1', payload: { a: [1, 'x'] } }]);
    log.appendNow([{ type: 'Bare', payload: undefined }]);
    expect(log.read()).toEqual([
      {
        seq: 1,
        id,
        hlc: '000loyw3v28:0000:node-a',
        type: 'ProductPresented',
        sessionId: 's1',
        subject: 'product:p1',
        payload: { a: [1, 'x'] },
        recordedAt: T0,
        ackedAt: null,
      },
      expect.objectContaining({ seq: 2, type: 'Bare', sessionId: null, subject: null, payload: null }),
    ]);
  });

  it('writes all events of one call or none', () => {
    const log = makeLog();
    armBoom();
    expect(() => log.appendNow([{ type: 'A', payload: 1 }, { type: 'Boom', payload: 2 }])).toThrow('boom');
    expect(log.count()).toBe(0);
  });

  it("joins the caller's transaction: a rollback there removes the events too", () => {
    const log = makeLog();
    const tx = db.transaction(() => {
      log.appendNow([{ type: 'A', payload: 1 }]);
      throw new Error('caller failed');
    });
    expect(() => tx()).toThrow('caller failed');
    expect(log.count()).toBe(0);
  });
});

describe('enqueue and flush', () => {
  it('writes nothing until flush, then everything in enqueue order with the ids it returned', () => {
    const log = makeLog();
    const ids = [log.enqueue({ type: 'A', payload: 1 }), log.enqueue({ type: 'B', payload: 2 }), log.enqueue({ type: 'C', payload: 3 })];
    expect(log.count()).toBe(0);
    expect(log.pending()).toBe(3);
    expect(log.flush()).toBe(3);
    expect(log.pending()).toBe(0);
    expect(log.read().map((r) => [r.id, r.type, r.payload])).toEqual([
      [ids[0], 'A', 1],
      [ids[1], 'B', 2],
      [ids[2], 'C', 3],
    ]);
    expect(log.flush()).toBe(0);
  });

  it('writes a batch in one transaction: one failing row rolls back the whole batch and keeps it queued', () => {
    const log = makeLog();
    armBoom();
    log.enqueue({ type: 'A', payload: 1 });
    log.enqueue({ type: 'B', payload: 2 });
    log.enqueue({ type: 'Boom', payload: 3 });
    expect(() => log.flush()).toThrow('boom');
    expect(log.count()).toBe(0);
    expect(log.pending()).toBe(3);
    expect(records.map((r) => [r.level, r.msg, r.fields?.['count']])).toEqual([['error', 'event batch write failed; events kept in memory', 3]]);

    db.exec('DROP TRIGGER boom');
    log.enqueue({ type: 'D', payload: 4 });
    expect(log.flush()).toBe(4);
    expect(storedTypes()).toEqual(['A', 'B', 'Boom', 'D']);
  });

  it('flushes by itself when the batch size is reached', () => {
    const log = makeLog({ batchSize: 3 });
    log.enqueue({ type: 'A', payload: 1 });
    log.enqueue({ type: 'B', payload: 2 });
    expect(log.count()).toBe(0);
    expect(clock.timers()).toBe(1);
    log.enqueue({ type: 'C', payload: 3 });
    expect(log.count()).toBe(3);
    expect(log.pending()).toBe(0);
    expect(clock.timers()).toBe(0);
  });

  it('flushes on a timer, counted from the first queued event', () => {
    const log = makeLog({ flushDelayMs: 50 });
    log.enqueue({ type: 'A', payload: 1 });
    clock.advance(30);
    log.enqueue({ type: 'B', payload: 2 });
    expect(clock.timers()).toBe(1);
    clock.advance(19);
    expect(log.count()).toBe(0);
    clock.advance(1);
    expect(log.count()).toBe(2);
    expect(clock.timers()).toBe(0);
    log.enqueue({ type: 'C', payload: 3 });
    clock.advance(50);
    expect(storedTypes()).toEqual(['A', 'B', 'C']);
  });

  it('retries a failed timed flush and keeps the events meanwhile', () => {
    const log = makeLog({ flushDelayMs: 50 });
    armBoom();
    log.enqueue({ type: 'Boom', payload: 1 });
    clock.advance(50);
    expect(log.pending()).toBe(1);
    expect(clock.timers()).toBe(1);
    db.exec('DROP TRIGGER boom');
    clock.advance(50);
    expect(log.pending()).toBe(0);
    expect(storedTypes()).toEqual(['Boom']);
  });

  it('does not throw at the caller when a size-triggered flush fails; the events stay queued', () => {
    const log = makeLog({ batchSize: 2 });
    armBoom();
    log.enqueue({ type: 'Boom', payload: 1 });
    const id = log.enqueue({ type: 'B', payload: 2 });
    expect(id).toMatch(UUID_V7);
    expect(log.pending()).toBe(2);
    expect(log.count()).toBe(0);
    expect(clock.timers()).toBe(1);
    db.exec('DROP TRIGGER boom');
    clock.advance(50);
    expect(storedTypes()).toEqual(['Boom', 'B']);
  });

  it("never writes a batch inside a caller's transaction, where a rollback would lose it", () => {
    const log = makeLog({ batchSize: 2 });
    const tx = db.transaction(() => {
      log.enqueue({ type: 'A', payload: 1 });
      log.enqueue({ type: 'B', payload: 2 });
      throw new Error('caller failed');
    });
    expect(() => tx()).toThrow('caller failed');
    expect(log.pending()).toBe(2);
    expect(log.flush()).toBe(2);
    expect(storedTypes()).toEqual(['A', 'B']);
  });

  it('records the payload as it was when enqueued, not as it is at flush time', () => {
    const log = makeLog();
    const payload = { viewers: 10, tags: ['a'] };
    log.enqueue({ type: 'ViewersCounted', payload });
    payload.viewers = 99;
    payload.tags.push('b');
    log.flush();
    expect(log.read()[0]?.payload).toEqual({ viewers: 10, tags: ['a'] });
  });

  it('refuses a payload that cannot be stored at once, without poisoning the queue', () => {
    const log = makeLog();
    log.enqueue({ type: 'A', payload: 1 });
    expect(() => log.enqueue({ type: 'Big', payload: { n: 10n } })).toThrow(TypeError);
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expect(() => log.enqueue({ type: 'Loop', payload: circular })).toThrow(TypeError);
    expect(log.pending()).toBe(1);
    expect(log.flush()).toBe(1);
    expect(storedTypes()).toEqual(['A']);
  });

  it('close flushes what is queued, cancels the timer and refuses new events', () => {
    const log = makeLog();
    log.enqueue({ type: 'A', payload: 1 });
    log.enqueue({ type: 'B', payload: 2 });
    log.close();
    expect(storedTypes()).toEqual(['A', 'B']);
    expect(clock.timers()).toBe(0);
    expect(() => log.enqueue({ type: 'C', payload: 3 })).toThrow('event log is closed');
    expect(log.pending()).toBe(0);
  });
});

describe('read', () => {
  it('filters by type, pages by seq and limits', () => {
    const log = makeLog();
    log.appendNow(['A', 'B', 'A', 'C', 'A'].map((type, i) => ({ type, payload: i })));
    expect(log.read({ type: 'A' }).map((r) => [r.seq, r.payload])).toEqual([
      [1, 0],
      [3, 2],
      [5, 4],
    ]);
    expect(log.read({ type: 'A', afterSeq: 1, limit: 1 }).map((r) => r.seq)).toEqual([3]);
    expect(log.read({ afterSeq: 3 }).map((r) => r.type)).toEqual(['C', 'A']);
    expect(log.read({ limit: 2 }).map((r) => r.seq)).toEqual([1, 2]);
    expect(log.read({ type: 'Nope' })).toEqual([]);
    expect(log.count()).toBe(5);
  });
});

describe('hlc across restarts', () => {
  it('resumes after the highest hlc on disk even when the wall clock went backwards', () => {
    const first = makeLog();
    first.appendNow([{ type: 'A', payload: 1 }, { type: 'B', payload: 2 }]);
    first.close();
    clock.set(T0 - 60_000);
    const second = makeLog();
    second.appendNow([{ type: 'C', payload: 3 }]);
    const hlcs = second.read().map((r) => r.hlc);
    expect(hlcs).toEqual(['000loyw3v28:0000:node-a', '000loyw3v28:0001:node-a', '000loyw3v28:0002:node-a']);
  });

  it('resumes after the highest hlc, not after the last row, when a queued batch was written late', () => {
    const first = makeLog();
    first.enqueue({ type: 'Queued', payload: 1 }); // stamped at T0
    clock.set(T0 + 1000);
    first.appendNow([{ type: 'Now', payload: 2 }]); // stamped at T0+1000, written first
    first.close(); // the queued event is written last, with the lower hlc
    expect(storedTypes()).toEqual(['Now', 'Queued']);

    clock.set(T0 + 10); // restart with the wall clock behind the newest fact
    const second = makeLog();
    second.appendNow([{ type: 'After', payload: 3 }]);
    const rows = second.read();
    const after = rows.find((r) => r.type === 'After');
    const newest = rows.filter((r) => r.type !== 'After').map((r) => r.hlc);
    for (const h of newest) expect(after!.hlc > h).toBe(true);
    expect(hlcDecode(after!.hlc)).toEqual({ wall: T0 + 1000, counter: 1, node: 'node-a' });
  });

  it('keeps its own node id when resuming from another node', () => {
    makeLog({ nodeId: 'node-b' }).appendNow([{ type: 'A', payload: 1 }]);
    const log = makeLog({ nodeId: 'node-c' });
    log.appendNow([{ type: 'B', payload: 2 }]);
    expect(log.read().map((r) => r.hlc)).toEqual(['000loyw3v28:0000:node-b', '000loyw3v28:0001:node-c']);
  });
});
