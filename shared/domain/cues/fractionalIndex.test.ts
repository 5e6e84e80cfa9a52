import { describe, expect, it } from 'vitest';
import { hlcEncode, hlcTick, hlcZero, type Hlc } from '../hlc.js';
import { compareKeyed, isValidKey, keyBetween, keysBetween, placeAt, type Keyed } from './fractionalIndex.js';
import { newer } from './lww.js';
import { randInt, seededRng, shuffle } from '../random.js';

const sorted = (items: Iterable<Keyed>): Keyed[] => [...items].sort(compareKeyed);

describe('keyBetween', () => {
  it('makes keys strictly between its bounds, open at either end', () => {
    const first = keyBetween(null, null);
    expect(isValidKey(first)).toBe(true);
    const after = keyBetween(first, null);
    const before = keyBetween(null, first);
    expect(before < first && first < after).toBe(true);
    const mid = keyBetween(before, first);
    expect(before < mid && mid < first).toBe(true);
  });

  it('finds room between adjacent digits and below the smallest key', () => {
    expect(keyBetween('1', '2')).toBe('1V');
    expect(keyBetween('1', '1V') > '1').toBe(true);
    const low = keyBetween(null, '01');
    expect(low > '' && low < '01' && isValidKey(low)).toBe(true);
    expect(keyBetween('z', null)).toBe('zV');
    expect(keyBetween('V', null)).toBe('W');
    expect(keyBetween(null, 'V')).toBe('U');
    expect(keyBetween(null, '1')).toBe('0V');
  });

  it('refuses bounds out of order and malformed keys', () => {
    expect(() => keyBetween('b', 'a')).toThrow(/out of order/);
    expect(() => keyBetween('a', 'a')).toThrow(/out of order/);
    expect(() => keyBetween('a0', null)).toThrow(/invalid order key/);
    expect(() => keyBetween('a-b', null)).toThrow(/invalid order key/);
    expect(() => keyBetween('', null)).toThrow(/invalid order key/);
  });

  it('keysBetween spreads n increasing keys', () => {
    const keys = keysBetween('1', '2', 100);
    expect(keys).toHaveLength(100);
    for (let i = 0; i < keys.length; i++) {
      expect(isValidKey(keys[i] ?? '')).toBe(true);
      expect((keys[i] ?? '') > (keys[i - 1] ?? '1')).toBe(true);
    }
    expect(keys.at(-1)! < '2').toBe(true);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
  });
});

describe('random inserts (seeded property test)', () => {
  it('keep the list in order and never collide', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = seededRng(seed);
      const keys: string[] = [];
      for (let n = 0; n < 300; n++) {
        const i = randInt(rand, keys.length + 1);
        const k = keyBetween(keys[i - 1] ?? null, keys[i] ?? null);
        keys.splice(i, 0, k);
      }
      expect(new Set(keys).size).toBe(keys.length);
      for (let i = 1; i < keys.length; i++) expect((keys[i - 1] ?? '') < (keys[i] ?? '')).toBe(true);
      expect(keys.every(isValidKey)).toBe(true);
    }
  });

  it('stay short when appending or prepending again and again', () => {
    let last: string | null = null;
    let first: string | null = null;
    for (let n = 0; n < 1000; n++) last = keyBetween(last, null);
    for (let n = 0; n < 1000; n++) first = keyBetween(null, first);
    expect(last?.length).toBeLessThanOrEqual(40);
    expect(first?.length).toBeLessThanOrEqual(40);
  });
});

describe('placeAt', () => {
  it('places between distinct neighbours without touching others', () => {
    const list = sorted([
      { id: 'a', key: 'V' },
      { id: 'b', key: 'l' },
    ]);
    expect(placeAt(list, 0).rekeys).toEqual([]);
    const mid = placeAt(list, 1);
    expect(mid.key > 'V' && mid.key < 'l').toBe(true);
    expect(placeAt(list, 2).key > 'l').toBe(true);
    expect(() => placeAt(list, 3)).toThrow(RangeError);
  });

  it('splits a run of equal keys (two machines inserted into the same gap)', () => {
    const list = sorted([
      { id: 'p', key: 'G' },
      { id: 'x', key: 'V' },
      { id: 'y', key: 'V' },
      { id: 'z', key: 'V' },
      { id: 'q', key: 'l' },
    ]);
    // Between x and y, which share "V".
    const { key, rekeys } = placeAt(list, 2);
    expect(rekeys.map((r) => r.id)).toEqual(['y', 'z']);
    const after = sorted([
      ...list.filter((i) => !rekeys.some((r) => r.id === i.id)),
      ...rekeys,
      { id: 'new', key },
    ]);
    expect(after.map((i) => i.id)).toEqual(['p', 'x', 'new', 'y', 'z', 'q']);
  });
});

