import type { ComponentProps, ReactNode } from 'react';

export type Tone = 'ok' | 'busy' | 'bad' | 'idle';

/** A coloured status label; the text carries the meaning, the colour only repeats it. */
export function StatusPill({ tone, className, children, ...rest }: ComponentProps<'span'> & { tone: Tone }): ReactNode {
  return (
    <span className={['pill', `pill-${tone}`, className].filter(Boolean).join(' ')} {...rest}>
      <span className="pill-dot" aria-hidden="true" />
      {children}
    </span>
  );
}
