import type { Locator, Page } from '@playwright/test';

/** The header every page shares: skip link, partnership menu, and who is signed in. */
export class SiteHeader {
  readonly skipLink: Locator;
  readonly partnershipMenu: Locator;
  readonly signOutButton: Locator;
  /** The account entry at the end of the menu: the person's name, their role, and "Sign out". */
  readonly signedInAs: Locator;
  readonly signInLink: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.skipLink = page.getByRole('link', { name: 'Skip to main content' });
    this.partnershipMenu = page.getByRole('navigation', { name: 'Partnership menu' });
    this.signOutButton = page.getByTestId('sign-out');
    this.signedInAs = this.partnershipMenu.getByRole('listitem').filter({ has: this.signOutButton });
    this.signInLink = this.partnershipMenu.getByRole('link', { name: 'Sign in' });
  }

  menuLink(name: string): Locator {
    return this.partnershipMenu.getByRole('link', { name, exact: true });
  }

  async signOut() {
    await this.signOutButton.click();
  }
}
