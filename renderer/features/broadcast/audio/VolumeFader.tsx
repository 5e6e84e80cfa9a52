import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDb } from '../format.js';
import { browserTimers, createThrottle, type Throttle } from '../throttle.js';
import { METER_FLOOR_DB } from './meter.js';

/** The fader's range: OBS's mixer runs from silence to 0 dB; lower values show at the bottom. */
export const FADER_MIN_DB = METER_FLOOR_DB;
export const FADER_MAX_DB = 0;
/** At most this many volume commands per second while dragging; the last position is always sent. */
const SEND_INTERVAL_MS = 100;
/** After the last move the fader shows OBS's value again once it had time to report it. */
const SETTLE_MS = 1_200;

interface VolumeFaderProps {
  input: string;
  volumeDb: number | null;
  disabled: boolean;
  onVolume: (db: number) => void;
}

/** A dB fader: the position follows the hand while dragging and OBS's reported volume otherwise. */
export function VolumeFader({ input, volumeDb, disabled, onVolume }: VolumeFaderProps): ReactNode {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number | null>(null);
  // The throttle lives as long as the fader and always calls the latest onVolume.
  const onVolumeRef = useRef(onVolume);
  useEffect(() => {
    onVolumeRef.current = onVolume;
  });
  const throttle = useRef<Throttle<number> | null>(null);
  useEffect(() => {
    const th = createThrottle<number>((db) => onVolumeRef.current(db), SEND_INTERVAL_MS, browserTimers);
    throttle.current = th;
    return () => {
      th.flush(); // a fader unmounted mid-drag still lands where it was left
      throttle.current = null;
    };
  }, []);
  useEffect(() => {
    if (draft === null) return undefined;
    const timer = window.setTimeout(() => setDraft(null), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

  const shown = draft ?? Math.min(FADER_MAX_DB, Math.max(FADER_MIN_DB, volumeDb ?? FADER_MIN_DB));
  const label = formatDb(draft ?? volumeDb);
  return (
    <div className="fader">
      <input
        type="range"
        data-testid="audio-volume"
        min={FADER_MIN_DB}
        max={FADER_MAX_DB}
        step={0.5}
        value={shown}
        disabled={disabled}
        aria-label={t('mixer.volumeLabel', { name: input })}
        aria-valuetext={t('mixer.db', { value: label })}
        onChange={(e) => {
          const db = Number(e.currentTarget.value);
          if (!Number.isFinite(db)) return;
          setDraft(db);
          throttle.current?.push(db);
        }}
        onPointerUp={() => throttle.current?.flush()}
        onKeyUp={() => throttle.current?.flush()}
        onBlur={() => throttle.current?.flush()}
      />
      <output className="fader-value mono">{t('mixer.db', { value: label })}</output>
    </div>
  );
}
