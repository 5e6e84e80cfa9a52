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

  // Thumbnails: every scene tile gets a JPEG from GetSourceScreenshot.
  for (const scene of ['Host', 'Product', 'Price Card']) {
    await expect(page.locator(`[data-testid="scene-thumb"][data-scene="${scene}"]`)).toHaveAttribute('src', /^data:image\/jpeg;base64,/, { timeout: 15_000 });
  }

  // Meters: the looping tone in the fixture's "Tone" input moves its meter.
  const meter = page.locator('[data-testid="audio-strip"][data-input="Tone"] [data-testid="audio-meter"]');
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

  // The health strip is always on the Live page and fills from the sampler.
  await expect(page.getByTestId('health-strip')).toBeVisible();
  await expect(page.getByTestId('health-fps')).toContainText(/\d/, { timeout: 10_000 });
  await page.screenshot({ path: 'test-results/broadcast-live.png', fullPage: true });
});
