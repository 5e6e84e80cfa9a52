import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartData } from './chartData.js';
import { createDrawScheduler } from './drawScheduler.js';
import { formatMinor } from './format.js';
import type { SeriesRing } from './seriesRing.js';

const COLORS = ['#5b9cff', '#3fcf8e', '#f5b73b'] as const;
const GRID = 'rgba(255,255,255,0.08)';
const TEXT = '#9aa3b2';
const WINDOW_MS = 10 * 60_000;
const HEIGHT = 180;
const MIN_SPAN_S = 60;

/** uPlot's Axis.Side is an ambient const enum (not importable under isolatedModules): 1 = right, 3 = left. */
const axis = (scale: string, side: 1 | 3, color: string, values?: uPlot.Axis['values']): uPlot.Axis => ({
  scale,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's own values, see above
  side,
  stroke: color,
  grid: { show: side === 3, stroke: GRID, width: 1 },
  ticks: { show: true, stroke: GRID, width: 1 },
  size: 56,
  ...(values ? { values } : {}),
});

/** The x range: the data's, at least a minute wide (uPlot passes nulls while there is no data). */
const xRange = (_u: uPlot, min: number, max: number): uPlot.Range.MinMax =>
  Number.isFinite(min) && Number.isFinite(max) ? [min, Math.max(max, min + MIN_SPAN_S)] : [Date.now() / 1000 - MIN_SPAN_S, Date.now() / 1000];

/**
 * The time-series chart (uPlot, dark): viewers, cumulative GMV and comments per second, each on its own scale, over
 * the last 10 minutes. Fed outside React: each ring change (one per metrics.updated) asks for a `setData` on the
 * next animation frame, so however fast pushes arrive the chart redraws at most once per frame. Resizes with its
 * container.
 */
export function MetricsChart({
  ring,
  gmvTotal,
  currency,
  onSeries,
}: {
  ring: SeriesRing;
  gmvTotal: number;
  currency: string;
  onSeries: (l: () => void) => () => void;
}): ReactNode {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement | null>(null);
  const total = useRef(gmvTotal);
  useEffect(() => {
    total.current = gmvTotal;
  }, [gmvTotal]);
  const money = useRef(currency);
  useEffect(() => {
    money.current = currency;
  }, [currency]);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const data = (): uPlot.AlignedData => chartData(ring, WINDOW_MS, Math.max(0, total.current - ring.gmvHeld()));
    const opts: uPlot.Options = {
      width: el.clientWidth || 600,
      height: HEIGHT,
      // The figcaption below is the legend (translated); uPlot's own would repeat it.
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // At least a minute wide, so a show's first seconds are not stretched over sub-second ticks.
      scales: { x: { time: true, range: xRange }, viewers: { auto: true }, gmv: { auto: true }, comments: { auto: true } },
      axes: [
        { stroke: TEXT, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } },
        axis('viewers', 3, COLORS[0]),
        axis('gmv', 1, COLORS[1], (_u, splits) => splits.map((v) => formatMinor(Math.round(v), money.current))),
      ],
      series: [
        {},
        { scale: 'viewers', stroke: COLORS[0], width: 2, spanGaps: true, points: { show: false } },
        { scale: 'gmv', stroke: COLORS[1], width: 2, points: { show: false } },
        { scale: 'comments', stroke: COLORS[2], width: 1, points: { show: false } },
      ],
    };
    const plot = new uPlot(opts, data(), el);
    let draws = 0;
    const scheduler = createDrawScheduler(
      () => {
        plot.setData(data());
        draws++;
        el.dataset['draws'] = String(draws);
      },
      { request: (cb) => requestAnimationFrame(cb), cancel: (h) => cancelAnimationFrame(h) },
    );
    scheduler.invalidate();
    const off = onSeries(() => scheduler.invalidate());
    const resize = new ResizeObserver(() => {
      const width = Math.floor(el.clientWidth);
      if (width > 0 && width !== plot.width) plot.setSize({ width, height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      off();
      resize.disconnect();
      scheduler.dispose();
      plot.destroy();
    };
  }, [ring, onSeries]);

  return (
    <figure className="dashboard-chart">
      <div ref={box} className="dashboard-uplot" data-testid="chart-canvas" aria-label={t('dashboard.chart')} role="img" />
      <figcaption className="dashboard-legend">
        <span style={{ color: COLORS[0] }}>● {t('dashboard.legendViewers')}</span>
        <span style={{ color: COLORS[1] }}>● {t('dashboard.legendGmv')}</span>
        <span style={{ color: COLORS[2] }}>● {t('dashboard.legendComments')}</span>
      </figcaption>
    </figure>
  );
}
