import { expect, type Locator, type Page } from '@playwright/test';

export type ChatFilter = 'all' | 'questions' | 'purchase' | 'price_objection' | 'complaints' | 'praise' | 'pinned';

/** The live chat panel on the Live page, in a producer's terms. */
export class ChatPage {
  readonly page: Page;
  readonly root: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('chat-root');
    this.list = page.getByTestId('chat-list');
    this.rows = page.getByTestId('chat-row');
  }

  connector(id: string): Locator {
    return this.page.locator(`[data-testid="connector-status"][data-id="${id}"]`);
  }

  async setRehearsalRate(rate: number): Promise<void> {
    const c = this.connector('rehearsal');
    await c.getByTestId('rehearsal-rate').fill(String(rate));
    await c.getByTestId('rehearsal-rate-apply').click();
    await expect(c.getByTestId('rehearsal-rate')).toHaveValue(String(rate));
  }

  /** Messages held by the panel (its ring buffer), not the rows in the DOM. */
  async held(): Promise<number> {
    return Number(await this.list.getAttribute('data-count'));
  }

  async shown(): Promise<number> {
    return Number(await this.list.getAttribute('data-shown'));
  }

  async filter(f: ChatFilter): Promise<void> {
    await this.page.getByTestId('chat-filter').locator(`[data-filter="${f}"]`).click();
    await expect(this.page.getByTestId('chat-filter')).toHaveAttribute('data-value', f);
    // Readiness: the list has applied the filter (not just the button state).
    await expect(this.list).toHaveAttribute('data-filter', f);
  }

  async search(q: string): Promise<void> {
    await this.page.getByTestId('chat-search').fill(q);
    await expect(this.list).toHaveAttribute('data-search', q.trim().toLowerCase());
  }

  /** Every rendered row's data attributes and text, read in one go (rows change every frame at high rates). */
  async rowData(): Promise<{ id: string; intents: string[]; pinned: boolean; answered: boolean; text: string }[]> {
    return this.rows.evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-id') ?? '',
        intents: (el.getAttribute('data-intents') ?? '').split(' ').filter(Boolean),
        pinned: el.getAttribute('data-pinned') === 'true',
        answered: el.getAttribute('data-answered') === 'true',
        text: el.querySelector('.chat-text')?.textContent ?? '',
      })),
    );
  }

  /** Scrolls the list to the top: the panel stops following new messages, so rows hold still for clicks. */
  async scrollUp(): Promise<void> {
    await expect
      .poll(async () => {
        await this.list.evaluate((el) => {
          el.scrollTop = 0;
        });
        return this.list.getAttribute('data-following');
      })
      .toBe('false');
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="chat-row"][data-id="${id}"]`);
  }

  async saveBlockWords(words: string[]): Promise<void> {
    await this.page.getByTestId('block-words-input').fill(words.join('\n'));
    await this.page.getByTestId('block-words-save').click();
    await expect(this.page.getByTestId('block-words-saved')).toBeVisible();
  }
}
