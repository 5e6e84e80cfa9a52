import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ringBuffer.js';

const item = (id: string, v = 0): { id: string; v: number } => ({ id, v });

describe('RingBuffer', () => {
  it('keeps the newest items up to its capacity, oldest first', () => {
    const b = new RingBuffer<{ id: string; v: number }>(3);
    expect(b.push([item('a'), item('b')])).toBe(2);
    expect(b.size).toBe(2);
    b.push([item('c'), item('d'), item('e')]);
    expect(b.size).toBe(3);
    expect([0, 1, 2].map((i) => b.at(i)?.id)).toEqual(['c', 'd', 'e']);
    expect(b.at(3)).toBeUndefined();
    expect(b.at(-1)).toBeUndefined();
    expect(b.has('a')).toBe(false);
    expect(b.has('e')).toBe(true);
  });

  it('replaces by id instead of duplicating', () => {
    const b = new RingBuffer<{ id: string; v: number }>(4);
    b.push([item('a'), item('b')]);
    expect(b.push([item('a', 7)])).toBe(0);
    expect(b.size).toBe(2);
    expect(b.at(0)?.v).toBe(7);
    expect(b.replace(item('zz', 1))).toBe(false);
  });

  it('wraps around many times and still finds items by id', () => {
    const b = new RingBuffer<{ id: string; v: number }>(100);
    for (let i = 0; i < 1000; i++) b.push([item(`m${i}`, i)]);
    expect(b.size).toBe(100);
    expect(b.at(0)?.v).toBe(900);
    expect(b.at(99)?.v).toBe(999);
    expect(b.replace(item('m950', -1))).toBe(true);
    expect(b.at(50)?.v).toBe(-1);
    expect(b.tail(2).map((x) => x.v)).toEqual([998, 999]);
    b.clear();
    expect(b.size).toBe(0);
    expect(b.has('m999')).toBe(false);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
