import { expect, type Locator, type Page } from '@playwright/test';

/** The Queue page as studio staff use it: the picked show's product queue and the catalog search that feeds it. */
export class QueuePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-queue').click();
    await expect(this.page.locator('#queue-title')).toBeVisible();
  }

  async createSession(title: string): Promise<void> {
    await this.page.getByTestId('session-new').click();
    await this.page.getByTestId('session-form-title').fill(title);
    await this.page.getByTestId('session-form-save').click();
    await expect(this.page.getByTestId('session-select').locator('option:checked')).toContainText(title);
  }

  async pickSession(sessionId: string): Promise<void> {
    await this.page.getByTestId('session-select').selectOption(sessionId);
    await expect(this.list().or(this.page.getByTestId('queue-empty'))).toBeVisible();
  }

  list(): Locator {
    return this.page.getByTestId('queue-list');
  }

  row(sku: string): Locator {
    return this.page.locator(`[data-testid="queue-row"][data-sku="${sku}"]`);
  }

  /** SKUs in the order shown. */
  async skus(): Promise<string[]> {
    return this.page.locator('[data-testid="queue-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sku') ?? ''));
  }

  /** Queue item ids in the order shown, once no move made here is waiting for the core. */
  async settledOrder(): Promise<string[]> {
    await expect(this.list()).toHaveAttribute('data-pending', '0');
    return this.page.locator('[data-testid="queue-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id') ?? ''));
  }

  async addFromCatalog(sku: string): Promise<void> {
    await this.page.getByTestId('queue-search').fill(sku);
    const result = this.page.locator(`[data-testid="queue-search-result"][data-sku="${sku}"]`);
    await result.getByTestId('queue-add').click();
    await expect(this.row(sku)).toBeVisible();
  }

  /** Focuses a row and moves it with the keyboard (Alt or Ctrl + ↑/↓), `times` presses in a row. */
  async moveWithKeyboard(sku: string, key: 'Alt+ArrowDown' | 'Alt+ArrowUp' | 'Control+ArrowDown' | 'Control+ArrowUp', times: number): Promise<void> {
    const row = this.row(sku);
    await row.focus();
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      // The moved row keeps the focus, so the next press moves it again.
      await expect(row).toBeFocused();
    }
  }

  /** Drags a row onto the upper half of another (HTML5 drag and drop). */
  async dragBefore(sku: string, targetSku: string): Promise<void> {
    await this.row(sku).dragTo(this.row(targetSku), { targetPosition: { x: 40, y: 4 } });
  }

  async openEdit(sku: string): Promise<QueueEditDialog> {
    await this.row(sku).getByTestId('queue-edit').click();
    const form = this.page.getByTestId('queue-edit-form');
    await expect(form).toBeVisible();
    return new QueueEditDialog(this.page, form);
  }

  supersededNote(): Locator {
    return this.page.getByTestId('queue-superseded');
  }
}

export class QueueEditDialog {
  readonly page: Page;
  readonly form: Locator;
  constructor(page: Page, form: Locator) {
    this.page = page;
    this.form = form;
  }

  field(name: 'price' | 'promo' | 'stock' | 'coupon' | 'points'): Locator {
    return this.form.getByTestId(`queue-edit-${name}`);
  }

  conflict(field: 'price' | 'promoPrice' | 'stock' | 'coupon' | 'talkingPoints'): Locator {
    return this.form.locator(`[data-testid="queue-edit-conflict"][data-field="${field}"]`);
  }

  async save(): Promise<void> {
    await this.form.getByTestId('queue-edit-save').click();
    await expect(this.form).toBeHidden();
  }
}
