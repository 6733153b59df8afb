import { mainHeading, successBanner } from './pages/notices.ts';
import { unique, users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Choosing priorities', () => {
  test('a board member proposes a priority and scores it; the ranking shows it', async ({ page, signIn, expectAccessible }) => {
    const title = unique('Keeping children in school');
    await signIn(users.walsallSponsor);
    await page.goto(walsall.plans);
    await expectAccessible();
    await page.getByRole('link', { name: /Better Together for Children/ }).click();
    await expectAccessible();
    await page.getByRole('link', { name: /^Choosing priorities/ }).click();
    await expect(mainHeading(page)).toHaveText('Choosing priorities');
    await expect(page.getByTestId('criteria')).toContainText('Is there a real need for improvement in this area?');
    await expectAccessible();

    await page.getByRole('button', { name: 'Propose a priority' }).click();
    await expectAccessible();
    await page.getByRole('button', { name: 'Propose priority' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the priority you propose');
    await expectAccessible();
    await page.getByLabel('The priority you propose').fill(title);
    await page.getByLabel('2. What is the data telling us?').fill('Persistent absence is above the England average.');
    await page.getByRole('button', { name: 'Propose priority' }).click();
    await expect(successBanner(page)).toContainText('Priority proposed');
    await expectAccessible();

    const criteria = page.locator('form[action$="/scores"] fieldset');
    await expect(criteria).toHaveCount(4);
    for (let i = 0; i < 4; i++)
      await criteria
        .nth(i)
        .getByLabel(i < 2 ? '5 – Completely' : '4 – Mostly')
        .check();
    await page.getByRole('button', { name: 'Save my scores' }).click();
    await expect(successBanner(page)).toContainText('Your scores are saved');
    await expect(page.getByTestId('scores')).toContainText('Total, from 1 person');
    await expect(page.getByTestId('scores')).toContainText('18');
    await expectAccessible();
    await screenshot(page, 'candidate');

    await page.getByRole('link', { name: /^Choosing priorities for/ }).click();
    await expect(page.getByTestId('candidates').getByRole('row').filter({ hasText: title })).toContainText('18');
    await expectAccessible();
    await screenshot(page, 'candidates');
  });
});
