import { describe, expect, it } from 'vitest';
import { isAtBottom, virtualWindow } from './virtualWindow.js';

describe('virtualWindow', () => {
  it('renders only the rows in view plus the overscan', () => {
    const w = virtualWindow({ count: 100_000, rowHeight: 50, scrollTop: 5_000, viewportHeight: 500, overscan: 2 });
    expect(w).toEqual({ start: 98, end: 113, offsetTop: 4_900, totalHeight: 5_000_000 });
  });

  it('starts at zero at the top and stops at the last row at the bottom', () => {
    expect(virtualWindow({ count: 10, rowHeight: 20, scrollTop: 0, viewportHeight: 100, overscan: 3 })).toMatchObject({ start: 0, end: 9 });
    const bottom = virtualWindow({ count: 1000, rowHeight: 20, scrollTop: 1e9, viewportHeight: 100, overscan: 3 });
    expect(bottom.end).toBe(1000);
    expect(bottom.end - bottom.start).toBeLessThan(15);
  });

  it('handles an empty list and a list shorter than the viewport', () => {
    expect(virtualWindow({ count: 0, rowHeight: 20, scrollTop: 40, viewportHeight: 100 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
    expect(virtualWindow({ count: 3, rowHeight: 20, scrollTop: 40, viewportHeight: 100 })).toMatchObject({ start: 0, end: 3 });
  });

  it('tells when the list is scrolled to the bottom', () => {
    expect(isAtBottom(900, 100, 1000, 10)).toBe(true);
    expect(isAtBottom(895, 100, 1000, 10)).toBe(true);
    expect(isAtBottom(500, 100, 1000, 10)).toBe(false);
  });
});
