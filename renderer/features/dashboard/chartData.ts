import type { SeriesRing } from './seriesRing.js';

/**
 * uPlot's aligned data for the dashboard chart from the ring: x in seconds (uPlot's time unit), viewers (null where
 * no count was reported that second), cumulative GMV (minor units) and comments per second, over the last
 * `windowMs` up to the newest second held. `gmvBase` is the GMV before the oldest second held (the headline total
 * minus what the ring holds), so the line ends at the headline GMV.
 */
export function chartData(ring: SeriesRing, windowMs: number, gmvBase: number): [number[], (number | null)[], number[], number[]] {
  const xs: number[] = [];
  const viewers: (number | null)[] = [];
  const gmv: number[] = [];
  const comments: number[] = [];
  const n = ring.length;
  const last = ring.lastT();
  if (last === null) return [xs, viewers, gmv, comments];
  const from = last - windowMs;
  let cum = gmvBase;
  for (let i = 0; i < n; i++) {
    const j = ring.index(i);
    const t = ring.t[j] ?? 0;
    cum += ring.gmv[j] ?? 0;
    if (t < from) continue;
    const v = ring.viewers[j] ?? Number.NaN;
    xs.push(t / 1000);
    viewers.push(Number.isNaN(v) ? null : v);
    gmv.push(cum);
    comments.push(ring.comments[j] ?? 0);
  }
  return [xs, viewers, gmv, comments];
}
