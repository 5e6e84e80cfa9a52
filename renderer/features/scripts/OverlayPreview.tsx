import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERLAY_PLACEHOLDERS, renderOverlay, type OverlayProduct } from '../../../shared/domain/cues/overlay.js';

/**
 * The overlay text as OBS will show it, rendered by the same code as the core (shared/domain/cues/overlay) with the
 * product as this show sells it; unknown placeholders and empty values are pointed out.
 */
export function OverlayPreview({ template, product }: { template: string; product: OverlayProduct | null }): ReactNode {
  const { t } = useTranslation();
  if (template.trim() === '') {
    return <p className="field-hint">{t('scripts.overlayPlaceholders', { list: OVERLAY_PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}</p>;
  }
  const r = renderOverlay(template, product);
  return (
    <div className="overlay-preview-wrap">
      <span className="field-label">{t('scripts.overlayPreview')}</span>
      <div className="overlay-preview" data-testid="segment-overlay-preview">
        {r.text}
      </div>
      <ul className="plain-list overlay-notes">
        {r.unknown.map((u) => (
          <li key={`u-${u}`} className="field-problem">
            {t('scripts.overlayUnknown', { name: `{${u}}` })}
          </li>
        ))}
        {product === null && r.missing.length > 0 ? <li className="field-hint">{t('scripts.overlayNoProduct')}</li> : null}
        {product !== null
          ? r.missing.map((m) => (
              <li key={`m-${m}`} className="field-hint">
                {t('scripts.overlayMissing', { name: `{${m}}` })}
              </li>
            ))
          : null}
        {r.fallbacks.map((f) => (
          <li key={`f-${f}`} className="field-hint">
            {t('scripts.overlayFallback', { name: `{${f}}` })}
          </li>
        ))}
      </ul>
    </div>
  );
}
