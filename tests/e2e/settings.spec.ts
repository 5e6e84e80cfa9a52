import { expect, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METRIC_ALERT_RULES } from '../../shared/contract/metrics.js';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { REPO_ROOT } from '../fixtures/tempCore.js';
import { ConsolePage } from './pages/ConsolePage.js';
import { CoreClient } from './pages/CoreClient.js';
import { HostViewPage } from './pages/HostViewPage.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const SECRET = 'shpss_e2e_9f1c2d3e4b5a6978';
let host: ConsoleProcess;
let api: CoreClient;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-settings-'));
  host = await startConsoleProcess({ dataDir });
  api = await CoreClient.connect(host.url);
  // Only the orders this test posts: the simulated room is stopped.
  for (const c of await api.must('audience.listConnectors', {})) {
    if (c.kind === 'rehearsal' && c.state !== 'stopped') await api.must('audience.stopConnector', { id: c.id });
  }
  await api.must('catalog.create', { sku: 'CUP-316', name: '保温杯 316', price: cny(12900), promoPrice: cny(9900), stock: 45, imageUrl: null, talkingPoints: [] });
});

test.afterAll(async () => {
  await api.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('alert threshold edited in Settings → Shopify order signed like Shopify → alert on Live and host view, acknowledged; GMV matches the core', async ({ page, context }) => {
  const app = new ConsolePage(page);
  await app.open(host.url);
  await app.go('settings');

  // (1) Alert rules: an out-of-range threshold is refused by the core, its message shown at the field.
  const rules = page.getByTestId('alert-rules');
  await expect(rules.getByTestId('rule-viewersDrop-dropPct')).toHaveValue('20');
  await rules.getByTestId('rule-viewersDrop-dropPct').fill('150');
  await rules.getByTestId('rules-save').click();
  const problem = rules.locator('[data-testid="rule-problem"][data-field="viewersDrop.dropPct"]');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('100');
  expect((await api.must('alerts.getRules', {})).viewersDrop.dropPct).toBe(20);
  // Fixed, plus stock low at 40 units with sound off: saved and read back.
  await rules.getByTestId('rule-viewersDrop-dropPct').fill('25');
  await rules.getByTestId('rule-stock-lowAt').fill('40');
  await rules.locator('[data-rule="stock"]').getByTestId('rule-sound').uncheck();
  await rules.getByTestId('rules-save').click();
  await expect(rules.getByTestId('rules-saved')).toBeVisible();
  await expect(problem).toHaveCount(0);
  const stored = await api.must('alerts.getRules', {});
  expect(stored.viewersDrop.dropPct).toBe(25);
  expect(stored.stock).toEqual({ enabled: true, sound: false, lowAt: 40 });
  await page.reload();
  await expect(page.getByTestId('rule-stock-lowAt')).toHaveValue('40');

  // (2) Attribution tail read back.
  await page.getByTestId('attribution-tail').fill('2');
  await page.getByTestId('attribution-save').click();
  await expect(page.getByTestId('attribution-tail')).toHaveAttribute('data-stored-ms', '120000');
  expect(await api.must('metrics.getOptions', {})).toEqual({ attributionTailMs: 120_000 });

  // (3) Register the Shopify shop from the UI: the secret field is emptied, the webhook URL is shown.
  await page.getByTestId('shopify-name').fill('E2E shop');
  await page.getByTestId('shopify-secret').fill(SECRET);
  await page.getByTestId('shopify-register').click();
  const created = page.getByTestId('shopify-created');
  await expect(created).toBeVisible();
  await expect(page.getByTestId('shopify-secret')).toHaveValue('');
  const url = (await page.getByTestId('shopify-url').textContent())?.trim() ?? '';
  const sourceId = (await created.getAttribute('data-source-id')) ?? '';
  expect(url).toBe(`${host.url}/webhooks/shopify/${sourceId}`);
  await expect(page.locator(`[data-testid="order-source-row"][data-source-id="${sourceId}"]`)).toBeVisible();
  expect(JSON.stringify(await api.must('orders.listSources', {}))).not.toContain(SECRET);

  // A show presenting the cup (stock 45 when presented).
  const session = await api.must('session.create', { title: 'Settings drill' });
  await api.must('script.importJson', { sessionId: session.id, text: readFileSync(join(REPO_ROOT, 'tests/fixtures/cues/show-en.json'), 'utf8') });
  await api.must('cues.start', { sessionId: session.id });
  await api.must('cues.next', {});
  await expect.poll(async () => (await api.must('metrics.current', {})).current?.sku, { timeout: 10_000 }).toBe('CUP-316');

  // Live page and host view open before the order comes.
  await app.go('live');
  await expect(page.getByTestId('dashboard-root')).toBeVisible();
  await expect(page.getByTestId('chart-canvas').locator('canvas')).not.toHaveCount(0);
  const hostPage = await context.newPage();
  const hostView = new HostViewPage(hostPage);
  await hostView.open(host.url, 'hash');
  await expect(hostPage.getByTestId('host-alert')).toHaveCount(0);

  // (4) orders/create signed as Shopify signs it: 10 cups → 35 left ≤ 40 → stock low.
  const body = JSON.stringify({
    id: 5001,
    currency: 'CNY',
    total_price: '990.00',
    customer: { id: 42 },
    line_items: [{ sku: 'CUP-316', quantity: 10, price: '99.00' }],
  });
  const post = (hmac: string, deliveryId: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Shopify-Topic': 'orders/create', 'X-Shopify-Webhook-Id': deliveryId, 'X-Shopify-Hmac-Sha256': hmac },
      body,
    });
  const bad = await post(createHmac('sha256', 'not-the-secret').update(body, 'utf8').digest('base64'), 'e2e-0');
  expect(bad.status).toBe(401);
  const res = await post(createHmac('sha256', SECRET).update(body, 'utf8').digest('base64'), 'e2e-1');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, outcome: 'stored' });

  // The dashboard's GMV moves to the order and equals the core's.
  await expect(page.getByTestId('metric-gmv')).toHaveAttribute('data-value', '99000', { timeout: 10_000 });
  const current = await api.must('metrics.current', {});
  expect(current.headline.gmv).toEqual(cny(99_000));
  expect(current.current?.stockLeft).toBe(35);
  await expect(page.getByTestId('current-orders')).toHaveAttribute('data-value', '1');

  // The stock-low alert on the Live page and, large, on the host view.
  const liveAlert = page.locator(`[data-testid="alert-item"][data-rule="${METRIC_ALERT_RULES.stockLow}"]`);
  await expect(liveAlert).toBeVisible({ timeout: 10_000 });
  const hostAlert = hostPage.locator(`[data-testid="host-alert"][data-rule="${METRIC_ALERT_RULES.stockLow}"]`);
  await expect(hostAlert).toBeVisible();
  await expect(hostAlert).toContainText('35');
  await expect(hostAlert.locator('button')).toHaveCount(0); // the host cannot dismiss it
  await hostPage.screenshot({ path: 'test-results/host-alert.png' });

  // The producer acknowledges: recorded, and the host view lets it go.
  await liveAlert.getByTestId('alert-ack').click();
  await expect(liveAlert).toHaveAttribute('data-acknowledged', 'true');
  await expect(hostAlert).toHaveCount(0);
  const listed = await api.must('alerts.list', { limit: 100 });
  expect(listed.find((a) => a.rule === METRIC_ALERT_RULES.stockLow)?.acknowledgedAt).not.toBeNull();

  // The source's delivery counts in Settings.
  await app.go('settings');
  const row = page.locator(`[data-testid="order-source-row"][data-source-id="${sourceId}"]`);
  await expect(row.getByTestId('source-accepted')).toHaveAttribute('data-value', '1');

  // (5) A generic order webhook sender from the UI: its token shown once, then used.
  await page.getByTestId('generic-name').fill('Douyin relay');
  await page.getByTestId('generic-platform').fill('douyin');
  await page.getByTestId('generic-create').click();
  const token = (await page.getByTestId('generic-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^ord_/);
  const genericId = (await page.getByTestId('generic-created').getAttribute('data-source-id')) ?? '';
  const sent = await fetch(`${host.url}/webhooks/orders`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind: 'order', orderId: 'DY-1', buyerId: 'dy-buyer', items: [{ sku: 'CUP-316', qty: 1, unitPrice: cny(9_900) }], amount: cny(9_900) }),
  });
  expect(sent.status).toBe(200);
  const generic = page.locator(`[data-testid="order-source-row"][data-source-id="${genericId}"]`);
  await expect(generic.getByTestId('source-accepted')).toHaveAttribute('data-value', '1', { timeout: 10_000 });
  expect((await api.must('metrics.current', {})).headline.gmv).toEqual(cny(108_900));
  await page.screenshot({ path: 'test-results/settings.png', fullPage: true });
});
