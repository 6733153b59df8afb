import { LandingPage } from './pages/landing-page.ts';
import { mainHeading } from './pages/notices.ts';
import { PublicPage } from './pages/public-page.ts';
import { SiteHeader } from './pages/site-header.ts';
import { walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('What anyone can read', () => {
  test('a visitor who is not signed in finds the Walsall partnership and reads its boards and agencies', async ({
    page,
    expectAccessible,
  }) => {
    const landing = new LandingPage(page);
    const publicPage = new PublicPage(page);
    const header = new SiteHeader(page);

    await landing.goto();
    await expect(header.signInLink).toBeVisible();
    await expectAccessible();

    await landing.publicPartnerships.getByRole('link', { name: walsall.name }).click();

    await expect(page).toHaveURL(walsall.publicPage);
    await expect(mainHeading(page)).toHaveText(walsall.name);
    await expect(publicPage.boards).toContainText('Walsall Safeguarding Children Board');
    await expect(publicPage.boards).toContainText('Children’s Services Scrutiny and Performance Panel');
    await expect(publicPage.agencies).toContainText('West Midlands Police');
    await expect(publicPage.agencies).toContainText('One Walsall');
    await expect(header.signOutButton).toBeHidden();
    await expectAccessible();
  });

  test('a partnership that does not exist has no public page', async ({ page, expectAccessible }) => {
    const response = await page.goto('/public/nowhere');

    expect(response?.status()).toBe(404);
    await expect(mainHeading(page)).toHaveText('Page not found');
    await expectAccessible();
  });
});
