import { METRIC_ALERT_RULES as R } from '../../../shared/contract/metrics.js';
import type { Bucket, MetricsEngine } from '../../../shared/domain/metrics/engine.js';
import type { AlertService } from '../alerts/alertService.js';
import type { LiveView } from './metricsService.js';

/** The highest viewer count of the window: a drop "within 60 s" is measured from the window's peak. */
function peakViewersSince(engine: MetricsEngine, from: number): number | null {
  let v: number | null = null;
  for (const b of engine.seconds(from)) if (b.viewers !== null) v = Math.max(v ?? 0, b.viewers);
  return v;
}

const sum = (buckets: readonly Bucket[], key: 'complaints' | 'priceObjections'): number => buckets.reduce((n, b) => n + b[key], 0);

const label = (name: string | null, sku: string | null, id: string): string => name ?? sku ?? id;

/**
 * The metrics alert rules, evaluated once a second on the live engine with the studio's thresholds
 * (`alerts.setRules`). Each raises while its condition holds and clears when it ends (AlertService.set), so an
 * alert is raised once per episode. Rules named `host.*` also show on the host view. Stream-health alerts are
 * raised by the OBS core, not here.
 */
export function createMetricAlerts(alerts: AlertService): { evaluate(view: LiveView): void } {
  let belowSince: number | null = null;
  let objectionSubject: string | null = null;
  const stockSubjects = new Set<string>();

  return {
    evaluate({ now, engine, snapshot, rules }) {
      // Viewers drop ≥ dropPct within the window (from the window's peak to now).
      const cur = snapshot.headline.viewers;
      const before = peakViewersSince(engine, now - rules.viewersDrop.windowSec * 1000);
      const dropPct = cur !== null && before !== null && before > 0 ? ((before - cur) / before) * 100 : 0;
      alerts.set(rules.viewersDrop.enabled && dropPct >= rules.viewersDrop.dropPct, {
        rule: R.viewersDrop,
        severity: 'warning',
        message: `在线人数 ${rules.viewersDrop.windowSec} 秒内下降 ${Math.round(dropPct)}% / viewers down ${Math.round(dropPct)}% in ${rules.viewersDrop.windowSec} s (${before ?? '?'} → ${cur ?? '?'})`,
        subject: null,
      });

      // Sentiment index below the threshold for forSec.
      const idx = snapshot.headline.sentimentIndex;
      if (idx !== null && idx < rules.sentimentLow.below) belowSince ??= now;
      else belowSince = null;
      alerts.set(rules.sentimentLow.enabled && belowSince !== null && now - belowSince >= rules.sentimentLow.forSec * 1000, {
        rule: R.sentimentLow,
        severity: 'warning',
        message: `情绪指数 ${idx?.toFixed(2) ?? '?'} 低于 ${rules.sentimentLow.below} / sentiment index below ${rules.sentimentLow.below} for ${rules.sentimentLow.forSec} s`,
        subject: null,
      });

      // Complaints in the last minute.
      const lastMinute = engine.seconds(now - 60_000);
      const complaints = sum(lastMinute, 'complaints');
      alerts.set(rules.complaintSpike.enabled && complaints >= rules.complaintSpike.perMinute, {
        rule: R.complaintSpike,
        severity: 'warning',
        message: `投诉激增：近 1 分钟 ${complaints} 条 / complaint spike: ${complaints} in the last minute`,
        subject: null,
      });

      // Price objections on the current product, in the last minute it was presented.
      const p = snapshot.current;
      const subject = p ? `product:${p.productId}` : null;
      if (objectionSubject !== null && objectionSubject !== subject) alerts.clear(R.priceObjectionSpike, objectionSubject);
      objectionSubject = subject;
      if (p && subject) {
        const objections = sum(engine.seconds(Math.max(now - 60_000, p.presentedAt)), 'priceObjections');
        alerts.set(rules.priceObjectionSpike.enabled && objections >= rules.priceObjectionSpike.perMinute, {
          rule: R.priceObjectionSpike,
          severity: 'warning',
          message: `「${label(p.name, p.sku, p.productId)}」价格异议 ${objections} 条/分钟 / price objections: ${objections} in the last minute`,
          subject,
        });
      }

      // Stock low / sold out, from the stock when presented and the orders since.
      for (const prod of snapshot.products) {
        if (prod.stockLeft === null) continue;
        const subj = `product:${prod.productId}`;
        stockSubjects.add(subj);
        const name = label(prod.name, prod.sku, prod.productId);
        alerts.set(rules.stock.enabled && prod.stockLeft === 0, {
          rule: R.soldOut,
          severity: 'critical',
          message: `「${name}」已售罄 / sold out`,
          subject: subj,
        });
        alerts.set(rules.stock.enabled && prod.stockLeft > 0 && prod.stockLeft <= rules.stock.lowAt, {
          rule: R.stockLow,
          severity: 'warning',
          message: `「${name}」库存仅剩 ${prod.stockLeft} / stock low: ${prod.stockLeft} left`,
          subject: subj,
        });
      }
    },
  };
}
