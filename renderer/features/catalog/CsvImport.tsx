import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract/catalog.js';
import { assertNever, type ErrorBody } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { CsvReport } from './CsvReport.js';
import { CATALOG_CURRENCY } from './productForm.js';
import { useCatalogActions } from './useProducts.js';

/** The core refuses longer CSV text (catalog.importCsv); checked before the file goes over the link. */
const CSV_MAX_CHARS = 5_000_000;

type ImportState =
  | { phase: 'idle' }
  | { phase: 'importing'; file: string }
  | { phase: 'done'; file: string; report: ImportReport }
  | { phase: 'failed'; file: string; error: ErrorBody | 'tooLarge' | 'readError' };

/** Imports a CSV file into the catalog and shows what was created, updated and rejected (with why). */
export function CsvImport(): ReactNode {
  const { t } = useTranslation();
  const { importCsv } = useCatalogActions();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const run = async (file: File): Promise<void> => {
    setState({ phase: 'importing', file: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setState({ phase: 'failed', file: file.name, error: 'readError' });
      return;
    }
    if (text.length > CSV_MAX_CHARS) {
      setState({ phase: 'failed', file: file.name, error: 'tooLarge' });
      return;
    }
    const result = await importCsv(text);
    setState(
      result.ok
        ? { phase: 'done', file: file.name, report: result.value }
        : { phase: 'failed', file: file.name, error: result.error },
    );
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Cleared so that choosing the same (corrected) file again imports it again.
    input.value = '';
    void run(file);
  };

  return (
    <section className="panel" aria-labelledby="csv-title">
      <h2 id="csv-title">{t('catalog.csv.title')}</h2>
      <div className="field">
        <span className="field-label" id="csv-file-label">
          {t('catalog.csv.file')}
        </span>
        <div className="file-picker">
          <input
            id="csv-file"
            className="file-input"
            type="file"
            accept=".csv,text/csv"
            data-testid="csv-file"
            aria-labelledby="csv-file-label csv-file-button"
            aria-describedby="csv-hint"
            disabled={state.phase === 'importing'}
            onChange={onFile}
          />
          <label htmlFor="csv-file" id="csv-file-button" className="btn btn-secondary">
            {t('catalog.csv.choose')}
          </label>
        </div>
        <p className="field-hint" id="csv-hint">
          {t('catalog.csv.hint', { currency: CATALOG_CURRENCY })}
        </p>
      </div>
      <ImportOutcome state={state} onDismiss={() => setState({ phase: 'idle' })} />
    </section>
  );
}

function ImportOutcome({ state, onDismiss }: { state: ImportState; onDismiss: () => void }): ReactNode {
  const { t } = useTranslation();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'importing':
      return (
        <p className="muted" role="status">
          {t('catalog.csv.importing', { file: state.file })}
        </p>
      );
    case 'done':
      return <CsvReport file={state.file} report={state.report} onDismiss={onDismiss} />;
    case 'failed': {
      const title = t('catalog.csv.failed', { file: state.file });
      if (typeof state.error === 'object') return <ErrorMessage error={state.error} title={title} testId="csv-error" />;
      return (
        <div className="error" role="alert" data-testid="csv-error">
          <strong className="error-title">{title}</strong>
          <span>{state.error === 'tooLarge' ? t('catalog.csv.tooLarge') : t('catalog.csv.readError')}</span>
          <Button variant="ghost" onClick={onDismiss}>
            {t('common.close')}
          </Button>
        </div>
      );
    }
    default:
      return assertNever(state, 'import state');
  }
}
