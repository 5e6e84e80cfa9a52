import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommentView, RawAudienceEvent } from '../../../shared/contract/audience.js';
import { redactPii } from '../../../shared/domain/redact.js';
import type { Clock } from '../clock.js';
import { createLogger, memorySink } from '../logger.js';
import { createRandomPool } from '../randomPool.js';
import { loadMigrations, openDatabase, type Db } from '../store/db.js';
import { createEventLog } from '../store/eventLog.js';
import { createIngestPipeline, type IngestPipeline, type SourceInfo } from './pipeline.js';
import { createPseudonymiser } from './pseudonym.js';

const SOURCE: SourceInfo = { connectorId: 'ingest:t', platform: 'douyin', simulated: false };

/** A clock moved by hand; timers run when due. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_700_000_000_000;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimeout(fn, ms) {
      timers.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout: (h) => timers.delete(h as number),
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

describe.each([
  { writer: 'on the main thread', writerThread: false },
  { writer: 'with the writer thread', writerThread: true },
])('ingest pipeline, $writer (unit)', ({ writerThread }) => {
  let dir: string;
  let db: Db;
  let clock: ReturnType<typeof manualClock>;
  let pipeline: IngestPipeline;
  let pushes: { comments: CommentView[]; sampledOut: number }[];
  let redactions: string[];
  let blocked: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-pipeline-'));
    db = openDatabase({ file: join(dir, 'a.db'), migrations: loadMigrations(join(import.meta.dirname, '../store/migrations')) });
    clock = manualClock();
    const log = createLogger('t', memorySink());
    pushes = [];
    redactions = [];
    blocked = [];
    pipeline = createIngestPipeline({
      db,
      events: createEventLog({ db, clock, random: createRandomPool(), nodeId: 'n', log }),
      clock,
      log,
      redact: (t) => {
        redactions.push(t);
        return redactPii(t).text;
      },
      classify: (t) => ({ sentiment: 'neutral', intents: t.includes('?') ? ['question'] : [], confidence: 0.5 }),
      pseudonymise: createPseudonymiser(randomBytes(32)),
      isBlocked: (t) => blocked.some((w) => t.includes(w)),
      onComments: (b) => pushes.push(b),
      displayRatePerSec: 10,
      capacity: 100,
      writerThread,
    });
  });
  afterEach(() => {
    pipeline.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const comments = (n: number, text = 'hi'): RawAudienceEvent[] => Array.from({ length: n }, (_, i) => ({ kind: 'comment', userId: `u${i}`, text }));

  it('stores every comment but pushes at most the display budget, in one batch per interval', () => {
    pipeline.submit(SOURCE, comments(25));
    expect(pipeline.drain()).toBe(25);
    expect(pushes).toEqual([]);
    clock.advance(100);
    expect(pushes.length).toBe(1);
    expect(pushes[0]?.comments.length).toBe(10);
    expect(pushes[0]?.sampledOut).toBe(15);
    expect((db.prepare("SELECT count(*) AS n FROM event_log WHERE type = 'CommentReceived'").get() as { n: number }).n).toBe(25);
    // The budget refills with time.
    clock.advance(1_000);
    pipeline.submit(SOURCE, comments(5));
    pipeline.drain();
    clock.advance(100);
    expect(pushes[1]?.comments.length).toBe(5);
  });

  it('redacts and classifies a repeated text once, and re-checks block words when the list changes', () => {
    pipeline.submit(SOURCE, comments(50, '扣1'));
    pipeline.drain();
    expect(redactions.filter((t) => t === '扣1').length).toBe(1);
    blocked = ['扣'];
    pipeline.blockWordsChanged();
    clock.advance(2_000);
    pipeline.submit(SOURCE, comments(3, '扣1'));
    pipeline.drain();
    const rows = db
      .prepare("SELECT coalesce(s.blocked, 0) AS blocked FROM event_log e LEFT JOIN comment_state s USING (seq) WHERE e.type = 'CommentReceived' ORDER BY e.seq")
      .all() as { blocked: number }[];
    expect(rows.length).toBe(53);
    expect(rows.slice(-3).every((r) => r.blocked === 1)).toBe(true);
    expect(rows.slice(0, 50).every((r) => r.blocked === 0)).toBe(true);
  });

  it('checks display names only when they could hold personal data', () => {
    pipeline.submit(SOURCE, [
      { kind: 'like', count: 1, displayName: 'jake_88' },
      { kind: 'like', count: 1, displayName: '小王2024' },
      { kind: 'like', count: 1, displayName: '138 1234 5678' },
      { kind: 'like', count: 1, displayName: 'me@example.com' },
      // Six digits cannot make a phone or ID number; seven can (after a keyword), so those names are checked.
      { kind: 'like', count: 1, displayName: 'viewer123456' },
      { kind: 'like', count: 1, displayName: '电话1234567' },
    ]);
    pipeline.drain();
    expect(redactions).toEqual(['138 1234 5678', 'me@example.com', '电话1234567']);
    const names = (db.prepare("SELECT json_extract(payload, '$.displayName') AS n FROM event_log ORDER BY seq").all() as { n: string }[]).map((r) => r.n);
    expect(names).toEqual(['jake_88', '小王2024', '[phone]', '[email]', 'viewer123456', '电话[phone]']);
  });

  it('keeps a batch that failed to write and stores it on the next attempt', () => {
    pipeline.submit(SOURCE, comments(3, 'how much?'));
    db.exec("CREATE TRIGGER fail BEFORE INSERT ON event_log WHEN new.type = 'CommentReceived' BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => pipeline.drain()).toThrow('disk full');
    expect(pipeline.counters()).toMatchObject({ queued: 3, stored: 0 });
    expect((db.prepare('SELECT count(*) AS n FROM event_log').get() as { n: number }).n).toBe(0);
    db.exec('DROP TRIGGER fail');
    expect(pipeline.drain()).toBe(3);
    const texts = db.prepare("SELECT payload ->> '$.text' AS text, payload ->> '$.label.intents' AS intents FROM event_log ORDER BY seq").all();
    expect(texts).toEqual([0, 1, 2].map(() => ({ text: 'how much?', intents: '["question"]' })));
  });

  it('stores every payload exactly as JSON.stringify writes the event, also across text-cache turnovers', () => {
    const stored: { id: string; json: string }[] = [];
    const p = createIngestPipeline({
      db,
      events: createEventLog({ db, clock, random: createRandomPool(), nodeId: 'n2', log: createLogger('t', memorySink()) }),
      clock,
      log: createLogger('t', memorySink()),
      redact: (t) => redactPii(t).text,
      classify: (t) => ({ sentiment: 'neutral', intents: t.includes('?') ? ['question'] : [], confidence: 0.5 }),
      pseudonymise: createPseudonymiser(randomBytes(32)),
      isBlocked: () => false,
      onComments: () => undefined,
      onStored: (batch) => stored.push(...batch.map((s) => ({ id: s.id, json: JSON.stringify(s.event) }))),
      writerThread,
      textCacheSize: 7,
      batchSize: 50,
    });
    const awkward = ['"quoted"', 'back\\slash', 'tab\tnew\nline', '\u2028', '😍 上链接', 'how much?'];
    const raws: RawAudienceEvent[] = [];
    for (let i = 0; i < 400; i++) {
      const name = awkward[i % awkward.length] ?? '';
      if (i % 4 === 3) raws.push({ kind: 'like', userId: `u${i}`, displayName: name, count: 1 + i });
      else raws.push({ kind: 'comment', userId: `u${i % 9}`, displayName: i % 5 === 0 ? undefined : name, text: `${awkward[i % 3] ?? ''}${i % 11}` });
    }
    raws.push({ kind: 'order', orderId: 'o"1', items: [{ sku: 'S"1', qty: 1, unitPrice: { amount: 100, currency: 'CNY' } }], amount: { amount: 100, currency: 'CNY' } });
    raws.push({ kind: 'gift', gift: { name: '玫瑰"', count: 2, value: { amount: 10, currency: 'CNY' } } });
    expect(p.submit(SOURCE, raws)).toBe(true);
    expect(p.drain()).toBe(raws.length);
    p.close();
    expect(stored.length).toBe(raws.length);
    const byId = db.prepare('SELECT payload FROM event_log WHERE id = ?').pluck();
    for (const s of stored) expect(byId.get(s.id)).toBe(s.json);
  });

  it('stamps pseudonyms, the source and the receive time', () => {
    pipeline.submit({ connectorId: 'rehearsal', platform: 'rehearsal', simulated: true }, [{ kind: 'enter', userId: 'raw-1', occurredAt: 5 }]);
    pipeline.drain();
    const payload = JSON.parse((db.prepare('SELECT payload FROM event_log').get() as { payload: string }).payload) as Record<string, unknown>;
    expect(payload).toMatchObject({ kind: 'enter', platform: 'rehearsal', connectorId: 'rehearsal', simulated: true, occurredAt: 5, receivedAt: clock.now() });
    expect(payload['userId']).toMatch(/^[0-9a-f]{32}$/);
  });
});
