import { describe, expect, it } from 'vitest';
import { eventRates } from './rates.js';

describe('eventRates', () => {
  it('has no rate on the first reading, then events per second', () => {
    const first = eventRates(new Map(), [{ id: 'rehearsal', events: 100 }], 1_000);
    expect(first.rates.size).toBe(0);
    const second = eventRates(first.readings, [{ id: 'rehearsal', events: 600 }], 2_000);
    expect(second.rates.get('rehearsal')).toBe(500);
    const soon = eventRates(second.readings, [{ id: 'rehearsal', events: 650 }], 2_050);
    expect(soon.rates.get('rehearsal')).toBe(500);
  });

  it('keeps the older base for a reading that comes too soon, and drops a counter that went back', () => {
    const base = eventRates(new Map(), [{ id: 'a', events: 10 }], 0).readings;
    const soon = eventRates(base, [{ id: 'a', events: 11 }], 100);
    expect(soon.rates.size).toBe(0);
    expect(soon.readings.get('a')).toEqual({ events: 10, at: 0, rate: null });
    const reset = eventRates(base, [{ id: 'a', events: 2 }], 1_000);
    expect(reset.rates.size).toBe(0);
  });
});
