import type { metricsCommands } from '../../../shared/contract/metrics.js';
import type { HandlerTable } from '../dispatch.js';
import type { MetricsService } from './metricsService.js';
import type { OrdersService } from './orders.js';

type MetricsCommand = keyof typeof metricsCommands;

/** The metrics, alert-rule and order-source part of the core's handler table. */
export function metricsHandlers(m: MetricsService, orders: OrdersService): Pick<HandlerTable, MetricsCommand> {
  return {
    'metrics.current': () => m.snapshot(),
    'metrics.series': ({ from, resolution }) => m.series(from, resolution),
    'metrics.products': () => m.products(),
    'metrics.forSession': ({ sessionId }) => m.forSession(sessionId),
    'metrics.getOptions': () => m.options(),
    'metrics.setOptions': (o) => m.setOptions(o),
    'alerts.getRules': () => m.rules(),
    'alerts.setRules': (r) => m.setRules(r),
    'orders.registerShopify': ({ name, secret }) => orders.registerShopify(name, secret),
    'orders.createGenericSource': ({ name, platform }) => orders.createGeneric(name, platform),
    'orders.listSources': () => orders.list(),
  };
}
