import { AgencyForm, RecordListPage } from './pages/record-pages.ts';
import { PeoplePage } from './pages/people-pages.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { TokensPage } from './pages/tokens-page.ts';
import { unique, users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test as base } from './support/fixtures.ts';

/**
 * A full-page picture of every kind of page, for a person to look over (layout, header, menu,
 * tables), written outside the repository. Each page is checked with axe on the way.
 */
const test = base.extend<{ capture: (name: string) => Promise<void> }>({
  capture: async ({ page, expectAccessible }, use) => {
    await use(async (name) => {
      await expectAccessible();
      await screenshot(page, name);
    });
  },
});

test.describe('Screenshots of every kind of page', () => {
  test('pages anyone can see', async ({ page, capture }) => {
    const signInPage = new SignInPage(page);

    await page.goto('/');
    await capture('landing');
    await page.goto(walsall.publicPage);
    await capture('public-partnership');
    await page.goto('/no-such-page');
    await capture('not-found');
    await signInPage.goto();
    await capture('sign-in');
    await signInPage.signIn(users.walsallAdmin.email, 'not the right password');
    await expect(signInPage.errors.root).toBeVisible();
    await capture('sign-in-error');
  });

  test('pages an admin sees', async ({ page, signIn, capture, expectAccessible }) => {
    const people = new PeoplePage(page);
    const agencies = RecordListPage.agencies(page, walsall.slug);
    const boards = RecordListPage.boards(page, walsall.slug);
    const tokens = new TokensPage(page);

    await signIn(users.walsallAdmin);
    await capture('home');
    await people.goto(walsall.slug);
    await capture('people');
    await people.addPerson.click();
    await expect(page).toHaveURL(`${walsall.people}/new`);
    await capture('person-new');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await capture('person-new-errors');
    await people.goto(walsall.slug);
    await expectAccessible();
    await people.open(users.walsallViewer.name);
    await expect(page.getByRole('heading', { level: 1, name: users.walsallViewer.name })).toBeVisible();
    await capture('person-edit');
    await agencies.goto();
    await capture('agencies');
    await agencies.open('West Midlands Police');
    await expect(page.getByRole('heading', { level: 1, name: 'Change West Midlands Police' })).toBeVisible();
    await capture('agency-edit');
    await page.goto(`${walsall.agencies}/new`);
    await capture('agency-new');
    await new AgencyForm(page).fillIn({ name: unique('Screenshot agency'), sector: 'Other' });
    await expect(page).toHaveURL(`${walsall.agencies}?notice=added`);
    await capture('agencies-added');
    await boards.goto();
    await capture('boards');
    await page.goto(`${walsall.boards}/new`);
    await capture('board-new');
    await page.goto(walsall.audit);
    await capture('audit');
    await tokens.goto(walsall.slug);
    await capture('tokens');
    await tokens.createToken(unique('Screenshot token'));
    await expect(tokens.newToken).toBeVisible();
    await capture('tokens-created');
  });

  test('pages a viewer is refused', async ({ page, signIn, capture }) => {
    await signIn(users.walsallViewer);
    await page.goto(walsall.people);
    await capture('forbidden');
  });
});
