import { createHash, randomBytes } from 'node:crypto';
import { AUDIENCE_KINDS, IngestEvent, type IngestSource, type RawAudienceEvent } from '../../../shared/contract/audience.js';
import { createTokenBucket, takeTokens, type TokenBucket } from '../../../shared/domain/audience/tokenBucket.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import type { IngestPipeline, SourceInfo } from './pipeline.js';

/** Limits of the generic ingest endpoints (docs/ingest.md). */
export const INGEST_LIMITS = {
  /** Bytes of one HTTP body or WebSocket message. */
  maxBodyBytes: 256 * 1024,
  /** Events in one request or message. */
  maxEventsPerRequest: 5_000,
  /** Per source: sustained events per second and burst. */
  ratePerSec: 2_000,
  burst: 10_000,
} as const;

export type IngestErrorCode =
  | 'BAD_INPUT'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

/** An event of a batch that was refused, and why (`field` is the path inside the event, e.g. `gift.value.amount`). */
export interface RejectedEvent {
  readonly index: number;
  readonly field: string;
  readonly message: string;
}

export type IngestReplyBody =
  | { readonly ok: true; readonly accepted: number }
  | {
      readonly ok: false;
      readonly accepted: number;
      readonly rejected: readonly RejectedEvent[];
      readonly error: { readonly code: IngestErrorCode; readonly message: string };
    };

/** The answer to one request or message: an HTTP status (mirrored in WebSocket replies) and its body. */
export interface IngestReply {
  readonly status: number;
  readonly body: IngestReplyBody;
  readonly retryAfterSec?: number;
}

/** An authenticated source. */
export interface SourceRecord {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly info: SourceInfo;
}

export interface IngestSources {
  create(name: string, platform: string): { source: IngestSource; token: string };
  list(): IngestSource[];
  revoke(id: string): IngestSource;
  /** The live source a token belongs to, or null. */
  authenticate(token: string): SourceRecord | null;
  /** A source by id or name, when the token is its own. */
  authenticateFor(idOrName: string, token: string): SourceRecord | null;
  /** Counts a request refused before it reached a source (bad token, wrong content type …). */
  noteUnauthenticated(): void;
  /** Validates and queues what a source sent (a parsed JSON body). */
  accept(source: SourceRecord, body: unknown): IngestReply;
  /** Counts a refusal that happened before `accept` (unreadable body, too large) against the source. */
  noteRejected(source: SourceRecord, message: string): void;
  /** Ids of live sources → connector ids. */
  connectorIdOf(sourceId: string): string;
}

const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

interface Stats {
  accepted: number;
  rejected: number;
  rateLimited: number;
  lastEventAt: number | null;
  lastError: string | null;
  bucket: TokenBucket;
}

interface Row {
  id: string;
  name: string;
  platform: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface IngestSourcesDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly log: Logger;
  readonly newId: () => string;
  readonly pipeline: IngestPipeline;
  /** False while the generic-ingest connector is stopped: requests get 503. */
  readonly running: () => boolean;
  readonly ratePerSec?: number;
  readonly burst?: number;
}

const fail = (status: number, code: IngestErrorCode, message: string, accepted = 0, rejected: RejectedEvent[] = [], retryAfterSec?: number): IngestReply => ({
  status,
  body: { ok: false, accepted, rejected, error: { code, message } },
  ...(retryAfterSec === undefined ? {} : { retryAfterSec }),
});

const KIND_LIST = AUDIENCE_KINDS.join(', ');

/** Why an event is refused, naming the field. Never throws, whatever the input. */
export function explainEvent(value: unknown): { field: string; message: string } | RawAudienceEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { field: '', message: 'an event must be a JSON object' };
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(AUDIENCE_KINDS as readonly string[]).includes(kind)) {
    return { field: 'kind', message: `kind must be one of ${KIND_LIST}` };
  }
  const r = IngestEvent.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  return { field, message: `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid event'}` };
}

/**
 * Generic webhook / WebSocket ingest sources: per-source bearer tokens (shown once, stored hashed), a token-bucket
 * rate limit per source, per-event validation. In a batch the good events are queued and the bad ones reported by
 * index; a malformed request never affects anything else.
 */
