import { test as base, expect } from '@playwright/test';
import { SignInPage } from '../pages/sign-in-page.ts';
import { SiteHeader } from '../pages/site-header.ts';
import { accessibilityViolations } from './accessibility.ts';
import type { DemoUser } from './demo.ts';
import { CHROMIUM_MISSING, CHROMIUM_PATH } from './environment.ts';

interface LoadedDocument {
  url: string;
  checked: boolean;
}

export interface Fixtures {
  /** Skips the test when there is no Chromium to drive, outside CI only. Runs before any browser fixture. */
  chromium: void;
  /** Every document the test's page loaded, and whether axe checked it. Fails a passing test that skipped one. */
  visitedPages: LoadedDocument[];
  /** Runs axe on the page as it is now and expects no WCAG 2.2 AA violations. Call it after every navigation. */
  expectAccessible: () => Promise<void>;
  /** Signs in through the sign-in form, checking both pages it passes through. */
  signIn: (user: DemoUser) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  chromium: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      testInfo.skip(CHROMIUM_MISSING, `No Chromium at ${CHROMIUM_PATH}: set CHROMIUM_PATH to run the browser suite`);
      await use();
    },
    { auto: true },
  ],

  visitedPages: [
    async ({ chromium, page }, use, testInfo) => {
      void chromium;
      const documents: LoadedDocument[] = [];
      page.on('domcontentloaded', () => documents.push({ url: page.url(), checked: false }));
      await use(documents);
      if (testInfo.status === 'passed') {
        const unchecked = documents.filter((d) => !d.checked).map((d) => d.url);
        expect(unchecked, 'pages the test visited without calling expectAccessible()').toEqual([]);
      }
    },
    { auto: true },
  ],

  expectAccessible: async ({ page, visitedPages }, use) => {
    await use(async () => {
      await page.waitForLoadState('load');
      const violations = await accessibilityViolations(page);
      expect(violations, `WCAG 2.2 AA violations on ${page.url()}`).toEqual([]);
      const current = visitedPages.at(-1);
      if (current) current.checked = true;
    });
  },

  signIn: async ({ page, expectAccessible }, use) => {
    await use(async (user) => {
      const signInPage = new SignInPage(page);
      await signInPage.goto();
      await expectAccessible();
      await signInPage.signIn(user.email, user.password);
      await expect(new SiteHeader(page).signedInAs).toContainText(user.name);
      await expectAccessible();
    });
  },
});

export { expect };
