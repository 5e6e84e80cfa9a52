import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvanceResult, CueActionResult, CueView } from '../../../shared/contract/cues.js';
import type { ErrorBody, Result } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useScript } from '../scripts/useScript.js';
import type { CueSnapshot } from './cueClock.js';
import { EndShowDialog } from './EndShowDialog.js';
import { HostMessages, PinnedQuestions } from './HostComms.js';
import { NowPresenting } from './NowPresenting.js';
import { SegmentTiming } from './SegmentTiming.js';
import { SessionPicker } from './SessionPicker.js';
import { StartShow } from './StartShow.js';
import { useCue, useCueActions } from './useCue.js';
import { useCueShortcuts } from './useCueShortcuts.js';
import { useSessions } from './useSessions.js';
import './cues.css';

interface LastAdvance {
  readonly title: string;
  readonly actions: readonly CueActionResult[];
}

/** The Live page's show control: now presenting, timing, Next / Previous / Jump / End, OBS action results, host comms. */
export function CuePanel(): ReactNode {
  const { t } = useTranslation();
  const { snapshot, error } = useCue();
  const view = snapshot?.view ?? null;
  const live = view?.status === 'live';
  return (
    <section className="panel cue-panel" aria-labelledby="cue-title" data-testid="cue-panel" data-status={view?.status ?? 'loading'}>
      <div className="panel-head">
        <h2 id="cue-title">{t('cues.title')}</h2>
        <a className="btn btn-ghost" href="#/host" target="_blank" rel="noopener" data-testid="cue-open-host">
          {t('cues.openHost')}
        </a>
      </div>
      {error ? <ErrorMessage error={error} title={t('cues.loadError')} /> : null}
      {snapshot && view ? live ? <LiveControls snapshot={snapshot} view={view} /> : <NotLive view={view} /> : <p className="muted">{t('common.loading')}</p>}
      <div className="cue-comms">
        <HostMessages messages={view?.messages ?? []} />
        <PinnedQuestions pins={view?.pins ?? []} />
      </div>
    </section>
  );
}

function NotLive({ view }: { view: CueView }): ReactNode {
  const { t } = useTranslation();
  const sessions = useSessions();
  const session = sessions.current;
  return (
    <div className="cue-idle">
      {view.status === 'ended' && view.session ? (
        <p className="note" data-testid="cue-ended">
          {t('cues.ended', { title: view.session.title })}
        </p>
      ) : (
        <p className="note">{t('cues.idle')}</p>
      )}
      <div className="cue-start-row">
        <SessionPicker view={sessions} />
        {session && session.status === 'planned' ? <StartShow session={session} /> : null}
      </div>
      {session && session.status === 'ended' ? <p className="muted">{t('cues.sessionEnded')}</p> : null}
    </div>
  );
}

