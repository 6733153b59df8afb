import { mainHeading, successBanner } from './pages/notices.ts';
import { users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Plans and promises', () => {
  test('a board member reads the plan, a priority and the promise tracker', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallViewer);
    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Plans' }).click();
    await expect(mainHeading(page)).toHaveText('Plans');
    await expectAccessible();
    await screenshot(page, 'plans');

    await page.getByRole('link', { name: /Better Together for Children/ }).click();
    await expect(page.getByTestId('priorities')).toContainText('Ensuring that children maintain a healthy weight');
    await expect(page.getByTestId('plan-summary')).toContainText('promises kept');
    await expectAccessible();
    await screenshot(page, 'plan');

    await page.getByRole('link', { name: /^2\. Ensuring that children maintain a healthy weight/ }).click();
    await expect(page.getByText('Director of Public Health')).toBeVisible();
    await expect(page.getByTestId('actions')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Change priority' })).toHaveCount(0);
    await expectAccessible();
    await screenshot(page, 'priority');

    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Promise tracker' }).click();
    await expect(page.getByTestId('tracker-summary')).toContainText('overdue');
    await expectAccessible();
    await page
      .getByRole('navigation', { name: 'Which actions' })
      .getByRole('link', { name: /^Overdue \d+$/ })
      .click();
    await expect(page).toHaveURL(/show=overdue/);
    await expect(page.getByTestId('tracker').getByRole('row').nth(1)).toContainText('Overdue');
    await expectAccessible();
    await screenshot(page, 'tracker');

    // The filters are folded away: opened from the keyboard, applied, then shown as a tag that removes them.
    await page.getByTestId('tracker-filters').locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Agency').selectOption({ label: 'West Midlands Police' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/show=overdue/);
    await expect(page).toHaveURL(/agency=/);
    const tags = page.getByTestId('active-filters');
    await expect(tags).toContainText('Agency: West Midlands Police');
    await expectAccessible();
    await tags.getByRole('link', { name: /Remove filter Agency/ }).click();
    await expect(page).not.toHaveURL(/agency=/);
    await expect(page.getByTestId('active-filters')).toHaveCount(0);
    await expectAccessible();
  });

  test('a police contributor reports progress on their action, and a bad update shows its errors', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallContributor);
    await page.goto(`${walsall.tracker}?agency=`);
    await expectAccessible();
    const row = page
      .getByTestId('tracker')
      .getByRole('row')
      .filter({ hasText: 'West Midlands Police' })
      .filter({ hasNotText: 'Complete' })
      .first();
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Add a progress update' })).toBeVisible();
    await expectAccessible();

    await page.getByRole('button', { name: 'Add update' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the action taken');
    await expectAccessible();
    await screenshot(page, 'action-update-errors');

    await page.getByLabel('Action taken').fill('Briefed every licensed taxi driver in the borough on spotting exploitation.');
    await page.getByLabel('Evidence of impact (optional)').fill('Three referrals from drivers this quarter.');
    await page.getByLabel('Amber').check();
    await page.getByLabel('Status of the action now').selectOption('on_track');
    await page.getByRole('button', { name: 'Add update' }).click();

    await expect(successBanner(page)).toContainText('Progress update added');
    await expect(page.getByTestId('updates').getByRole('listitem').first()).toContainText('Briefed every licensed taxi driver');
    await expect(page.getByTestId('updates').getByRole('listitem').first()).toContainText(users.walsallContributor.name);
    await expectAccessible();
    await screenshot(page, 'action');
  });

  test('the sponsor changes their own priority using only the keyboard', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallSponsor);
    await page.goto(walsall.plans);
    await expectAccessible();
    await page.getByRole('link', { name: /Better Together for Children/ }).click();
    await expectAccessible();
    await page.getByRole('link', { name: /^2\. Ensuring that children maintain a healthy weight/ }).click();
    await expectAccessible();
    await page.getByRole('button', { name: 'Change priority' }).focus();
    await page.keyboard.press('Enter');
    await expect(mainHeading(page)).toHaveText('Change priority 2');
    await expectAccessible();
    await screenshot(page, 'priority-form');
    await page.getByLabel('Description (optional)').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Every school has a named healthy-weight lead.');
    await page.getByRole('button', { name: 'Save priority' }).focus();
    await page.keyboard.press('Enter');
    await expect(successBanner(page)).toContainText('Priority saved');
    await expect(page.getByText('Every school has a named healthy-weight lead.')).toBeVisible();
    await expectAccessible();
  });
});

test.describe('The sponsor’s report', () => {
  test('the sponsor drafts the report for the board, saves it and downloads it for Word', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallSponsor);
    await page.goto(walsall.plans);
    await expectAccessible();
    await page.getByRole('link', { name: /Better Together for Children/ }).click();
    await expectAccessible();
    await page.getByRole('link', { name: /^2\. Ensuring that children maintain a healthy weight/ }).click();
    await expectAccessible();
    await page.getByTestId('sponsor-report').click();
    await expect(page.getByLabel('Summary of progress')).not.toBeEmpty();
    await expectAccessible();
    await screenshot(page, 'sponsor-report');
    await page.getByLabel('Next steps').fill('Ask the board to back a borough-wide healthy-weight pledge.');
    await page.getByRole('button', { name: 'Save report' }).click();
    await expect(successBanner(page)).toBeVisible();
    await expectAccessible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
  });
});

test.describe('The published plan', () => {
  test('anyone reads the plan and its priorities card without signing in', async ({ page, expectAccessible }) => {
    await page.goto(walsall.publicPage);
    await expectAccessible();
    await page.getByRole('link', { name: /Read our plan/ }).click();
    await expect(mainHeading(page)).toHaveText('Our plan');
    await expect(page.getByTestId('public-priorities').first()).toContainText('Ensuring that children maintain a healthy weight');
    await expectAccessible();
    await screenshot(page, 'public-plan');
    await page.getByRole('link', { name: 'Priorities on one page' }).first().click();
    await expect(page.getByTestId('priorities-card')).toContainText('Reducing the impact of child poverty');
    await expectAccessible();
    await screenshot(page, 'priorities-card');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.govuk-footer')).toBeHidden();
  });
});
