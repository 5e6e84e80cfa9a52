/**
 * Hybrid logical clock (Kulkarni et al.): timestamps that follow wall time, never go backwards on one node,
 * and order causally across nodes. Encoded as a fixed-width string so that string order is clock order.
 */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

const MAX_COUNTER = 0xffff;
/** Remote clocks further ahead than this are refused rather than dragging ours into the future. */
export const MAX_DRIFT_MS = 60_000;

export function hlcZero(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

/** Next timestamp for a local event. */
export function hlcTick(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, node: last.node };
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, node: last.node };
  return { wall: last.wall, counter: last.counter + 1, node: last.node };
}

/** Merges a remote timestamp into ours; throws when the remote is too far ahead of our wall clock. */
export function hlcReceive(last: Hlc, remote: Hlc, now: number): Hlc {
  if (remote.wall - now > MAX_DRIFT_MS) {
    throw new RangeError(`remote clock is ${remote.wall - now} ms ahead (limit ${MAX_DRIFT_MS} ms)`);
  }
  const wall = Math.max(last.wall, remote.wall, now);
  let counter: number;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node: last.node };
  return { wall, counter, node: last.node };
}

export function hlcEncode(h: Hlc): string {
  return `${h.wall.toString(36).padStart(11, '0')}:${h.counter.toString(36).padStart(4, '0')}:${h.node}`;
}

export function hlcDecode(s: string): Hlc {
  const m = /^([0-9a-z]{11}):([0-9a-z]{4}):(.+)$/.exec(s);
  if (!m?.[1] || !m[2] || !m[3]) throw new RangeError(`not an HLC timestamp: ${s}`);
  return { wall: parseInt(m[1], 36), counter: parseInt(m[2], 36), node: m[3] };
}
