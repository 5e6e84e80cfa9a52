import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/useNow.js';
import { liveTiming, type CueSnapshot } from './cueClock.js';
import { formatElapsed, formatRemaining } from './format.js';

const TICK_MS = 250;

/** The current segment (elapsed vs planned, with an overrun warning), the next one, and the show's clock. */
export function SegmentTiming({ snapshot }: { snapshot: CueSnapshot }): ReactNode {
  const { t } = useTranslation();
  const now = useNow(TICK_MS, snapshot.view.status === 'live');
  const v = snapshot.view;
  const timing = liveTiming(snapshot, Math.max(now, snapshot.receivedAt));
  const remaining = timing.remainingMs === null ? null : formatRemaining(timing.remainingMs);
  const pct = timing.progress === null ? 0 : Math.min(100, timing.progress * 100);
  return (
    <div className="segment-timing" data-testid="cue-segment" data-segment-id={v.segment?.id ?? ''} data-level={timing.level}>
      <h3 className="cue-label">
        {t('cues.segmentOf', { index: (v.segmentIndex ?? 0) + 1, count: v.segmentCount })}
      </h3>
      <strong className="cue-segment-title" data-testid="cue-segment-title">
        {v.segment?.title ?? t('common.none')}
      </strong>
      <div className="cue-times">
        <span data-testid="cue-elapsed">
          {t('cues.elapsedOf', { elapsed: formatElapsed(timing.elapsedMs), planned: timing.plannedMs > 0 ? formatElapsed(timing.plannedMs) : t('cues.untimed') })}
        </span>
        {remaining ? (
          <strong className={`cue-remaining cue-level-${timing.level}`} data-testid="cue-remaining">
            {remaining.over ? t('cues.overrunBy', { time: remaining.text }) : t('cues.left', { time: remaining.text })}
          </strong>
        ) : null}
      </div>
      {timing.progress !== null ? (
        <div
          className={`cue-progress cue-level-${timing.level}`}
          role="progressbar"
          aria-label={t('cues.progress')}
          aria-valuemin={0}
          aria-valuemax={Math.round(timing.plannedMs / 1000)}
          aria-valuenow={Math.min(Math.round(timing.elapsedMs / 1000), Math.round(timing.plannedMs / 1000))}
        >
          <span style={{ width: `${pct}%` }} />
        </div>
      ) : null}
      <p className="cue-next-line" data-testid="cue-next-segment">
        {v.nextSegment ? t('cues.upNext', { title: v.nextSegment.title, planned: formatElapsed(v.nextSegment.plannedDurationSec * 1000) }) : t('cues.noNext')}
      </p>
      <p className="cue-show-clock" data-testid="cue-show-clock">
        {t('cues.showClock', { elapsed: formatElapsed(timing.showElapsedMs), planned: formatElapsed(timing.showPlannedMs), projected: formatElapsed(timing.showProjectedMs) })}
        {timing.showOverrunMs > 0 ? <span className="cue-bad"> {t('cues.showOver', { time: formatElapsed(timing.showOverrunMs) })}</span> : null}
      </p>
    </div>
  );
}
