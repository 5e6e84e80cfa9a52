import { describe, expect, it } from 'vitest';
import { hlcDecode, hlcEncode, hlcReceive, hlcTick, hlcZero, MAX_DRIFT_MS, type Hlc } from './hlc.js';
import { seededRng } from './random.js';

/** Clock order: wall, then counter, then node. */
function compare(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node === b.node ? 0 : a.node < b.node ? -1 : 1;
}

const T = 1_700_000_000_000;
const MAX_COUNTER = 0xffff;

describe('hlcTick', () => {
  it('starts from zero', () => {
    expect(hlcZero('n1')).toEqual({ wall: 0, counter: 0, node: 'n1' });
  });

  it('follows the wall clock when it moves forward', () => {
    expect(hlcTick({ wall: T, counter: 7, node: 'a' }, T + 1)).toEqual({ wall: T + 1, counter: 0, node: 'a' });
  });

  it('bumps the counter when the wall clock stands still or goes backwards', () => {
    expect(hlcTick({ wall: T, counter: 7, node: 'a' }, T)).toEqual({ wall: T, counter: 8, node: 'a' });
    expect(hlcTick({ wall: T, counter: 7, node: 'a' }, T - 5000)).toEqual({ wall: T, counter: 8, node: 'a' });
  });

  it('moves the wall on by 1 ms when the counter would overflow', () => {
    expect(hlcTick({ wall: T, counter: MAX_COUNTER - 1, node: 'a' }, T)).toEqual({ wall: T, counter: MAX_COUNTER, node: 'a' });
    expect(hlcTick({ wall: T, counter: MAX_COUNTER, node: 'a' }, T)).toEqual({ wall: T + 1, counter: 0, node: 'a' });
    expect(hlcTick({ wall: T, counter: MAX_COUNTER, node: 'a' }, T - 10)).toEqual({ wall: T + 1, counter: 0, node: 'a' });
  });

  it('is strictly monotonic under a clock that jumps around (seeded property)', () => {
    const rand = seededRng(0xc0ffee);
    let h = hlcZero('node-a');
    let now = T;
    let prevEncoded = hlcEncode(h);
    const violations: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const r = rand();
      // mostly standing still or small steps, sometimes big jumps backwards or forwards
      const jump = Math.floor(rand() * 10_000);
      now += r < 0.4 ? 0 : r < 0.7 ? Math.floor(rand() * 3) : r < 0.85 ? -jump : jump;
      const next = hlcTick(h, now);
      const encoded = hlcEncode(next);
      if (compare(next, h) !== 1 || next.wall < now || !(encoded > prevEncoded)) {
        violations.push(`step ${i}: ${prevEncoded} → ${encoded} at now=${now}`);
      }
      prevEncoded = encoded;
      h = next;
    }
    expect(violations).toEqual([]);
  });

  it('stays monotonic through many counter overflows with a frozen clock', () => {
    let h: Hlc = { wall: T, counter: 0, node: 'a' };
    for (let i = 0; i < 3 * (MAX_COUNTER + 1); i++) h = hlcTick(h, T);
    expect(h).toEqual({ wall: T + 3, counter: 0, node: 'a' });
  });
});

