import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever, type ErrorBody } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { importFormatOf } from './segmentForm.js';
import { useScriptActions, type ImportFormat, type ImportMode } from './useScript.js';

/** The core refuses longer script text (script.import*). */
const SCRIPT_FILE_MAX = 2_000_000;

type ImportState =
  | { phase: 'idle' }
  | { phase: 'confirm'; file: string; text: string; format: ImportFormat }
  | { phase: 'importing'; file: string }
  | { phase: 'done'; file: string; imported: number; addedToQueue: number }
  | { phase: 'failed'; file: string; error: ErrorBody | 'tooLarge' | 'readError' };

/**
 * Imports a run-of-show file (JSON or Markdown, docs/script-format.md) and exports the show's script as either.
 * An import is all or nothing: a malformed file changes nothing and its error names the lines.
 */
export function ImportExport({ sessionId, segmentCount, readOnly }: { sessionId: string; segmentCount: number; readOnly: boolean }): ReactNode {
  const { t } = useTranslation();
  const { importText, exportText } = useScriptActions();
  const [mode, setMode] = useState<ImportMode>('replace');
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [exportError, setExportError] = useState<ErrorBody | null>(null);

  const run = async (file: string, text: string, format: ImportFormat): Promise<void> => {
    setState({ phase: 'importing', file });
    const r = await importText(sessionId, format, text, mode);
    setState(r.ok ? { phase: 'done', file, imported: r.value.imported, addedToQueue: r.value.addedToQueue } : { phase: 'failed', file, error: r.error });
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void file.text().then(
      (text) => {
        if (text.length > SCRIPT_FILE_MAX) {
          setState({ phase: 'failed', file: file.name, error: 'tooLarge' });
          return;
        }
        const format = importFormatOf(file.name, text);
        if (mode === 'replace' && segmentCount > 0) setState({ phase: 'confirm', file: file.name, text, format });
        else void run(file.name, text, format);
      },
      () => setState({ phase: 'failed', file: file.name, error: 'readError' }),
    );
  };

  const download = (format: ImportFormat): void => {
    setExportError(null);
    void exportText(sessionId, format).then((r) => {
      if (!r.ok) {
        setExportError(r.error);
        return;
      }
      const blob = new Blob([r.value.text], { type: format === 'json' ? 'application/json' : 'text/markdown' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = r.value.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  };

  return (
    <section className="panel import-export" aria-labelledby="script-files-title">
      <h2 id="script-files-title">{t('scripts.files.title')}</h2>
      <div className="import-row">
        <div className="field field-inline">
          <label htmlFor="script-import-mode">{t('scripts.files.mode')}</label>
          <select id="script-import-mode" data-testid="script-import-mode" value={mode} disabled={readOnly} onChange={(e) => setMode(e.currentTarget.value === 'append' ? 'append' : 'replace')}>
            <option value="replace">{t('scripts.files.replace')}</option>
            <option value="append">{t('scripts.files.append')}</option>
          </select>
        </div>
        <div className="file-picker">
          <input
            id="script-file"
            className="file-input"
            type="file"
            accept=".json,.md,.markdown,.txt,application/json,text/markdown,text/plain"
            data-testid="script-import-file"
            aria-labelledby="script-file-button"
            aria-describedby="script-file-hint"
            disabled={readOnly || state.phase === 'importing'}
            onChange={onFile}
          />
          <label htmlFor="script-file" id="script-file-button" className="btn btn-secondary">
            {t('scripts.files.import')}
          </label>
        </div>
        <Button data-testid="script-export-json" onClick={() => download('json')}>
          {t('scripts.files.exportJson')}
        </Button>
        <Button data-testid="script-export-md" onClick={() => download('markdown')}>
          {t('scripts.files.exportMarkdown')}
        </Button>
      </div>
      <p className="field-hint" id="script-file-hint">
        {t('scripts.files.hint')}
      </p>
      {exportError ? <ErrorMessage error={exportError} title={t('scripts.files.exportError')} /> : null}
      <Outcome state={state} onDismiss={() => setState({ phase: 'idle' })} />
      {state.phase === 'confirm' ? (
        <Dialog title={t('scripts.files.confirmTitle')} onClose={() => setState({ phase: 'idle' })} role="alertdialog">
          <p>{t('scripts.files.confirmBody', { count: segmentCount, file: state.file })}</p>
          <div className="form-actions">
            <Button onClick={() => setState({ phase: 'idle' })} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" data-testid="script-import-confirm" onClick={() => void run(state.file, state.text, state.format)}>
              {t('scripts.files.confirmReplace')}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}

function Outcome({ state, onDismiss }: { state: ImportState; onDismiss: () => void }): ReactNode {
  const { t } = useTranslation();
  switch (state.phase) {
    case 'idle':
    case 'confirm':
      return null;
    case 'importing':
      return (
        <p className="muted" role="status">
          {t('scripts.files.importing', { file: state.file })}
        </p>
      );
    case 'done':
      return (
        <div className="import-done" role="status" data-testid="script-import-result" data-imported={state.imported}>
          <span>{t('scripts.files.imported', { file: state.file, count: state.imported, added: state.addedToQueue })}</span>
          <Button variant="ghost" onClick={onDismiss}>
            {t('common.close')}
          </Button>
        </div>
      );
    case 'failed': {
      const title = t('scripts.files.failed', { file: state.file });
      if (typeof state.error === 'object') return <ErrorMessage error={state.error} title={title} testId="script-import-error" />;
      return (
        <div className="error" role="alert" data-testid="script-import-error">
          <strong className="error-title">{title}</strong>
          <span>{state.error === 'tooLarge' ? t('scripts.files.tooLarge') : t('scripts.files.readError')}</span>
        </div>
      );
    }
    default:
      return assertNever(state, 'import state');
  }
}
