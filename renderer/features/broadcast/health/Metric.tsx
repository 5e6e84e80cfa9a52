import type { ReactNode } from 'react';
import type { HealthTone } from './healthView.js';

interface MetricProps {
  testId: string;
  label: string;
  /** The figure as shown (with its unit). */
  text: string;
  /** The raw number for tests and tools, '' when there is none. */
  value: string;
  tone: HealthTone;
  children?: ReactNode;
}

/** One figure of the health strip; the colour repeats what the text says. */
export function Metric({ testId, label, text, value, tone, children }: MetricProps): ReactNode {
  return (
    <div className={`metric metric-${tone}`} data-testid={testId} data-value={value} data-tone={tone}>
      <span className="metric-label">{label}</span>
      <span className="metric-value mono">{text}</span>
      {children}
    </div>
  );
}
