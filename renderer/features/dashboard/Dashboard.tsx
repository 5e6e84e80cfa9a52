import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsSnapshot } from '../../../shared/contract/metrics.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { deltaTone, formatCount, formatDelta, formatDuration, formatMinor, formatPct, formatSentiment } from './format.js';
import { MetricsChart } from './MetricsChart.js';
import { useDashboard } from './useDashboard.js';

interface HeadlineProps {
  readonly testId: string;
  readonly label: string;
  readonly text: string;
  /** The raw number (minor units for money); '' when there is none. */
  readonly value: number | null;
  readonly delta: string;
  readonly tone: ReturnType<typeof deltaTone>;
}

function Headline({ testId, label, text, value, delta, tone }: HeadlineProps): ReactNode {
  return (
    <div className="dashboard-headline" data-testid={testId} data-value={value === null ? '' : String(value)}>
      <span className="dashboard-headline-label">{label}</span>
      <span className="dashboard-headline-value mono">{text}</span>
      <span className={`dashboard-delta dashboard-delta-${tone} mono`}>{delta}</span>
    </div>
  );
}

function Headlines({ s }: { s: MetricsSnapshot }): ReactNode {
  const { t } = useTranslation();
  const h = s.headline;
  const d = s.delta;
  const c = s.currency;
  return (
    <div className="dashboard-headlines" title={t('dashboard.deltaHint')}>
      <Headline testId="metric-viewers" label={t('dashboard.viewers')} text={formatCount(h.viewers)} value={h.viewers} delta={formatDelta(d.viewers, 'count')} tone={deltaTone(d.viewers)} />
      <Headline testId="metric-gmv" label={t('dashboard.gmv')} text={formatMinor(h.gmv.amount, c)} value={h.gmv.amount} delta={formatDelta(d.gmv, 'money', c)} tone={deltaTone(d.gmv)} />
      <Headline testId="metric-orders" label={t('dashboard.orders')} text={formatCount(h.orders)} value={h.orders} delta={formatDelta(d.orders, 'count')} tone={deltaTone(d.orders)} />
      <Headline testId="metric-conversion" label={t('dashboard.conversion')} text={formatPct(h.conversionRate, 2)} value={h.conversionRate} delta={formatDelta(d.conversionRate, 'pct')} tone={deltaTone(d.conversionRate)} />
      <Headline testId="metric-gpm" label={t('dashboard.gpm')} text={formatMinor(h.gpm?.amount ?? null, c)} value={h.gpm?.amount ?? null} delta={formatDelta(d.gpm, 'money', c)} tone={deltaTone(d.gpm)} />
      <Headline testId="metric-sentiment" label={t('dashboard.sentiment')} text={formatSentiment(h.sentimentIndex)} value={h.sentimentIndex} delta={formatDelta(d.sentimentIndex, 'index')} tone={deltaTone(d.sentimentIndex)} />
    </div>
  );
}

function Funnel({ s }: { s: MetricsSnapshot }): ReactNode {
  const { t } = useTranslation();
  const f = s.funnel;
  const top = Math.max(1, f.views);
  const step = (testId: string, label: string, n: number): ReactNode => (
    <li className="dashboard-funnel-step" data-testid={testId} data-value={String(n)}>
      <span className="dashboard-funnel-bar" style={{ width: `${Math.max(2, (n / top) * 100)}%` }} />
      <span>{label}</span>
      <span className="mono">{formatCount(n)}</span>
    </li>
  );
  return (
    <section className="dashboard-funnel" aria-label={t('dashboard.funnel')}>
      <h3>{t('dashboard.funnel')}</h3>
      <ol>
        {step('funnel-views', t('dashboard.funnelViews'), f.views)}
        {step('funnel-clicks', t('dashboard.funnelClicks'), f.clicks)}
        {step('funnel-orders', t('dashboard.funnelOrders'), f.orders)}
      </ol>
    </section>
  );
}

