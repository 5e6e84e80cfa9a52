import { expect, type Locator, type Page } from '@playwright/test';

/** The console as a producer sees it; tests speak in these terms, not in selectors. */
export class ConsolePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the console and waits for its readiness signal: the link to the core is open. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByTestId('app-root')).toHaveAttribute('data-link', 'open');
  }

  async go(section: 'live' | 'queue' | 'scripts' | 'review' | 'settings'): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
  }

  async setLanguage(lang: 'en' | 'zh-CN'): Promise<void> {
    await this.page.getByTestId('lang-select').selectOption(lang);
  }

  productRow(sku: string): Locator {
    return this.page.locator(`[data-testid="product-row"][data-sku="${sku}"]`);
  }

  async addProduct(p: { sku: string; name: string; price: string; promo?: string; stock?: string; points?: string[] }): Promise<void> {
    await this.go('queue');
    await this.page.getByTestId('product-add').click();
    await this.page.getByTestId('product-form-sku').fill(p.sku);
    await this.page.getByTestId('product-form-name').fill(p.name);
    await this.page.getByTestId('product-form-price').fill(p.price);
    if (p.promo !== undefined) await this.page.getByTestId('product-form-promo').fill(p.promo);
    if (p.stock !== undefined) await this.page.getByTestId('product-form-stock').fill(p.stock);
    if (p.points) await this.page.getByTestId('product-form-points').fill(p.points.join('\n'));
    await this.page.getByTestId('product-form-save').click();
    await expect(this.productRow(p.sku)).toBeVisible();
  }

  async importCsv(name: string, text: string): Promise<Locator> {
    await this.go('queue');
    await this.page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    const report = this.page.getByTestId('csv-report');
    await expect(report).toBeVisible();
    return report;
  }

  async connectObs(url: string, password: string): Promise<void> {
    await this.go('settings');
    await this.page.getByTestId('obs-url').fill(url);
    await this.page.getByTestId('obs-password').fill(password);
    await this.page.getByTestId('obs-save-connect').click();
    await expect(this.page.getByTestId('obs-status').first()).toHaveAttribute('data-status', 'identified', { timeout: 20_000 });
  }

  sceneButton(scene: string): Locator {
    return this.page.locator(`[data-testid="scene-button"][data-scene="${scene}"]`);
  }

  async switchScene(scene: string): Promise<void> {
    await this.go('live');
    await this.sceneButton(scene).click();
    await expect(this.sceneButton(scene)).toHaveAttribute('data-program', 'true');
  }
}
