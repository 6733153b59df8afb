import { DateInput } from './pages/date-input.ts';
import { mainHeading } from './pages/notices.ts';
import { users } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';
import { scorecardSection } from './pages/scorecard-table.ts';

test.describe('Board packs', () => {
  test('an analyst freezes the Q3 2013 scorecard as presented to the panel, and a board member reads the packs', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallAnalyst);
    await page.goto('/p/walsall/scorecards');
    await expectAccessible();
    await page.getByRole('link', { name: 'Children’s Scrutiny Board scorecard, Q3 2013' }).click();
    await expectAccessible();
    await page.getByRole('link', { name: 'Freeze it as a board pack' }).click();
    await expect(mainHeading(page)).toHaveText('Freeze as a board pack');
    await expectAccessible();

    await page.getByRole('button', { name: 'Freeze the pack' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expectAccessible();
    await page.getByLabel('Meeting', { exact: true }).fill('the Scrutiny and Performance Panel');
    const meetingDate = new DateInput(page, 'Date of the meeting');
    await meetingDate.fill('26', '', '2013');
    await page.getByRole('button', { name: 'Freeze the pack' }).click();
    await expect(page.getByRole('link', { name: 'Date of the meeting must include a month' })).toBeVisible();
    await expect(meetingDate.month).toHaveClass(/govuk-input--error/);
    await expect(meetingDate.day).not.toHaveClass(/govuk-input--error/);
    await expect(meetingDate.day).toHaveValue('26');
    await expectAccessible();
    await meetingDate.month.fill('Nov');
    await page.getByRole('button', { name: 'Freeze the pack' }).click();
    await expect(mainHeading(page)).toContainText('as presented to the Scrutiny and Performance Panel, 26 November 2013');
    await expect(scorecardSection(page, 'Assessments')).toContainText('46.0%');
    await expect(page.getByTestId('selected-chart')).toHaveCount(3);
    await expectAccessible();
    await screenshot(page, 'pack');

    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Board packs' }).click();
    await expect(mainHeading(page)).toHaveText('Board packs');
    await expect(page.getByTestId('board-packs')).toContainText('26 November 2013');
    await expectAccessible();
    await screenshot(page, 'packs');
  });
});
