import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { createLogger, memorySink } from '../logger.js';
import { createRandomPool } from '../randomPool.js';
import { loadMigrations, openDatabase, type Db } from '../store/db.js';
import { createEventLog } from '../store/eventLog.js';
import { createIngestSources, explainEvent, type IngestSources } from './ingestSources.js';
import { createIngestPipeline, type IngestPipeline } from './pipeline.js';
import { createPseudonymiser } from './pseudonym.js';

let now = 1_000_000;
const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };

describe('ingest sources', () => {
  let dir: string;
  let db: Db;
  let pipeline: IngestPipeline;
  let sources: IngestSources;
  let running = true;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-ingest-'));
    db = openDatabase({ file: join(dir, 'a.db'), migrations: loadMigrations(join(import.meta.dirname, '../store/migrations')) });
    const log = createLogger('t', memorySink());
    const events = createEventLog({ db, clock, random: createRandomPool(), nodeId: 'n', log });
    pipeline = createIngestPipeline({
      db,
      events,
      clock,
      log,
      redact: (t) => t,
      classify: () => null,
      pseudonymise: createPseudonymiser(randomBytes(32)),
      isBlocked: () => false,
      onComments: () => undefined,
      capacity: 10,
    });
    let n = 0;
    running = true;
    sources = createIngestSources({ db, events, clock, log, newId: () => `s${++n}`, pipeline, running: () => running, ratePerSec: 100, burst: 20 });
  });
  afterEach(() => {
    pipeline.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the token once and keeps only its hash; names are unique among live sources', () => {
    const { source, token } = sources.create('relay', 'douyin');
    expect(token).toMatch(/^sri_[\w-]{43}$/);
    expect(sources.authenticate(token)?.id).toBe(source.id);
    expect(sources.authenticateFor('relay', token)?.id).toBe(source.id);
    expect(sources.authenticateFor('other', token)).toBeNull();
    expect(sources.authenticate(`${token}x`)).toBeNull();
    expect(JSON.stringify(db.prepare('SELECT * FROM ingest_sources').all())).not.toContain(token);
    expect(() => sources.create('relay', 'douyin')).toThrow('exists already');
    sources.revoke(source.id);
    expect(sources.authenticate(token)).toBeNull();
    expect(sources.create('relay', 'douyin').source.id).not.toBe(source.id);
  });

  it('rate-limits per source with a retry time, and refills', () => {
    const { source } = sources.create('a', 'webhook');
    const rec = { id: source.id, name: 'a', platform: 'webhook', info: { connectorId: `ingest:${source.id}`, platform: 'webhook', simulated: false } };
    const batch = Array.from({ length: 10 }, () => ({ kind: 'like' }));
    expect(sources.accept(rec, batch).status).toBe(202);
    pipeline.drain();
    expect(sources.accept(rec, batch).status).toBe(202);
    pipeline.drain();
    const limited = sources.accept(rec, batch);
    expect(limited).toMatchObject({ status: 429, retryAfterSec: 1 });
    now += 100;
    expect(sources.accept(rec, batch).status).toBe(202);
    expect(sources.list()[0]).toMatchObject({ accepted: 30, rateLimited: 10 });
  });

  it('answers 503 when the queue is full (nothing of the request stored) and when ingest is stopped', () => {
    const { source } = sources.create('b', 'webhook');
    const rec = { id: source.id, name: 'b', platform: 'webhook', info: { connectorId: `ingest:${source.id}`, platform: 'webhook', simulated: false } };
    expect(sources.accept(rec, Array.from({ length: 8 }, () => ({ kind: 'like' }))).status).toBe(202);
    const full = sources.accept(rec, Array.from({ length: 5 }, () => ({ kind: 'like' })));
    expect(full).toMatchObject({ status: 503, retryAfterSec: 1, body: { accepted: 0 } });
    pipeline.drain();
    running = false;
    expect(sources.accept(rec, { kind: 'like' }).status).toBe(503);
  });

  it('explains what is wrong with an event without throwing, whatever it is', () => {
    expect(explainEvent(null)).toEqual({ field: '', message: 'an event must be a JSON object' });
    expect(explainEvent([1])).toEqual({ field: '', message: 'an event must be a JSON object' });
    expect(explainEvent({ kind: 'nope' })).toMatchObject({ field: 'kind' });
    expect(explainEvent({ kind: 'viewer_count' })).toMatchObject({ field: 'viewers' });
    expect(explainEvent({ kind: 'gift', gift: { name: 'x', count: 1, value: { amount: 1, currency: 'XX' } } })).toMatchObject({ field: 'gift.value.currency' });
    const nasty = JSON.parse('{"kind":"comment","text":"hi","__proto__":{"polluted":true}}') as unknown;
    expect(explainEvent(nasty)).toEqual({ kind: 'comment', text: 'hi' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
