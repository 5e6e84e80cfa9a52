import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceStats } from '../../../shared/contract/audience.js';
import { INTENTS } from '../../../shared/domain/classifier/model.js';

/** Sentiment gauge and intent mix over the stats' sliding window. */
export const AudienceSide = memo(function AudienceSide({ stats }: { stats: AudienceStats | null }): ReactNode {
  const { t } = useTranslation();
  const w = stats?.window ?? null;
  const index = w?.sentimentIndex ?? null;
  const seconds = stats ? Math.round(stats.windowMs / 1000) : 0;
  const scored = w ? w.sentiment.positive + w.sentiment.neutral + w.sentiment.negative : 0;
  const comments = w?.comments ?? 0;
  return (
    <>
      <section className="chat-card" data-testid="sentiment-gauge" data-value={index === null ? '' : index.toFixed(3)} aria-labelledby="gauge-title">
        <h3 id="gauge-title">
          {t('chat.gauge.title')} {stats ? <span className="muted chat-window">{t('chat.gauge.window', { seconds })}</span> : null}
        </h3>
        {index === null || !w ? (
          <p className="muted">{t('chat.gauge.none')}</p>
        ) : (
          <>
            <div className="gauge" role="meter" aria-valuemin={-1} aria-valuemax={1} aria-valuenow={index} aria-label={t('chat.gauge.title')}>
              <div className="gauge-track" />
              <div className="gauge-marker" style={{ left: `${((index + 1) / 2) * 100}%` }} />
            </div>
            <div className="gauge-legend">
              <span className="sentiment-negative-text">
                {t('chat.sentiment.negative')} {pct(w.sentiment.negative, scored)}
              </span>
              <span className="muted">
                {t('chat.sentiment.neutral')} {pct(w.sentiment.neutral, scored)}
              </span>
              <span className="sentiment-positive-text">
                {t('chat.sentiment.positive')} {pct(w.sentiment.positive, scored)}
              </span>
            </div>
          </>
        )}
      </section>
      <section className="chat-card" data-testid="intent-mix" aria-labelledby="mix-title">
        <h3 id="mix-title">
          {t('chat.intentMix.title')} <span className="muted chat-window">{t('chat.intentMix.of', { count: comments })}</span>
        </h3>
        <ul className="intent-mix">
          {INTENTS.map((i) => {
            const n = w?.intents[i] ?? 0;
            const share = comments > 0 ? n / comments : 0;
            return (
              <li key={i} data-intent={i} data-count={n}>
                <span className="intent-mix-label">{t(`chat.intent.${i}`)}</span>
                <span className="intent-mix-bar">
                  <span className={`intent-mix-fill intent-${i}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
                </span>
                <span className="intent-mix-value">{pct(n, comments)}</span>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
});

function pct(n: number, of: number): string {
  return of > 0 ? `${Math.round((n / of) * 100)}%` : '—';
}
