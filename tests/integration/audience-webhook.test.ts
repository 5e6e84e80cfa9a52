import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestSource } from '../../shared/contract/audience.js';
import { intBetween, pick, seededRng, type Rng } from '../../shared/domain/random.js';
import { openIngestCore, type AudienceHarness } from './support/audienceHarness.js';
import { httpRequest, type Reply } from './support/httpClient.js';

const PATH = '/ingest/v1/events';

/** A valid event of a random kind; `n` makes it recognisable in the log. */
function validEvent(rng: Rng, n: number): Record<string, unknown> {
  const user = { userId: `u${intBetween(rng, 1, 500)}`, displayName: pick(rng, ['小鹿', 'Amy', 'jake_88']) };
  switch (intBetween(rng, 0, 5)) {
    case 0:
      return { kind: 'comment', ...user, text: `${pick(rng, ['上链接', 'how much?', '太贵了', '质量很好'])} #${n}` };
    case 1:
      return { kind: 'like', ...user, count: intBetween(rng, 1, 50), occurredAt: Date.now() };
    case 2:
      return { kind: 'viewer_count', viewers: intBetween(rng, 100, 9_000), occurredAt: new Date().toISOString() };
    case 3:
      return {
        kind: 'order',
        ...user,
        orderId: `o-${n}`,
        items: [{ sku: 'LIP-01', qty: 2, unitPrice: { amount: 12_900, currency: 'CNY' } }],
        amount: { amount: 25_800, currency: 'CNY' },
      };
    case 4:
      return { kind: 'gift', ...user, gift: { name: 'Rose', count: 1, value: { amount: 100, currency: 'CNY' } } };
    default:
      return { kind: 'enter', ...user };
  }
}

function randomJson(rng: Rng, depth = 0): unknown {
  const r = rng();
  if (depth > 3 || r < 0.3) return pick(rng, [null, true, false, 0, -1, 3.14, 1e308, '', 'x', '扣1', '\u0000', '🔥'.repeat(intBetween(rng, 1, 5))]);
  if (r < 0.6) return Array.from({ length: intBetween(rng, 0, 4) }, () => randomJson(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < intBetween(rng, 0, 5); i++) o[pick(rng, ['kind', 'text', 'events', 'count', 'a', '__proto__', 'constructor', 'userId'])] = randomJson(rng, depth + 1);
  return o;
}

type Bad = { readonly why: string; readonly headers?: Record<string, string>; readonly body: string | Buffer; readonly auth?: 'none' | 'wrong' };

/** A malformed request: each is refused as a whole with a 4xx. */
function badRequest(rng: Rng, i: number): Bad {
  const kinds: (() => Bad)[] = [
    () => ({ why: 'random JSON', body: JSON.stringify(randomJson(rng)) }),
    () => ({ why: 'wrong type', body: JSON.stringify({ kind: 'comment', text: intBetween(rng, 0, 9) }) }),
    () => ({ why: 'wrong type', body: JSON.stringify({ kind: 'like', count: 'many' }) }),
    () => ({ why: 'float money', body: JSON.stringify({ kind: 'gift', gift: { name: 'x', count: 1, value: { amount: 1.5, currency: 'CNY' } } }) }),
    () => ({ why: 'bad currency', body: JSON.stringify({ kind: 'order', orderId: 'x', items: [{ sku: 'A', qty: 1, unitPrice: { amount: 1, currency: 'cny' } }], amount: { amount: 1, currency: 'cny' } }) }),
    () => ({ why: 'mixed currencies', body: JSON.stringify({ kind: 'order', orderId: 'x', items: [{ sku: 'A', qty: 1, unitPrice: { amount: 1, currency: 'USD' } }], amount: { amount: 1, currency: 'CNY' } }) }),
    () => ({ why: 'no items', body: JSON.stringify({ kind: 'order', orderId: 'x', items: [], amount: { amount: 1, currency: 'CNY' } }) }),
    () => ({ why: 'unknown kind', body: JSON.stringify({ kind: pick(rng, ['chat', 'COMMENT', '', 'purchase']), text: 'hi' }) }),
    () => ({ why: 'huge string', body: JSON.stringify({ kind: 'comment', text: 'x'.repeat(intBetween(rng, 501, 200_000)) }) }),
    () => ({ why: 'huge name', body: JSON.stringify({ kind: 'follow', displayName: '名'.repeat(65) }) }),
    () => ({ why: 'bad time', body: JSON.stringify({ kind: 'share', occurredAt: pick(rng, ['yesterday', -5, 1.5, '2026-13-45T00:00:00Z']) }) }),
    () => ({ why: 'not JSON', body: pick(rng, ['{"kind": "comment",', 'kind=comment&text=hi', '\u0000\u0001\u0002', '[1,2', 'NaN']) }),
    () => ({ why: 'binary', body: Buffer.from(Array.from({ length: intBetween(rng, 1, 2_000) }, () => intBetween(rng, 0, 255))) }),
    () => ({ why: 'oversize', body: JSON.stringify({ events: [{ kind: 'comment', text: 'y'.repeat(300 * 1024) }] }) }),
    () => ({ why: 'deep nesting', body: '['.repeat(intBetween(rng, 1_000, 200_000)) }),
    () => ({ why: 'events not an array', body: JSON.stringify({ events: { kind: 'like' } }) }),
    () => ({ why: 'empty batch', body: JSON.stringify({ events: [] }) }),
    () => ({ why: 'too many events', body: JSON.stringify({ events: Array.from({ length: 5_001 }, () => 0) }) }),
    () => ({ why: 'bad token', auth: 'wrong', body: JSON.stringify({ kind: 'like' }) }),
    () => ({ why: 'no token', auth: 'none', body: JSON.stringify({ kind: 'like' }) }),
    () => ({ why: 'wrong content type', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ kind: 'like' }) }),
    () => ({ why: 'all bad batch', body: JSON.stringify({ events: [{ kind: 'like', count: -1 }, { text: 'no kind' }, null] }) }),
  ];
  return (kinds[i % kinds.length] ?? kinds[0]!)();
}

