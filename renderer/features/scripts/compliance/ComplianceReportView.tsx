import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceFinding, ComplianceReport, QueueItem, Segment } from '../../../../shared/contract/cues.js';
import { assertNever } from '../../../../shared/errors.js';
import './compliance.css';

type Place = ComplianceFinding['where'];

function placeKey(where: Place) {
  switch (where) {
    case 'segment.title':
      return 'segmentTitle' as const;
    case 'segment.script':
      return 'segmentScript' as const;
    case 'segment.notes':
      return 'segmentNotes' as const;
    case 'segment.overlayTemplate':
      return 'segmentOverlay' as const;
    case 'product.name':
      return 'productName' as const;
    case 'product.talkingPoints':
      return 'productPoints' as const;
    case 'product.coupon':
      return 'productCoupon' as const;
    default:
      return assertNever(where, 'finding place');
  }
}

/** The excerpt with the matched term marked. */
function Excerpt({ text, matched }: { text: string; matched: string }): ReactNode {
  const i = text.toLowerCase().indexOf(matched.toLowerCase());
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <mark className="hl-inline">{text.slice(i, i + matched.length)}</mark>
      {text.slice(i + matched.length)}
    </>
  );
}

/**
 * A show's compliance report: how many terms, which ones, and where each is (segment or product, field, excerpt),
 * so the producer can fix them or knowingly go on.
 */
export function ComplianceReportView({
  report,
  segments,
  queue,
  compact = false,
}: {
  report: ComplianceReport;
  segments: readonly Segment[];
  queue: readonly QueueItem[];
  /** One line per finding, the reason as a tooltip (for the dialog before the show). */
  compact?: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const { summary } = report;
  const segmentIndex = new Map(segments.map((s, i) => [s.id, { index: i + 1, title: s.title }]));
  const product = new Map(queue.map((q) => [q.id, q.product.name]));
  const owner = (f: ComplianceFinding): string => {
    if (f.where.startsWith('segment.')) {
      const s = segmentIndex.get(f.id);
      return s ? t('compliance.segmentRef', { index: s.index, title: s.title }) : t('compliance.unknownSegment');
    }
    return product.get(f.id) ?? t('compliance.unknownProduct');
  };
  if (summary.total === 0) {
    return (
      <p className="compliance-clean" data-testid="compliance-summary" data-total={0}>
        {t('compliance.clean')}
      </p>
    );
  }
  return (
    <div className="compliance-report" data-testid="compliance-summary" data-total={summary.total}>
      <p className="compliance-counts">
        {t('compliance.counts', { total: summary.total, banned: summary.banned, review: summary.review })}
      </p>
      <ul className="compliance-terms" aria-label={t('compliance.termsLabel')}>
        {summary.byTerm.map((x) => (
          <li key={x.term} className="badge badge-bad" data-testid="compliance-term" data-term={x.term}>
            {t('compliance.termCount', { term: x.term, count: x.count })}
          </li>
        ))}
      </ul>
      {compact ? (
        <ul className="compliance-list">
          {report.findings.map((f, i) => (
            <li
              key={`${f.id}-${f.where}-${f.part ?? ''}-${f.index}-${i}`}
              data-testid="compliance-finding"
              data-term={f.term}
              data-where={f.where}
              title={`${t(`compliance.category.${f.category}`)}: ${f.reason}`}
            >
              <span>
                <span className={`badge ${f.severity === 'banned' ? 'badge-bad' : 'badge-warn'}`}>{t(`compliance.severity.${f.severity}`)}</span>{' '}
                <strong>{f.matched}</strong>
              </span>
              <span>
                {owner(f)}
                <span className="muted"> · {t(`compliance.where.${placeKey(f.where)}`)}</span>
              </span>
              <span className="compliance-excerpt">
                <Excerpt text={f.excerpt} matched={f.matched} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="table-wrap">
          <table className="table compliance-table">
            <thead>
              <tr>
                <th scope="col">{t('compliance.columns.term')}</th>
                <th scope="col">{t('compliance.columns.where')}</th>
                <th scope="col">{t('compliance.columns.excerpt')}</th>
                <th scope="col">{t('compliance.columns.why')}</th>
              </tr>
            </thead>
            <tbody>
              {report.findings.map((f, i) => (
                <tr key={`${f.id}-${f.where}-${f.part ?? ''}-${f.index}-${i}`} data-testid="compliance-finding" data-term={f.term} data-where={f.where}>
                  <td>
                    <span className={`badge ${f.severity === 'banned' ? 'badge-bad' : 'badge-warn'}`}>{t(`compliance.severity.${f.severity}`)}</span>{' '}
                    <strong>{f.matched}</strong>
                  </td>
                  <td>
                    {owner(f)}
                    <span className="muted"> · {t(`compliance.where.${placeKey(f.where)}`)}</span>
                  </td>
                  <td className="compliance-excerpt">
                    <Excerpt text={f.excerpt} matched={f.matched} />
                  </td>
                  <td className="muted">
                    {t(`compliance.category.${f.category}`)}: {f.reason}
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
