import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { startTwitchServer, type TwitchFixtureServer } from '../fixtures/platforms/twitchServer.js';
import { ConsolePage } from './pages/ConsolePage.js';
import { CoreClient } from './pages/CoreClient.js';

const TOKEN = 'e2etoken0123456789abcdefghij';
let host: ConsoleProcess;
let api: CoreClient;
let dataDir: string;
let twitch: TwitchFixtureServer;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-platforms-'));
  twitch = await startTwitchServer({ oauthToken: TOKEN, script: () => ['chat.irc'] });
  host = await startConsoleProcess({ dataDir });
  api = await CoreClient.connect(host.url);
  // Only the platform's comments: the simulated room is stopped.
  for (const c of await api.must('audience.listConnectors', {})) {
    if (c.kind === 'rehearsal' && c.state !== 'stopped') await api.must('audience.stopConnector', { id: c.id });
  }
});

test.afterAll(async () => {
  await api.close();
  await host.stop();
  await twitch.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('Settings → Live platforms: add a Twitch connector, start it, its chat arrives; the token only ever shows as set; remove it', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open(host.url);
  await app.setLanguage('en');
  await app.go('settings');
  const panel = page.getByTestId('platform-connectors');
  await expect(panel).toBeVisible();

  await panel.getByTestId('platform-kind').selectOption('twitch');
  await panel.getByTestId('platform-label').fill('Twitch e2e');
  await panel.getByTestId('platform-twitch-channels').fill('ShowRunner_E2E');
  await panel.getByTestId('platform-twitch-username').fill('showrunner_bot');
  await panel.getByTestId('platform-twitch-oauthToken').fill(TOKEN);
  await panel.getByTestId('platform-twitch-server').fill('127.0.0.1');
  await panel.getByTestId('platform-twitch-port').fill(String(twitch.port));
  await panel.getByTestId('platform-twitch-secure').uncheck();
  await panel.getByTestId('platform-save').click();

  const row = panel.getByTestId('platform-row').filter({ hasText: 'Twitch e2e' });
  await expect(row).toHaveAttribute('data-state', 'stopped');
  await row.getByTestId('platform-start').click();
  await expect(row).toHaveAttribute('data-state', 'running');
  await expect
    .poll(async () => (await api.must('audience.comments', { limit: 100 })).comments.filter((c) => c.platform === 'twitch').map((c) => c.displayName).sort())
    .toEqual(['CheerBear', 'Ronni', 'ronni', '小鹿'].sort());
  expect(twitch.received).toContain(`PASS oauth:${TOKEN}`);
  expect(twitch.received).toContain('JOIN #showrunner_e2e');

  // Editing shows the stored token as "set", never its value.
  await row.getByTestId('platform-edit').click();
  await expect(panel.getByTestId('platform-label')).toHaveValue('Twitch e2e');
  await expect(panel.getByTestId('platform-twitch-channels')).toHaveValue('showrunner_e2e');
  await expect(panel.getByTestId('platform-twitch-oauthToken')).toHaveValue('');
  await expect(panel.getByTestId('platform-twitch-oauthToken')).toHaveAttribute('placeholder', 'set');
  expect(await page.content()).not.toContain(TOKEN);
  expect(JSON.stringify(await api.must('audience.platformConnectors', {}))).not.toContain(TOKEN);
  // A label change keeps the token: the running connector logs in again with it.
  await panel.getByTestId('platform-label').fill('Twitch main');
  await panel.getByTestId('platform-save').click();
  const renamed = panel.getByTestId('platform-row').filter({ hasText: 'Twitch main' });
  await expect(renamed).toHaveAttribute('data-state', 'running');
  expect(twitch.received.filter((l) => l === `PASS oauth:${TOKEN}`)).toHaveLength(2);

  await renamed.getByTestId('platform-remove').click();
  await expect(panel.getByTestId('platform-row')).toHaveCount(0);
  expect(await api.must('audience.platformConnectors', {})).toEqual([]);
});