describe('generic webhook ingest', () => {
  let h: AudienceHarness;
  let port: number;
  let token: string;
  let source: IngestSource;
  beforeAll(async () => {
    ({ h, port, token, source } = await openIngestCore('douyin relay', 'douyin'));
  });
  afterAll(async () => {
    await h.close();
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}, auth: 'ok' | 'none' | 'wrong' = 'ok'): Promise<Reply> =>
    httpRequest(port, PATH, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(auth === 'ok' ? { Authorization: `Bearer ${token}` } : auth === 'wrong' ? { Authorization: `Bearer sri_${'x'.repeat(43)}` } : {}),
        ...headers,
      },
      body,
    });

  it('stores a single event and a batch, pseudonymised, with the source as connector', async () => {
    const one = await post(JSON.stringify({ kind: 'comment', userId: 'raw-user-1', displayName: 'Amy', text: 'how much is it?' }));
    expect(one.status).toBe(202);
    expect(JSON.parse(one.body)).toEqual({ ok: true, accepted: 1 });
    const batch = await post(JSON.stringify({ events: [{ kind: 'like', count: 3 }, { kind: 'viewer_count', viewers: 4_321 }] }));
    expect(JSON.parse(batch.body)).toEqual({ ok: true, accepted: 2 });
    const stored = h.stored(`ingest:${source.id}`).map((s) => s.event);
    expect(stored.map((e) => e.kind)).toEqual(['comment', 'like', 'viewer_count']);
    expect(stored[0]).toMatchObject({ platform: 'douyin', displayName: 'Amy', simulated: false });
    expect(stored[0]?.userId).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(stored)).not.toContain('raw-user-1');
  });

  it('keeps the good events of a batch and reports the bad ones by index and field', async () => {
    const before = h.stored(`ingest:${source.id}`).length;
    const r = await post(
      JSON.stringify({
        events: [
          { kind: 'comment', text: '上链接' },
          { kind: 'comment', text: 42 },
          { kind: 'like', count: 2 },
          { kind: 'gift', gift: { name: 'Rose', count: 1, value: { amount: 1.5, currency: 'CNY' } } },
          { kind: 'teleport' },
        ],
      }),
    );
    expect(r.status).toBe(422);
    const body = JSON.parse(r.body) as { accepted: number; rejected: { index: number; field: string; message: string }[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((x) => [x.index, x.field])).toEqual([
      [1, 'text'],
      [3, 'gift.value.amount'],
      [4, 'kind'],
    ]);
    expect(h.stored(`ingest:${source.id}`).length).toBe(before + 2);
  });

  it('survives 1,000 random and malformed payloads: every one refused with a 4xx, every valid event between them stored', async () => {
    const rng = seededRng(2026);
    const connector = `ingest:${source.id}`;
    const before = h.stored(connector).length;
    let validSent = 0;
    const statuses = new Map<string, Set<number>>();
    for (let i = 0; i < 1_000; i++) {
      const bad = badRequest(rng, i);
      const reply = await post(bad.body, bad.headers ?? {}, bad.auth ?? 'ok');
      expect(reply.status, `${bad.why} (#${i}) → ${reply.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${bad.why} (#${i})`).toBeLessThan(500);
      const seen = statuses.get(bad.why) ?? new Set();
      seen.add(reply.status);
      statuses.set(bad.why, seen);
      if (i % 2 === 0) {
        const n = intBetween(rng, 1, 5);
        const events = Array.from({ length: n }, (_, k) => validEvent(rng, i * 10 + k));
        const ok = await post(JSON.stringify(n === 1 ? events[0] : { events }));
        expect(ok.status, ok.body).toBe(202);
        validSent += n;
      }
    }
    expect([...(statuses.get('bad token') ?? [])]).toEqual([401]);
    expect([...(statuses.get('oversize') ?? [])]).toEqual([413]);
    expect([...(statuses.get('wrong content type') ?? [])]).toEqual([415]);
    expect([...(statuses.get('not JSON') ?? [])]).toEqual([400]);
    expect(h.stored(connector).length - before).toBe(validSent);
    const health = await httpRequest(port, '/api/v1/health');
    expect(health.status).toBe(200);
    const [mine] = (await h.call<IngestSource[]>('audience.listSources')).filter((s) => s.id === source.id);
    expect(mine?.rejected).toBeGreaterThanOrEqual(800);
  });

  it('rate-limits a source with 429 and Retry-After; what it accepted is all stored', async () => {
    const { source: fast, token: fastToken } = await h.call<{ source: IngestSource; token: string }>('audience.createSource', { name: 'flood' });
    const batch = JSON.stringify({ events: Array.from({ length: 2_500 }, (_, i) => ({ kind: 'like', count: 1, userId: `f${i}` })) });
    let accepted = 0;
    let limited: Reply | null = null;
    for (let i = 0; i < 8 && !limited; i++) {
      const r = await httpRequest(port, PATH, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${fastToken}` }, body: batch });
      if (r.status === 429) limited = r;
      else {
        expect(r.status).toBe(202);
        accepted += (JSON.parse(r.body) as { accepted: number }).accepted;
      }
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(h.stored(`ingest:${fast.id}`).length).toBe(accepted);
  });

  it('answers only POST on the events path, and 503 while ingest is stopped', async () => {
    expect((await httpRequest(port, PATH)).status).toBe(405);
    expect((await httpRequest(port, '/ingest/v2/whatever', { method: 'POST' })).status).toBe(404);
    await h.call('audience.stopConnector', { id: 'ingest' });
    const r = await post(JSON.stringify({ kind: 'like' }));
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBeDefined();
    await h.call('audience.startConnector', { id: 'ingest' });
    expect((await post(JSON.stringify({ kind: 'like' }))).status).toBe(202);
  });

  it('stops answering a revoked token', async () => {
    const { source: gone, token: goneToken } = await h.call<{ source: IngestSource; token: string }>('audience.createSource', { name: 'gone' });
    const send = (): Promise<Reply> =>
      httpRequest(port, PATH, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${goneToken}` }, body: '{"kind":"like"}' });
    expect((await send()).status).toBe(202);
    await h.call('audience.revokeSource', { id: gone.id });
    expect((await send()).status).toBe(401);
    const listed = (await h.call<IngestSource[]>('audience.listSources')).find((s) => s.id === gone.id);
    expect(listed?.revokedAt).not.toBeNull();
    // The token is shown once: it is nowhere in the database.
    const rows = JSON.stringify(h.core.db.prepare('SELECT * FROM ingest_sources').all());
    expect(rows).not.toContain(goneToken);
  });
});
