import type { Locator, Page } from '@playwright/test';

/** A partnership's public page, at /public/:slug. */
export class PublicPage {
  readonly boards: Locator;
  readonly agencies: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.boards = page.getByTestId('public-boards');
    this.agencies = page.getByTestId('public-agencies');
  }

  async goto(slug: string) {
    await this.page.goto(`/public/${slug}`);
  }
}
