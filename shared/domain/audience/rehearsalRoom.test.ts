import { describe, expect, it } from 'vitest';
import { IngestEvent, type RawAudienceEvent } from '../../contract/audience.js';
import { conversion, createRehearsalRoom, currentRate, stepRoom, type RoomProduct } from './rehearsalRoom.js';

const product: RoomProduct = { id: 'p1', sku: 'LIP-01', name: '丝绒口红', price: { amount: 12_900, currency: 'CNY' } };

function run(seed: number, rate: number, seconds: number, stepMs = 100): RawAudienceEvent[] {
  const room = createRehearsalRoom({ rate, seed, surges: false }, 0);
  const out: RawAudienceEvent[] = [];
  for (let t = stepMs; t <= seconds * 1000; t += stepMs) out.push(...stepRoom(room, t, product));
  return out;
}

describe('rehearsal room', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(run(7, 50, 10)).toEqual(run(7, 50, 10));
    expect(run(7, 50, 10)).not.toEqual(run(8, 50, 10));
  });

  it('produces the configured rate, in time order, and every event is valid ingest input', () => {
    const events = run(1, 200, 20);
    const nonViewer = events.filter((e) => e.kind !== 'viewer_count' && e.kind !== 'order');
    expect(nonViewer.length).toBeGreaterThanOrEqual(200 * 20 - 1);
    expect(nonViewer.length).toBeLessThanOrEqual(200 * 20);
    const times = events.map((e) => e.occurredAt ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const e of events) expect(IngestEvent.safeParse(e).success).toBe(true);
  });

  it('reports viewers once a second as a smooth walk around a baseline', () => {
    const viewers = run(3, 20, 120)
      .filter((e): e is Extract<RawAudienceEvent, { kind: 'viewer_count' }> => e.kind === 'viewer_count')
      .map((e) => e.viewers);
    expect(viewers.length).toBe(121); // at 0 s and every second up to 120 s
    const jumps = viewers.slice(1).map((v, i) => Math.abs(v - (viewers[i] ?? v)));
    expect(Math.max(...jumps)).toBeLessThan(0.2 * Math.max(...viewers));
    expect(new Set(viewers).size).toBeGreaterThan(20);
  });

  it('sells at the product price, converting a few percent of clicks', () => {
    const events = run(5, 500, 60);
    const clicks = events.filter((e) => e.kind === 'product_click').length;
    const orders = events.filter((e): e is Extract<RawAudienceEvent, { kind: 'order' }> => e.kind === 'order');
    expect(orders.length / clicks).toBeGreaterThan(conversion(product.price) * 0.5);
    expect(orders.length / clicks).toBeLessThan(conversion(product.price) * 1.5);
    for (const o of orders) {
      const qty = o.items[0]?.qty ?? 0;
      expect(o.items[0]?.unitPrice).toEqual(product.price);
      expect(o.amount).toEqual({ amount: 12_900 * qty, currency: 'CNY' });
    }
    expect(conversion({ amount: 5_000, currency: 'CNY' })).toBeCloseTo(0.12);
    expect(conversion({ amount: 10_000_000, currency: 'CNY' })).toBe(0.01);
  });

  it('surges several times the base rate, capped at 5,000 events/s, and does not catch up on long gaps', () => {
    const room = createRehearsalRoom({ rate: 2_000, seed: 11, surges: true }, 0);
    room.nextSurgeAt = 1_000;
    stepRoom(room, 1_000, product);
    expect(currentRate(room, 1_000)).toBe(5_000);
    const burst = stepRoom(room, 2_000, product).filter((e) => e.kind !== 'viewer_count' && e.kind !== 'order');
    expect(burst.length).toBe(5_000);
    const quiet = createRehearsalRoom({ rate: 10, seed: 1, surges: false }, 0);
    expect(stepRoom(quiet, 3_600_000, product).filter((e) => e.kind === 'comment').length).toBeLessThan(60);
  });
});
