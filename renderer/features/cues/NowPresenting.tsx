import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueProduct } from '../../../shared/contract/cues.js';
import { formatMoney } from '../../../shared/domain/money.js';
import { ProductThumb } from '../catalog/ProductThumb.js';

/** The product on air as this show sells it, and the overlay text OBS shows for it. */
export function NowPresenting({ product: p, overlayText }: { product: QueueProduct | null; overlayText: string | null }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="now-presenting" data-testid="cue-now" data-sku={p?.sku ?? ''}>
      <h3 className="cue-label">{t('cues.nowPresenting')}</h3>
      {p ? (
        <div className="now-card">
          <div className="now-image">
            <ProductThumb src={p.imageUrl} />
          </div>
          <div className="now-body">
            <strong className="now-name" data-testid="cue-product-name">
              {p.name}
            </strong>
            <span className="muted mono">{p.sku}</span>
            <div className="now-prices">
              <span className={p.promoPrice ? 'struck' : 'now-price'} data-testid="cue-price">
                {formatMoney(p.price)}
              </span>
              {p.promoPrice ? (
                <strong className="promo now-price" data-testid="cue-promo-price">
                  {formatMoney(p.promoPrice)}
                </strong>
              ) : null}
            </div>
            <span data-testid="cue-stock" className={p.stock === 0 ? 'cue-bad' : undefined}>
              {p.stock === 0 ? t('queue.soldOut') : t('queue.stockShort', { count: p.stock })}
            </span>
            {p.coupon ? <span className="badge">{t('queue.couponShort', { coupon: p.coupon })}</span> : null}
          </div>
          {p.talkingPoints.length > 0 ? (
            <ul className="now-points">
              {p.talkingPoints.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('cues.noProduct')}</p>
      )}
      {overlayText !== null ? (
        <p className="now-overlay">
          <span className="muted">{t('cues.overlay')}</span> <span className="overlay-text" data-testid="cue-overlay">{overlayText}</span>
        </p>
      ) : null}
    </div>
  );
}
