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

const INTENT_TERM = (intent: Intent): string =>
  // A corrected label (comment_state) replaces the event's; the event's intents are a JSON array of names, none
  // of them a part of another, so a quoted name is found by instr. Both are constants: no SQL is built from input.
  `(CASE WHEN s.corrected = 1 THEN (s.intents & ${INTENT_BITS[intent]}) != 0 ELSE instr(e.payload ->> '$.label.intents', '"${intent}"') > 0 END)`;

/** The WHERE term of each chat-panel filter (a closed table of constants). */
const FILTER_SQL: Readonly<Record<Exclude<CommentFilter, 'pinned'>, string>> = {
  all: '1',
  purchase: INTENT_TERM('purchase'),
  price_objection: INTENT_TERM('price_objection'),
  questions: INTENT_TERM('question'),
  complaints: INTENT_TERM('complaint'),
  praise: INTENT_TERM('praise'),
};

const COMMENT_TYPE = 'CommentReceived';

/** A CommentReceived event row with its state beside it (the state columns are null when it has none). */
interface Row {
  seq: number;
  id: string;
  payload: string;
  pinned: number | null;
  answered: number | null;
  blocked: number | null;
  corrected: number | null;
  sentiment: Sentiment | null;
  intents: number | null;
}

/** The fields of a stored CommentReceived payload the chat panel shows (written by the pipeline, zod-checked there). */
interface CommentPayload {
  readonly occurredAt: number;
  readonly platform: string;
  readonly connectorId: string;
  readonly userId: string | null;
  readonly displayName: string | null;
  readonly text: string;
  readonly label: { readonly sentiment: Sentiment; readonly intents: readonly Intent[]; readonly confidence: number } | null;
  readonly simulated?: boolean;
}

const COLUMNS = 'e.seq, e.id, e.payload, s.pinned, s.answered, s.blocked, s.corrected, s.sentiment, s.intents';

function toView(r: Row): CommentView {
  const p = JSON.parse(r.payload) as CommentPayload;
  const corrected = r.corrected === 1;
  return {
    id: r.id,
    at: p.occurredAt,
    platform: p.platform,
    connectorId: p.connectorId,
    userId: p.userId,
    displayName: p.displayName,
    // The retention purge empties the text in the log (a comment is never stored without text).
    text: p.text === '' ? null : p.text,
    sentiment: corrected ? r.sentiment : (p.label?.sentiment ?? null),
    intents: corrected ? intentsOf(r.intents ?? 0) : p.label ? intentsOf(intentMask(p.label.intents)) : [],
    confidence: p.label?.confidence ?? null,
    simulated: p.simulated === true,
    pinned: r.pinned === 1,
    answered: r.answered === 1,
    blocked: r.blocked === 1,
    corrected,
  };
}

export interface ListQuery {
  readonly filter: CommentFilter;
  readonly search?: string | undefined;
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
  readonly includeBlocked: boolean;
}

/**
 * Stored comments as the chat panel reads them: the CommentReceived rows of the event log (the log is the only
 * copy of a comment) joined with `comment_state`, the small table of what changed since (pins, answers, blocks,
 * corrected labels), which has rows only for the comments that have such a state.
 */
export interface CommentsRepo {
  /** Marks a just-stored comment (by its event-log seq) as containing a blocked word. */
  markBlocked(seq: number): void;
  /** The event-log seq of an event id, or null. */
  seqOf(eventId: string): number | null;
  get(id: string): CommentView | null;
  list(q: ListQuery): { comments: CommentView[]; more: boolean };
  setFlag(id: string, flag: 'pinned' | 'answered', value: boolean): void;
  setLabel(id: string, sentiment: Sentiment, intents: number): void;
  /** Marks exactly the comments containing one of `words` (case-insensitive) as blocked; returns how many are. */
  applyBlockWords(words: readonly string[]): number;
  /**
   * Empties the text and display name of comments recorded before `before`, in their log rows (the retention
   * setting: the one case where old log rows change); returns how many were purged.
   */
  purgeBefore(before: number): number;
}

