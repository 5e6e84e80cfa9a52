import { describe, expect, it } from 'vitest';
import { AUDIENCE_EVENT_TYPES, AUDIENCE_KINDS, AudienceEvent, audienceCommands, audienceEvents, IngestEvent } from './audience.js';
import { commands, events } from './index.js';

const money = (amount: number, currency = 'CNY') => ({ amount, currency });

describe('audience contract', () => {
  it('has a past-tense log type for every kind, and every command and event is in the app tables', () => {
    expect(Object.keys(AUDIENCE_EVENT_TYPES).sort()).toEqual([...AUDIENCE_KINDS].sort());
    for (const t of Object.values(AUDIENCE_EVENT_TYPES)) expect(t).toMatch(/^[A-Z][a-zA-Z]+(ed|Sent|Reported|Left)$/);
    for (const name of Object.keys(audienceCommands)) expect(Object.hasOwn(commands, name)).toBe(true);
    for (const name of Object.keys(audienceEvents)) expect(Object.hasOwn(events, name)).toBe(true);
  });

  it('accepts one well-formed ingest event of each kind', () => {
    const samples: unknown[] = [
      { kind: 'comment', userId: 'u1', displayName: 'Amy', text: '上链接' },
      { kind: 'like' },
      { kind: 'gift', gift: { name: 'Rose', count: 1, value: money(100) } },
      { kind: 'follow' },
      { kind: 'share' },
      { kind: 'viewer_count', viewers: 1234 },
      { kind: 'enter', userId: 42 },
      { kind: 'leave' },
      { kind: 'product_click', sku: 'LIP-01' },
      { kind: 'order', orderId: 'o1', items: [{ sku: 'LIP-01', qty: 2, unitPrice: money(12_900) }], amount: money(25_800) },
    ];
    const kinds = samples.map((s) => IngestEvent.parse(s).kind);
    expect(kinds).toEqual([...AUDIENCE_KINDS]);
    expect(IngestEvent.parse({ kind: 'like' })).toEqual({ kind: 'like', count: 1 });
    expect(IngestEvent.parse({ kind: 'enter', userId: 42 })).toEqual({ kind: 'enter', userId: '42' });
  });

  it('reads occurredAt as epoch ms or an ISO date-time with offset', () => {
    expect(IngestEvent.parse({ kind: 'share', occurredAt: 1_763_900_000_000 }).occurredAt).toBe(1_763_900_000_000);
    expect(IngestEvent.parse({ kind: 'share', occurredAt: '2026-11-23T12:00:00+08:00' }).occurredAt).toBe(Date.UTC(2026, 10, 23, 4));
    for (const bad of ['yesterday', 1.5, -1, '2026-11-23T12:00:00']) expect(IngestEvent.safeParse({ kind: 'share', occurredAt: bad }).success).toBe(false);
  });

  it('refuses floats as money, lowercase currencies, mixed currencies and empty orders', () => {
    const order = (o: object) => IngestEvent.safeParse({ kind: 'order', orderId: 'o', items: [{ sku: 'A', qty: 1, unitPrice: money(100) }], amount: money(100), ...o });
    expect(order({}).success).toBe(true);
    expect(order({ amount: money(1.5) }).success).toBe(false);
    expect(order({ amount: money(100, 'cny') }).success).toBe(false);
    expect(order({ amount: money(100, 'USD') }).success).toBe(false);
    expect(order({ items: [] }).success).toBe(false);
    expect(order({ items: [{ sku: 'A', qty: 0, unitPrice: money(100) }] }).success).toBe(false);
  });

  it('names the field that is wrong', () => {
    const r = IngestEvent.safeParse({ kind: 'comment', text: 'x'.repeat(501) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['text']);
    expect(r.error?.issues[0]?.message).toBe('text is longer than 500 characters');
  });

  it('normalised events carry a pseudonym, never a raw id, and default the flags', () => {
    const base = { platform: 'douyin', connectorId: 'ingest:x', displayName: null, occurredAt: 1, receivedAt: 2 };
    expect(AudienceEvent.safeParse({ kind: 'like', ...base, userId: 'raw-id', count: 1 }).success).toBe(false);
    const ok = AudienceEvent.parse({ kind: 'comment', ...base, userId: 'f'.repeat(32), text: 'hi', label: null });
    expect(ok).toMatchObject({ simulated: false, sampled: true });
  });
});
