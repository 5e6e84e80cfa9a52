import { expect, type Locator, type Page } from '@playwright/test';

/** The host view on the second screen. */
export class HostViewPage {
  readonly page: Page;
  readonly root: Locator;
  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('host-root');
  }

  /** Opens /host (or /#/host) and waits for the link to the core and the first cue view. */
  async open(baseUrl: string, via: 'path' | 'hash' = 'path'): Promise<void> {
    await this.page.goto(via === 'path' ? `${baseUrl}/host` : `${baseUrl}/#/host`);
    await expect(this.root).toHaveAttribute('data-link', 'open');
    await expect(this.root).not.toHaveAttribute('data-status', 'loading');
  }

  async expectSegment(id: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-segment-id', id);
  }

  productName(): Locator {
    return this.root.getByTestId('host-product-name');
  }

  /** performance.timeOrigin + performance.now() of the last rendered cue update (ms, this page's clock). */
  async updatedAt(): Promise<number> {
    return Number(await this.root.getAttribute('data-updated-at'));
  }
}
