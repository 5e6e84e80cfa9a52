import { expect, type Locator, type Page } from '@playwright/test';

/** The Live page's show control, as the producer drives it. */
export class CueConsole {
  readonly page: Page;
  readonly panel: Locator;
  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByTestId('cue-panel');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-live').click();
    await expect(this.panel).not.toHaveAttribute('data-status', 'loading');
  }

  async pickSession(sessionId: string): Promise<void> {
    await this.panel.getByTestId('session-select').selectOption(sessionId);
    await expect(this.panel.getByTestId('cue-start-count')).not.toBeEmpty();
  }

  complianceDialog(): Locator {
    return this.page.getByTestId('cue-compliance-dialog');
  }

  /** Presses Start show and waits for the compliance summary (when there are findings) or for the show to go live. */
  async pressStart(): Promise<'review' | 'live'> {
    await this.panel.getByTestId('cue-start').click();
    await expect(this.complianceDialog().or(this.panel.and(this.page.locator('[data-status="live"]')))).toBeVisible();
    return (await this.complianceDialog().isVisible()) ? 'review' : 'live';
  }

  /** Starts the show, confirming the compliance summary if it comes up. */
  async start(): Promise<void> {
    if ((await this.pressStart()) === 'review') await this.page.getByTestId('cue-compliance-confirm').click();
    await expect(this.panel).toHaveAttribute('data-status', 'live');
  }

  async cancelStart(): Promise<void> {
    await this.page.getByTestId('cue-compliance-cancel').click();
    await expect(this.complianceDialog()).toBeHidden();
  }

  /** Flagged terms listed in the compliance summary. */
  async flaggedTerms(): Promise<string[]> {
    const terms = this.complianceDialog().getByTestId('compliance-term');
    await expect(terms.first()).toBeVisible();
    return terms.evaluateAll((els) => els.map((e) => e.getAttribute('data-term') ?? ''));
  }

  segment(): Locator {
    return this.panel.getByTestId('cue-segment');
  }

  async next(): Promise<void> {
    await this.panel.getByTestId('cue-next').click();
  }

  /** Waits until the panel shows the segment with this id. */
  async expectSegment(id: string): Promise<void> {
    await expect(this.segment()).toHaveAttribute('data-segment-id', id);
  }

  async sendMessage(text: string): Promise<void> {
    await this.panel.getByTestId('cue-message-input').fill(text);
    await this.panel.getByTestId('cue-message-send').click();
    await expect(this.panel.getByTestId('cue-message').first()).toContainText(text);
  }

  async pin(text: string): Promise<void> {
    await this.panel.getByTestId('cue-pin-input').fill(text);
    await this.panel.getByTestId('cue-pin-add').click();
    await expect(this.panel.getByTestId('cue-pin').filter({ hasText: text })).toBeVisible();
  }

  async end(): Promise<void> {
    await this.panel.getByTestId('cue-end').click();
    await this.page.getByTestId('cue-end-confirm').click();
    await expect(this.panel).toHaveAttribute('data-status', 'ended');
  }
}
