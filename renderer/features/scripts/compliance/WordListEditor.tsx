import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLIANCE_CATEGORIES, type ComplianceTerm } from '../../../../shared/contract/cues.js';
import { useCommand } from '../../../lib/useCommand.js';
import { Button } from '../../../ui/Button.js';
import { Dialog } from '../../../ui/Dialog.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { formatTimeOfDay } from '../../cues/format.js';
import { useComplianceWords } from './useCompliance.js';
import { draftsFrom, filterDrafts, readDrafts, type RowProblem, type TermDraft } from './wordList.js';
import './compliance.css';

/** The Settings panel for the studio's advertising-law word list: edit, add, remove, save, back to the shipped list. */
export function WordListEditor(): ReactNode {
  const { t } = useTranslation();
  const words = useComplianceWords();
  return (
    <section className="panel word-list" aria-labelledby="words-title" data-testid="compliance-words">
      <div className="panel-head">
        <h2 id="words-title">{t('compliance.words.title')}</h2>
        {words.source ? (
          <span className={words.source === 'studio' ? 'badge badge-warn' : 'badge'} data-testid="compliance-words-source" data-source={words.source}>
            {words.source === 'studio'
              ? t('compliance.words.studio', { time: words.updatedAt === null ? '' : `${new Date(words.updatedAt).toLocaleDateString()} ${formatTimeOfDay(words.updatedAt)}` })
              : t('compliance.words.shipped')}
          </span>
        ) : null}
      </div>
      <p className="note">{t('compliance.words.intro')}</p>
      {words.error ? <ErrorMessage error={words.error} title={t('compliance.words.loadError')} /> : null}
      {words.terms ? (
        <WordTable key={`${words.source ?? ''}-${words.updatedAt ?? 0}`} terms={words.terms} save={words.save} reset={words.reset} />
      ) : words.error ? null : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}

type SaveFn = ReturnType<typeof useComplianceWords>['save'];
type ResetFn = ReturnType<typeof useComplianceWords>['reset'];

function WordTable({ terms, save, reset }: { terms: readonly ComplianceTerm[]; save: SaveFn; reset: ResetFn }): ReactNode {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<TermDraft[]>(() => draftsFrom(terms));
  const [filter, setFilter] = useState('');
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [dirty, setDirty] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [nextKey, setNextKey] = useState(0);
  const saving = useCommand(save);
  const resetting = useCommand(reset);
  const shown = filterDrafts(drafts, filter);
  const rowOf = new Map(drafts.map((d, i) => [d.key, i + 1]));
  const badRows = new Set(problems.map((p) => p.row));

  const edit = (key: string, patch: Partial<TermDraft>): void => {
    setDrafts((prev) => prev.map((d) => (d.key === key ? { ...d, ...patch } : d)));
    setDirty(true);
  };
  const add = (): void => {
    const key = `new${nextKey}`;
    setNextKey((n) => n + 1);
    setDrafts((prev) => [{ key, term: '', lang: 'zh', category: 'superlative', severity: 'banned', reason: '', allow: '' }, ...prev]);
    setFilter('');
    setDirty(true);
  };
  const onSave = (): void => {
    const read = readDrafts(drafts);
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    setProblems([]);
    void saving.run(read.terms);
  };

  return (
    <div className="word-table">
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="words-filter">{t('compliance.words.filter')}</label>
          <input id="words-filter" type="search" value={filter} data-testid="compliance-words-filter" onChange={(e) => setFilter(e.currentTarget.value)} />
        </div>
        <p className="count">{t('compliance.words.count', { count: drafts.length })}</p>
        <div className="toolbar-actions">
          <Button data-testid="compliance-words-add" onClick={add}>
            {t('compliance.words.add')}
          </Button>
          <Button variant="primary" data-testid="compliance-words-save" disabled={!dirty || saving.pending} onClick={onSave}>
            {saving.pending ? t('compliance.words.saving') : t('compliance.words.save')}
          </Button>
          <Button variant="ghost" data-testid="compliance-words-reset" onClick={() => setConfirmReset(true)}>
            {t('compliance.words.reset')}
          </Button>
        </div>
      </div>
      {problems.length > 0 ? (
        <div className="error" role="alert" data-testid="compliance-words-problems">
          <strong className="error-title">{t('compliance.words.invalid')}</strong>
          <ul>
            {problems.slice(0, 10).map((p, i) => (
              <li key={i}>{t('compliance.words.problem', { row: p.row, message: p.message })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {saving.error ? <ErrorMessage error={saving.error} title={t('compliance.words.saveError')} /> : null}
      {resetting.error ? <ErrorMessage error={resetting.error} title={t('compliance.words.resetError')} /> : null}
      <div className="table-wrap word-table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">{t('compliance.words.term')}</th>
              <th scope="col">{t('compliance.words.lang')}</th>
              <th scope="col">{t('compliance.words.category')}</th>
              <th scope="col">{t('compliance.words.severity')}</th>
              <th scope="col">{t('compliance.words.reason')}</th>
              <th scope="col">{t('compliance.words.allow')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('compliance.words.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => {
              const row = rowOf.get(d.key) ?? 0;
              return (
                <tr key={d.key} data-testid="compliance-word-row" data-term={d.term} className={badRows.has(row) ? 'row-invalid' : undefined}>
                  <td className="num muted">{row}</td>
                  <td>
                    <input aria-label={t('compliance.words.term')} value={d.term} maxLength={50} onChange={(e) => edit(d.key, { term: e.currentTarget.value })} />
                  </td>
                  <td>
                    <select aria-label={t('compliance.words.lang')} value={d.lang} onChange={(e) => edit(d.key, { lang: e.currentTarget.value === 'en' ? 'en' : 'zh' })}>
                      <option value="zh">zh</option>
                      <option value="en">en</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('compliance.words.category')}
                      value={d.category}
                      onChange={(e) => {
                        const c = COMPLIANCE_CATEGORIES.find((x) => x === e.currentTarget.value);
                        if (c) edit(d.key, { category: c });
                      }}
                    >
                      {COMPLIANCE_CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {t(`compliance.category.${c}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={t('compliance.words.severity')}
                      value={d.severity}
                      onChange={(e) => edit(d.key, { severity: e.currentTarget.value === 'review' ? 'review' : 'banned' })}
                    >
                      <option value="banned">{t('compliance.severity.banned')}</option>
                      <option value="review">{t('compliance.severity.review')}</option>
                    </select>
                  </td>
                  <td>
                    <input aria-label={t('compliance.words.reason')} value={d.reason} maxLength={300} onChange={(e) => edit(d.key, { reason: e.currentTarget.value })} />
                  </td>
                  <td>
                    <input aria-label={t('compliance.words.allow')} value={d.allow} onChange={(e) => edit(d.key, { allow: e.currentTarget.value })} />
                  </td>
                  <td>
                    <Button
                      variant="ghost"
                      aria-label={t('compliance.words.removeLabel', { term: d.term })}
                      onClick={() => {
                        setDrafts((prev) => prev.filter((x) => x.key !== d.key));
                        setDirty(true);
                      }}
                    >
                      ✕
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {confirmReset ? (
        <Dialog title={t('compliance.words.resetTitle')} onClose={() => setConfirmReset(false)} role="alertdialog">
          <p>{t('compliance.words.resetBody')}</p>
          <div className="form-actions">
            <Button onClick={() => setConfirmReset(false)} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button
              variant="danger"
              data-testid="compliance-words-reset-confirm"
              onClick={() => {
                setConfirmReset(false);
                void resetting.run();
              }}
            >
              {t('compliance.words.reset')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
