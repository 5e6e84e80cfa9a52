import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contract/catalog.js';
import { Button } from '../../ui/Button.js';

/** What an import did: counts, and every rejected row with its line number, SKU and problems. */
export function CsvReport({ file, report, onDismiss }: { file: string; report: ImportReport; onDismiss: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="report" data-testid="csv-report" role="status">
      <div className="report-header">
        <h3>{t('catalog.csv.reportTitle', { file })}</h3>
        <Button variant="ghost" onClick={onDismiss}>
          {t('catalog.csv.dismiss')}
        </Button>
      </div>
      <dl className="report-counts">
        <div>
          <dt>{t('catalog.csv.created')}</dt>
          <dd data-testid="csv-report-created">{report.created}</dd>
        </div>
        <div>
          <dt>{t('catalog.csv.updated')}</dt>
          <dd data-testid="csv-report-updated">{report.updated}</dd>
        </div>
        <div className={report.rejected.length > 0 ? 'report-bad' : undefined}>
          <dt>{t('catalog.csv.rejected')}</dt>
          <dd data-testid="csv-report-rejected">{report.rejected.length}</dd>
        </div>
      </dl>
      {report.rejected.length === 0 ? (
        <p className="muted">{t('catalog.csv.allImported')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('catalog.csv.rejectedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('catalog.csv.line')}
                </th>
                <th scope="col">{t('catalog.csv.sku')}</th>
                <th scope="col">{t('catalog.csv.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row) => (
                <tr key={row.line} data-testid="csv-rejected-row" data-line={row.line}>
                  <td className="num">{row.line}</td>
                  <td className="mono">{row.sku ?? t('common.none')}</td>
                  <td>
                    <ul className="plain-list">
                      {row.errors.map((err, i) => (
                        <li key={i}>{err}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
