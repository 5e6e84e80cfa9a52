import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OBSWebSocket from 'obs-websocket-js';
import type { Product } from '../../shared/contract/catalog.js';
import { startConsoleProcess, type ConsoleProcess } from '../fixtures/consoleProcess.js';
import { freePort, startObs, type ObsInstance } from '../fixtures/obs/obsFixture.js';
import { ConsolePage } from './pages/ConsolePage.js';
import { CoreClient } from './pages/CoreClient.js';
import { CueConsole } from './pages/CueConsole.js';
import { HostViewPage } from './pages/HostViewPage.js';
import { QueuePage } from './pages/QueuePage.js';
import { ScriptsPage } from './pages/ScriptsPage.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/cues');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const cny = (amount: number) => ({ amount, currency: 'CNY' });

let obs: ObsInstance;
let host: ConsoleProcess;
let api: CoreClient;
let witness: OBSWebSocket;
let dataDir: string;
let workDir: string;
const products: Record<string, Product> = {};

test.beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-cues-obs-'));
  dataDir = mkdtempSync(join(tmpdir(), 'showrunner-e2e-cues-data-'));
  obs = await startObs({ workDir, port: await freePort(4650, 4699), password: 'cues-secret', transition: 'Cut' });
  host = await startConsoleProcess({ dataDir, args: ['--obs', obs.url, '--obs-password', obs.password] });
  api = await CoreClient.connect(host.url);
  // Bulk setup through the contract: the catalog the scripts name by SKU.
  for (const p of [
    { sku: 'CUP-316', name: '保温杯 316', price: cny(12900), promoPrice: cny(9900), stock: 120, talkingPoints: ['12 小时保温', '316 不锈钢'] },
    { sku: 'MUG-02', name: '马克杯', price: cny(5900), stock: 40 },
    { sku: 'POT-03', name: '茶壶', price: cny(19900), promoPrice: cny(15900), stock: 8 },
    { sku: 'BAG-04', name: 'Canvas tote', price: cny(3900), stock: 60 },
    { sku: 'TEA-05', name: 'Longjing tea 250g', price: cny(12800), stock: 30 },
  ]) {
    products[p.sku] = await api.must('catalog.create', p);
  }
  witness = new OBSWebSocket();
  await witness.connect(obs.url, obs.password);
});

test.afterAll(async () => {
  await witness.disconnect();
  await api.close();
  await host.stop();
  await obs.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

/** A browser context of its own (a staff laptop, the host's screen), in English. */
async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => window.localStorage.setItem('showrunner.language', 'en'));
  return { context, page: await context.newPage() };
}

async function programScene(): Promise<string> {
  return (await witness.call('GetCurrentProgramScene')).currentProgramSceneName;
}

async function obsText(input: string): Promise<unknown> {
  return (await witness.call('GetInputSettings', { inputName: input })).inputSettings['text'];
}

/** Records a measured latency in the report and on the console. */
function note(what: string, ms: number): void {
  const text = `${what}: ${ms.toFixed(1)} ms`;
  test.info().annotations.push({ type: 'timing', description: text });
  console.log(`  timing: ${text}`);
}

/**
 * Clicks a control from inside its page and returns when, on the page's clock (performance.timeOrigin + now: ms
 * since the epoch, comparable between the pages of this machine). Measuring from here rather than from Playwright's
 * side keeps its actionability checks and polling out of the figures.
 */
async function clickAt(page: Page, testId: string): Promise<number> {
  await expect(page.getByTestId(testId)).toBeEnabled();
  return page.evaluate((id) => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!el) throw new Error(`no [data-testid="${id}"]`);
    const at = performance.timeOrigin + performance.now();
    el.click();
    return at;
  }, testId);
}

