import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceReport, Session } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useQueue } from '../queue/useQueue.js';
import { ComplianceReportView } from '../scripts/compliance/ComplianceReportView.js';
import { useScript } from '../scripts/useScript.js';
import { useCueActions } from './useCue.js';

type Phase = { step: 'idle' } | { step: 'checking' } | { step: 'review'; report: ComplianceReport } | { step: 'starting' };

/**
 * Start show: the compliance check runs first; when it finds anything, the findings are shown and the producer
 * confirms (or goes back to fix them). A clean show starts at once.
 */
export function StartShow({ session }: { session: Session }): ReactNode {
  const { t } = useTranslation();
  const actions = useCueActions();
  const { script } = useScript(session.id);
  const { items } = useQueue(session.id);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<{ title: string; error: ErrorBody } | null>(null);
  const count = script?.segments.length ?? 0;

  const start = (): void => {
    setPhase({ step: 'starting' });
    void actions.start(session.id).then((r) => {
      setPhase({ step: 'idle' });
      setError(r.ok ? null : { title: t('cues.startError'), error: r.error });
    });
  };
  const check = (): void => {
    setError(null);
    setPhase({ step: 'checking' });
    void actions.check(session.id).then((r) => {
      if (!r.ok) {
        setPhase({ step: 'idle' });
        setError({ title: t('compliance.checkError'), error: r.error });
        return;
      }
      if (r.value.summary.total > 0) setPhase({ step: 'review', report: r.value });
      else start();
    });
  };

  return (
    <div className="start-show">
      <Button variant="primary" data-testid="cue-start" disabled={phase.step !== 'idle' || count === 0} onClick={check}>
        {phase.step === 'checking' ? t('cues.checking') : phase.step === 'starting' ? t('cues.starting') : t('cues.start')}
      </Button>
      <span className="muted" data-testid="cue-start-count">
        {script ? t('cues.startCount', { count, title: session.title }) : null}
      </span>
      {error ? <ErrorMessage error={error.error} title={error.title} testId="cue-start-error" /> : null}
      {phase.step === 'review' ? (
        <Dialog title={t('cues.reviewTitle')} onClose={() => setPhase({ step: 'idle' })} role="alertdialog">
          <div className="start-review" data-testid="cue-compliance-dialog">
            <p>{t('cues.reviewBody', { count: phase.report.summary.total })}</p>
            <ComplianceReportView report={phase.report} segments={script?.segments ?? []} queue={items ?? []} compact />
            <div className="form-actions">
              <Button onClick={() => setPhase({ step: 'idle' })} autoFocus data-testid="cue-compliance-cancel">
                {t('cues.reviewCancel')}
              </Button>
              <Button variant="danger" data-testid="cue-compliance-confirm" onClick={start}>
                {t('cues.reviewConfirm')}
              </Button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