describe('hlcReceive', () => {
  const last: Hlc = { wall: T, counter: 3, node: 'local' };

  it('takes the wall clock when it is ahead of both', () => {
    expect(hlcReceive(last, { wall: T + 5, counter: 9, node: 'remote' }, T + 10)).toEqual({ wall: T + 10, counter: 0, node: 'local' });
  });

  it('continues our counter when our last timestamp is ahead', () => {
    expect(hlcReceive(last, { wall: T - 5, counter: 99, node: 'remote' }, T - 1)).toEqual({ wall: T, counter: 4, node: 'local' });
  });

  it('continues the remote counter when the remote is ahead (within the drift limit)', () => {
    expect(hlcReceive(last, { wall: T + 500, counter: 41, node: 'remote' }, T)).toEqual({ wall: T + 500, counter: 42, node: 'local' });
  });

  it('takes the larger counter plus one when both walls are equal and ahead of now', () => {
    expect(hlcReceive(last, { wall: T, counter: 10, node: 'remote' }, T - 1)).toEqual({ wall: T, counter: 11, node: 'local' });
    expect(hlcReceive({ ...last, counter: 20 }, { wall: T, counter: 10, node: 'remote' }, T)).toEqual({ wall: T, counter: 21, node: 'local' });
  });

  it('moves the wall on when the merged counter would overflow', () => {
    expect(hlcReceive(last, { wall: T, counter: MAX_COUNTER, node: 'remote' }, T)).toEqual({ wall: T + 1, counter: 0, node: 'local' });
    expect(hlcReceive({ ...last, counter: MAX_COUNTER }, { wall: T - 1, counter: 0, node: 'r' }, T)).toEqual({
      wall: T + 1,
      counter: 0,
      node: 'local',
    });
  });

  it(`accepts a remote up to ${MAX_DRIFT_MS} ms ahead and refuses one further ahead`, () => {
    expect(hlcReceive(last, { wall: T + MAX_DRIFT_MS, counter: 0, node: 'r' }, T)).toEqual({
      wall: T + MAX_DRIFT_MS,
      counter: 1,
      node: 'local',
    });
    expect(() => hlcReceive(last, { wall: T + MAX_DRIFT_MS + 1, counter: 0, node: 'r' }, T)).toThrow(
      new RangeError('remote clock is 60001 ms ahead (limit 60000 ms)'),
    );
  });

  it('returns a timestamp after both inputs and not before now (seeded property)', () => {
    const rand = seededRng(42);
    let h = hlcZero('local');
    let now = T;
    const violations: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      now += Math.floor(rand() * 200) - 100;
      const remote: Hlc = {
        wall: now + Math.floor(rand() * 2 * MAX_DRIFT_MS) - MAX_DRIFT_MS,
        counter: Math.floor(rand() * (MAX_COUNTER + 1)),
        node: 'remote',
      };
      const next = hlcReceive(h, remote, now);
      if (
        compare({ ...next, node: '' }, { ...h, node: '' }) !== 1 ||
        compare({ ...next, node: '' }, { ...remote, node: '' }) !== 1 ||
        next.wall < now ||
        next.node !== 'local'
      ) {
        violations.push(`step ${i}: ${hlcEncode(h)} + ${hlcEncode(remote)} at now=${now} → ${hlcEncode(next)}`);
      }
      h = next;
    }
    expect(violations).toEqual([]);
  });
});

describe('hlcEncode / hlcDecode', () => {
  it('encodes fixed-width base 36', () => {
    expect(hlcEncode({ wall: T, counter: 5, node: 'ab12' })).toBe('000loyw3v28:0005:ab12');
    expect(hlcEncode(hlcZero('n'))).toBe('00000000000:0000:n');
    expect(hlcEncode({ wall: Number.MAX_SAFE_INTEGER, counter: MAX_COUNTER, node: 'n' })).toBe('2gosa7pa2gv:1ekf:n');
  });

  it('round-trips, including nodes that contain a colon', () => {
    for (const h of [
      hlcZero('x'),
      { wall: T, counter: 0, node: 'node-1' },
      { wall: T, counter: MAX_COUNTER, node: 'a:b:c' },
      { wall: Number.MAX_SAFE_INTEGER, counter: 1, node: 'z' },
    ]) {
      expect(hlcDecode(hlcEncode(h))).toEqual(h);
    }
  });

  it.each(['', 'garbage', '000loyw3v28:0005:', '0loyw3v28:0005:n', '000loyw3v28:05:n', '000LOYW3V28:0005:n', '000loyw3v28-0005-n'])(
    'refuses %j',
    (s) => {
      expect(() => hlcDecode(s)).toThrow(new RangeError(`not an HLC timestamp: ${s}`));
    },
  );

  it('orders strings exactly as it orders clocks (seeded property)', () => {
    const rand = seededRng(7);
    const pick = (): Hlc => {
      const r = rand();
      // many ties on wall and counter so the counter and node tie-breaks are exercised
      const wall = r < 0.3 ? T : r < 0.6 ? T + Math.floor(rand() * 3) : Math.floor(rand() * Number.MAX_SAFE_INTEGER);
      const counter = rand() < 0.5 ? Math.floor(rand() * 3) : Math.floor(rand() * (MAX_COUNTER + 1));
      const node = ['a', 'b', 'node-1', 'node-2'][Math.floor(rand() * 4)] ?? 'a';
      return { wall, counter, node };
    };
    const violations: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const a = pick();
      const b = pick();
      const ea = hlcEncode(a);
      const eb = hlcEncode(b);
      const back = hlcDecode(ea);
      if ((ea < eb ? -1 : ea > eb ? 1 : 0) !== compare(a, b)) violations.push(`order: ${ea} vs ${eb}`);
      if (back.wall !== a.wall || back.counter !== a.counter || back.node !== a.node) violations.push(`round trip: ${ea}`);
    }
    expect(violations).toEqual([]);
  });
});
