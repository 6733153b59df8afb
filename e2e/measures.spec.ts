import type { Page } from '@playwright/test';
import { mainHeading, successBanner } from './pages/notices.ts';
import { users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

const YEAR_6 = /Year 6 children measured as overweight or obese/;

/** From the plans list to the 2013-16 plan's healthy-weight priority, checking each page on the way. */
async function openHealthyWeight(page: Page, expectAccessible: () => Promise<void>) {
  await page.goto(walsall.plans);
  await expectAccessible();
  await page.getByRole('link', { name: /Better Together for Children/ }).click();
  await expectAccessible();
  await page.getByRole('link', { name: /^2\. Ensuring that children maintain a healthy weight/ }).click();
  await expectAccessible();
}

test.describe('Success measures with live figures', () => {
  test('the sponsor’s report shows each measure’s latest figure from its indicator', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallSponsor);
    await openHealthyWeight(page, expectAccessible);
    await expect(page.getByTestId('rating-rule')).toContainText('only the actions can make it red');

    await page.getByTestId('sponsor-report').click();
    await expect(mainHeading(page)).toContainText('Sponsor’s report');
    const year6 = page.getByTestId('report-measures').getByRole('row', { name: YEAR_6 });
    await expect(year6).toContainText('40.0%');
    await expect(year6).toContainText('Academic year 2015/16');
    await expect(year6).toContainText('Deteriorated since the baseline');
    await expect(year6).toContainText('Red – off track');
    await expect(page.getByTestId('report-measures').getByRole('row', { name: /Mothers starting to breastfeed/ })).toContainText(
      'No figure',
    );
    await expect(page.getByLabel('Success measures')).toHaveValue(/Latest figure 40\.0% \(Academic year 2015\/16\)/);
    await expectAccessible();
    await screenshot(page, 'sponsor-report-measures');
  });

  test('a sponsor links a measure to an indicator and sees its figure', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallSponsor);
    await openHealthyWeight(page, expectAccessible);
    await page.getByRole('link', { name: /Change Reception children measured as overweight or obese/ }).click();
    await expect(mainHeading(page)).toHaveText('Change a success measure');
    await expectAccessible();

    await page.getByLabel('Baseline period (optional)').fill('2013');
    await page.getByLabel('Baseline figure (optional)').fill('21.5');
    await page.getByRole('button', { name: 'Save measure' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the baseline period as a period code');
    await expectAccessible();

    await page.getByLabel('Baseline period (optional)').fill('AY2012-13');
    await page.getByLabel('Target figure (optional)').fill('21');
    // The plan is published: a target set or moved now is a promise, so the form asks why and who agreed.
    await page.getByLabel('Why is it moving?').fill('The board set a figure for the falling trend it asked for.');
    await page.getByRole('radio', { name: 'The priority’s sponsor' }).check();
    await page.getByRole('button', { name: 'Save measure' }).click();
    await expect(successBanner(page)).toContainText('Success measure saved');
    const reception = page.getByTestId('measures').getByRole('row', { name: /Reception children measured as overweight or obese/ });
    await expect(reception).toContainText('23.8%');
    await expect(reception).toContainText('Deteriorated since the baseline');
    await expect(reception).toContainText('Red – off track');
    await expect(reception).toContainText('Target moved from Falling each year to 21 (Falling each year)');
    await expectAccessible();
  });
});
