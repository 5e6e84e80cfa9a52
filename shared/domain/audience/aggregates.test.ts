import { describe, expect, it } from 'vitest';
import type { AudienceEvent } from '../../contract/audience.js';
import { createAggregates, recordAudienceEvent, snapshotAggregates } from './aggregates.js';

const common = { platform: 'rehearsal', connectorId: 'rehearsal', userId: null, displayName: null, occurredAt: 0, receivedAt: 0, simulated: true };

function comment(sentiment: 'positive' | 'neutral' | 'negative', intents: ('purchase' | 'question' | 'complaint')[] = []): AudienceEvent {
  return { kind: 'comment', ...common, text: 'x', label: { sentiment, intents, confidence: 0.9 }, sampled: true };
}

describe('audience aggregates', () => {
  it('counts comments, sentiment and intents over the window and derives the index and purchase rate', () => {
    const a = createAggregates(60_000, 1_000);
    recordAudienceEvent(a, comment('positive', ['purchase']), 1_000);
    recordAudienceEvent(a, comment('positive'), 2_000);
    recordAudienceEvent(a, comment('negative', ['complaint']), 3_000);
    recordAudienceEvent(a, comment('neutral', ['purchase', 'question']), 4_000);
    recordAudienceEvent(a, { kind: 'comment', ...common, text: 'unscored', label: null, sampled: false }, 4_500);
    const s = snapshotAggregates(a, 5_000);
    expect(s.window.comments).toBe(5);
    expect(s.window.sentiment).toEqual({ positive: 2, neutral: 1, negative: 1 });
    expect(s.window.intents).toEqual({ purchase: 2, price_objection: 0, question: 1, complaint: 1, praise: 0 });
    expect(s.window.sentimentIndex).toBeCloseTo(0.25);
    expect(s.window.purchaseIntentRate).toBeCloseTo(0.5);
    // 5 comments over the 4 s seen so far → 75 per minute.
    expect(s.window.commentsPerMin).toBe(75);
  });

  it('forgets what slid out of the window but keeps totals', () => {
    const a = createAggregates(10_000, 1_000);
    recordAudienceEvent(a, comment('positive'), 0);
    recordAudienceEvent(a, { kind: 'like', ...common, count: 30 }, 500);
    recordAudienceEvent(a, comment('negative'), 9_500);
    const late = snapshotAggregates(a, 10_200);
    expect(late.window.comments).toBe(1);
    expect(late.window.likes).toBe(0);
    expect(late.window.sentimentIndex).toBe(-1);
    expect(late.totals).toMatchObject({ events: 3, comments: 2, likes: 30 });
    // A slot reused for a newer second starts from zero.
    recordAudienceEvent(a, comment('neutral'), 20_100);
    expect(snapshotAggregates(a, 20_100).window.comments).toBe(1);
  });

  it('reports nothing scored as null rates, not zero', () => {
    const s = snapshotAggregates(createAggregates(), 1_000);
    expect(s.window.sentimentIndex).toBeNull();
    expect(s.window.purchaseIntentRate).toBeNull();
    expect(s.viewers).toBeNull();
  });

  it('tracks viewers, peak, orders, units and GMV per currency in integer minor units', () => {
    const a = createAggregates();
    recordAudienceEvent(a, { kind: 'viewer_count', ...common, viewers: 1200 }, 0);
    recordAudienceEvent(a, { kind: 'viewer_count', ...common, viewers: 900 }, 1_000);
    const order = (amount: number, currency: string, qty: number): AudienceEvent => ({
      kind: 'order',
      ...common,
      orderId: `o${amount}`,
      productId: null,
      items: [{ sku: 'A', qty, unitPrice: { amount: amount / qty, currency } }],
      amount: { amount, currency },
    });
    recordAudienceEvent(a, order(12_900, 'CNY', 1), 1_000);
    recordAudienceEvent(a, order(25_800, 'CNY', 2), 2_000);
    recordAudienceEvent(a, order(1_999, 'USD', 1), 2_000);
    recordAudienceEvent(a, { kind: 'gift', ...common, gift: { name: 'Rose', count: 3, value: { amount: 30, currency: 'CNY' } } }, 2_000);
    const s = snapshotAggregates(a, 3_000);
    expect(s.viewers).toBe(900);
    expect(s.peakViewers).toBe(1200);
    expect(s.window.orders).toBe(3);
    expect(s.window.units).toBe(4);
    expect(s.window.gifts).toBe(3);
    expect(s.totals.gmv).toEqual([
      { amount: 38_700, currency: 'CNY' },
      { amount: 1_999, currency: 'USD' },
    ]);
  });
});
