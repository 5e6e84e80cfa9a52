import { useId, useRef, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextFinding } from '../../../../shared/contract/cues.js';
import { highlightPieces } from './highlight.js';
import { useScanText } from './useCompliance.js';
import './compliance.css';

type AreaProps = Omit<ComponentProps<'textarea'>, 'value' | 'onChange' | 'id'>;

interface Props extends AreaProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  problem?: string | null | undefined;
  /** data-testid of the text area; its list of findings gets `${testId}-findings`. */
  testId: string;
}

/**
 * A text area that highlights advertising-law terms as they are typed: the text is drawn a second time underneath,
 * transparent, with the flagged runs marked, and the two scroll together. The findings are listed below the box
 * (the marks are decoration; the list is what screen readers get).
 */
export function ComplianceTextArea({ label, value, onValue, hint, problem, testId, rows = 4, ...rest }: Props): ReactNode {
  const id = useId();
  const findings = useScanText(value);
  const pieces = highlightPieces(value, findings);
  const flagged = pieces.flatMap((p) => (p.finding ? [p.finding] : []));
  const backdrop = useRef<HTMLDivElement>(null);
  const describedBy = [hint ? `${id}-hint` : null, flagged.length > 0 ? `${id}-findings` : null, problem ? `${id}-problem` : null]
    .filter((x): x is string => x !== null)
    .join(' ');
  return (
    <div className={problem ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="hl-wrap">
        <div className="hl-backdrop" aria-hidden="true" ref={backdrop}>
          {pieces.map((p, i) =>
            p.finding ? (
              <mark key={i} className={`hl hl-${p.finding.severity}`}>
                {p.text}
              </mark>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
          {/* A trailing newline in a textarea makes a line the backdrop would otherwise not have. */}
          {'\n'}
        </div>
        <textarea
          id={id}
          className="hl-input"
          rows={rows}
          value={value}
          data-testid={testId}
          data-findings={flagged.length}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(e) => onValue(e.currentTarget.value)}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
          {...rest}
        />
      </div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {flagged.length > 0 ? <FindingList id={`${id}-findings`} findings={flagged} testId={`${testId}-findings`} /> : null}
      {problem ? (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The terms found in one text, each with why it is flagged. */
export function FindingList({ id, findings, testId }: { id?: string; findings: readonly TextFinding[]; testId?: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <ul className="finding-list" id={id} data-testid={testId}>
      {findings.map((f, i) => (
        <li key={`${f.index}-${i}`} data-term={f.term}>
          <span className={`badge ${f.severity === 'banned' ? 'badge-bad' : 'badge-warn'}`}>{t(`compliance.severity.${f.severity}`)}</span>{' '}
          <strong>{f.matched}</strong> <span className="muted">{t(`compliance.category.${f.category}`)}</span>
          <span className="finding-reason">{f.reason}</span>
        </li>
      ))}
    </ul>
  );
}
