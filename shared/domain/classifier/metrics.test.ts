import { describe, expect, it } from 'vitest';
import { classFigures } from './metrics.js';

describe('classFigures', () => {
  it('computes accuracy and macro-F1 over the classes present', () => {
    // gold: 0 0 1 1 2 2; pred: 0 1 1 1 2 0
    const r = classFigures([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], 3);
    expect(r.accuracy).toBeCloseTo(4 / 6, 4);
    // F1: class 0 = 2·(1/2·1/2)/(1) = 0.5; class 1 = 2·(2/3·1)/(5/3) = 0.8; class 2 = 2·(1·1/2)/(3/2) = 2/3
    expect(r.macroF1).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 4);
    expect(r.n).toBe(6);
  });

  it('ignores a class absent from the gold labels', () => {
    expect(classFigures([0, 0, 2], [0, 0, 2], 3)).toEqual({ n: 3, accuracy: 1, macroF1: 1 });
  });
});
