/**
 * Fractional index keys: an item's place in an ordered list is a string key, and a new place between two items
 * is a key between theirs — no other item is renumbered, so concurrent moves touch one item each.
 *
 * A key is a base-62 fraction in (0, 1): the digits after the point, "0-9A-Za-z" (ASCII order = digit order, so
 * plain string comparison — JavaScript `<`, SQLite's BINARY collation — is numeric order). A key never ends in
 * "0" (the smallest digit), so between any two different keys there is always another.
 *
 * Two machines inserting into the same gap at the same time may produce the same key; lists therefore sort by
 * (key, id), which every machine computes alike. `placeAt` splits such ties when someone inserts between them.
 */

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const KEY = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}

function digit(c: string | undefined): number {
  if (c === undefined) return 0;
  const d = DIGITS.indexOf(c);
  if (d < 0) throw new RangeError(`not a base-62 digit: ${c}`);
  return d;
}

/** Midpoint of two digit strings a < b ('' = 0, null = 1). */
function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Skip the common prefix (a shorter a reads as padded with "0").
    let n = 0;
    while (n < b.length && (a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a[0]);
  const db = b === null ? BASE : digit(b[0]);
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)] ?? '';
  // Adjacent first digits: b's first digit alone is between when b goes on; else descend into a.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[da] ?? '') + midpoint(a.slice(1), null);
}

/** After `a`, one step up: appending again and again grows keys by one digit per 31 appends, not per 5. */
function stepUp(a: string): string {
  const d = digit(a[0]);
  if (d < BASE - 1) return DIGITS[d + 1] ?? '';
  return (DIGITS[d] ?? '') + (a.length > 1 ? stepUp(a.slice(1)) : midpoint('', null));
}

/** Before `b`, one step down (the mirror of stepUp; a key never ends in "0"). */
function stepDown(b: string): string {
  const d = digit(b[0]);
  if (d >= 2) return DIGITS[d - 1] ?? '';
  if (d === 1) return b.length > 1 ? '1' : `0${midpoint('', null)}`;
  return `0${stepDown(b.slice(1))}`;
}

/** A key strictly between `a` and `b` (null: open end). Throws when a ≥ b or a key is malformed. */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null && !isValidKey(a)) throw new RangeError(`invalid order key: "${a}"`);
  if (b !== null && !isValidKey(b)) throw new RangeError(`invalid order key: "${b}"`);
  if (a !== null && b !== null && a >= b) throw new RangeError(`order keys out of order: "${a}" ≥ "${b}"`);
  if (a !== null && b === null) return stepUp(a);
  if (a === null && b !== null) return stepDown(b);
  return midpoint(a ?? '', b);
}

/** `n` increasing keys between `a` and `b`, spread evenly so that they stay short. */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [keyBetween(a, b)];
  const mid = Math.floor(n / 2);
  const midKey = keyBetween(a, b);
  return [...keysBetween(a, midKey, mid), midKey, ...keysBetween(midKey, b, n - mid - 1)];
}

export interface Keyed {
  readonly id: string;
  readonly key: string;
}

/** List order: by key, ties by id (code-unit order, as SQLite's BINARY collation). */
export function compareKeyed(x: Keyed, y: Keyed): number {
  if (x.key !== y.key) return x.key < y.key ? -1 : 1;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  return 0;
}

export interface Placement {
  /** The key of the placed item. */
  readonly key: string;
  /** Items that must move too: only when neighbours share a key (concurrent inserts on two machines). */
  readonly rekeys: readonly Keyed[];
}

/**
 * The key for an item placed at `index` of `sorted` (a list in compareKeyed order that does not contain the
 * item): 0 = first, sorted.length = last. When the neighbours share a key, the items after the gap that share it
 * get new keys up to the next distinct key, so the new item can sit between.
 */
export function placeAt(sorted: readonly Keyed[], index: number): Placement {
  if (!Number.isInteger(index) || index < 0 || index > sorted.length) throw new RangeError(`index ${index} out of range`);
  const prev = sorted[index - 1]?.key ?? null;
  const next = sorted[index]?.key ?? null;
  if (prev === null || next === null || prev < next) return { key: keyBetween(prev, next), rekeys: [] };
  // prev === next: re-key the run of equal keys from `index` on.
  let end = index;
  while (end < sorted.length && sorted[end]?.key === prev) end++;
  const upper = sorted[end]?.key ?? null;
  const fresh = keysBetween(prev, upper, end - index + 1);
  const rekeys = sorted.slice(index, end).map((it, i) => ({ id: it.id, key: fresh[i + 1] ?? '' }));
  return { key: fresh[0] ?? '', rekeys };
}
