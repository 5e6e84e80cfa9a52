import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MetricsSnapshot } from '../../shared/contract/metrics.js';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { REPO_ROOT } from '../fixtures/tempCore.js';
import { ConsolePage } from './pages/ConsolePage.js';
import { CoreClient } from './pages/CoreClient.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
let host: ConsoleProcess;
let api: CoreClient;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-dashboard-'));
  host = await startConsoleProcess({ dataDir });
  api = await CoreClient.connect(host.url);
  await api.must('catalog.create', { sku: 'CUP-316', name: '保温杯 316', price: cny(12900), promoPrice: cny(9900), stock: 500, imageUrl: null, talkingPoints: [] });
  // A livelier rehearsal room so orders come within seconds.
  await api.must('audience.configureRehearsal', { rate: 300 });
});

test.afterAll(async () => {
  await api.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const raw = (page: Page, testId: string): Promise<string | null> => page.getByTestId(testId).getAttribute('data-value');
const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

test('rehearsal room → the dashboard in Chromium shows the numbers the engine computes from the log', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open(host.url);
  await expect(page.getByTestId('dashboard-root')).toBeVisible();
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await expect(page.getByTestId('chart-canvas').locator('canvas')).toHaveCount(1); // uPlot's

  // A show over the rehearsal room: opening segment, then the cup, then the end.
  const session = await api.must('session.create', { title: 'Dashboard drill' });
  await api.must('script.importJson', { sessionId: session.id, text: readFileSync(join(REPO_ROOT, 'tests/fixtures/cues/show-en.json'), 'utf8') });
  await api.must('cues.start', { sessionId: session.id });
  // Until the show starts the dashboard shows the room since start-up: wait until it shows this show's numbers.
  await expect(page.getByTestId('dashboard-root')).toHaveAttribute('data-session', session.id, { timeout: 15_000 });
  await expect.poll(async () => Number((await raw(page, 'metric-viewers')) ?? ''), { timeout: 15_000 }).toBeGreaterThan(0);
  await api.must('cues.next', {});
  // Orders come in the rehearsal room while the cup is presented.
  await expect.poll(async () => Number(await raw(page, 'metric-orders')), { timeout: 45_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('dashboard-root')).toHaveAttribute('data-session', session.id);
  await expect(page.locator('[data-testid="product-metrics-row"]')).not.toHaveCount(0);
  await api.must('cues.end', {});

  // After the end the live numbers stay those of the show; review recomputes them from the stored log.
  const review: MetricsSnapshot = await api.must('metrics.forSession', { sessionId: session.id });
  const h = review.headline;
  await expect.poll(() => raw(page, 'metric-orders'), { timeout: 10_000 }).toBe(num(h.orders));
  expect(await raw(page, 'metric-viewers')).toBe(num(h.viewers));
  expect(await raw(page, 'metric-gmv')).toBe(num(h.gmv.amount));
  expect(await raw(page, 'metric-conversion')).toBe(num(h.conversionRate));
  expect(await raw(page, 'metric-gpm')).toBe(num(h.gpm?.amount));
  expect(await raw(page, 'metric-sentiment')).toBe(num(h.sentimentIndex));
  expect(await raw(page, 'funnel-views')).toBe(num(review.funnel.views));
  expect(await raw(page, 'funnel-clicks')).toBe(num(review.funnel.clicks));
  expect(await raw(page, 'funnel-orders')).toBe(num(review.funnel.orders));
  // And the live engine agrees with review.
  const live = await api.must('metrics.current', {});
  expect(live.headline).toEqual(h);
  // Deltas (vs 60 s before the end) are defined once in the engine: live and review agree.
  expect(live.delta).toEqual(review.delta);
  expect(live.products).toEqual(review.products);
  for (const p of review.products) {
    await expect(page.locator(`[data-testid="product-metrics-row"][data-product-id="${p.productId}"]`)).toBeVisible();
  }
  expect(h.orders).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('chart-canvas').getAttribute('data-draws'))).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/dashboard-live.png', fullPage: true });
});
