import { useId, type ComponentProps, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: string | undefined;
  /** A problem with the current value, shown under the control and announced with it. */
  problem?: string | null | undefined;
}

function describedBy(hintId: string, problemId: string, hint: unknown, problem: unknown): string | undefined {
  const ids = [hint ? hintId : null, problem ? problemId : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({
  id,
  label,
  hint,
  problem,
  children,
}: FieldProps & { id: string; children: ReactNode }): ReactNode {
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled single-line input with an optional hint and problem text. */
export function TextField({ label, hint, problem, ...input }: FieldProps & ComponentProps<'input'>): ReactNode {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <input
        id={id}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-problem`, hint, problem)}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line input with an optional hint and problem text. */
export function TextAreaField({ label, hint, problem, ...area }: FieldProps & ComponentProps<'textarea'>): ReactNode {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      <textarea
        id={id}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, `${id}-problem`, hint, problem)}
        {...area}
      />
    </FieldFrame>
  );
}
