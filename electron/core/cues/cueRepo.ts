import type { Product } from '../../../shared/contract/catalog.js';
import type { CueVia, HostMessage, PinnedQuestion, QueueField, SegmentField, Session, SessionStatus } from '../../../shared/contract/cues.js';
import type { Registers } from '../../../shared/domain/cues/lww.js';
import type { Db } from '../store/db.js';

/** SQL of the cue projections (migration 0003); statements prepared once, parameters bound. */

export interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly planned_start: number | null;
  readonly status: SessionStatus;
  readonly created_at: number;
  readonly started_at: number | null;
  readonly ended_at: number | null;
  readonly current_segment_id: string | null;
  readonly segment_started_at: number | null;
  readonly last_via: CueVia | null;
  readonly updated_hlc: string;
}

export interface QueueRow {
  readonly id: string;
  readonly sessionId: string;
  readonly productId: string;
  readonly position: string;
  readonly positionHlc: string;
  readonly snapshot: Product;
  readonly fields: Registers<QueueField, unknown>;
  readonly addedAt: number;
}

export interface SegmentRow {
  readonly id: string;
  readonly sessionId: string;
  readonly position: string;
  readonly positionHlc: string;
  readonly fields: Registers<SegmentField, unknown>;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly removed: boolean;
}

interface RawQueue {
  id: string;
  session_id: string;
  product_id: string;
  position: string;
  position_hlc: string;
  product_snapshot: string;
  fields: string;
  added_at: number;
}

interface RawSegment {
  id: string;
  session_id: string;
  position: string;
  position_hlc: string;
  fields: string;
  created_at: number;
  updated_at: number;
  removed_at: number | null;
}

interface RawMessage {
  id: string;
  session_id: string | null;
  text: string;
  sender: string | null;
  posted_at: number;
}

interface RawPin {
  id: string;
  text: string;
  author: string | null;
  pinned_at: number;
}

