import { describe, expect, it } from 'vitest';
import { advanceScroll, DEFAULT_SPEED, prompterKey, readSpeed, speedOf, SPEEDS, stepSpeed } from './teleprompter.js';

describe('teleprompter', () => {
  it('steps the speed within its range', () => {
    expect(stepSpeed(0, -1)).toBe(0);
    expect(stepSpeed(0, 1)).toBe(1);
    expect(stepSpeed(SPEEDS.length - 1, 1)).toBe(SPEEDS.length - 1);
    expect(speedOf(99)).toBe(SPEEDS[SPEEDS.length - 1]);
  });

  it('reads a stored speed, else the default', () => {
    expect(readSpeed('5')).toBe(5);
    expect(readSpeed(null)).toBe(DEFAULT_SPEED);
    expect(readSpeed('2.5')).toBe(DEFAULT_SPEED);
    expect(readSpeed('99')).toBe(DEFAULT_SPEED);
  });

  it('scrolls by speed × time, stops at the end, and caps long gaps', () => {
    expect(advanceScroll(0, 30, 100, 1000)).toBeCloseTo(3);
    expect(advanceScroll(999, 30, 100, 1000)).toBe(1000);
    expect(advanceScroll(0, 30, 5000, 1000)).toBeCloseTo(3);
    expect(advanceScroll(10, 30, -5, 1000)).toBe(10);
  });

  it('maps keys, ignoring modifiers and repeated toggles', () => {
    const k = (key: string, over: Partial<{ repeat: boolean; ctrlKey: boolean }> = {}) =>
      prompterKey({ key, altKey: false, ctrlKey: false, metaKey: false, repeat: false, ...over });
    expect(k(' ')).toBe('toggle');
    expect(k(' ', { repeat: true })).toBeNull();
    expect(k('+')).toBe('faster');
    expect(k('ArrowUp', { repeat: true })).toBe('faster');
    expect(k('-')).toBe('slower');
    expect(k('Home')).toBe('top');
    expect(k('ArrowUp', { ctrlKey: true })).toBeNull();
    expect(k('x')).toBeNull();
  });
});
