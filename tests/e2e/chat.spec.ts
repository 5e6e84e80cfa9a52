import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { ChatPage } from './pages/ChatPage.js';
import { ConsolePage } from './pages/ConsolePage.js';

let host: ConsoleProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-chat-'));
  host = await startConsoleProcess({ dataDir });
});

test.afterAll(async () => {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The DOM holds only the rows in view plus a small overscan, however many messages the panel keeps. */
const MAX_ROWS_IN_DOM = 40;

test('the chat keeps up with a busy rehearsal room: virtualised, filtered, searched, moderated', async ({ page, context }) => {
  const app = new ConsolePage(page);
  await app.open(host.url);
  await app.setLanguage('en');
  await app.go('live');
  const chat = new ChatPage(page);
  await expect(chat.root).toBeVisible();

  // The rehearsal room runs by default and is labelled simulated.
  await expect(chat.connector('rehearsal')).toHaveAttribute('data-state', 'running');
  await expect(chat.connector('rehearsal')).toContainText('Simulated');
  await expect(page.getByTestId('chat-simulated')).toBeVisible();

  // A busy room: messages stream in by the thousand while the DOM keeps a handful of rows.
  await chat.setRehearsalRate(800);
  await expect.poll(() => chat.held(), { timeout: 60_000 }).toBeGreaterThan(3_000);
  expect(await chat.rows.count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  expect(await chat.rows.count()).toBeGreaterThan(3);
  await expect(chat.list).toHaveAttribute('data-following', 'true');
  await expect(page.getByTestId('sentiment-gauge')).not.toHaveAttribute('data-value', '');
  await expect(page.getByTestId('top-keywords').getByTestId('top-keyword').first()).toBeVisible();
  await expect(page.getByTestId('intent-mix').locator('[data-intent="question"]')).not.toHaveAttribute('data-count', '0');

  // Filters show only matching intents.
  for (const [filter, intent] of [
    ['questions', 'question'],
    ['purchase', 'purchase'],
    ['price_objection', 'price_objection'],
  ] as const) {
    await chat.filter(filter);
    await expect.poll(async () => (await chat.rowData()).length).toBeGreaterThan(0);
    const rows = await chat.rowData();
    expect(rows.every((r) => r.intents.includes(intent)), `every row of ${filter} has ${intent}`).toBe(true);
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  }

  // Search narrows the list to messages holding the term.
  await chat.filter('all');
  const term = (await page.getByTestId('top-keyword').first().getAttribute('data-term')) ?? '';
  expect(term).not.toBe('');
  await chat.search(term);
  await expect.poll(async () => {
    const rows = await chat.rowData();
    return rows.length > 0 && rows.every((r) => r.text.toLowerCase().includes(term.toLowerCase()));
  }).toBe(true);
  expect(await chat.shown()).toBeLessThan(await chat.held());
  await chat.search('');

  // Scrolled up, the list holds still and counts what arrives; the button jumps back to the newest.
  await chat.filter('questions');
  await expect.poll(async () => (await chat.rowData()).length).toBeGreaterThan(0);
  await chat.scrollUp();
  await expect(page.getByTestId('chat-new-messages')).toBeVisible();
  const [question] = await chat.rowData();
  if (!question) throw new Error('no question row');
  expect(question.intents).toContain('question');

  // Pin the question: it shows as pinned, in the pinned filter, and on the host view.
  await chat.row(question.id).getByTestId('chat-pin').click();
  await expect(chat.row(question.id)).toHaveAttribute('data-pinned', 'true');
  const hostPage = await context.newPage();
  await hostPage.goto(`${host.url}/#/host`);
  await expect(hostPage.getByTestId('host-root')).toHaveAttribute('data-link', 'open');
  await expect(hostPage.getByTestId('host-pin').filter({ hasText: question.text.slice(0, 20) })).toBeVisible();
  await hostPage.close();

  // Mark it answered.
  await chat.row(question.id).getByTestId('chat-answered').click();
  await expect(chat.row(question.id)).toHaveAttribute('data-answered', 'true');
  await expect(chat.row(question.id).getByTestId('chat-answered')).toBeDisabled();

  // Correct its label inline: add "praise".
  await chat.row(question.id).getByTestId('chat-correct').click();
  await page.locator('[data-testid="chat-correct-intent"][data-intent="praise"]').check();
  await page.getByTestId('chat-correction').screenshot({ path: 'test-results/chat-correction.png' });
  await page.getByTestId('chat-correct-save').click();
  await expect(chat.row(question.id)).toHaveAttribute('data-intents', /praise/);
  await expect(page.getByTestId('chat-correction')).toHaveCount(0);

  await page.getByTestId('chat-new-messages').click();
  await expect(chat.list).toHaveAttribute('data-following', 'true');

  await chat.filter('pinned');
  await expect(chat.row(question.id)).toBeVisible();
  await expect.poll(async () => (await chat.rowData()).every((r) => r.pinned)).toBe(true);

  // Block a frequent word: messages holding it disappear from the list.
  await chat.filter('all');
  const word = (await page.getByTestId('top-keyword').first().getAttribute('data-term')) ?? '';
  await chat.saveBlockWords([word]);
  await chat.search(word);
  await expect.poll(() => chat.shown()).toBe(0);
  await expect(chat.rows).toHaveCount(0);
  await chat.search('');
  await expect.poll(async () => (await chat.rowData()).length).toBeGreaterThan(0);
  expect((await chat.rowData()).some((r) => r.text.toLowerCase().includes(word.toLowerCase()))).toBe(false);

  await chat.setRehearsalRate(20);
  await page.screenshot({ path: 'test-results/chat-en.png', fullPage: true });
  await app.setLanguage('zh-CN');
  await expect(page.getByTestId('chat-filter').locator('[data-filter="questions"]')).toHaveText('提问');
  await page.screenshot({ path: 'test-results/chat-zh-CN.png', fullPage: true });
});
