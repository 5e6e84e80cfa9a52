import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceReport, ScriptTemplateName, Segment, Session } from '../../../shared/contract/cues.js';
import { SCRIPT_TEMPLATES } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ConfirmDialog } from '../../ui/ConfirmDialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useProducts } from '../catalog/useProducts.js';
import { formatElapsed } from '../cues/format.js';
import { SessionPicker } from '../cues/SessionPicker.js';
import { useCue } from '../cues/useCue.js';
import { useSessions } from '../cues/useSessions.js';
import { findConnection } from '../obs/obsState.js';
import { useObsState } from '../obs/useObs.js';
import { useQueue } from '../queue/useQueue.js';
import { ComplianceReportView } from './compliance/ComplianceReportView.js';
import { ImportExport } from './ImportExport.js';
import { SegmentEditor } from './SegmentEditor.js';
import { SegmentList } from './SegmentList.js';
import { useScript, useScriptActions, type ImportMode } from './useScript.js';
import '../queue/queue.css';
import './scripts.css';

/** The Scripts page: the picked show's run-of-show editor. */
export function ScriptsPage(): ReactNode {
  const { t } = useTranslation();
  const sessions = useSessions();
  const session = sessions.current;
  return (
    <section className="page" aria-labelledby="scripts-title">
      <header className="page-header">
        <div>
          <h1 id="scripts-title">{t('scripts.title')}</h1>
          <p className="page-subtitle">{t('scripts.subtitle')}</p>
        </div>
        <SessionPicker view={sessions} />
      </header>
      {session ? (
        <ScriptEditor key={session.id} session={session} />
      ) : sessions.sessions ? (
        <p className="empty">{t('scripts.noSession')}</p>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}

function ScriptEditor({ session }: { session: Session }): ReactNode {
  const { t } = useTranslation();
  const { script, error } = useScript(session.id);
  const { items: queue } = useQueue(session.id);
  const { products } = useProducts('');
  const { state: obsState } = useObsState();
  const { snapshot } = useCue();
  const actions = useScriptActions();
  const [selected, setSelected] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Segment | null>(null);
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [actionError, setActionError] = useState<{ title: string; error: ErrorBody } | null>(null);
  const readOnly = session.status === 'ended';
  const segments = useMemo(() => script?.segments ?? [], [script]);
  const current = segments.find((s) => s.id === selected) ?? segments[0] ?? null;
  const onAirId = snapshot?.view.status === 'live' && snapshot.view.session?.id === session.id ? (snapshot.view.segment?.id ?? null) : null;
  const productNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const p of products ?? []) m.set(p.id, p.name);
    for (const q of queue ?? []) m.set(q.productId, q.product.name);
    return m;
  }, [products, queue]);
  const warnings = useMemo(() => {
    const m = new Map<string, number>();
    for (const w of script?.warnings ?? []) m.set(w.segmentId, (m.get(w.segmentId) ?? 0) + 1);
    return m;
  }, [script]);

  const fail = (title: string) => (r: { ok: boolean; error?: ErrorBody }) => {
    if (!r.ok && r.error) setActionError({ title, error: r.error });
    else setActionError(null);
  };
  const addSegment = (): void => {
    void actions.add(session.id, { title: t('scripts.newSegment') }, current?.id).then((r) => {
      fail(t('scripts.addError'))(r);
      if (r.ok) setSelected(r.value.id);
    });
  };
  const check = useCommand(actions.check);

  return (
    <>
      <div className="toolbar script-toolbar">
        <p className="count" data-testid="script-summary" data-count={segments.length}>
          {t('scripts.summary', { count: segments.length, planned: formatElapsed((script?.totalPlannedSec ?? 0) * 1000) })}
        </p>
        <div className="toolbar-actions">
          {readOnly ? null : (
            <Button variant="primary" data-testid="segment-add" onClick={addSegment}>
              {t('scripts.add')}
            </Button>
          )}
          <Button
            data-testid="compliance-check"
            disabled={check.pending}
            onClick={() => {
              void check.run(session.id).then((r) => {
                if (r.ok) setReport(r.value);
              });
            }}
          >
            {t('compliance.check')}
          </Button>
        </div>
      </div>
      {readOnly ? <p className="note">{t('scripts.endedNote')}</p> : null}
      {error ? <ErrorMessage error={error} title={t('scripts.loadError')} /> : null}
      {actionError ? <ErrorMessage error={actionError.error} title={actionError.title} /> : null}
      {check.error ? <ErrorMessage error={check.error} title={t('compliance.checkError')} /> : null}
      {report ? (
        <section className="panel" aria-labelledby="compliance-title" data-testid="compliance-panel">
          <div className="panel-head">
            <h2 id="compliance-title">{t('compliance.title')}</h2>
            <Button variant="ghost" onClick={() => setReport(null)}>
              {t('common.close')}
            </Button>
          </div>
          <ComplianceReportView report={report} segments={segments} queue={queue ?? []} />
        </section>
      ) : null}
      {script === null ? (
        error ? null : <p className="muted">{t('common.loading')}</p>
      ) : (
        <div className="script-layout">
          <section className="panel script-list-panel" aria-labelledby="segments-title">
            <h2 id="segments-title">{t('scripts.segments')}</h2>
            <SegmentList
              segments={segments}
              selectedId={current?.id ?? null}
              onAirId={onAirId}
              productNames={productNames}
              warnings={warnings}
              readOnly={readOnly}
              onSelect={setSelected}
              onMove={(id, p) =>
                actions.move(id, p).then((r) => {
                  fail(t('scripts.moveError'))(r);
                  return r;
                })
              }
              onDuplicate={(id) => {
                void actions.duplicate(id).then((r) => {
                  fail(t('scripts.duplicateError'))(r);
                  if (r.ok) setSelected(r.value.id);
                });
              }}
              onRemove={setRemoving}
            />
            {readOnly ? null : (
              <TemplatePicker sessionId={session.id} segmentCount={segments.length} onError={(e) => setActionError({ title: t('scripts.templateError'), error: e })} />
            )}
            {script.warnings.length > 0 ? (
              <details className="script-warnings" data-testid="script-warnings">
                <summary>{t('scripts.warnings', { count: script.warnings.length })}</summary>
                <ul className="plain-list">
                  {script.warnings.map((w, i) => (
                    <li key={`${w.segmentId}-${i}`}>
                      <strong>{segments.find((s) => s.id === w.segmentId)?.title ?? ''}</strong>: {w.message}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
          <section className="panel script-editor-panel" aria-labelledby="segment-editor-title">
            <h2 id="segment-editor-title">{current ? t('scripts.editorTitle', { title: current.title }) : t('scripts.noSegment')}</h2>
            {current ? (
              <SegmentEditor
                key={current.id}
                segment={current}
                queue={queue ?? []}
                catalog={products ?? []}
                obs={findConnection(obsState)}
                readOnly={readOnly}
              />
            ) : (
              <p className="muted">{t('scripts.pickSegment')}</p>
            )}
          </section>
        </div>
      )}
      <ImportExport sessionId={session.id} segmentCount={segments.length} readOnly={readOnly} />
      {removing ? (
        <RemoveSegmentDialog
          segment={removing}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            if (selected === removing.id) setSelected(null);
          }}
        />
      ) : null}
    </>
  );
}

function TemplatePicker({ sessionId, segmentCount, onError }: { sessionId: string; segmentCount: number; onError: (e: ErrorBody) => void }): ReactNode {
  const { t } = useTranslation();
  const { applyTemplate } = useScriptActions();
  const [template, setTemplate] = useState<ScriptTemplateName>('rundown');
  const [mode, setMode] = useState<ImportMode>('append');
  const [confirming, setConfirming] = useState(false);
  const apply = useCommand(applyTemplate);
  const go = (): void => {
    setConfirming(false);
    void apply.run(sessionId, template, mode).then((r) => {
      if (!r.ok) onError(r.error);
    });
  };
  return (
    <div className="template-picker">
      <label className="field-label" htmlFor="script-template">
        {t('scripts.template')}
      </label>
      <select
        id="script-template"
        data-testid="script-template"
        value={template}
        onChange={(e) => {
          const v = SCRIPT_TEMPLATES.find((x) => x === e.currentTarget.value);
          if (v) setTemplate(v);
        }}
      >
        {SCRIPT_TEMPLATES.map((name) => (
          <option key={name} value={name}>
            {t(`scripts.templates.${name}`)}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor="script-template-mode">
        {t('scripts.files.mode')}
      </label>
      <select id="script-template-mode" data-testid="script-template-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value === 'replace' ? 'replace' : 'append')}>
        <option value="append">{t('scripts.templateAppend')}</option>
        <option value="replace">{t('scripts.templateReplace')}</option>
      </select>
      <p className="field-hint template-hint">{t(`scripts.templateHints.${template}`)}</p>
      <Button data-testid="script-template-apply" disabled={apply.pending} onClick={() => (mode === 'replace' && segmentCount > 0 ? setConfirming(true) : go())}>
        {t('scripts.applyTemplate')}
      </Button>
      {confirming ? (
        <ConfirmDialog
          title={t('scripts.templateConfirmTitle')}
          confirmLabel={t('scripts.templateReplace')}
          confirmTestId="script-template-confirm"
          onClose={() => setConfirming(false)}
          onConfirm={go}
        >
          <p>{t('scripts.templateConfirmBody', { count: segmentCount })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function RemoveSegmentDialog({ segment, onClose, onRemoved }: { segment: Segment; onClose: () => void; onRemoved: () => void }): ReactNode {
  const { t } = useTranslation();
  const { remove } = useScriptActions();
  const del = useCommand(remove);
  return (
    <ConfirmDialog
      title={t('scripts.removeTitle', { title: segment.title })}
      confirmLabel={t('scripts.remove')}
      confirmTestId="segment-remove-confirm"
      pending={del.pending}
      error={del.error}
      errorTitle={t('scripts.removeError')}
      onClose={onClose}
      onConfirm={() => {
        void del.run(segment.id).then((r) => {
          if (r.ok) {
            onRemoved();
            onClose();
          }
        });
      }}
    >
      <p>{t('scripts.removeBody')}</p>
    </ConfirmDialog>
  );
}