function LiveControls({ snapshot, view }: { snapshot: CueSnapshot; view: CueView }): ReactNode {
  const { t } = useTranslation();
  const actions = useCueActions();
  const { script } = useScript(view.session?.id ?? null);
  const [last, setLast] = useState<LastAdvance | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: ErrorBody } | null>(null);
  const [pending, setPending] = useState(false);
  const [jumpTo, setJumpTo] = useState('');
  const [ending, setEnding] = useState(false);
  const segmentId = view.segment?.id;
  const atStart = view.segmentIndex === 0;
  const atEnd = view.nextSegment === null;

  const advance = (what: string, run: () => Promise<Result<AdvanceResult>>): void => {
    setPending(true);
    void run().then((r) => {
      setPending(false);
      if (!r.ok) {
        setFailure({ title: t('cues.advanceError', { what }), error: r.error });
        return;
      }
      setFailure(null);
      setLast({ title: r.value.cue.segment?.title ?? '', actions: r.value.actions });
    });
  };
  const next = (): void => {
    if (!atEnd) advance(t('cues.next'), () => actions.next(segmentId));
  };
  const previous = (): void => {
    if (!atStart) advance(t('cues.previous'), () => actions.previous(segmentId));
  };
  useCueShortcuts(true, (a) => (a === 'next' ? next() : previous()));

  return (
    <div className="cue-live">
      <div className="cue-show-line">
        <span className="badge badge-live">{t('cues.onAir')}</span>
        <strong data-testid="cue-show-title">{view.session?.title}</strong>
      </div>
      <div className="cue-grid">
        <NowPresenting product={view.product} overlayText={view.overlayText} />
        <div className="cue-segment">
          <SegmentTiming snapshot={snapshot} />
          <div className="cue-buttons">
            <Button data-testid="cue-previous" disabled={pending || atStart} onClick={previous} aria-keyshortcuts="ArrowLeft PageUp">
              {t('cues.previousButton')}
            </Button>
            <Button variant="primary" className="cue-next" data-testid="cue-next" disabled={pending || atEnd} onClick={next} aria-keyshortcuts="Space ArrowRight PageDown">
              {atEnd ? t('cues.lastSegment') : t('cues.nextButton')}
            </Button>
          </div>
          <div className="cue-jump">
            <label htmlFor="cue-jump">{t('cues.jump')}</label>
            <select id="cue-jump" data-testid="cue-jump-select" value={jumpTo} onChange={(e) => setJumpTo(e.currentTarget.value)}>
              <option value="">{t('cues.jumpPick')}</option>
              {script?.segments.map((s, i) => (
                <option key={s.id} value={s.id}>
                  {t('cues.jumpOption', { index: i + 1, title: s.title })}
                  {s.id === segmentId ? ` ${t('cues.current')}` : ''}
                </option>
              ))}
            </select>
            <Button
              data-testid="cue-goto"
              disabled={pending || jumpTo === ''}
              onClick={() => {
                const id = jumpTo;
                setJumpTo('');
                advance(t('cues.jumpVerb'), () => actions.goto(id));
              }}
            >
              {t('cues.go')}
            </Button>
          </div>
          <div className="cue-end">
            <Button variant="danger" data-testid="cue-end" onClick={() => setEnding(true)}>
              {t('cues.end')}
            </Button>
          </div>
        </div>
      </div>
      {failure ? <ErrorMessage error={failure.error} title={failure.title} testId="cue-error" /> : null}
      {last ? <ActionResults last={last} /> : null}
      <ShortcutHelp />
      {ending ? <EndShowDialog onClose={() => setEnding(false)} /> : null}
    </div>
  );
}

/** What OBS did for the last advance made here: each action, how long it took, and why it failed. */
function ActionResults({ last }: { last: LastAdvance }): ReactNode {
  const { t } = useTranslation();
  const failed = last.actions.filter((a) => !a.ok).length;
  return (
    <div className={failed > 0 ? 'cue-actions cue-actions-failed' : 'cue-actions'} data-testid="cue-actions" data-failed={failed} role="status">
      <strong>{failed > 0 ? t('cues.actionsFailed', { title: last.title, count: failed }) : t('cues.actionsOk', { title: last.title })}</strong>
      {last.actions.length === 0 ? <span className="muted">{t('cues.noActions')}</span> : null}
      <ul className="plain-list">
        {last.actions.map((a, i) => (
          <li key={i} data-testid="cue-action" data-kind={a.kind} data-ok={a.ok}>
            <span className={a.ok ? 'cue-ok' : 'cue-bad'}>{a.ok ? '✓' : '✕'}</span> {t(`cues.actionKind.${a.kind}`)}: {a.target}{' '}
            <span className="muted">{t('cues.ms', { ms: Math.round(a.ms) })}</span>
            {a.error ? <span className="cue-bad"> — {a.error.message}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ShortcutHelp(): ReactNode {
  const { t } = useTranslation();
  return (
    <details className="cue-help" data-testid="cue-shortcuts">
      <summary>{t('cues.shortcuts.title')}</summary>
      <dl>
        <div>
          <dt>
            <kbd>Space</kbd> <kbd>→</kbd> <kbd>PageDown</kbd>
          </dt>
          <dd>{t('cues.shortcuts.next')}</dd>
        </div>
        <div>
          <dt>
            <kbd>←</kbd> <kbd>PageUp</kbd>
          </dt>
          <dd>{t('cues.shortcuts.previous')}</dd>
        </div>
      </dl>
      <p className="muted">{t('cues.shortcuts.rules')}</p>
    </details>
  );
}
