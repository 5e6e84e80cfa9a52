import { describe, expect, it } from 'vitest';
import { parseJsonWithPositions, positionAt } from './jsonPositions.js';

describe('JSON with positions', () => {
  it('parses like JSON.parse and locates values', () => {
    const text = '{\n  "a": [1, {"b": "x\\n\\u00e9"}],\n  "c": null\n}';
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.positionOf(['a', 1, 'b'])).toEqual({ line: 2, column: 18 });
    expect(r.positionOf(['c'])).toEqual({ line: 3, column: 8 });
    // A path that does not exist: its nearest ancestor.
    expect(r.positionOf(['a', 1, 'missing'])).toEqual({ line: 2, column: 12 });
  });

  it.each([
    ['{"a": 1,}', 1, 9, /trailing comma/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}"/],
    ["{'a': 1}", 1, 2, /property name in double quotes/],
    ['[1, 2', 1, 6, /expected "," or "]"/],
    ['{"a": "x\ny"}', 1, 9, /cannot span lines/],
    ['{"a": 1} x', 1, 10, /after the end/],
    ['{"a": 1, "a": 2}', 1, 10, /duplicate property "a"/],
    ['{"a": tru}', 1, 7, /expected a value/],
    ['{"a": "x', 1, 7, /not closed/],
  ])('reports %j at line %i column %i', (text, line, column, message) => {
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.pos).toEqual({ line, column });
    expect(r.message).toMatch(message);
  });

  it('skips a byte-order mark and refuses absurd nesting', () => {
    expect(parseJsonWithPositions('\uFEFF{"a": 1}')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(parseJsonWithPositions('['.repeat(100) + ']'.repeat(100))).toMatchObject({ ok: false });
  });

  it('does not let "__proto__" change the prototype', () => {
    const r = parseJsonWithPositions('{"__proto__": {"polluted": true}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(Object.keys(r.value as object)).toEqual(['__proto__']);
  });

  it('positionAt counts lines from 1', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