function CurrentProduct({ s }: { s: MetricsSnapshot }): ReactNode {
  const { t } = useTranslation();
  const p = s.current;
  return (
    <section className="dashboard-current" data-testid="dashboard-current" aria-label={t('dashboard.current')}>
      <h3>{t('dashboard.current')}</h3>
      {p ? (
        <>
          <p className="dashboard-current-name" data-product-id={p.productId}>
            {p.name ?? p.sku ?? p.productId} <span className="muted">{t('dashboard.since', { time: new Date(p.presentedAt).toLocaleTimeString() })}</span>
          </p>
          <dl className="dashboard-current-figures">
            <dt>{t('dashboard.clicks')}</dt>
            <dd className="mono">{formatCount(p.clicks)}</dd>
            <dt>{t('dashboard.orders')}</dt>
            <dd className="mono" data-testid="current-orders" data-value={String(p.orders)}>{formatCount(p.orders)}</dd>
            <dt>{t('dashboard.units')}</dt>
            <dd className="mono">{formatCount(p.units)}</dd>
            <dt>{t('dashboard.gmv')}</dt>
            <dd className="mono">{formatMinor(p.gmv.amount, p.gmv.currency)}</dd>
            <dt>{t('dashboard.priceObjections')}</dt>
            <dd className="mono">{formatCount(p.priceObjections)}</dd>
            <dt>{t('dashboard.stockLeft')}</dt>
            <dd className="mono">{formatCount(p.stockLeft)}</dd>
          </dl>
        </>
      ) : (
        <p className="muted">{t('dashboard.currentNone')}</p>
      )}
    </section>
  );
}

function ProductTable({ s }: { s: MetricsSnapshot }): ReactNode {
  const { t } = useTranslation();
  if (s.products.length === 0) return <p className="muted">{t('dashboard.productsNone')}</p>;
  return (
    <table className="dashboard-products">
      <caption>{t('dashboard.products')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.product')}</th>
          <th scope="col">{t('dashboard.presented')}</th>
          <th scope="col">{t('dashboard.clicks')}</th>
          <th scope="col">{t('dashboard.orders')}</th>
          <th scope="col">{t('dashboard.units')}</th>
          <th scope="col">{t('dashboard.gmv')}</th>
          <th scope="col">{t('dashboard.clickConversion')}</th>
          <th scope="col">{t('dashboard.stockLeft')}</th>
        </tr>
      </thead>
      <tbody>
        {s.products.map((p) => (
          <tr key={p.productId} data-testid="product-metrics-row" data-product-id={p.productId} className={s.current?.productId === p.productId ? 'is-current' : undefined}>
            <th scope="row">{p.name ?? p.sku ?? p.productId}</th>
            <td className="mono">{formatDuration(p.presentedMs)}</td>
            <td className="mono">{formatCount(p.clicks)}</td>
            <td className="mono" data-value={String(p.orders)}>{formatCount(p.orders)}</td>
            <td className="mono">{formatCount(p.units)}</td>
            <td className="mono" data-value={String(p.gmv.amount)}>{formatMinor(p.gmv.amount, p.gmv.currency)}</td>
            <td className="mono">{formatPct(p.clickConversion)}</td>
            <td className="mono">{formatCount(p.stockLeft)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The live dashboard: headline numbers with deltas, charts, the funnel, the current product and per-product attribution. */
export function Dashboard(): ReactNode {
  const { t } = useTranslation();
  const { snapshot: s, error, ring, onSeries } = useDashboard();
  return (
    <section className="dashboard" data-testid="dashboard-root" data-seq={s ? String(s.seq) : ''} data-session={s?.sessionId ?? ''} aria-labelledby="dashboard-title">
      <header className="dashboard-header">
        <h2 id="dashboard-title">{t('dashboard.title')}</h2>
        {s ? <span className="muted">{s.sessionId === null ? t('dashboard.room') : t('dashboard.session')}</span> : null}
        {s && s.headline.refunds.amount > 0 ? (
          <span className="muted" data-testid="metric-refunds" data-value={String(s.headline.refunds.amount)}>
            {t('dashboard.refunds', { amount: formatMinor(s.headline.refunds.amount, s.currency) })}
          </span>
        ) : null}
      </header>
      {error ? <ErrorMessage error={error} title={t('dashboard.loadError')} testId="dashboard-error" /> : null}
      {s === null && !error ? <p className="muted">{t('dashboard.loading')}</p> : null}
      {s ? <Headlines s={s} /> : null}
      <MetricsChart ring={ring} gmvTotal={s?.headline.gmv.amount ?? 0} currency={s?.currency ?? 'CNY'} onSeries={onSeries} />
      {s ? (
        <div className="dashboard-grid">
          <Funnel s={s} />
          <CurrentProduct s={s} />
        </div>
      ) : null}
      {s ? <ProductTable s={s} /> : null}
    </section>
  );
}
