import type { ComponentProps, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** A button that never submits a form by accident (type defaults to "button"). */
export function Button({
  variant = 'secondary',
  type = 'button',
  className,
  ...rest
}: ComponentProps<'button'> & { variant?: Variant }): ReactNode {
  const classes = ['btn', `btn-${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
