import type { Locator, Page } from '@playwright/test';

/** The start page a signed-out visitor sees at "/". */
export class LandingPage {
  readonly publicPartnerships: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.publicPartnerships = page.getByTestId('public-partnerships');
  }

  async goto() {
    await this.page.goto('/');
  }
}
