import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js';
import { freePort as freeObsPort, startObs, type ObsInstance } from '../fixtures/obs/obsFixture.js';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { ConsolePage } from './pages/ConsolePage.js';

const CSV = [
  'sku,name,price,promo_price,stock,image_url,talking_points',
  'TEA-1,Longjing green tea 250g,129.00,99.00,40,,明前采摘|Hand-roasted in Hangzhou',
  'TEA-2,Broken row,twelve,,10,,',
  'TEA-3,Jasmine pearls 100g,59.90,,25,,Seven scentings',
].join('\n');

let obs: ObsInstance;
let host: ConsoleProcess;
let dataDir: string;
let workDir: string;

test.beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-obs-'));
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-data-'));
  obs = await startObs({ workDir, port: await freeObsPort(4500, 4540), password: 'e2e-secret', transition: 'Cut' });
  host = await startConsoleProcess({ dataDir });
});

test.afterAll(async () => {
  await host.stop();
  await obs.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

test('a producer sets up the catalog, drives OBS, and finds the products again after a restart', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open(host.url);
  await app.setLanguage('en');

  // Add a product by hand.
  await app.addProduct({ sku: 'MUG-1', name: 'Celadon mug', price: '69.00', stock: '12', points: ['Hand-thrown', 'Dishwasher safe'] });
  await expect(app.productRow('MUG-1')).toContainText('Celadon mug');

  // Import a CSV with one bad row: the good rows land, the bad one is reported with its line.
  const report = await app.importCsv('products.csv', CSV);
  await expect(report.getByTestId('csv-report-created')).toHaveText('2');
  const rejected = report.getByTestId('csv-rejected-row');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.first()).toContainText('3');
  await expect(rejected.first()).toContainText('price');
  await expect(app.productRow('TEA-1')).toBeVisible();
  await expect(app.productRow('TEA-3')).toBeVisible();
  await expect(app.productRow('TEA-2')).toHaveCount(0);

  // Connect to the real OBS and switch the program scene from the console.
  await app.connectObs(obs.url, obs.password);
  await app.switchScene('Product');
  const witness = new OBSWebSocket();
  await witness.connect(obs.url, obs.password);
  try {
    expect((await witness.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Product');
    await app.switchScene('Price Card');
    expect((await witness.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Price Card');
  } finally {
    await witness.disconnect();
  }
  await page.screenshot({ path: 'test-results/console-live.png', fullPage: true });

  // Restart the console host on the same data dir: the catalog is still there.
  expect(await host.stop()).toBe(0);
  host = await startConsoleProcess({ dataDir, port: host.port });
  await app.open(host.url);
  await app.go('queue');
  for (const sku of ['MUG-1', 'TEA-1', 'TEA-3']) await expect(app.productRow(sku)).toBeVisible();
  await page.screenshot({ path: 'test-results/console-queue.png', fullPage: true });
});
