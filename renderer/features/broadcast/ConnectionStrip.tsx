import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { statusTone } from '../obs/obsState.js';

/**
 * The state of every OBS connection (main, backup…). Each is also the switch that picks which OBS the Live page
 * drives; with one connection it is simply its status.
 */
export function ConnectionStrip({
  connections,
  selected,
  onSelect,
}: {
  connections: readonly ObsConnectionView[];
  selected: string | null;
  onSelect: (name: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  if (connections.length === 0) return null;
  return (
    <ul className="conn-strip" aria-label={t('broadcast.connections')}>
      {connections.map((c) => (
        <li key={c.name}>
          <button
            type="button"
            className={`conn pill pill-${statusTone(c.status)}`}
            data-testid="obs-connection"
            data-name={c.name}
            data-status={c.status}
            aria-pressed={c.name === selected}
            title={c.message ?? c.url}
            onClick={() => onSelect(c.name)}
          >
            <span className="pill-dot" aria-hidden="true" />
            <span className="conn-name">{c.name}</span>
            <span className="conn-status">{t(`obs.status.${c.status}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
