import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CueView, QueueProduct } from '../../../shared/contract/cues.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { useLinkStatus } from '../../app/ApiContext.js';
import { useNow } from '../../lib/useNow.js';
import { liveTiming, newestFirst, type CueSnapshot } from '../cues/cueClock.js';
import { formatElapsed, formatRemaining } from '../cues/format.js';
import { useCue } from '../cues/useCue.js';
import { ProductThumb } from '../catalog/ProductThumb.js';
import { HostAlerts } from './HostAlerts.js';
import { Teleprompter } from './Teleprompter.js';
import './host.css';

const TICK_MS = 250;

/**
 * The host's screen (a second monitor or a tablet, read from 3 m): the product, the time left, the script as a
 * teleprompter, producer messages and pinned questions. Renders each pushed CueView as it arrives — no request in
 * between — and stamps `data-updated-at` (performance.timeOrigin + performance.now(), ms) on the root when a cue
 * update has reached the DOM, for the benchmark.
 */
export function HostView(): ReactNode {
  const { t } = useTranslation();
  const link = useLinkStatus();
  const { snapshot, version } = useCue({ immediate: true });
  const root = useRef<HTMLDivElement>(null);
  const view = snapshot?.view ?? null;

  useLayoutEffect(() => {
    if (version > 0 && root.current) root.current.dataset['updatedAt'] = String(performance.timeOrigin + performance.now());
  }, [version]);

  return (
    <div
      className="host"
      ref={root}
      data-testid="host-root"
      data-link={link}
      data-status={view?.status ?? 'loading'}
      data-segment-id={view?.segment?.id ?? ''}
    >
      {link !== 'open' ? (
        <div className="host-offline" role="alert">
          {t('host.offline')}
        </div>
      ) : null}
      <HostAlerts />
      {snapshot && view ? <HostBody snapshot={snapshot} view={view} /> : <p className="host-wait">{t('common.loading')}</p>}
    </div>
  );
}

function HostBody({ snapshot, view }: { snapshot: CueSnapshot; view: CueView }): ReactNode {
  const { t } = useTranslation();
  const live = view.status === 'live';
  return (
    <>
      <header className="host-top">
        <div className="host-segment">
          {live && view.segment ? (
            <>
              <span className="host-counter">{t('host.segmentOf', { index: (view.segmentIndex ?? 0) + 1, count: view.segmentCount })}</span>
              <h1 className="host-segment-title" data-testid="host-segment-title">
                {view.segment.title}
              </h1>
              {view.nextSegment ? (
                <span className="host-next">{t('host.next', { title: view.nextSegment.title })}</span>
              ) : (
                <span className="host-next">{t('host.lastSegment')}</span>
              )}
            </>
          ) : (
            <h1 className="host-segment-title">{view.status === 'ended' ? t('host.ended') : t('host.waiting')}</h1>
          )}
        </div>
        <TimeLeft snapshot={snapshot} />
      </header>
      <div className="host-grid">
        <ProductCard product={live ? view.product : null} />
        <Teleprompter text={live ? (view.segment?.script ?? '') : ''} segmentId={live ? (view.segment?.id ?? null) : null} />
        <aside className="host-side">
          <Messages view={view} />
          <Pins view={view} />
        </aside>
      </div>
    </>
  );
}

/** Time left in the segment, big; amber near the end, red once overrun (then counting the overrun up). */
function TimeLeft({ snapshot }: { snapshot: CueSnapshot }): ReactNode {
  const { t } = useTranslation();
  const live = snapshot.view.status === 'live';
  const now = useNow(TICK_MS, live);
  const timing = liveTiming(snapshot, live ? Math.max(now, snapshot.receivedAt) : snapshot.receivedAt);
  if (!live) return <div className="host-time" data-testid="host-time-left" data-level="ok" />;
  const remaining = timing.remainingMs === null ? null : formatRemaining(timing.remainingMs);
  return (
    <div className="host-time" data-testid="host-time-left" data-level={timing.level} data-remaining-ms={timing.remainingMs ?? ''}>
      <span className="host-time-label">
        {remaining === null ? t('host.elapsed') : remaining.over ? t('host.overrun') : t('host.timeLeft')}
      </span>
      <span className="host-time-value">{remaining === null ? formatElapsed(timing.elapsedMs) : remaining.text}</span>
      <span className="host-time-show">
        {t('host.show', { elapsed: formatElapsed(timing.showElapsedMs), planned: formatElapsed(timing.showPlannedMs) })}
      </span>
    </div>
  );
}

function ProductCard({ product: p }: { product: QueueProduct | null }): ReactNode {
  const { t } = useTranslation();
  if (!p) {
    return (
      <section className="host-product host-product-none" aria-label={t('host.product')}>
        <p className="host-muted">{t('host.noProduct')}</p>
      </section>
    );
  }
  return (
    <section className="host-product" aria-label={t('host.product')} data-product-id={p.productId}>
      <div className="host-image">
        <ProductThumb src={p.imageUrl} />
      </div>
      <h2 className="host-product-name" data-testid="host-product-name">
        {p.name}
      </h2>
      <div className="host-prices">
        {p.promoPrice ? (
          <>
            <span className="host-promo-price" data-testid="host-promo-price">
              {formatMoney(p.promoPrice)}
            </span>
            <span className="host-price host-price-struck" data-testid="host-price">
              {formatMoney(p.price)}
            </span>
          </>
        ) : (
          <span className="host-price" data-testid="host-price">
            {formatMoney(p.price)}
          </span>
        )}
      </div>
      <div className={p.stock === 0 ? 'host-stock host-stock-out' : p.stock <= 20 ? 'host-stock host-stock-low' : 'host-stock'} data-testid="host-stock" data-stock={p.stock}>
        {p.stock === 0 ? t('host.soldOut') : t('host.stock', { count: p.stock })}
      </div>
      {p.coupon ? <div className="host-coupon">{t('host.coupon', { coupon: p.coupon })}</div> : null}
      {p.talkingPoints.length > 0 ? (
        <ul className="host-points" data-testid="host-points" aria-label={t('host.points')}>
          {p.talkingPoints.map((point, i) => (
            <li key={i}>{point}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Messages({ view }: { view: CueView }): ReactNode {
  const { t } = useTranslation();
  const [newest, ...older] = newestFirst(view.messages);
  return (
    <section className="host-messages" aria-label={t('host.messages')} aria-live="assertive">
      <h2 className="host-side-title">{t('host.messages')}</h2>
      {newest ? (
        <>
          <p className="host-message host-message-new" data-testid="host-message" data-message-id={newest.id}>
            {newest.text}
          </p>
          {older.slice(0, 3).map((m) => (
            <p key={m.id} className="host-message" data-testid="host-message" data-message-id={m.id}>
              {m.text}
            </p>
          ))}
        </>
      ) : (
        <p className="host-muted">{t('host.noMessages')}</p>
      )}
    </section>
  );
}

function Pins({ view }: { view: CueView }): ReactNode {
  const { t } = useTranslation();
  return (
    <section className="host-pins" aria-label={t('host.pins')}>
      <h2 className="host-side-title">{t('host.pins')}</h2>
      {view.pins.length === 0 ? (
        <p className="host-muted">{t('host.noPins')}</p>
      ) : (
        <ol className="host-pin-list">
          {view.pins.map((p) => (
            <li key={p.id} className="host-pin" data-testid="host-pin" data-pin-id={p.id}>
              <span>{p.text}</span>
              {p.author ? <span className="host-pin-author">{p.author}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
