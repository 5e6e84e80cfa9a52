import { describe, expect, it } from 'vitest';
import { createMeterStore } from './meterStore.js';

describe('createMeterStore', () => {
  it('keeps the latest levels per input and forgets stale ones', () => {
    const store = createMeterStore(500);
    store.update([{ name: 'Mic', levels: [[0.1, 0.2, 0.2]] }, { name: 'Music', levels: [[0.3, 0.4, 0.4]] }], 1_000);
    store.update([{ name: 'Mic', levels: [[0.5, 0.6, 0.6]] }], 1_200);
    expect(store.read('Mic', 1_300)).toEqual([[0.5, 0.6, 0.6]]);
    expect(store.read('Music', 1_300)).toEqual([[0.3, 0.4, 0.4]]);
    expect(store.read('Music', 1_600)).toEqual([]);
    expect(store.read('Nope', 1_300)).toEqual([]);
    store.clear();
    expect(store.read('Mic', 1_300)).toEqual([]);
  });
});
