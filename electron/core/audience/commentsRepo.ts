import type { Statement } from 'better-sqlite3';
import type { CommentFilter, CommentView } from '../../../shared/contract/audience.js';
import type { Intent, Sentiment } from '../../../shared/domain/classifier/model.js';
import type { Db } from '../store/db.js';

/** Bits of the `intents` column. Fixed here, not derived from the classifier's order: stored data must not shift meaning. */
export const INTENT_BITS: Readonly<Record<Intent, number>> = { purchase: 1, price_objection: 2, question: 4, complaint: 8, praise: 16 };
const INTENT_LIST = Object.keys(INTENT_BITS) as Intent[];

export function intentMask(intents: readonly Intent[]): number {
  let m = 0;
  for (const i of intents) m |= INTENT_BITS[i];
  return m;
}

export function intentsOf(mask: number): Intent[] {
  return INTENT_LIST.filter((i) => (mask & INTENT_BITS[i]) !== 0);
}

/** The WHERE term of each filter. Each matches a partial index of 0004 word for word (SQLite needs the same term). */
const FILTER_SQL: Readonly<Record<CommentFilter, string>> = {
  all: '1',
  purchase: '(intents & 1) != 0',
  price_objection: '(intents & 2) != 0',
  questions: '(intents & 4) != 0',
  complaints: '(intents & 8) != 0',
  praise: '(intents & 16) != 0',
  pinned: 'pinned = 1',
};

interface Row {
  seq: number;
  id: string;
  at: number;
  platform: string;
  connector_id: string;
  user_hash: string | null;
  display_name: string | null;
  text: string | null;
  sentiment: Sentiment | null;
  intents: number;
  confidence: number | null;
  simulated: number;
  pinned: number;
  answered: number;
  blocked: number;
  corrected: number;
}

const toView = (r: Row): CommentView => ({
  id: r.id,
  at: r.at,
  platform: r.platform,
  connectorId: r.connector_id,
  userId: r.user_hash,
  displayName: r.display_name,
  text: r.text,
  sentiment: r.sentiment,
  intents: intentsOf(r.intents),
  confidence: r.confidence,
  simulated: r.simulated === 1,
  pinned: r.pinned === 1,
  answered: r.answered === 1,
  blocked: r.blocked === 1,
  corrected: r.corrected === 1,
});

/** A new comment row; `seq` and `id` are those of its CommentReceived event. */
export interface CommentRow {
  readonly seq: number;
  readonly id: string;
  readonly at: number;
  readonly receivedAt: number;
  readonly platform: string;
  readonly connectorId: string;
  readonly userHash: string | null;
  readonly displayName: string | null;
  readonly text: string;
  readonly sentiment: Sentiment | null;
  readonly intents: number;
  readonly confidence: number | null;
  readonly simulated: boolean;
  readonly blocked: boolean;
}

export interface ListQuery {
  readonly filter: CommentFilter;
  readonly search?: string | undefined;
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
  readonly includeBlocked: boolean;
}

export interface CommentsRepo {
  insert(row: CommentRow): void;
  /** The event-log seq of an event id, or null. */
  seqOf(eventId: string): number | null;
  /** The event id at an event-log seq, or null. */
  idAt(seq: number): string | null;
  /** The seq of the last row this connection inserted. */
  lastInsertSeq(): number;
  get(id: string): CommentView | null;
  list(q: ListQuery): { comments: CommentView[]; more: boolean };
  setFlag(id: string, flag: 'pinned' | 'answered', value: boolean): void;
  setLabel(id: string, sentiment: Sentiment, intents: number): void;
  /** Marks exactly the comments containing one of `words` (case-insensitive) as blocked; returns how many are. */
  applyBlockWords(words: readonly string[]): number;
  /** Deletes text and display name of comments received before `before`; returns how many were purged. */
  purgeBefore(before: number, at: number): number;
}