export function createIngestSources(deps: IngestSourcesDeps): IngestSources {
  const { db, events, clock, log, newId, pipeline, running } = deps;
  const ratePerSec = deps.ratePerSec ?? INGEST_LIMITS.ratePerSec;
  const burst = deps.burst ?? INGEST_LIMITS.burst;
  const insert = db.prepare('INSERT INTO ingest_sources (id, name, platform, token_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const all = db.prepare('SELECT * FROM ingest_sources ORDER BY created_at, id');
  const byId = db.prepare('SELECT * FROM ingest_sources WHERE id = ?');
  const liveByName = db.prepare('SELECT * FROM ingest_sources WHERE name = ? AND revoked_at IS NULL');
  const setRevoked = db.prepare('UPDATE ingest_sources SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const stats = new Map<string, Stats>();
  const byHash = new Map<string, SourceRecord>();
  let unauthenticated = 0;

  const connectorIdOf = (id: string): string => `ingest:${id}`;
  const recordOf = (r: Row): SourceRecord => ({
    id: r.id,
    name: r.name,
    platform: r.platform,
    info: { connectorId: connectorIdOf(r.id), platform: r.platform, simulated: false },
  });
  const statsOf = (id: string): Stats => {
    let s = stats.get(id);
    if (!s) {
      s = { accepted: 0, rejected: 0, rateLimited: 0, lastEventAt: null, lastError: null, bucket: createTokenBucket(ratePerSec, burst, clock.now()) };
      stats.set(id, s);
    }
    return s;
  };
  const view = (r: Row): IngestSource => {
    const s = statsOf(r.id);
    return {
      id: r.id,
      name: r.name,
      platform: r.platform,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      accepted: s.accepted,
      rejected: s.rejected,
      rateLimited: s.rateLimited,
      lastEventAt: s.lastEventAt,
      lastError: s.lastError,
    };
  };
  for (const r of all.all() as Row[]) if (r.revoked_at === null) byHash.set(r.token_hash, recordOf(r));

  const reject = (source: SourceRecord, s: Stats, count: number, message: string): void => {
    s.rejected += count;
    s.lastError = message;
    log.debug('ingest refused', { source: source.name, message });
  };

  const createTx = db.transaction((name: string, platform: string): { row: Row; token: string } => {
    if (liveByName.get(name)) throw new AppError('CONFLICT', `a source named "${name}" exists already`);
    const token = `sri_${randomBytes(32).toString('base64url')}`;
    const row: Row = { id: newId(), name, platform, token_hash: hashToken(token), created_at: clock.now(), revoked_at: null };
    insert.run(row.id, row.name, row.platform, row.token_hash, row.created_at);
    events.appendNow([{ type: 'IngestSourceCreated', subject: `source:${row.id}`, payload: { id: row.id, name, platform, createdAt: row.created_at } }]);
    return { row, token };
  });

  const revokeTx = db.transaction((id: string): Row => {
    const row = byId.get(id) as Row | undefined;
    if (!row) throw new AppError('NOT_FOUND', `ingest source ${id} does not exist`);
    if (row.revoked_at !== null) return row;
    const at = clock.now();
    setRevoked.run(at, id);
    events.appendNow([{ type: 'IngestSourceRevoked', subject: `source:${id}`, payload: { id, revokedAt: at } }]);
    return { ...row, revoked_at: at };
  });

  return {
    create(name, platform) {
      const { row, token } = createTx(name, platform);
      byHash.set(row.token_hash, recordOf(row));
      return { source: view(row), token };
    },
    list: () => (all.all() as Row[]).map(view),
    revoke(id) {
      const row = revokeTx(id);
      byHash.delete(row.token_hash);
      return view(row);
    },
    authenticate: (token) => (token.length > 200 ? null : (byHash.get(hashToken(token)) ?? null)),
    authenticateFor(idOrName, token) {
      const s = token.length > 200 ? undefined : byHash.get(hashToken(token));
      return s && (s.id === idOrName || s.name === idOrName) ? s : null;
    },
    noteUnauthenticated() {
      unauthenticated++;
      if (unauthenticated % 1000 === 1) log.warn('ingest requests with a missing or unknown token', { count: unauthenticated });
    },
    noteRejected(source, message) {
      reject(source, statsOf(source.id), 1, message);
    },
    connectorIdOf,
    accept(source, body) {
      const s = statsOf(source.id);
      if (!running()) return fail(503, 'UNAVAILABLE', 'generic ingest is stopped in Showrunner (start the "ingest" connector)', 0, [], 5);
      let list: unknown[];
      if (Array.isArray(body)) list = body;
      else if (typeof body === 'object' && body !== null && 'events' in body) {
        const inner = body.events;
        if (!Array.isArray(inner)) {
          reject(source, s, 1, 'events must be an array');
          return fail(400, 'BAD_INPUT', 'events must be an array of events');
        }
        list = inner;
      } else if (typeof body === 'object' && body !== null) list = [body];
      else {
        reject(source, s, 1, 'body is not an event');
        return fail(400, 'BAD_INPUT', 'the body must be an event object, an array of events or {"events": [...]}');
      }
      if (list.length === 0) {
        reject(source, s, 1, 'no events');
        return fail(400, 'BAD_INPUT', 'events is empty');
      }
      if (list.length > INGEST_LIMITS.maxEventsPerRequest) {
        reject(source, s, 1, 'too many events');
        return fail(413, 'TOO_LARGE', `at most ${INGEST_LIMITS.maxEventsPerRequest} events per request`);
      }
      const now = clock.now();
      const taken = takeTokens(s.bucket, list.length, now);
      if (!taken.ok) {
        s.rateLimited += list.length;
        s.lastError = 'rate limited';
        const retry = Math.max(1, Math.ceil(taken.retryAfterMs / 1000));
        return fail(429, 'RATE_LIMITED', `more than ${ratePerSec} events/s (burst ${burst}) from this source; retry after ${retry} s`, 0, [], retry);
      }
      const good: RawAudienceEvent[] = [];
      const rejected: RejectedEvent[] = [];
      list.forEach((value, index) => {
        const r = explainEvent(value);
        if ('kind' in r) good.push(r);
        else rejected.push({ index, field: r.field, message: r.message });
      });
      if (good.length > 0 && !pipeline.submit(source.info, good)) {
        s.lastError = 'ingest queue full';
        return fail(503, 'UNAVAILABLE', 'Showrunner is busy storing earlier events; retry shortly (nothing of this request was stored)', 0, rejected, 1);
      }
      s.accepted += good.length;
      if (good.length > 0) s.lastEventAt = now;
      if (rejected.length === 0) return { status: 202, body: { ok: true, accepted: good.length } };
      reject(source, s, rejected.length, rejected[0]?.message ?? 'invalid event');
      const message =
        good.length === 0
          ? `no event was valid; first problem at index ${rejected[0]?.index ?? 0}: ${rejected[0]?.message ?? ''}`
          : `${good.length} event(s) accepted and stored; ${rejected.length} refused (listed by index); resend only those, fixed`;
      return fail(422, 'BAD_INPUT', message, good.length, rejected);
    },
  };
}
