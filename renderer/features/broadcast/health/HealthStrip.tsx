import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/useNow.js';
import { AlertList } from '../../alerts/AlertList.js';
import { dataValue, formatFixed } from '../format.js';
import {
  bitrateSeries,
  bitrateTone,
  congestionTone,
  cpuTone,
  droppedTone,
  fpsTone,
  lagTone,
  type HealthTone,
} from './healthView.js';
import { Metric } from './Metric.js';
import { Sparkline } from './Sparkline.js';
import { useHealth } from './useHealth.js';

/** Samples come every second; after this long without one the figures are shown as stale. */
const STALE_AFTER_MS = 4_000;

/** Always on the Live page: how the stream of one OBS is doing, and the studio's active alerts. */
export function HealthStrip({ connection }: { connection: string }): ReactNode {
  const { t } = useTranslation();
  const { history, latest, receivedAt } = useHealth(connection);
  const now = useNow(1000, true);
  const stale = receivedAt === null || now - receivedAt > STALE_AFTER_MS;
  const s = stale ? null : latest;
  const pct = (value: number | null, digits: number): string =>
    value === null ? t('common.none') : t('health.pct', { value: formatFixed(value, digits) });
  const tone = (x: HealthTone): HealthTone => (stale ? 'idle' : x);
  const streaming = s?.stream.active === true;
  const kbps = streaming ? (s.stream.bitrateKbps ?? null) : null;
  const dropped = streaming ? (s.stream.droppedPct10s ?? null) : null;
  const congestion = streaming ? (s.stream.congestion ?? null) : null;

  return (
    <section className="health-strip" data-testid="health-strip" data-connection={connection} data-stale={stale} aria-label={t('health.label')}>
      <div className="health-metrics">
        <Metric
          testId="health-bitrate"
          label={t('health.bitrate')}
          text={kbps === null ? t('common.none') : t('health.kbps', { value: formatFixed(kbps, 0) })}
          value={dataValue(kbps, 1)}
          tone={tone(bitrateTone(s, history))}
        >
          <Sparkline values={bitrateSeries(history)} />
        </Metric>
        <Metric
          testId="health-dropped"
          label={t('health.dropped')}
          text={pct(dropped, 2)}
          value={dataValue(dropped, 3)}
          tone={tone(droppedTone(s))}
        />
        <Metric
          testId="health-fps"
          label={t('health.fps')}
          text={formatFixed(s?.activeFps ?? null, 1)}
          value={dataValue(s?.activeFps ?? null, 2)}
          tone={tone(fpsTone(s, history))}
        />
        <Metric
          testId="health-cpu"
          label={t('health.cpu')}
          text={pct(s?.cpuUsage ?? null, 1)}
          value={dataValue(s?.cpuUsage ?? null, 2)}
          tone={tone(cpuTone(s?.cpuUsage ?? null))}
        />
        <Metric
          testId="health-render-lag"
          label={t('health.renderLag')}
          text={pct(s?.renderLagPct ?? null, 1)}
          value={dataValue(s?.renderLagPct ?? null, 3)}
          tone={tone(lagTone(s?.renderLagPct ?? null))}
        />
        <Metric
          testId="health-encode-lag"
          label={t('health.encodeLag')}
          text={pct(s?.encodeLagPct ?? null, 1)}
          value={dataValue(s?.encodeLagPct ?? null, 3)}
          tone={tone(lagTone(s?.encodeLagPct ?? null))}
        />
        <Metric
          testId="health-congestion"
          label={t('health.congestion')}
          text={pct(congestion === null ? null : congestion * 100, 0)}
          value={dataValue(congestion, 4)}
          tone={tone(congestionTone(congestion))}
        />
        {s?.stream.reconnecting ? <span className="badge badge-bad">{t('health.reconnecting')}</span> : null}
        {stale ? <span className="muted health-stale">{t('health.noData')}</span> : null}
      </div>
      <AlertList />
    </section>
  );
}
