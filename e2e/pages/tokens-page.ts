import type { Locator, Page } from '@playwright/test';

/** The signed-in person's API tokens. */
export class TokensPage {
  readonly purpose: Locator;
  readonly create: Locator;
  readonly newToken: Locator;
  readonly table: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.purpose = page.getByLabel('What is the token for?');
    this.create = page.getByRole('button', { name: 'Create token' });
    this.newToken = page.getByTestId('new-token');
    this.table = page.getByTestId('tokens');
  }

  async goto(slug: string) {
    await this.page.goto(`/p/${slug}/account/tokens`);
  }

  async createToken(purpose: string) {
    await this.purpose.fill(purpose);
    await this.create.click();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  revokeButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Revoke ${name}` });
  }
}
