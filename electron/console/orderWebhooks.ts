import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseGenericOrder, parseShopifyOrder, parseShopifyRefund } from '../../shared/domain/orders/webhooks.js';
import type { Logger } from '../core/logger.js';
import type { OrdersService, OrderSourceRecord, StoreOutcome } from '../core/metrics/orders.js';
import { bearerOf } from './auth.js';
import { BodyError, readRawBody } from './http.js';

/** Webhook bodies are small: a Shopify order with hundreds of line items is well under this. */
export const ORDER_WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface OrderWebhookEndpoints {
  /** Answers `/webhooks/...` requests. Never throws. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

type Reply = { readonly status: number; readonly body: Record<string, unknown> };

const refuse = (status: number, code: string, message: string): Reply => ({ status, body: { ok: false, error: { code, message } } });
const accepted = (outcome: StoreOutcome | 'ignored'): Reply => ({ status: 200, body: { ok: true, outcome } });

function send(res: ServerResponse, r: Reply): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (r.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="showrunner-orders"';
  res.writeHead(r.status, headers);
  res.end(JSON.stringify(r.body));
}

/** Shopify's signature: base64 HMAC-SHA256 of the raw body under the shop's webhook secret, compared in constant time. */
export function shopifySignatureValid(raw: Buffer, secret: string, header: string | undefined): boolean {
  if (header === undefined || header.length === 0 || header.length > 128) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(header, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Order webhooks (docs/orders.md): Shopify `orders/create` and `refunds/create` at `POST /webhooks/shopify/<source
 * id>` (HMAC-verified), and the generic order webhook at `POST /webhooks/orders` (per-source bearer token). The
 * console host's UI access rules do not apply; the signature or token does.
 */
export function createOrderWebhooks(orders: OrdersService, log: Logger): OrderWebhookEndpoints {
  const shopify = async (req: IncomingMessage, sourceId: string): Promise<Reply> => {
    const found = orders.shopify(sourceId);
    let raw: Buffer;
    try {
      raw = await readRawBody(req, ORDER_WEBHOOK_MAX_BYTES);
    } catch (e) {
      if (e instanceof BodyError && e.status === 413) return refuse(413, 'TOO_LARGE', `body is larger than ${ORDER_WEBHOOK_MAX_BYTES} bytes`);
      throw e;
    }
    if (!found || !shopifySignatureValid(raw, found.secret, headerOf(req, 'x-shopify-hmac-sha256'))) {
      orders.noteUnauthorized(found?.source.id ?? null);
      log.warn('order webhook with a bad or missing signature', { source: sourceId.slice(0, 64) });
      return refuse(401, 'UNAUTHORIZED', 'missing or invalid X-Shopify-Hmac-Sha256 for this source');
    }
    const source = found.source;
    const topic = headerOf(req, 'x-shopify-topic') ?? '';
    const deliveryId = headerOf(req, 'x-shopify-webhook-id')?.slice(0, 128) ?? null;
    const json = parseJson(raw);
    if (!json.ok) {
      orders.noteRejected(source.id);
      return refuse(400, 'BAD_INPUT', 'the body is not valid JSON');
    }
    if (topic === 'orders/create' || topic === 'orders/paid') {
      const o = parseShopifyOrder(json.value);
      if (!o.ok) {
        orders.noteRejected(source.id);
        return refuse(400, 'BAD_INPUT', o.reason);
      }
      return accepted(orders.recordOrder(source, deliveryId, o.value));
    }
    if (topic === 'refunds/create') {
      const r = parseShopifyRefund(json.value);
      if (!r.ok) {
        orders.noteRejected(source.id);
        return refuse(400, 'BAD_INPUT', r.reason);
      }
      return accepted(orders.recordRefund(source, deliveryId, r.value));
    }
    // Other topics the shop may be subscribed to are acknowledged (so Shopify does not retry them) and ignored.
    return accepted('ignored');
  };

  const generic = async (req: IncomingMessage): Promise<Reply> => {
    const token = bearerOf(req);
    const source: OrderSourceRecord | null = token === null ? null : orders.authenticate(token);
    if (!source) {
      orders.noteUnauthorized(null);
      return refuse(401, 'UNAUTHORIZED', 'send Authorization: Bearer <order source token> (from orders.createGenericSource)');
    }
    if (!/^application\/json\b/i.test(headerOf(req, 'content-type') ?? '')) {
      orders.noteRejected(source.id);
      return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
    }
    let raw: Buffer;
    try {
      raw = await readRawBody(req, ORDER_WEBHOOK_MAX_BYTES);
    } catch (e) {
      if (e instanceof BodyError && e.status === 413) return refuse(413, 'TOO_LARGE', `body is larger than ${ORDER_WEBHOOK_MAX_BYTES} bytes`);
      throw e;
    }
    const json = parseJson(raw);
    if (!json.ok) {
      orders.noteRejected(source.id);
      return refuse(400, 'BAD_INPUT', 'the body is not valid JSON');
    }
    const parsed = parseGenericOrder(json.value, source.platform);
    if (!parsed.ok) {
      orders.noteRejected(source.id);
      return refuse(400, 'BAD_INPUT', parsed.reason);
    }
    const deliveryId = headerOf(req, 'idempotency-key')?.slice(0, 128) ?? null;
    const v = parsed.value;
    return accepted(v.kind === 'order' ? orders.recordOrder(source, deliveryId, v.order) : orders.recordRefund(source, deliveryId, v.refund));
  };

  return {
    async handle(req, res, path) {
      try {
        if (req.method !== 'POST') {
          res.setHeader('Allow', 'POST');
          send(res, refuse(405, 'METHOD_NOT_ALLOWED', 'send webhooks with POST'));
          return;
        }
        const m = /^\/webhooks\/shopify\/([A-Za-z0-9_-]{1,64})$/.exec(path);
        if (m?.[1]) {
          send(res, await shopify(req, m[1]));
          return;
        }
        if (path === '/webhooks/orders') {
          send(res, await generic(req));
          return;
        }
        send(res, refuse(404, 'NOT_FOUND', `no such webhook: ${path.slice(0, 200)}`));
      } catch (e) {
        log.error('order webhook failed', { error: String(e) });
        if (!res.headersSent) send(res, refuse(500, 'INTERNAL', 'the order could not be stored; retry'));
      }
    },
  };
}
