import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js';
import { freePort, startObs, type ObsInstance } from '../fixtures/obs/obsFixture.js';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { ConsolePage } from './pages/ConsolePage.js';

let obs: ObsInstance;
let host: ConsoleProcess;
let dataDir: string;
let workDir: string;

test.beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-bc-obs-'));
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-bc-data-'));
  obs = await startObs({ workDir, port: await freePort(4700, 4740), password: 'bc-secret', transition: 'Cut' });
  host = await startConsoleProcess({ dataDir, args: ['--obs', obs.url, '--obs-password', obs.password] });
});

test.afterAll(async () => {
  await host.stop();
  await obs.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

test('the broadcast panel shows live thumbnails and audio meters from the real OBS, and its controls reach OBS', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open(host.url);
  await app.setLanguage('en');
  await app.go('live');
  await expect(page.locator('[data-testid="obs-connection"][data-name="main"]')).toHaveAttribute('data-status', 'identified', { timeout: 20_000 });

  // Thumbnails: every scene tile gets a JPEG from GetSourceScreenshot (only while on screen, so scroll to it).
  for (const scene of ['Host', 'Product', 'Price Card']) {
    const thumb = page.locator(`[data-testid="scene-thumb"][data-scene="${scene}"]`);
    await thumb.scrollIntoViewIfNeeded();
    await expect(thumb).toHaveAttribute('src', /^data:image\/jpeg;base64,/, { timeout: 15_000 });
  }

  // Meters: the looping tone in the fixture's "Tone" input moves its meter.
  const meter = page.locator('[data-testid="audio-strip"][data-input="Tone"] [data-testid="audio-meter"]');
  await meter.scrollIntoViewIfNeeded();
  await expect.poll(async () => Number(await meter.getAttribute('data-level')), { timeout: 15_000 }).toBeGreaterThan(0.05);

  // Mute from the mixer, read back from OBS by an independent client.
  const witness = new OBSWebSocket();
  await witness.connect(obs.url, obs.password);
  try {
    const mute = page.locator('[data-testid="audio-strip"][data-input="Tone"] [data-testid="audio-mute"]');
    const before = (await witness.call('GetInputMute', { inputName: 'Tone' })).inputMuted;
    await mute.click();
    await expect.poll(async () => (await witness.call('GetInputMute', { inputName: 'Tone' })).inputMuted).toBe(!before);
    await expect(mute).toHaveAttribute('aria-pressed', String(!before));
    await mute.click();
    await expect.poll(async () => (await witness.call('GetInputMute', { inputName: 'Tone' })).inputMuted).toBe(before);

    // Scene switch through the grid.
    await app.switchScene('Product');
    expect((await witness.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Product');
  } finally {
    await witness.disconnect();
  }

  // A second, named OBS connection ("backup") is added in Settings and shown next to "main" on the Live page.
  await app.go('settings');
  await page.getByTestId('obs-add-toggle').click();
  await page.getByTestId('obs-add-name').fill('backup');
  const form = page.locator('.obs-add');
  await form.getByTestId('obs-url').fill(obs.url);
  await form.getByTestId('obs-password').fill(obs.password);
  await form.getByTestId('obs-save-connect').click();
  const backupCard = page.locator('[data-testid="obs-connection-card"][data-name="backup"]');
  await expect(backupCard.getByTestId('obs-status')).toHaveAttribute('data-status', 'identified', { timeout: 20_000 });
  await app.go('live');
  await expect(page.locator('[data-testid="obs-connection"][data-name="backup"]')).toHaveAttribute('data-status', 'identified');
  await expect(page.locator('[data-testid="obs-connection"][data-name="main"]')).toHaveAttribute('data-status', 'identified');

  // The health strip is always on the Live page and fills from the sampler.
  await expect(page.getByTestId('health-strip')).toBeVisible();
  await expect(page.getByTestId('health-fps')).toContainText(/\d/, { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/broadcast-live.png', fullPage: true });
});