export const toSession = (r: SessionRow): Session => ({
  id: r.id,
  title: r.title,
  plannedStart: r.planned_start,
  status: r.status,
  createdAt: r.created_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

const toQueue = (r: RawQueue): QueueRow => ({
  id: r.id,
  sessionId: r.session_id,
  productId: r.product_id,
  position: r.position,
  positionHlc: r.position_hlc,
  snapshot: JSON.parse(r.product_snapshot) as Product,
  fields: JSON.parse(r.fields) as Registers<QueueField, unknown>,
  addedAt: r.added_at,
});

const toSegment = (r: RawSegment): SegmentRow => ({
  id: r.id,
  sessionId: r.session_id,
  position: r.position,
  positionHlc: r.position_hlc,
  fields: JSON.parse(r.fields) as Registers<SegmentField, unknown>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  removed: r.removed_at !== null,
});

const toMessage = (r: RawMessage): HostMessage => ({ id: r.id, sessionId: r.session_id, text: r.text, from: r.sender, postedAt: r.posted_at });
const toPin = (r: RawPin): PinnedQuestion => ({ id: r.id, text: r.text, author: r.author, pinnedAt: r.pinned_at });

export interface LivePosition {
  readonly status: SessionStatus;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly currentSegmentId: string | null;
  readonly segmentStartedAt: number | null;
  readonly via: CueVia | null;
  readonly hlc: string;
}

export type CueRepo = ReturnType<typeof createCueRepo>;

export function createCueRepo(db: Db) {
  const q = {
    hlcOf: db.prepare('SELECT hlc FROM event_log WHERE id = ?'),
    insertSession: db.prepare(
      `INSERT INTO show_sessions (id, title, planned_start, status, created_at, updated_hlc)
       VALUES (@id, @title, @plannedStart, 'planned', @createdAt, @hlc)`,
    ),
    session: db.prepare('SELECT * FROM show_sessions WHERE id = ?'),
    sessions: db.prepare('SELECT * FROM show_sessions ORDER BY created_at DESC, id DESC LIMIT ?'),
    liveSession: db.prepare("SELECT * FROM show_sessions WHERE status = 'live'"),
    setLive: db.prepare(
      `UPDATE show_sessions SET status = @status, started_at = @startedAt, ended_at = @endedAt,
         current_segment_id = @currentSegmentId, segment_started_at = @segmentStartedAt, last_via = @via, updated_hlc = @hlc
       WHERE id = @id`,
    ),
    insertQueue: db.prepare(
      `INSERT INTO queue_items (id, session_id, product_id, position, position_hlc, product_snapshot, fields, added_at, added_hlc)
       VALUES (@id, @sessionId, @productId, @position, @hlc, @snapshot, '{}', @addedAt, @hlc)`,
    ),
    queueItem: db.prepare('SELECT * FROM queue_items WHERE id = ? AND removed_at IS NULL'),
    queue: db.prepare('SELECT * FROM queue_items WHERE session_id = ? AND removed_at IS NULL ORDER BY position, id'),
    queueByProduct: db.prepare('SELECT * FROM queue_items WHERE session_id = ? AND product_id = ? AND removed_at IS NULL'),
    queueSessionsOfProducts: db.prepare(
      `SELECT DISTINCT q.session_id AS id FROM queue_items q JOIN show_sessions s ON s.id = q.session_id
       WHERE q.product_id IN (SELECT value FROM json_each(?)) AND q.removed_at IS NULL AND s.status <> 'ended'`,
    ),
    setQueuePosition: db.prepare('UPDATE queue_items SET position = ?, position_hlc = ? WHERE id = ?'),
    setQueueFields: db.prepare('UPDATE queue_items SET fields = ? WHERE id = ?'),
    removeQueue: db.prepare('UPDATE queue_items SET removed_at = ?, removed_hlc = ? WHERE id = ?'),
    insertSegment: db.prepare(
      `INSERT INTO script_segments (id, session_id, position, position_hlc, fields, created_at, updated_at)
       VALUES (@id, @sessionId, @position, @hlc, @fields, @at, @at)`,
    ),
    segment: db.prepare('SELECT * FROM script_segments WHERE id = ?'),
    segments: db.prepare('SELECT * FROM script_segments WHERE session_id = ? AND removed_at IS NULL ORDER BY position, id'),
    setSegmentPosition: db.prepare('UPDATE script_segments SET position = ?, position_hlc = ?, updated_at = ? WHERE id = ?'),
    setSegmentFields: db.prepare('UPDATE script_segments SET fields = ?, updated_at = ? WHERE id = ?'),
    removeSegment: db.prepare('UPDATE script_segments SET removed_at = ?, removed_hlc = ? WHERE id = ?'),
    closePresentation: db.prepare('UPDATE cue_presentations SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL'),
    insertPresentation: db.prepare(
      `INSERT INTO cue_presentations (id, session_id, segment_id, product_id, queue_item_id, via, started_at)
       VALUES (@id, @sessionId, @segmentId, @productId, @queueItemId, @via, @startedAt)`,
    ),
    insertMessage: db.prepare(
      'INSERT INTO host_messages (id, session_id, text, sender, posted_at) VALUES (@id, @sessionId, @text, @from, @postedAt)',
    ),
    recentMessages: db.prepare(
      `SELECT * FROM (SELECT * FROM host_messages WHERE session_id IS ? ORDER BY posted_at DESC, rowid DESC LIMIT ?)
       ORDER BY posted_at, id`,
    ),
    insertPin: db.prepare('INSERT INTO host_pins (id, text, author, pinned_at) VALUES (@id, @text, @author, @pinnedAt)'),
    activePins: db.prepare('SELECT * FROM host_pins WHERE unpinned_at IS NULL ORDER BY pinned_at, rowid'),
    unpin: db.prepare('UPDATE host_pins SET unpinned_at = ? WHERE id = ? AND unpinned_at IS NULL'),
    setting: db.prepare('SELECT value, updated_at FROM settings WHERE key = ?'),
    putSetting: db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    deleteSetting: db.prepare('DELETE FROM settings WHERE key = ?'),
  };

  return {
    /** The HLC the event log stamped on an event. */
    hlcOf: (eventId: string): string => (q.hlcOf.get(eventId) as { hlc: string }).hlc,

    insertSession(s: Session, hlc: string): void {
      q.insertSession.run({ id: s.id, title: s.title, plannedStart: s.plannedStart, createdAt: s.createdAt, hlc });
    },
    session: (id: string): SessionRow | null => (q.session.get(id) as SessionRow | undefined) ?? null,
    sessions: (limit: number): SessionRow[] => q.sessions.all(limit) as SessionRow[],
    liveSession: (): SessionRow | null => (q.liveSession.get() as SessionRow | undefined) ?? null,
    setLivePosition(id: string, p: LivePosition): void {
      q.setLive.run({ id, ...p });
    },

    insertQueueItem(r: { id: string; sessionId: string; productId: string; position: string; snapshot: Product; addedAt: number }, hlc: string): void {
      q.insertQueue.run({ ...r, snapshot: JSON.stringify(r.snapshot), hlc });
    },
    queueItem: (id: string): QueueRow | null => {
      const r = q.queueItem.get(id) as RawQueue | undefined;
      return r ? toQueue(r) : null;
    },
    queue: (sessionId: string): QueueRow[] => (q.queue.all(sessionId) as RawQueue[]).map(toQueue),
    queueItemOfProduct: (sessionId: string, productId: string): QueueRow | null => {
      const r = q.queueByProduct.get(sessionId, productId) as RawQueue | undefined;
      return r ? toQueue(r) : null;
    },
    /** Sessions not yet ended whose queue holds one of these products. */
    sessionsQueuing: (productIds: readonly string[]): string[] =>
      (q.queueSessionsOfProducts.all(JSON.stringify(productIds)) as { id: string }[]).map((r) => r.id),
    setQueuePosition(id: string, position: string, hlc: string): void {
      q.setQueuePosition.run(position, hlc, id);
    },
    setQueueFields(id: string, fields: Registers<QueueField, unknown>): void {
      q.setQueueFields.run(JSON.stringify(fields), id);
    },
    removeQueueItem(id: string, at: number, hlc: string): void {
      q.removeQueue.run(at, hlc, id);
    },

    insertSegment(r: { id: string; sessionId: string; position: string; fields: Registers<SegmentField, unknown>; at: number }, hlc: string): void {
      q.insertSegment.run({ ...r, fields: JSON.stringify(r.fields), hlc });
    },
    /** A segment, removed ones included (the live view may still show one). */
    segment: (id: string): SegmentRow | null => {
      const r = q.segment.get(id) as RawSegment | undefined;
      return r ? toSegment(r) : null;
    },
    segments: (sessionId: string): SegmentRow[] => (q.segments.all(sessionId) as RawSegment[]).map(toSegment),
    setSegmentPosition(id: string, position: string, hlc: string, at: number): void {
      q.setSegmentPosition.run(position, hlc, at, id);
    },
    setSegmentFields(id: string, fields: Registers<SegmentField, unknown>, at: number): void {
      q.setSegmentFields.run(JSON.stringify(fields), at, id);
    },
    removeSegment(id: string, at: number, hlc: string): void {
      q.removeSegment.run(at, hlc, id);
    },

    /** Ends the open presentation of a session (if any) and opens the next one. */
    present(p: { id: string; sessionId: string; segmentId: string; productId: string | null; queueItemId: string | null; via: Exclude<CueVia, 'end'>; startedAt: number } | null, sessionId: string, at: number): void {
      q.closePresentation.run(at, sessionId);
      if (p) q.insertPresentation.run(p);
    },

    insertMessage(m: HostMessage): void {
      q.insertMessage.run(m);
    },
    recentMessages: (sessionId: string | null, limit: number): HostMessage[] => (q.recentMessages.all(sessionId, limit) as RawMessage[]).map(toMessage),
    insertPin(p: PinnedQuestion): void {
      q.insertPin.run(p);
    },
    activePins: (): PinnedQuestion[] => (q.activePins.all() as RawPin[]).map(toPin),
    unpin: (id: string, at: number): boolean => q.unpin.run(at, id).changes > 0,

    setting: (key: string): { value: string; updatedAt: number } | null => {
      const r = q.setting.get(key) as { value: string; updated_at: number } | undefined;
      return r ? { value: r.value, updatedAt: r.updated_at } : null;
    },
    putSetting(key: string, value: string, at: number): void {
      q.putSetting.run(key, value, at);
    },
    deleteSetting(key: string): void {
      q.deleteSetting.run(key);
    },
  };
}
