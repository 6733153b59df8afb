import { mainHeading } from './pages/notices.ts';
import { SiteHeader } from './pages/site-header.ts';
import { birmingham, users, walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Who can see what', () => {
  test('a viewer sees no admin menu and is refused the admin pages', async ({ page, signIn, expectAccessible }) => {
    const header = new SiteHeader(page);

    await signIn(users.walsallViewer);

    await expect(page).toHaveURL(walsall.home);
    await expect(header.signedInAs).toContainText('Viewer');
    await expect(header.menuLink('Home')).toBeVisible();
    await expect(header.menuLink('API tokens')).toBeVisible();
    await expect(header.menuLink('People')).toHaveCount(0);
    await expect(header.menuLink('Agencies')).toHaveCount(0);
    await expect(header.menuLink('Boards')).toHaveCount(0);
    await expect(header.menuLink('Audit log')).toHaveCount(0);

    const response = await page.goto(walsall.people);

    expect(response?.status()).toBe(403);
    await expect(mainHeading(page)).toHaveText('You do not have permission to see this page');
    await expectAccessible();
  });

  test('an admin sees the whole admin menu', async ({ page, signIn }) => {
    const header = new SiteHeader(page);

    await signIn(users.walsallAdmin);

    await expect(header.menuLink('Home')).toHaveAttribute('aria-current', 'page');
    await expect(header.menuLink('People')).toHaveAttribute('href', walsall.people);
    await expect(header.menuLink('Agencies')).toHaveAttribute('href', walsall.agencies);
    await expect(header.menuLink('Boards')).toHaveAttribute('href', walsall.boards);
    await expect(header.menuLink('Audit log')).toHaveAttribute('href', walsall.audit);
    await expect(header.menuLink('API tokens')).toHaveAttribute('href', walsall.tokens);
  });

  test('a Walsall admin cannot even find out that the Birmingham partnership exists', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallAdmin);

    const response = await page.goto(birmingham.home);

    expect(response?.status()).toBe(404);
    await expect(mainHeading(page)).toHaveText('Page not found');
    await expect(page.getByText(birmingham.name)).toHaveCount(0);
    await expectAccessible();
  });
});
