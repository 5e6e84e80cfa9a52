import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createDrawScheduler, drawChart, type ChartStyle } from './chart.js';
import type { SeriesRing } from './seriesRing.js';

const STYLE: ChartStyle = { colors: ['#5b9cff', '#3fcf8e', '#f5b73b'], grid: 'rgba(255,255,255,0.08)', text: '#9aa3b2' };
const WINDOW_MS = 10 * 60_000;
const HEIGHT = 160;

/** The time-series chart: a canvas redrawn at most once per animation frame, never through React. */
export function MetricsChart({ ring, gmvTotal, onSeries }: { ring: SeriesRing; gmvTotal: number; onSeries: (l: () => void) => () => void }): ReactNode {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const total = useRef(gmvTotal);
  useEffect(() => {
    total.current = gmvTotal;
  }, [gmvTotal]);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return undefined;
    const draw = (): void => {
      const width = el.clientWidth || 600;
      const dpr = window.devicePixelRatio || 1;
      if (el.width !== Math.round(width * dpr) || el.height !== Math.round(HEIGHT * dpr)) {
        el.width = Math.round(width * dpr);
        el.height = Math.round(HEIGHT * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawChart(ctx, ring, { width, height: HEIGHT, windowMs: WINDOW_MS, gmvBase: Math.max(0, total.current - ring.gmvHeld()), style: STYLE });
      el.dataset['draws'] = String(scheduler.draws());
    };
    const scheduler = createDrawScheduler(draw, { request: (cb) => requestAnimationFrame(cb), cancel: (h) => cancelAnimationFrame(h) });
    scheduler.invalidate();
    const off = onSeries(() => scheduler.invalidate());
    const resize = new ResizeObserver(() => scheduler.invalidate());
    resize.observe(el);
    return () => {
      off();
      resize.disconnect();
      scheduler.dispose();
    };
  }, [ring, onSeries]);

  return (
    <figure className="dashboard-chart">
      <canvas ref={canvas} data-testid="chart-canvas" style={{ width: '100%', height: HEIGHT }} aria-label={t('dashboard.chart')} role="img" />
      <figcaption className="dashboard-legend">
        <span style={{ color: STYLE.colors[0] }}>● {t('dashboard.legendViewers')}</span>
        <span style={{ color: STYLE.colors[1] }}>● {t('dashboard.legendGmv')}</span>
        <span style={{ color: STYLE.colors[2] }}>● {t('dashboard.legendComments')}</span>
      </figcaption>
    </figure>
  );
}