export function createCommentsRepo(db: Db): CommentsRepo {
  const insert = db.prepare(
    `INSERT INTO comments (seq, id, at, received_at, platform, connector_id, user_hash, display_name, text, sentiment, intents,
       confidence, simulated, blocked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastRowid = db.prepare('SELECT last_insert_rowid() AS seq').pluck();
  const seqOfId = db.prepare('SELECT seq FROM event_log WHERE id = ?').pluck();
  const idAtSeq = db.prepare('SELECT id FROM event_log WHERE seq = ?').pluck();
  const bySeq = db.prepare('SELECT * FROM comments WHERE seq = ?');
  const lists = new Map<CommentFilter, Statement>();
  const listStatement = (f: CommentFilter): Statement => {
    let s = lists.get(f);
    if (!s) {
      // FILTER_SQL is a closed table of constants: no SQL is ever built from input.
      s = db.prepare(
        `SELECT * FROM comments WHERE ${FILTER_SQL[f]} AND seq < @before AND (@includeBlocked = 1 OR blocked = 0)
           AND (@search IS NULL OR instr(lower(coalesce(text, '')), @search) > 0) ORDER BY seq DESC LIMIT @limit`,
      );
      lists.set(f, s);
    }
    return s;
  };
  const setPinned = db.prepare('UPDATE comments SET pinned = ? WHERE seq = ?');
  const setAnswered = db.prepare('UPDATE comments SET answered = ? WHERE seq = ?');
  const setLabel = db.prepare('UPDATE comments SET sentiment = ?, intents = ?, corrected = 1 WHERE seq = ?');
  const unblockAll = db.prepare('UPDATE comments SET blocked = 0 WHERE blocked = 1');
  const blockWord = db.prepare("UPDATE comments SET blocked = 1 WHERE blocked = 0 AND instr(lower(coalesce(text, '')), ?) > 0");
  const countBlocked = db.prepare('SELECT count(*) FROM comments WHERE blocked = 1').pluck();
  const purge = db.prepare('UPDATE comments SET text = NULL, display_name = NULL, purged_at = ? WHERE received_at < ? AND purged_at IS NULL');

  const seqOf = (eventId: string): number | null => (seqOfId.get(eventId) as number | undefined) ?? null;

  return {
    insert(r) {
      insert.run(
        r.seq,
        r.id,
        r.at,
        r.receivedAt,
        r.platform,
        r.connectorId,
        r.userHash,
        r.displayName,
        r.text,
        r.sentiment,
        r.intents,
        r.confidence,
        r.simulated ? 1 : 0,
        r.blocked ? 1 : 0,
      );
    },
    seqOf,
    idAt: (seq) => (idAtSeq.get(seq) as string | undefined) ?? null,
    lastInsertSeq: () => lastRowid.get() as number,
    get(id) {
      const seq = seqOf(id);
      if (seq === null) return null;
      const row = bySeq.get(seq) as Row | undefined;
      return row ? toView(row) : null;
    },
    list(q) {
      const rows = listStatement(q.filter).all({
        before: q.beforeSeq ?? Number.MAX_SAFE_INTEGER,
        includeBlocked: q.includeBlocked ? 1 : 0,
        search: q.search ? q.search.toLowerCase() : null,
        limit: q.limit + 1,
      }) as Row[];
      return { comments: rows.slice(0, q.limit).map(toView), more: rows.length > q.limit };
    },
    setFlag(id, flag, value) {
      const seq = seqOf(id);
      if (seq === null) return;
      (flag === 'pinned' ? setPinned : setAnswered).run(value ? 1 : 0, seq);
    },
    setLabel(id, sentiment, intents) {
      const seq = seqOf(id);
      if (seq !== null) setLabel.run(sentiment, intents, seq);
    },
    applyBlockWords: db.transaction((words: readonly string[]): number => {
      unblockAll.run();
      for (const w of words) blockWord.run(w.toLowerCase());
      return countBlocked.get() as number;
    }),
    purgeBefore: (before, at) => purge.run(at, before).changes,
  };
}
