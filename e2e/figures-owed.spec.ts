import { ErrorSummary, mainHeading, successBanner } from './pages/notices.ts';
import { users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

/** The row of the figures-owed table for the police's anti-social behaviour figure. */
const ASB = 'Anti-social behaviour involving young people';

test.describe('Figures owed', () => {
  test('a police contributor sees the 2013-14 figure owed and enters figures typed as people write periods', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallContributor);
    await expect(page.getByTestId('owed-figures')).toContainText(`${ASB}, 2013-14 (April 2013 to March 2014)`);
    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Enter figures' }).click();
    await expect(mainHeading(page)).toHaveText('Enter figures');
    const owed = page.getByTestId('owed-figures').getByRole('row', { name: new RegExp(ASB) });
    await expect(owed.getByRole('link').first()).toHaveText('2013-14 (April 2013 to March 2014)');
    await expectAccessible();
    await screenshot(page, 'figures-owed');

    await page.getByLabel('Period').fill('2014-15');
    await page.getByRole('button', { name: 'Show the figures due' }).click();
    await expect(mainHeading(page)).toHaveText('Figures for 2014-15');
    await expectAccessible();
    await page.getByLabel('Value for 2014-15').fill('2200');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(successBanner(page)).toContainText('Figures saved');
    await expectAccessible();

    await page.getByLabel('Period').fill('2013-14');
    await page.getByRole('button', { name: 'Show the figures due' }).click();
    await expect(mainHeading(page)).toHaveText('Figures for 2013-14');
    await expectAccessible();
    await page.getByLabel('Value for 2013-14').fill('2300');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(successBanner(page)).toContainText('Figures saved');
    await expectAccessible();

    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Enter figures' }).click();
    await expect(owed.getByRole('link').first()).toHaveText('2015-16 (April 2015 to March 2016)');
    await expect(owed).not.toContainText('2013-14');
    await expect(owed).not.toContainText('2014-15 (');
    await expectAccessible();
  });

  test('a period Baton cannot read is refused with examples', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallContributor);
    await page.goto(`${walsall.home}/figures`);
    await expectAccessible();
    await page.getByLabel('Period').fill('next spring');
    await page.getByRole('button', { name: 'Show the figures due' }).click();
    await expect(new ErrorSummary(page).root).toContainText('such as 2014-15 (a financial year)');
    await expect(page.getByLabel('Period')).toHaveValue('next spring');
    await expectAccessible();
  });

  test('an analyst signs off a period from their home, confirming first', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallAnalyst);
    await page.getByTestId('awaiting-sign-off').getByRole('link', { name: 'November 2013', exact: true }).click();
    await expect(mainHeading(page)).toHaveText('Figures for November 2013');
    await expectAccessible();
    await page.getByRole('button', { name: 'Sign off November 2013' }).click();
    await expect(new ErrorSummary(page).link('Confirm you have checked the figures for November 2013 before signing it off')).toBeVisible();
    await expectAccessible();
    await screenshot(page, 'figures-sign-off');

    await page.getByLabel('I have checked the figures for November 2013 and they are ready to lock').check();
    await page.getByRole('button', { name: 'Sign off November 2013' }).click();
    await expect(successBanner(page)).toContainText('Period signed off');
    await expectAccessible();
    await page.goto(walsall.home);
    await expect(page.getByTestId('awaiting-sign-off').getByRole('link', { name: 'November 2013', exact: true })).toHaveCount(0);
    await expectAccessible();
  });
});
