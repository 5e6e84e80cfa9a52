import type { SeriesRing } from './seriesRing.js';

/**
 * A small canvas line chart (uPlot is not a dependency and none may be added): three series, each on its own
 * scale, over the last `windowMs`. Drawing is requested with `invalidate()` and happens at most once per animation
 * frame however many updates arrive in between.
 */
export interface ChartStyle {
  readonly colors: readonly [string, string, string];
  readonly grid: string;
  readonly text: string;
}

export interface FrameRequester {
  request(cb: () => void): number;
  cancel(handle: number): void;
}

/** Coalesces redraw requests into one draw per frame. */
export function createDrawScheduler(draw: () => void, frames: FrameRequester): { invalidate(): void; dispose(): void; draws(): number } {
  let handle: number | null = null;
  let count = 0;
  return {
    invalidate() {
      if (handle !== null) return;
      handle = frames.request(() => {
        handle = null;
        count++;
        draw();
      });
    },
    dispose() {
      if (handle !== null) frames.cancel(handle);
      handle = null;
    },
    draws: () => count,
  };
}

/** Draws the ring on a 2D context of `width` × `height` CSS pixels (already scaled for the device pixel ratio). */
export function drawChart(
  ctx: CanvasRenderingContext2D,
  ring: SeriesRing,
  opts: { width: number; height: number; windowMs: number; gmvBase: number; style: ChartStyle },
): void {
  const { width, height, style } = opts;
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = style.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let g = 1; g < 4; g++) {
    const y = Math.round((height * g) / 4) + 0.5;
    ctx.moveTo(0, y);
    ctx.lineTo(width, y);
  }
  ctx.stroke();
  const n = ring.length;
  if (n === 0) return;
  const tEnd = ring.lastT() ?? 0;
  const tStart = tEnd - opts.windowMs;
  const x = (t: number): number => ((t - tStart) / Math.max(1, opts.windowMs)) * (width - 2) + 1;

  // Scales: one pass for the maxima (the cumulative GMV is computed as it goes).
  let vMax = 1;
  let cMax = 1;
  let cum = opts.gmvBase;
  let first = 0;
  for (let i = 0; i < n; i++) {
    const k = ring.index(i);
    const t = ring.t[k] ?? 0;
    if (t < tStart) {
      cum += ring.gmv[k] ?? 0;
      first = i + 1;
      continue;
    }
    const v = ring.viewers[k] ?? Number.NaN;
    if (!Number.isNaN(v)) vMax = Math.max(vMax, v);
    cMax = Math.max(cMax, ring.comments[k] ?? 0);
  }
  let gMax = cum;
  for (let i = first; i < n; i++) gMax += ring.gmv[ring.index(i)] ?? 0;
  gMax = Math.max(1, gMax);
  const y = (v: number, max: number): number => height - 2 - (v / (max * 1.1)) * (height - 4);

  const line = (color: string, value: (k: number) => number, max: number, carry: boolean): void => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    let started = false;
    let last = Number.NaN;
    for (let i = first; i < n; i++) {
      const k = ring.index(i);
      let v = value(k);
      if (Number.isNaN(v)) {
        if (!carry || Number.isNaN(last)) continue;
        v = last;
      }
      last = v;
      const px = x(ring.t[k] ?? 0);
      const py = y(v, max);
      if (started) ctx.lineTo(px, py);
      else {
        ctx.moveTo(px, py);
        started = true;
      }
    }
    ctx.stroke();
  };
  line(style.colors[2], (k) => ring.comments[k] ?? 0, cMax, false);
  line(style.colors[0], (k) => ring.viewers[k] ?? Number.NaN, vMax, true);
  let running = cum;
  line(
    style.colors[1],
    (k) => {
      running += ring.gmv[k] ?? 0;
      return running;
    },
    gMax,
    false,
  );
}
