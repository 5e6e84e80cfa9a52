import type { ReactNode } from 'react';
import { HEALTH_HISTORY, sparklinePath } from './healthView.js';

const WIDTH = 96;
const HEIGHT = 28;

/** A tiny line of the last minute's values, newest at the right. Decorative: the figure next to it is the value. */
export function Sparkline({ values }: { values: readonly (number | null)[] }): ReactNode {
  const d = sparklinePath(values, WIDTH, HEIGHT, HEALTH_HISTORY);
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
      <line x1="0" y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="sparkline-base" />
      {d ? <path d={d} className="sparkline-line" /> : null}
    </svg>
  );
}