export function createCommentsRepo(db: Db): CommentsRepo {
  const seqOfId = db.prepare('SELECT seq FROM event_log WHERE id = ?').pluck();
  const byId = db.prepare(
    `SELECT ${COLUMNS} FROM event_log e LEFT JOIN comment_state s ON s.seq = e.seq WHERE e.id = ? AND e.type = '${COMMENT_TYPE}'`,
  );
  const lists = new Map<CommentFilter, Statement>();
  const listStatement = (f: CommentFilter): Statement => {
    let s = lists.get(f);
    if (!s) {
      const tail = `AND (@includeBlocked = 1 OR coalesce(s.blocked, 0) = 0)
           AND (@search IS NULL OR instr(lower(e.payload ->> '$.text'), @search) > 0)`;
      s =
        f === 'pinned'
          ? // The few pinned comments, through comment_state's partial index.
            db.prepare(
              `SELECT ${COLUMNS} FROM comment_state s JOIN event_log e ON e.seq = s.seq
                WHERE s.pinned = 1 AND s.seq < @before ${tail} ORDER BY s.seq DESC LIMIT @limit`,
            )
          : // Newest first through event_log_type (type, seq): a page reads about as many rows as it shows
            // (more for a rare filter), never the whole log.
            db.prepare(
              `SELECT ${COLUMNS} FROM event_log e LEFT JOIN comment_state s ON s.seq = e.seq
                WHERE e.type = '${COMMENT_TYPE}' AND e.seq < @before AND ${FILTER_SQL[f]} ${tail}
                ORDER BY e.seq DESC LIMIT @limit`,
            );
      lists.set(f, s);
    }
    return s;
  };
  const markBlocked = db.prepare('INSERT INTO comment_state (seq, blocked) VALUES (?, 1) ON CONFLICT (seq) DO UPDATE SET blocked = 1');
  const setPinned = db.prepare('INSERT INTO comment_state (seq, pinned) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET pinned = excluded.pinned');
  const setAnswered = db.prepare(
    'INSERT INTO comment_state (seq, answered) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET answered = excluded.answered',
  );
  const setLabel = db.prepare(
    `INSERT INTO comment_state (seq, corrected, sentiment, intents) VALUES (?, 1, ?, ?)
       ON CONFLICT (seq) DO UPDATE SET corrected = 1, sentiment = excluded.sentiment, intents = excluded.intents`,
  );
  const unblockAll = db.prepare('UPDATE comment_state SET blocked = 0 WHERE blocked = 1');
  const blockWord = db.prepare(
    `INSERT INTO comment_state (seq, blocked)
       SELECT seq, 1 FROM event_log WHERE type = '${COMMENT_TYPE}' AND instr(lower(payload ->> '$.text'), ?) > 0
       ON CONFLICT (seq) DO UPDATE SET blocked = 1`,
  );
  const dropEmpty = db.prepare(
    'DELETE FROM comment_state WHERE pinned = 0 AND answered = 0 AND blocked = 0 AND corrected = 0',
  );
  const countBlocked = db.prepare('SELECT count(*) FROM comment_state WHERE blocked = 1').pluck();
  const purge = db.prepare(
    `UPDATE event_log SET payload = json_set(payload, '$.text', '', '$.displayName', json('null'))
      WHERE type = '${COMMENT_TYPE}' AND recorded_at < ? AND payload ->> '$.text' != ''`,
  );

  const seqOf = (eventId: string): number | null => (seqOfId.get(eventId) as number | undefined) ?? null;

  return {
    markBlocked(seq) {
      markBlocked.run(seq);
    },
    seqOf,
    get(id) {
      const row = byId.get(id) as Row | undefined;
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
      (flag === 'pinned' ? setPinned : setAnswered).run(seq, value ? 1 : 0);
    },
    setLabel(id, sentiment, intents) {
      const seq = seqOf(id);
      if (seq !== null) setLabel.run(seq, sentiment, intents);
    },
    applyBlockWords: db.transaction((words: readonly string[]): number => {
      unblockAll.run();
      for (const w of words) blockWord.run(w.toLowerCase());
      dropEmpty.run();
      return countBlocked.get() as number;
    }),
    purgeBefore: (before) => purge.run(before).changes,
  };
}
