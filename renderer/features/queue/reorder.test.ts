import { describe, expect, it } from 'vitest';
import { applyPlacement, dropPlacement, keyboardMove, overlayOrder, sortByOrder } from './reorder.js';

const ids = ['a', 'b', 'c', 'd'];

describe('keyboardMove', () => {
  it('moves one place up (before the one above) or down (after the one below)', () => {
    expect(keyboardMove(ids, 'c', -1)).toEqual({ before: 'b' });
    expect(keyboardMove(ids, 'b', 1)).toEqual({ after: 'c' });
  });
  it('stops at the edges and for unknown ids', () => {
    expect(keyboardMove(ids, 'a', -1)).toBeNull();
    expect(keyboardMove(ids, 'd', 1)).toBeNull();
    expect(keyboardMove(ids, 'x', 1)).toBeNull();
  });
});

describe('dropPlacement', () => {
  it('drops before the upper half and after the lower half of the target', () => {
    expect(dropPlacement(ids, 'a', 'c', 'upper')).toEqual({ before: 'c' });
    expect(dropPlacement(ids, 'a', 'c', 'lower')).toEqual({ after: 'c' });
  });
  it('is null when nothing would change', () => {
    expect(dropPlacement(ids, 'a', 'a', 'upper')).toBeNull();
    expect(dropPlacement(ids, 'a', 'b', 'upper')).toBeNull();
    expect(dropPlacement(ids, 'b', 'a', 'lower')).toBeNull();
    expect(dropPlacement(ids, 'x', 'a', 'lower')).toBeNull();
  });
});

describe('applyPlacement', () => {
  it('moves before or after the anchor', () => {
    expect(applyPlacement(ids, 'd', { before: 'a' })).toEqual(['d', 'a', 'b', 'c']);
    expect(applyPlacement(ids, 'a', { after: 'd' })).toEqual(['b', 'c', 'd', 'a']);
    expect(applyPlacement(ids, 'b', { after: 'c' })).toEqual(['a', 'c', 'b', 'd']);
  });
  it('leaves the order alone for unknown ids or a self anchor', () => {
    expect(applyPlacement(ids, 'x', { before: 'a' })).toEqual(ids);
    expect(applyPlacement(ids, 'a', { before: 'x' })).toEqual(ids);
    expect(applyPlacement(ids, 'a', { before: 'a' })).toEqual(ids);
  });
});

describe('overlayOrder', () => {
  it('keeps the local order, drops what the core removed, places what it added after its predecessor', () => {
    expect(overlayOrder(['b', 'a', 'c'], ['a', 'b', 'c'])).toEqual(['b', 'a', 'c']);
    expect(overlayOrder(['b', 'a', 'c'], ['a', 'c'])).toEqual(['a', 'c']);
    expect(overlayOrder(['b', 'a', 'c'], ['a', 'b', 'n', 'c'])).toEqual(['b', 'n', 'a', 'c']);
    expect(overlayOrder(['b', 'a'], ['n', 'a', 'b'])).toEqual(['n', 'b', 'a']);
  });
});

describe('sortByOrder', () => {
  it('sorts by the order, unknown items last', () => {
    const items = [{ id: 'a' }, { id: 'z' }, { id: 'b' }];
    expect(sortByOrder(items, ['b', 'a']).map((x) => x.id)).toEqual(['b', 'a', 'z']);
  });
});
