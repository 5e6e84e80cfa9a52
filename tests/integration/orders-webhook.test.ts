import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleHost, type ConsoleHost } from '../../electron/console/server.js';
import { createCore, type Core } from '../../electron/core/core.js';
import { createLogger, memorySink } from '../../electron/core/logger.js';
import type { MetricsSnapshot, OrderSource } from '../../shared/contract/metrics.js';
import { MIGRATIONS_DIR, TEST_CALL } from './support/coreHarness.js';
import { httpRequest } from './support/httpClient.js';

const SECRET = 'shpss_test_webhook_secret_0123456789';
const sign = (body: string | Buffer, secret = SECRET): string => createHmac('sha256', secret).update(body).digest('base64');

const order = (id: number, sku: string, qty: number, price: string, total: string) =>
  JSON.stringify({ id, currency: 'CNY', total_price: total, customer: { id: 42 }, line_items: [{ sku, quantity: qty, price }] });

describe('order webhooks on the real console host', () => {
  let dir: string;
  let core: Core;
  let host: ConsoleHost;
  let shop: OrderSource;
  let cupId: string;

  const call = async <T>(command: string, input: unknown): Promise<T> => {
    const r = await core.dispatch(command, input, TEST_CALL);
    if (!r.ok) throw new Error(`${command}: ${r.error.message}`);
    return r.value as T;
  };
  const post = (path: string, body: string | Buffer, headers: Record<string, string>) =>
    httpRequest(host.port, path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
  const shopify = (body: string | Buffer, topic: string, webhookId: string, signature: string | null) =>
    post(`/webhooks/shopify/${shop.id}`, body, {
      'X-Shopify-Topic': topic,
      'X-Shopify-Webhook-Id': webhookId,
      ...(signature === null ? {} : { 'X-Shopify-Hmac-Sha256': signature }),
    });
  const placed = () => core.events.read({ type: 'OrderPlaced', limit: 1000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-orders-'));
    mkdirSync(join(dir, 'static'));
    writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html>');
    core = createCore({ dataDir: join(dir, 'data'), migrationsDir: MIGRATIONS_DIR, host: 'console', version: 't', log: createLogger('t', memorySink()), audienceAutostart: false });
    host = await startConsoleHost({ core, log: createLogger('t', memorySink()), staticDir: join(dir, 'static'), port: 0, lan: false, accessToken: 'T'.repeat(43) });
    cupId = (await call<{ id: string }>('catalog.create', { sku: 'CUP-01', name: '保温杯', price: { amount: 12900, currency: 'CNY' }, promoPrice: null, stock: 10, imageUrl: null, talkingPoints: [] })).id;
    shop = await call<OrderSource>('orders.registerShopify', { name: 'Tea shop', secret: SECRET });
  });
  afterAll(async () => {
    await host.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the webhook secret encrypted, never in clear', () => {
    const row = core.db.prepare('SELECT secret_enc FROM order_sources WHERE id = ?').get(shop.id) as { secret_enc: string };
    expect(row.secret_enc).not.toContain(SECRET);
    expect(shop.path).toBe(`/webhooks/shopify/${shop.id}`);
  });

  it('stores an order with a valid signature, matched to the catalog by SKU, in minor units', async () => {
    const body = order(1001, 'CUP-01', 2, '99.00', '198.00');
    const r = await shopify(body, 'orders/create', 'wh-1', sign(body));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, outcome: 'stored' });
    const facts = placed();
    expect(facts).toHaveLength(1);
    expect(facts[0]?.payload).toMatchObject({
      platform: 'shopify',
      orderId: '1001',
      productId: cupId,
      amount: { amount: 19800, currency: 'CNY' },
      items: [{ sku: 'CUP-01', productId: cupId, qty: 2, unitPrice: { amount: 9900, currency: 'CNY' } }],
    });
    const m = await call<MetricsSnapshot>('metrics.current', {});
    expect(m.headline.gmv).toEqual({ amount: 19800, currency: 'CNY' });
    expect(m.headline.orders).toBe(1);
  });

  it('rejects a bad or missing signature with 401 and counts it', async () => {
    const body = order(1002, 'CUP-01', 1, '99.00', '99.00');
    expect((await shopify(body, 'orders/create', 'wh-2', sign(body, 'wrong-secret'))).status).toBe(401);
    expect((await shopify(body, 'orders/create', 'wh-3', null)).status).toBe(401);
    // Signed body, different bytes delivered.
    expect((await shopify(body.replace('99.00', '1.00'), 'orders/create', 'wh-4', sign(body))).status).toBe(401);
    expect((await post('/webhooks/shopify/no-such-source', body, { 'X-Shopify-Hmac-Sha256': sign(body), 'X-Shopify-Topic': 'orders/create' })).status).toBe(401);
    expect(placed()).toHaveLength(1);
    const [listed] = await call<OrderSource[]>('orders.listSources', {});
    expect(listed?.unauthorized).toBe(3);
    expect(core.metrics.orders.unauthorizedTotal()).toBe(4);
  });

  it('stores a duplicate delivery (same X-Shopify-Webhook-Id) once', async () => {
    const body = order(1003, 'CUP-01', 1, '99.00', '99.00');
    const replies = await Promise.all([1, 2, 3].map(() => shopify(body, 'orders/create', 'wh-dup', sign(body))));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.map((r) => (JSON.parse(r.body) as { outcome: string }).outcome).sort()).toEqual(['duplicate', 'duplicate', 'stored']);
    // The same order under a new delivery id (Shopify retries sometimes carry one) is still one order.
    expect(JSON.parse((await shopify(body, 'orders/create', 'wh-other', sign(body))).body)).toEqual({ ok: true, outcome: 'duplicate' });
    expect(placed().filter((e) => (e.payload as { orderId: string }).orderId === '1003')).toHaveLength(1);
  });

  it('tracks refunds apart from GMV', async () => {
    const body = JSON.stringify({ id: 77, order_id: 1001, transactions: [{ kind: 'refund', status: 'success', amount: '99.00', currency: 'CNY' }] });
    expect((await shopify(body, 'refunds/create', 'wh-r1', sign(body))).status).toBe(200);
    const m = await call<MetricsSnapshot>('metrics.current', {});
    expect(m.headline.gmv).toEqual({ amount: 19800 + 9900, currency: 'CNY' });
    expect(m.headline.refunds).toEqual({ amount: 9900, currency: 'CNY' });
  });

  it('refuses a signed body that is not an order with 400 and a reason', async () => {
    const body = JSON.stringify({ id: 5, currency: 'CNY', total_price: 'lots', line_items: [] });
    const r = await shopify(body, 'orders/create', 'wh-bad', sign(body));
    expect(r.status).toBe(400);
    expect(r.body).toContain('total_price');
  });

  it('takes generic order webhooks with a bearer token, 4xx with reasons otherwise', async () => {
    const { token } = await call<{ token: string }>('orders.createGenericSource', { name: 'Douyin relay', platform: 'douyin' });
    const ok = JSON.stringify({ kind: 'order', orderId: 'DY-1', buyerId: 'b1', items: [{ sku: 'CUP-01', qty: 1, unitPrice: { amount: 9900, currency: 'CNY' } }], amount: { amount: 9900, currency: 'CNY' } });
    expect((await post('/webhooks/orders', ok, { Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await post('/webhooks/orders', ok, { Authorization: 'Bearer nope' })).status).toBe(401);
    const bad = await post('/webhooks/orders', JSON.stringify({ kind: 'order', orderId: 'DY-2', items: [], amount: { amount: 1.5, currency: 'CNY' } }), { Authorization: `Bearer ${token}` });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/amount|items/);
    expect((await httpRequest(host.port, '/webhooks/orders', { method: 'POST', body: ok, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect(placed().filter((e) => (e.payload as { platform: string }).platform === 'douyin')).toHaveLength(1);
  });
});