/** Starts watching an input in `page`; resolves with the page-clock time at which it first holds `value`. */
async function whenValue(page: Page, testId: string, value: string): Promise<() => Promise<number>> {
  await page.evaluate(
    ([id, want]) => {
      const w = window as unknown as { __seenAt?: Promise<number> };
      w.__seenAt = new Promise<number>((resolve) => {
        const check = (): void => {
          const el = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
          if (el?.value === want) resolve(performance.timeOrigin + performance.now());
          else setTimeout(check, 1);
        };
        check();
      });
    },
    [testId, value] as const,
  );
  return () => page.evaluate(() => (window as unknown as { __seenAt: Promise<number> }).__seenAt);
}

async function control(path: string, body: unknown): Promise<{ status: number; json: { ok: boolean } }> {
  const res = await fetch(`${host.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean } };
}

test('the compliance summary before the show lists the flagged terms of a zh and an en script', async ({ browser }) => {
  const zh = await api.must('session.create', { title: '春季新品专场 (zh)' });
  await api.must('script.importMarkdown', { sessionId: zh.id, text: fixture('show-zh.md') });
  const en = await api.must('session.create', { title: 'Spring launch (en)' });
  await api.must('script.importJson', { sessionId: en.id, text: fixture('show-en.json') });

  const { context, page } = await person(browser);
  try {
    await new ConsolePage(page).open(host.url);
    const cues = new CueConsole(page);
    await cues.open();

    await cues.pickSession(zh.id);
    expect(await cues.pressStart()).toBe('review');
    expect(await cues.flaggedTerms()).toEqual(expect.arrayContaining(['最好', '国家级', '全网最低价', '100%', '第一']));
    await expect(cues.complianceDialog().getByTestId('compliance-finding')).toHaveCount(5);
    await cues.cancelStart();

    await cues.pickSession(en.id);
    expect(await cues.pressStart()).toBe('review');
    expect(await cues.flaggedTerms()).toEqual(expect.arrayContaining(['best ever', '#1', 'guaranteed', 'lowest price', 'miracle', 'cure']));
    // The term is found where it is written: "Lowest price" in the script, "cure" in the notes.
    await expect(cues.complianceDialog().locator('[data-testid="compliance-finding"][data-term="cure"]')).toHaveAttribute('data-where', 'segment.notes');
    await cues.cancelStart();
    // Cancelling starts nothing.
    expect((await api.must('cues.current', {})).status).toBe('idle');
    await page.screenshot({ path: 'test-results/cues-compliance.png', fullPage: true });
  } finally {
    await context.close();
  }
});

test('importing a malformed script file shows the error with its lines and imports nothing', async ({ browser }) => {
  const s = await api.must('session.create', { title: 'Import drill' });
  await api.must('script.importJson', { sessionId: s.id, text: fixture('show-en.json') });
  const { context, page } = await person(browser);
  try {
    await new ConsolePage(page).open(host.url);
    const scripts = new ScriptsPage(page);
    await scripts.open();
    await scripts.pickSession(s.id);
    await expect(scripts.rows()).toHaveCount(2);
    const before = await scripts.titles();

    await scripts.importFile('malformed.json', fixture('malformed.json'), 'replace');
    await expect(scripts.importError()).toContainText('line 6');
    await expect(scripts.importError()).toContainText('scnee');
    await scripts.importFile('malformed.md', fixture('malformed.md'), 'append');
    await expect(scripts.importError()).toContainText('line 10');
    await expect(scripts.importError()).toContainText('five minutes');

    // Nothing half-imported: the script is as it was, here and in the core.
    expect(await scripts.titles()).toEqual(before);
    const script = await api.must('script.get', { sessionId: s.id });
    expect(script.segments.map((x) => x.title)).toEqual(before);
    await page.screenshot({ path: 'test-results/cues-import-error.png', fullPage: true });
  } finally {
    await context.close();
  }
});

test('two staff reorder the same queue at the same time and end with the same order', async ({ browser }) => {
  const s = await api.must('session.create', { title: 'Reorder drill' });
  for (const sku of ['CUP-316', 'MUG-02', 'POT-03', 'BAG-04', 'TEA-05']) await api.must('queue.add', { sessionId: s.id, productId: products[sku]!.id });
  const a = await person(browser);
  const b = await person(browser);
  try {
    const qa = new QueuePage(a.page);
    const qb = new QueuePage(b.page);
    for (const [page, q] of [[a.page, qa], [b.page, qb]] as const) {
      await new ConsolePage(page).open(host.url);
      await q.open();
      await q.pickSession(s.id);
      await expect(q.row('TEA-05')).toBeVisible();
    }

    // Both at once: A moves the first product down three places (Alt+↓), B the last one up three (Ctrl+↑).
    await Promise.all([qa.moveWithKeyboard('CUP-316', 'Alt+ArrowDown', 3), qb.moveWithKeyboard('TEA-05', 'Control+ArrowUp', 3)]);
    const converged = async (): Promise<boolean> => {
      const server = (await api.must('queue.list', { sessionId: s.id })).map((i) => i.id);
      const [oa, ob] = [await qa.settledOrder(), await qb.settledOrder()];
      return JSON.stringify(oa) === JSON.stringify(server) && JSON.stringify(ob) === JSON.stringify(server);
    };
    await expect.poll(converged).toBe(true);
    const afterKeys = await qa.skus();
    expect(afterKeys).toHaveLength(5);
    // Each move landed: CUP went down, TEA went up (their final places depend on how the moves interleaved).
    expect(afterKeys.indexOf('CUP-316')).toBeGreaterThan(0);
    expect(afterKeys.indexOf('TEA-05')).toBeLessThan(4);
    await expect(qa.page.getByTestId('queue-announce')).toContainText('moved to position');

    // Drag and drop on one laptop, a keyboard move on the other, at once again.
    const last = afterKeys[4]!;
    const first = afterKeys[0]!;
    await Promise.all([qa.dragBefore(last, first), qb.moveWithKeyboard(afterKeys[2]!, 'Alt+ArrowUp', 1)]);
    await expect.poll(converged).toBe(true);
    expect((await qb.skus()).indexOf(last)).toBeLessThanOrEqual(1);
    await a.page.screenshot({ path: 'test-results/cues-queue.png', fullPage: true });
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('an edit made while a second staff member edits another field of the same product keeps both edits', async ({ browser }) => {
  const s = await api.must('session.create', { title: 'Edit drill' });
  for (const sku of ['MUG-02', 'POT-03']) await api.must('queue.add', { sessionId: s.id, productId: products[sku]!.id });
  const a = await person(browser);
  const b = await person(browser);
  try {
    const qa = new QueuePage(a.page);
    const qb = new QueuePage(b.page);
    for (const [page, q] of [[a.page, qa], [b.page, qb]] as const) {
      await new ConsolePage(page).open(host.url);
      await q.open();
      await q.pickSession(s.id);
    }

    // Both open the mug. B saves the stock first; A, still editing, then saves the price.
    const da = await qa.openEdit('MUG-02');
    const db = await qb.openEdit('MUG-02');
    await da.field('price').fill('49.90');
    await db.field('stock').fill('77');
    const seenByA = await whenValue(a.page, 'queue-edit-stock', '77');
    const savedAt = await clickAt(b.page, 'queue-edit-save');
    await expect(db.form).toBeHidden();
    // A's open form follows B's stock (a field A did not touch) and says it changed elsewhere.
    await expect(da.field('stock')).toHaveValue('77');
    const propagation = (await seenByA()) - savedAt;
    note("B's stock edit (Save pressed) → shown in A's open form", propagation);
    expect(propagation).toBeLessThan(200);
    await expect(da.conflict('stock')).toBeVisible();
    await da.save();
    await expect(qa.supersededNote()).toHaveCount(0);
    for (const q of [qa, qb]) {
      await expect(q.row('MUG-02').getByTestId('queue-price')).toHaveText('¥49.90');
      await expect(q.row('MUG-02').getByTestId('queue-stock')).toHaveAttribute('data-stock', '77');
    }
    const mug = (await api.must('queue.list', { sessionId: s.id })).find((i) => i.product.sku === 'MUG-02')!;
    expect(mug.overrides).toEqual({ price: cny(4990), stock: 77 });

    // The same field on both: the later save wins, and is told what it overwrote (never lost silently).
    const pa = await qa.openEdit('POT-03');
    const pb = await qb.openEdit('POT-03');
    await pa.field('promo').fill('139');
    await pb.field('promo').fill('149');
    await pb.save();
    await expect(pa.conflict('promoPrice')).toContainText('¥149.00');
    await pa.save();
    await expect(qa.supersededNote()).toContainText('¥149.00');
    for (const q of [qa, qb]) await expect(q.row('POT-03').getByTestId('queue-promo')).toHaveText('¥139.00');
    await a.page.screenshot({ path: 'test-results/cues-superseded.png', fullPage: true });
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

test('Next on the console moves the host view, OBS\'s program scene and the templated price on OBS', async ({ browser }) => {
  const producer = await person(browser);
  const hostScreen = await person(browser);
  try {
    const app = new ConsolePage(producer.page);
    await app.open(host.url);
    // Build the show in the UI: a session, three products from the catalog, a run-of-show from the template.
    const queue = new QueuePage(producer.page);
    await queue.open();
    await queue.createSession('Spring launch');
    for (const sku of ['CUP-316', 'MUG-02', 'POT-03']) await queue.addFromCatalog(sku);
    expect(await queue.skus()).toEqual(['CUP-316', 'MUG-02', 'POT-03']);
    const sessionId = await producer.page.getByTestId('session-select').inputValue();

    const scripts = new ScriptsPage(producer.page);
    await scripts.open();
    await scripts.applyTemplate('rundown', 8);
    const opening = await scripts.select(0);
    await scripts.edit(opening, 'segment-title', 'Opening');
    await scripts.edit(opening, 'segment-script', 'Welcome to the spring launch!');
    // The price segment of the cup: its overlay preview renders what OBS will get.
    const cupClose = await scripts.select(2);
    await expect(cupClose.getByTestId('segment-overlay-preview')).toHaveText('保温杯 316  ¥99  仅剩 120 件');
    const ids = await scripts.rows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-segment-id') ?? ''));
    expect(ids).toHaveLength(8);
    await producer.page.screenshot({ path: 'test-results/cues-scripts.png', fullPage: true });

    // The host's screen.
    const view = new HostViewPage(hostScreen.page);
    await view.open(host.url);
    await expect(view.root).toHaveAttribute('data-status', 'idle');

    const cues = new CueConsole(producer.page);
    await cues.open();
    await expect(producer.page.locator('[data-testid="obs-connection"][data-name="main"]')).toHaveAttribute('data-status', 'identified', { timeout: 20_000 });
    await cues.pickSession(sessionId);
    await cues.start();
    await view.expectSegment(ids[0]!);
    await expect(view.root.getByTestId('host-script')).toContainText('Welcome to the spring launch!');
    await expect.poll(programScene).toBe('Host');

    // Next (button): the cup's intro on the Product scene, its name on "Product Title".
    let pressedAt = await clickAt(producer.page, 'cue-next');
    await view.expectSegment(ids[1]!);
    note('Next (click) → host view rendered the segment', (await view.updatedAt()) - pressedAt);
    await expect(view.productName()).toHaveText('保温杯 316');
    await expect(view.root.getByTestId('host-promo-price')).toHaveText('¥99.00');
    await expect.poll(programScene).toBe('Product');
    await expect.poll(() => obsText('Product Title')).toBe('保温杯 316');

    // Next (→ key): the cup's close on the price card; the independent client reads the templated price in OBS.
    pressedAt = await producer.page.evaluate(() => performance.timeOrigin + performance.now());
    await producer.page.locator('body').press('ArrowRight');
    await view.expectSegment(ids[2]!);
    note('Next (→ key, from before Playwright presses it) → host view rendered the segment', (await view.updatedAt()) - pressedAt);
    await expect.poll(programScene).toBe('Price Card');
    await expect.poll(() => obsText('Price Text')).toBe('保温杯 316  ¥99  仅剩 120 件');
    await expect(producer.page.getByTestId('cue-actions')).toHaveAttribute('data-failed', '0');

    // A live stock edit on air reaches the host view and the overlay in OBS.
    const { context: staff, page: staffPage } = await person(browser);
    try {
      await new ConsolePage(staffPage).open(host.url);
      const staffQueue = new QueuePage(staffPage);
      await staffQueue.open();
      await staffQueue.pickSession(sessionId);
      const edit = await staffQueue.openEdit('CUP-316');
      await edit.field('stock').fill('100');
      const savedAt = await clickAt(staffPage, 'queue-edit-save');
      await expect(view.root.getByTestId('host-stock')).toHaveAttribute('data-stock', '100');
      note('stock edit on air (Save pressed) → host view rendered it', (await view.updatedAt()) - savedAt);
      await expect.poll(() => obsText('Price Text')).toBe('保温杯 316  ¥99  仅剩 100 件');
    } finally {
      await staff.close();
    }

    // Next again: the next product.
    pressedAt = await clickAt(producer.page, 'cue-next');
    await view.expectSegment(ids[3]!);
    note('Next (click) → host view rendered the next product', (await view.updatedAt()) - pressedAt);
    await expect(view.productName()).toHaveText('马克杯');
    await expect(view.root.getByTestId('host-price')).toHaveText('¥59.00');
    await expect(view.root.getByTestId('host-promo-price')).toHaveCount(0);
    await expect(view.root.getByTestId('host-stock')).toHaveAttribute('data-stock', '40');
    await expect.poll(programScene).toBe('Product');
    await expect(view.root.getByTestId('host-time-left')).toHaveAttribute('data-level', 'ok');

    // The control API: Previous, and Jump by index.
    const prev = await control('/api/v1/cues/previous', { from: ids[3] });
    expect(prev.status).toBe(200);
    await view.expectSegment(ids[2]!);
    await cues.expectSegment(ids[2]!);
    expect((await control('/api/v1/cues/previous', { from: ids[3] })).status).toBe(409);
    expect((await control('/api/v1/cues/goto', { index: 99 })).status).toBe(404);
    expect((await control('/api/v1/cues/goto', { index: 0, segmentId: ids[0] })).status).toBe(400);
    expect((await control('/api/v1/cues/goto', { index: 0 })).status).toBe(200);
    await view.expectSegment(ids[0]!);
    await expect.poll(programScene).toBe('Host');
    // Jump from the console.
    await producer.page.getByTestId('cue-jump-select').selectOption(ids[5]!);
    await producer.page.getByTestId('cue-goto').click();
    await view.expectSegment(ids[5]!);
    await expect(view.productName()).toHaveText('茶壶');

    // Producer → host, and a pinned question.
    await cues.sendMessage('Stock is low, push the coupon');
    await expect(view.root.getByTestId('host-message').first()).toHaveText('Stock is low, push the coupon');
    await cues.pin('Does it fit a car cup holder?');
    await expect(view.root.getByTestId('host-pin')).toHaveText(/Does it fit a car cup holder\?/);
    await hostScreen.page.screenshot({ path: 'test-results/cues-host.png' });
    await producer.page.screenshot({ path: 'test-results/cues-live.png', fullPage: true });

    // The host view also answers at /#/host.
    const again = new HostViewPage(await hostScreen.context.newPage());
    await again.open(host.url, 'hash');
    await again.expectSegment(ids[5]!);

    await cues.end();
    await expect(view.root).toHaveAttribute('data-status', 'ended');
  } finally {
    await producer.context.close();
    await hostScreen.context.close();
  }
});
