import type { EventName, EventPayload } from '../../../shared/contract/index.js';
import type { AlertService } from '../alerts/alertService.js';
import { createPseudonymiser, loadOrCreatePseudonymKey } from '../audience/pseudonym.js';
import type { Clock } from '../clock.js';
import type { HandlerTable } from '../dispatch.js';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import { createMetricAlerts } from './alertRules.js';
import { metricsHandlers } from './handlers.js';
import { createMetricsService, type MetricsService } from './metricsService.js';
import { createOrdersService, type OrdersService } from './orders.js';

export interface MetricsCore {
  readonly metrics: MetricsService;
  readonly orders: OrdersService;
  readonly handlers: ReturnType<typeof metricsHandlers>;
  close(): void;
}

/** Wires orders, the metrics projection and its alert rules for the core (one call from createCore). */
export function createMetricsCore(deps: {
  db: Db;
  events: EventLog;
  clock: Clock;
  log: Logger;
  secrets: SecretBox;
  newId: () => string;
  alerts: AlertService;
  emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void;
}): MetricsCore {
  const { db, events, clock, log, secrets, newId, alerts, emit } = deps;
  const skuStmt = db.prepare('SELECT id FROM products WHERE sku = ? AND deleted_at IS NULL');
  const ruleAlerts = createMetricAlerts(alerts);
  const metrics = createMetricsService({
    db,
    events,
    clock,
    log: log.child('metrics'),
    emit: (s) => emit('metrics.updated', s),
    onSecond: (view) => ruleAlerts.evaluate(view),
  });
  const orders = createOrdersService({
    db,
    events,
    clock,
    secrets,
    newId,
    productOfSku: (sku) => (skuStmt.get(sku) as { id: string } | undefined)?.id ?? null,
    pseudonymise: createPseudonymiser(loadOrCreatePseudonymKey(db, secrets, clock)),
    onStored: () => metrics.poll(),
  });
  const handlers: Pick<HandlerTable, keyof ReturnType<typeof metricsHandlers>> = metricsHandlers(metrics, orders);
  return { metrics, orders, handlers, close: () => metrics.close() };
}
