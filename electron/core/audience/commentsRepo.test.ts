import { describe, expect, it } from 'vitest';
import { AUDIENCE_EVENT_TYPES, type AudienceEvent } from '../../../shared/contract/audience.js';
import type { Clock } from '../clock.js';
import { loadMigrations, migrate, openDatabase } from '../store/db.js';
import { MIGRATIONS_DIR, openTestStore } from '../store/testStore.js';
import { createCommentsRepo, INTENT_BITS } from './commentsRepo.js';

const clock: Clock = { now: () => 1_700_000_000_000, setTimeout: () => 0, clearTimeout: () => undefined };

const comment = (text: string, intents: ('question' | 'purchase' | 'complaint')[] | null): AudienceEvent => ({
  kind: 'comment',
  platform: 'douyin',
  connectorId: 'ingest:t',
  userId: 'a'.repeat(32),
  displayName: 'viewer',
  occurredAt: 1,
  receivedAt: 2,
  simulated: false,
  text,
  label: intents === null ? null : { sentiment: 'neutral', intents, confidence: 0.9 },
  sampled: true,
});

function store() {
  const { db, events } = openTestStore(clock);
  const repo = createCommentsRepo(db);
  const add = (...cs: AudienceEvent[]): string[] =>
    events.appendNow(cs.map((e) => ({ type: AUDIENCE_EVENT_TYPES[e.kind], payload: e })));
  return { db, events, repo, add };
}

describe('comments repo (the log plus comment_state)', () => {
  it('lists newest first from the log, filters by the event label and by a corrected one instead', () => {
    const { repo, add, events } = store();
    const [q1, p1, none] = add(comment('how much?', ['question']), comment('扣1', ['purchase']), comment('hi', null));
    events.appendNow([{ type: 'LikeReceived', payload: { kind: 'like' } }]);
    expect(repo.list({ filter: 'all', limit: 10, includeBlocked: false }).comments.map((c) => c.id)).toEqual([none, p1, q1]);
    expect(repo.list({ filter: 'questions', limit: 10, includeBlocked: false }).comments.map((c) => c.id)).toEqual([q1]);
    // A person says the question was a complaint: it leaves the questions and joins the complaints.
    repo.setLabel(q1 ?? '', 'negative', INTENT_BITS.complaint);
    expect(repo.list({ filter: 'questions', limit: 10, includeBlocked: false }).comments).toEqual([]);
    const complaints = repo.list({ filter: 'complaints', limit: 10, includeBlocked: false }).comments;
    expect(complaints.map((c) => ({ id: c.id, sentiment: c.sentiment, intents: c.intents, corrected: c.corrected }))).toEqual([
      { id: q1, sentiment: 'negative', intents: ['complaint'], corrected: true },
    ]);
    // Paging and search.
    const first = repo.list({ filter: 'all', limit: 2, includeBlocked: false });
    expect(first.more).toBe(true);
    expect(repo.list({ filter: 'all', limit: 2, includeBlocked: false, beforeSeq: repo.seqOf(p1 ?? '') ?? 0 }).comments.map((c) => c.id)).toEqual([q1]);
    expect(repo.list({ filter: 'all', limit: 10, includeBlocked: false, search: 'HOW' }).comments.map((c) => c.id)).toEqual([q1]);
  });

  it('keeps pins, answers and blocks beside the log, and blocks exactly the comments with a blocked word', () => {
    const { repo, add, db } = store();
    const [a, b] = add(comment('great lipstick', ['question']), comment('spam link here', null));
    repo.setFlag(a ?? '', 'pinned', true);
    expect(repo.list({ filter: 'pinned', limit: 10, includeBlocked: false }).comments.map((c) => c.id)).toEqual([a]);
    repo.setFlag(a ?? '', 'answered', true);
    expect(repo.get(a ?? '')).toMatchObject({ pinned: true, answered: true, blocked: false });
    expect(repo.applyBlockWords(['SPAM'])).toBe(1);
    expect(repo.list({ filter: 'all', limit: 10, includeBlocked: false }).comments.map((c) => c.id)).toEqual([a]);
    expect(repo.get(b ?? '')?.blocked).toBe(true);
    expect(repo.applyBlockWords([])).toBe(0);
    expect(repo.get(b ?? '')?.blocked).toBe(false);
    // Comments with no state left have no row.
    expect((db.prepare('SELECT count(*) AS n FROM comment_state').get() as { n: number }).n).toBe(1);
  });

  it('purges text and names in the log, and shows a purged comment with no text', () => {
    const { repo, add } = store();
    const [a] = add(comment('call me 13812345678', ['question']));
    expect(repo.purgeBefore(clock.now() + 1)).toBe(1);
    expect(repo.purgeBefore(clock.now() + 1)).toBe(0);
    expect(repo.get(a ?? '')).toMatchObject({ text: null, displayName: null, intents: ['question'] });
  });

  it('reads a page through the index, never sorting the log', () => {
    const { db } = store();
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT e.seq FROM event_log e LEFT JOIN comment_state s ON s.seq = e.seq
          WHERE e.type = 'CommentReceived' AND e.seq < 10 ORDER BY e.seq DESC LIMIT 10`,
      )
      .all() as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toContain('USING COVERING INDEX event_log_type');
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('migration 0006 keeps the state of comments stored before it and empties the old projection', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    const db = openDatabase({ file: ':memory:', migrations: migrations.slice(0, 5) });
    const insert = db.prepare(
      `INSERT INTO comments (seq, id, at, received_at, platform, connector_id, text, sentiment, intents, pinned, answered, blocked, corrected)
       VALUES (?, ?, 0, 0, 'douyin', 'c', 't', 'neutral', ?, ?, ?, ?, ?)`,
    );
    insert.run(1, 'a', 4, 1, 0, 0, 0);
    insert.run(2, 'b', 4, 0, 0, 0, 0);
    insert.run(3, 'c', 8, 0, 1, 1, 1);
    migrate(db, migrations);
    expect(db.prepare('SELECT * FROM comment_state ORDER BY seq').all()).toEqual([
      { seq: 1, pinned: 1, answered: 0, blocked: 0, corrected: 0, sentiment: null, intents: null },
      { seq: 3, pinned: 0, answered: 1, blocked: 1, corrected: 1, sentiment: 'neutral', intents: 8 },
    ]);
    expect((db.prepare('SELECT count(*) AS n FROM comments').get() as { n: number }).n).toBe(0);
  });
});
