import type { Locator, Page } from '@playwright/test';

/** The GOV.UK error summary at the top of a form that could not be saved. */
export class ErrorSummary {
  readonly root: Locator;

  constructor(page: Page) {
    // The outer element takes focus when the page loads; the alert role sits on an element inside it.
    this.root = page.locator('.govuk-error-summary').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  }

  link(text: string): Locator {
    return this.root.getByRole('link', { name: text });
  }
}

/** The green "Success" banner shown after a change is saved. */
export function successBanner(page: Page): Locator {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Success' }) });
}

/** The page's main heading. */
export function mainHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}
