import { SignInPage } from './pages/sign-in-page.ts';
import { SiteHeader } from './pages/site-header.ts';
import { users, walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Signing in and out', () => {
  test('an admin signs in, lands on their partnership, and after signing out is asked to sign in again', async ({
    page,
    expectAccessible,
  }) => {
    const signInPage = new SignInPage(page);
    const header = new SiteHeader(page);

    await signInPage.goto();
    await expectAccessible();
    await signInPage.signIn(users.walsallAdmin.email, users.walsallAdmin.password);

    await expect(page).toHaveURL(walsall.home);
    await expect(page.getByRole('heading', { level: 1, name: walsall.name })).toBeVisible();
    await expect(header.signedInAs).toContainText(`${users.walsallAdmin.name} (Partnership admin)`);
    await expectAccessible();

    await header.signOut();
    await expect(page).toHaveURL('/sign-in?signedOut=1');
    await expect(header.signOutButton).toBeHidden();
    await expect(header.signInLink).toBeVisible();
    await expectAccessible();

    await page.goto(walsall.home);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(walsall.home)}`);
    await expect(signInPage.heading).toBeVisible();
    await expectAccessible();
  });

  test('a wrong password shows an error summary linked to the e-mail field, and signs nobody in', async ({ page, expectAccessible }) => {
    const signInPage = new SignInPage(page);
    const header = new SiteHeader(page);

    await signInPage.goto();
    await expectAccessible();
    const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/sign-in'));
    await signInPage.signIn(users.walsallAdmin.email, 'not the right password');

    expect((await response).status()).toBe(401);
    await expect(page).toHaveTitle('Error: Sign in – Baton');
    await expect(signInPage.errors.root).toBeVisible();
    await expect(signInPage.errors.root).toBeFocused();
    await expect(signInPage.errors.link('Enter a correct e-mail address and password')).toHaveAttribute('href', '#email');
    await expect(signInPage.email).toHaveAccessibleDescription(/Enter a correct e-mail address and password/);
    await expect(signInPage.email).toHaveValue(users.walsallAdmin.email);
    await expect(signInPage.password).toHaveValue('');
    await expect(header.signOutButton).toBeHidden();
    await expectAccessible();

    await signInPage.errors.link('Enter a correct e-mail address and password').click();
    await expect(signInPage.email).toBeFocused();

    await page.goto(walsall.home);
    await expect(signInPage.heading).toBeVisible();
    await expectAccessible();
  });

  test('a keyboard user skips to the form and signs in without touching the mouse', async ({ page, expectAccessible }) => {
    const signInPage = new SignInPage(page);
    const header = new SiteHeader(page);

    await signInPage.goto();
    await expectAccessible();

    await page.keyboard.press('Tab');
    await expect(header.skipLink).toBeFocused();
    await expect(header.skipLink).toBeVisible();

    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();

    await page.keyboard.press('Tab');
    await expect(signInPage.email).toBeFocused();
    await page.keyboard.type(users.walsallAdmin.email);

    await page.keyboard.press('Tab');
    await expect(signInPage.password).toBeFocused();
    await page.keyboard.type(users.walsallAdmin.password);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(walsall.home);
    await expect(header.signedInAs).toContainText(users.walsallAdmin.name);
    await expectAccessible();
  });
});
