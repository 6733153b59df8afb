import type { Locator, Page } from '@playwright/test';
import { ErrorSummary } from './notices.ts';

export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly errors: ErrorSummary;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Sign in to Baton' });
    const form = page.getByTestId('sign-in-form');
    this.email = form.getByLabel('E-mail address');
    this.password = form.getByLabel('Password', { exact: true });
    this.submit = form.getByRole('button', { name: 'Sign in' });
    this.errors = new ErrorSummary(page);
  }

  async goto() {
    await this.page.goto('/sign-in');
  }

  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
