import { expect, type Locator, type Page } from '@playwright/test';

/** The Scripts page: the picked show's run-of-show editor, templates, import and export. */
export class ScriptsPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-scripts').click();
    await expect(this.page.locator('#scripts-title')).toBeVisible();
  }

  async pickSession(sessionId: string): Promise<void> {
    await this.page.getByTestId('session-select').selectOption(sessionId);
    await expect(this.page.getByTestId('script-summary')).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId('segment-row');
  }

  /** Segment titles in show order. */
  async titles(): Promise<string[]> {
    return this.page.locator('[data-testid="segment-row"] .segment-row-title').allTextContents();
  }

  async applyTemplate(name: 'rundown' | 'quick', expectedCount: number): Promise<void> {
    await this.page.getByTestId('script-template').selectOption(name);
    await this.page.getByTestId('script-template-apply').click();
    await expect(this.page.getByTestId('script-summary')).toHaveAttribute('data-count', String(expectedCount));
  }

  async select(index: number): Promise<Locator> {
    const row = this.rows().nth(index);
    await row.click();
    const id = await row.getAttribute('data-segment-id');
    const editor = this.page.locator(`[data-testid="segment-editor"][data-segment-id="${id ?? ''}"]`);
    await expect(editor).toBeVisible();
    return editor;
  }

  /** Types into a field of the open segment and waits until the autosave has reached the core. */
  async edit(editor: Locator, testId: string, value: string): Promise<void> {
    await editor.getByTestId(testId).fill(value);
    await expect(editor.getByTestId('segment-save-status')).toHaveAttribute('data-status', 'saved');
  }

  async importFile(name: string, text: string, mode: 'replace' | 'append'): Promise<void> {
    await this.page.getByTestId('script-import-mode').selectOption(mode);
    await this.page.getByTestId('script-import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    const confirm = this.page.getByTestId('script-import-confirm');
    const outcome = this.importError().or(this.page.getByTestId('script-import-result')).or(confirm);
    await expect(outcome).toBeVisible();
    if (await confirm.isVisible()) await confirm.click();
  }

  importError(): Locator {
    return this.page.getByTestId('script-import-error');
  }
}
