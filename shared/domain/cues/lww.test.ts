import { describe, expect, it } from 'vitest';
import { clocksOf, concurrentSince, latestHlc, mergeWrite, valuesOf, type FieldWrite, type Registers } from './lww.js';
import { randInt, seededRng, shuffle } from '../random.js';

type F = 'price' | 'stock' | 'coupon';
type R = Registers<F, unknown>;

const w = (hlc: string, set: Partial<Record<F, unknown>>, reset: F[] = []): FieldWrite<F, unknown> => ({ hlc, set, reset });

describe('field-level last writer wins', () => {
  it('keeps both edits when two people change different fields of the same item at once', () => {
    const start: R = {};
    const priceEdit = w('h2:a', { price: 8900 });
    const stockEdit = w('h2:b', { stock: 40 });
    const one = mergeWrite(mergeWrite(start, priceEdit).registers, stockEdit);
    const other = mergeWrite(mergeWrite(start, stockEdit).registers, priceEdit);
    expect(valuesOf(one.registers)).toEqual({ price: 8900, stock: 40 });
    expect(valuesOf(other.registers)).toEqual(valuesOf(one.registers));
  });

  it('never lets a stale write overwrite a newer one, and says so', () => {
    const newer = mergeWrite({}, w('h5', { price: 7900 })).registers;
    const late = mergeWrite(newer, w('h3', { price: 9900, stock: 12 }));
    expect(valuesOf(late.registers)).toEqual({ price: 7900, stock: 12 });
    expect(late.applied).toEqual(['stock']);
    expect(late.stale).toEqual(['price']);
  });

  it('treats a write seen twice as one (idempotent) and resets as writes too', () => {
    const once = mergeWrite({}, w('h1', { coupon: '满199减30' })).registers;
    const twice = mergeWrite(once, w('h1', { coupon: '满199减30' }));
    expect(twice.applied).toEqual([]);
    expect(twice.stale).toEqual([]);
    const reset = mergeWrite(once, w('h2', {}, ['coupon']));
    expect(valuesOf(reset.registers)).toEqual({});
    expect(clocksOf(reset.registers)).toEqual({ coupon: 'h2' });
    // An older write arriving after the reset stays lost.
    expect(valuesOf(mergeWrite(reset.registers, w('h1x', { coupon: 'late' })).registers)).toEqual({});
  });

  it('reports same-field edits made after the editor loaded the item', () => {
    const regs = mergeWrite(mergeWrite({}, w('h1', { price: 1 })).registers, w('h4', { stock: 2 })).registers;
    expect(concurrentSince(regs, ['price', 'stock'], 'h2').map((c) => c.field)).toEqual(['stock']);
    expect(latestHlc(clocksOf(regs))).toBe('h4');
    expect(latestHlc({})).toBe('');
  });

  it('converges whatever order the writes arrive in (seeded property test)', () => {
    const fields: F[] = ['price', 'stock', 'coupon'];
    for (let seed = 1; seed <= 200; seed++) {
      const rand = seededRng(seed);
      const writes: FieldWrite<F, unknown>[] = [];
      for (let i = 0; i < 12; i++) {
        const set: Partial<Record<F, unknown>> = {};
        const reset: F[] = [];
        for (const f of fields) {
          const r = rand();
          if (r < 0.35) set[f] = randInt(rand, 1000);
          else if (r < 0.45) reset.push(f);
        }
        writes.push(w(`h${String(randInt(rand, 50)).padStart(3, '0')}:${i}`, set, reset));
      }
      const apply = (ws: FieldWrite<F, unknown>[]): R => ws.reduce<R>((regs, x) => mergeWrite(regs, x).registers, {});
      const reference = apply(writes);
      for (let k = 0; k < 5; k++) {
        const shuffled = shuffle(writes, rand);
        expect(apply(shuffled)).toEqual(reference);
      }
    }
  });
});
