import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dbToFraction, METER_HOT_DB, METER_WARN_DB, peakMarker, SILENT_METER, stepMeter, type MeterDisplay } from './meter.js';
import type { AudioMeters } from './useAudioMeters.js';

const CHANNELS = 2;

/**
 * A stereo level meter with peak hold. It draws itself once per animation frame from the meter store by setting
 * CSS transforms and data-level directly: meter messages (up to 15 Hz per input) never re-render React.
 */
export function AudioMeter({ meters, input }: { meters: AudioMeters; input: string }): ReactNode {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const covers = useRef<(HTMLSpanElement | null)[]>([]);
  const marks = useRef<(HTMLSpanElement | null)[]>([]);

  useEffect(() => {
    let display: MeterDisplay = SILENT_METER;
    let shownLevel = '';
    return meters.loop.add((now) => {
      display = stepMeter(display, meters.store.read(input, now), now, CHANNELS);
      display.channels.forEach((ch, i) => {
        const cover = covers.current[i];
        const mark = marks.current[i];
        // The cover hides the unlit part of a fixed gradient, so the colours stay where the dB zones are.
        if (cover) cover.style.transform = `scaleX(${(1 - ch.level).toFixed(4)})`;
        if (mark) mark.style.transform = `translateX(${(peakMarker(ch.hold, now) * 100).toFixed(2)}%)`;
      });
      const level = display.peak.toFixed(2);
      if (level !== shownLevel && root.current) {
        shownLevel = level;
        root.current.dataset['level'] = level;
      }
    });
  }, [meters, input]);

  const zones = {
    '--meter-warn': `${(dbToFraction(METER_WARN_DB) * 100).toFixed(1)}%`,
    '--meter-hot': `${(dbToFraction(METER_HOT_DB) * 100).toFixed(1)}%`,
  } as CSSProperties;

  return (
    <div ref={root} className="meter" data-testid="audio-meter" data-level="0.00" role="img" aria-label={t('mixer.meterLabel', { name: input })} style={zones}>
      {Array.from({ length: CHANNELS }, (_, i) => (
        <span key={i} className="meter-track">
          <span
            className="meter-cover"
            ref={(el) => {
              covers.current[i] = el;
            }}
          />
          <span
            className="meter-peak"
            ref={(el) => {
              marks.current[i] = el;
            }}
          />
        </span>
      ))}
    </div>
  );
}