// Two staff members edit the same queue on their own machines; each sees its own edits at once and the other's
// later, in any order. A move is a write of one item's key register, merged last-writer-wins by HLC.
interface Replica {
  readonly node: string;
  hlc: Hlc;
  readonly keys: Map<string, { key: string; hlc: string }>;
  made: number;
}
interface Op {
  readonly id: string;
  readonly key: string;
  readonly hlc: string;
}

// The position register merges like every other field (lww.ts).
const apply = (r: Replica, op: Op): void => {
  if (newer(op.hlc, r.keys.get(op.id)?.hlc)) r.keys.set(op.id, { key: op.key, hlc: op.hlc });
};
const order = (r: Replica): string[] => sorted([...r.keys].map(([id, v]) => ({ id, key: v.key }))).map((i) => i.id);

function localEdit(r: Replica, rand: () => number, now: number): Op[] {
  r.hlc = hlcTick(r.hlc, now);
  const hlc = hlcEncode(r.hlc);
  const view = sorted([...r.keys].map(([id, v]) => ({ id, key: v.key })));
  const insert = view.length < 3 || rand() < 0.4;
  const id = insert ? `${r.node}${++r.made}` : (view[randInt(rand, view.length)]?.id ?? '');
  const rest = view.filter((i) => i.id !== id);
  const { key, rekeys } = placeAt(rest, randInt(rand, rest.length + 1));
  const ops = [{ id, key, hlc }, ...rekeys.map((k) => ({ id: k.id, key: k.key, hlc }))];
  for (const op of ops) apply(r, op);
  return ops;
}

describe('two staff editing the queue concurrently (seeded property test)', () => {
  it('converge to the same order whatever order the edits arrive in', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = seededRng(seed);
      const a: Replica = { node: 'a', hlc: hlcZero('a'), keys: new Map(), made: 0 };
      const b: Replica = { node: 'b', hlc: hlcZero('b'), keys: new Map(), made: 0 };
      let now = 1_000;
      for (let round = 0; round < 8; round++) {
        // Both edit without seeing each other (a network partition, or just the same 50 ms).
        const fromA: Op[] = [];
        const fromB: Op[] = [];
        for (let k = randInt(rand, 5); k >= 0; k--) fromA.push(...localEdit(a, rand, (now += randInt(rand, 3))));
        for (let k = randInt(rand, 5); k >= 0; k--) fromB.push(...localEdit(b, rand, (now += randInt(rand, 3))));
        // Delivery: shuffled, some twice (a retry after a lost acknowledgement).
        for (const op of shuffle([...fromB, ...fromB.filter(() => rand() < 0.2)], rand)) apply(a, op);
        for (const op of shuffle([...fromA, ...fromA.filter(() => rand() < 0.2)], rand)) apply(b, op);
        expect(order(a), `seed ${seed} round ${round}`).toEqual(order(b));
      }
      expect(a.keys.size).toBe(a.made + b.made);
    }
  });

  it('break ties by item id when both insert into the same gap', () => {
    const base = [
      { id: 'p', key: 'G' },
      { id: 'q', key: 'l' },
    ];
    const fromA = { id: 'item-a', key: placeAt(base, 1).key };
    const fromB = { id: 'item-b', key: placeAt(base, 1).key };
    expect(fromA.key).toBe(fromB.key);
    const onA = sorted([...base, fromA, fromB]).map((i) => i.id);
    const onB = sorted([...base, fromB, fromA]).map((i) => i.id);
    expect(onA).toEqual(['p', 'item-a', 'item-b', 'q']);
    expect(onB).toEqual(onA);
  });
});
