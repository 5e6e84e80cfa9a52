import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../electron/core/audience/pipeline.js';
import type { AudienceStats, CommentView, RawAudienceEvent } from '../../shared/contract/audience.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';
import { waitUntil } from './support/waitFor.js';

const SOURCE: SourceInfo = { connectorId: 'ingest:test', platform: 'douyin', simulated: false };

function burst(n: number, ordersEvery: number): RawAudienceEvent[] {
  return Array.from({ length: n }, (_, i): RawAudienceEvent => {
    if (i % ordersEvery === 0) {
      return {
        kind: 'order',
        userId: `buyer${i}`,
        orderId: `order-${i}`,
        items: [{ sku: 'LIP-01', qty: 1 + (i % 3), unitPrice: { amount: 12_900, currency: 'CNY' } }],
        amount: { amount: 12_900 * (1 + (i % 3)), currency: 'CNY' },
      };
    }
    if (i % 10 === 1) return { kind: 'like', userId: `u${i % 700}`, count: 5 };
    return { kind: 'comment', userId: `u${i % 700}`, displayName: `观众${i % 700}`, text: i % 4 === 0 ? '上链接 扣1' : i % 4 === 1 ? 'how much is shipping?' : i % 4 === 2 ? '太贵了' : `好看 ${i}` };
  });
}

describe('ingest pipeline', () => {
  let h: AudienceHarness;
  beforeEach(() => {
    h = openAudienceCore();
  });
  afterEach(async () => {
    await h.close();
  });

  it('absorbs a burst of 5,000 events in one second: every order and every event stored, comments sampled for display only', async () => {
    const events = burst(5_000, 10);
    const mark = h.pushed.length;
    const started = Date.now();
    for (let i = 0; i < 50; i++) {
      expect(h.core.audience.pipeline.submit(SOURCE, events.slice(i * 100, i * 100 + 100))).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
    }
    // Fifty 20 ms steps: about a second (a loaded machine stretches the timers, not the amount).
    expect(Date.now() - started).toBeLessThan(5_000);
    await waitUntil(() => h.core.audience.pipeline.counters().queued === 0, { timeoutMs: 10_000, what: 'the queue to drain' });
    const stored = h.stored('ingest:test').map((s) => s.event);
    expect(stored.length).toBe(5_000);
    const orders = stored.flatMap((e) => (e.kind === 'order' ? [e.orderId] : []));
    expect(orders.length).toBe(500);
    expect(new Set(orders).size).toBe(500);
    expect(orders).toEqual(events.flatMap((e) => (e.kind === 'order' ? [e.orderId] : [])));
    const comments = stored.filter((e) => e.kind === 'comment').length;
    expect((h.core.db.prepare("SELECT count(*) AS n FROM event_log WHERE type = 'CommentReceived' AND payload ->> '$.connectorId' = 'ingest:test'").get() as { n: number }).n).toBe(comments);
    // The chat panel reads them all from the log.
    const listed = await h.call<{ comments: unknown[] }>('audience.comments', { filter: 'all', limit: 500, includeBlocked: true });
    expect(listed.comments.length).toBe(Math.min(500, comments));

    await new Promise((r) => setTimeout(r, 250));
    const pushes = h.pushed.slice(mark).flatMap((e) => (e.name === 'audience.comments' ? [e.payload] : []));
    const shown = pushes.reduce((n, p) => n + p.comments.length, 0);
    const sampledOut = pushes.reduce((n, p) => n + p.sampledOut, 0);
    // Stored: all; shown live: at most 200/s (plus the first second's burst allowance); the rest counted.
    expect(shown + sampledOut).toBe(comments);
    expect(shown).toBeLessThanOrEqual(200 + 200 * Math.ceil((Date.now() - started) / 1000));
    expect(sampledOut).toBeGreaterThan(0);
    // Batched: at most ten pushes a second, never one per comment.
    expect(pushes.length).toBeLessThanOrEqual(10 * Math.ceil((Date.now() - started) / 1000) + 1);
    const stats = await h.call<AudienceStats>('audience.stats');
    expect(stats.totals.orders).toBe(500);
    expect(stats.pipeline).toMatchObject({ queued: 0, stored: 5_000, refused: 0 });
    expect(stats.totals.gmv).toEqual([{ currency: 'CNY', amount: events.reduce((s, e) => s + (e.kind === 'order' ? e.amount.amount : 0), 0) }]);
  });

  it('pushes live stats once a second, never more often', async () => {
    const mark = h.pushed.length;
    const times: number[] = [];
    const off = h.core.subscribe((e) => {
      if (e.name === 'audience.stats') times.push(Date.now());
    });
    await waitUntil(() => times.length >= 3, { timeoutMs: 10_000, what: 'three stats pushes' });
    off();
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(950);
    expect(h.pushed.slice(mark).filter((e) => e.name === 'audience.stats').length).toBeGreaterThanOrEqual(3);
  });

  it('redacts personal data before anything is stored; raw user ids never reach the disk', async () => {
    const phone = '13812345678';
    const email = 'amy.buyer@example.com';
    h.core.audience.pipeline.submit(SOURCE, [
      { kind: 'comment', userId: 'douyin-uid-99887766', displayName: 'Amy', text: `还没发货，打我电话${phone}` },
      { kind: 'comment', userId: 'douyin-uid-99887766', displayName: email, text: `mail me at ${email} please` },
    ]);
    const page = await h.call<{ comments: CommentView[] }>('audience.comments', {});
    expect(page.comments.map((c) => c.text)).toEqual(['mail me at [email] please', '还没发货，打我电话[phone]']);
    expect(page.comments[0]?.displayName).toBe('[email]');
    h.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = join(h.dataDir, 'showrunner.db');
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]).toString('latin1');
    for (const secret of [phone, email, 'douyin-uid-99887766']) expect(bytes.includes(secret), secret).toBe(false);
    const logged = h.stored('ingest:test').map((s) => JSON.stringify(s.event)).join('\n');
    expect(logged).not.toContain(phone);
    expect(logged).toContain('[phone]');
  });

  it('refuses (never drops) what does not fit in the queue', async () => {
    const p = h.core.audience.pipeline;
    const room = p.room();
    expect(p.submit(SOURCE, Array.from({ length: room + 1 }, (): RawAudienceEvent => ({ kind: 'like', count: 1 })))).toBe(false);
    expect(p.counters().refused).toBe(room + 1);
    expect(p.counters().queued).toBe(0);
    expect(p.submit(SOURCE, [{ kind: 'like', count: 1 }])).toBe(true);
    await waitUntil(() => p.counters().stored === 1, { timeoutMs: 5_000, what: 'one like stored' });
  });
});
