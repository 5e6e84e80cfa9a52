import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceStats, ConnectorStatus, RawAudienceEvent } from '../../shared/contract/audience.js';
import { AUDIENCE_KINDS } from '../../shared/contract/audience.js';
import { INTENTS } from '../../shared/domain/classifier/model.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';
import { waitUntil } from './support/waitFor.js';

const CJK = /[\u4e00-\u9fff]/;

describe('rehearsal room', () => {
  let h: AudienceHarness;
  beforeAll(async () => {
    h = openAudienceCore();
    await h.call('catalog.create', { sku: 'LIP-01', name: '丝绒口红 Velvet lipstick', price: { amount: 12_900, currency: 'CNY' } });
    await h.call('audience.configureRehearsal', { rate: 2_000, seed: 7, surges: false });
    const status = await h.call<ConnectorStatus>('audience.startConnector', { id: 'rehearsal' });
    expect(status).toMatchObject({ id: 'rehearsal', state: 'running', simulated: true });
    await waitUntil(() => h.core.audience.pipeline.counters().stored >= 8_000, { timeoutMs: 30_000, what: '8,000 rehearsal events stored' });
    await h.call('audience.stopConnector', { id: 'rehearsal' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('produces every kind of audience event, all labelled simulated', () => {
    const stored = h.stored('rehearsal');
    const kinds = new Set(stored.map((s) => s.event.kind));
    expect([...kinds].sort()).toEqual([...AUDIENCE_KINDS].sort());
    expect(stored.every((s) => s.event.simulated)).toBe(true);
    expect(stored.every((s) => s.event.platform === 'rehearsal')).toBe(true);
  });

  it('says "simulated" in its status, its stats and every stored comment', async () => {
    const [status] = (await h.call<ConnectorStatus[]>('audience.listConnectors')).filter((c) => c.id === 'rehearsal');
    expect(status?.simulated).toBe(true);
    expect(status?.label).toMatch(/simulated/i);
    expect(status?.events).toBeGreaterThanOrEqual(8_000);
    const page = await h.call<{ comments: { simulated: boolean }[] }>('audience.comments', { limit: 500 });
    expect(page.comments.length).toBe(500);
    expect(page.comments.every((c) => c.simulated)).toBe(true);
    const statsPushes = h.pushed.filter((e): e is { name: 'audience.stats'; payload: AudienceStats } => e.name === 'audience.stats');
    expect(statsPushes.some((e) => e.payload.simulated)).toBe(true);
  });

  it('says things of every intent, in Chinese and in English, as the classifier reads them', () => {
    const comments = h.stored('rehearsal').flatMap((s) => (s.event.kind === 'comment' ? [s.event] : []));
    for (const lang of ['zh', 'en'] as const) {
      const mine = comments.filter((c) => CJK.test(c.text) === (lang === 'zh'));
      expect(mine.length).toBeGreaterThan(100);
      for (const intent of INTENTS) {
        expect(mine.some((c) => c.label?.intents.includes(intent)), `${lang} ${intent}`).toBe(true);
      }
      for (const sentiment of ['positive', 'negative', 'neutral'] as const) {
        expect(mine.some((c) => c.label?.sentiment === sentiment), `${lang} ${sentiment}`).toBe(true);
      }
    }
  });

  it('sells the catalog product at its price and moves the viewer count smoothly', () => {
    const events = h.stored('rehearsal').map((s) => s.event);
    const orders = events.flatMap((e) => (e.kind === 'order' ? [e] : []));
    const clicks = events.filter((e) => e.kind === 'product_click').length;
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.length / clicks).toBeLessThan(0.25);
    for (const o of orders) {
      expect(o.items[0]?.sku).toBe('LIP-01');
      expect(o.amount.amount).toBe(12_900 * (o.items[0]?.qty ?? 0));
    }
    const viewers = events.flatMap((e) => (e.kind === 'viewer_count' ? [e.viewers] : []));
    expect(viewers.length).toBeGreaterThan(2);
    expect(new Set(viewers).size).toBeGreaterThan(1);
  });

  it('talks about the product being presented once the show presents one', async () => {
    h.core.events.appendNow([
      { type: 'SegmentStarted', payload: { segmentId: 's1' } },
      { type: 'ProductPresented', payload: { productId: 'p-show', sku: 'SHOW-42', name: 'Silk scarf 真丝围巾', price: { amount: 39_900, currency: 'CNY' }, promoPrice: null } },
    ]);
    const from = h.stored('rehearsal').length;
    await h.call('audience.startConnector', { id: 'rehearsal' });
    await waitUntil(() => h.stored('rehearsal').slice(from).filter((s) => s.event.kind === 'product_click').length >= 60, { timeoutMs: 20_000, what: 'clicks' });
    await h.call('audience.stopConnector', { id: 'rehearsal' });
    // The product is looked up at most once a second: after the first second every click is on the scarf.
    const clicks = h.stored('rehearsal').slice(from).flatMap((s) => (s.event.kind === 'product_click' ? [s.event] : []));
    expect(clicks.at(-1)).toMatchObject({ sku: 'SHOW-42', productId: 'p-show' });
    expect(clicks.filter((c) => c.sku === 'SHOW-42').length).toBeGreaterThan(clicks.length / 2);
  });

  it('is reproducible: the same seed and steps give the same room', async () => {
    const { createRehearsalRoom, stepRoom } = await import('../../shared/domain/audience/rehearsalRoom.js');
    const product = { id: null, sku: 'X', name: 'x', price: { amount: 100, currency: 'CNY' } };
    const play = (): RawAudienceEvent[] => {
      const room = createRehearsalRoom({ rate: 300, seed: 99, surges: true }, 0);
      return [100, 250, 600, 1_000, 3_000].flatMap((t) => stepRoom(room, t, product));
    };
    expect(play()).toEqual(play());
  });
});
