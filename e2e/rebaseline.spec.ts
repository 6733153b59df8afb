import { successBanner } from './pages/notices.ts';
import { users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

// Issue 14: moving a promised date is a recorded decision, and the promise is still judged by the date first promised.
const ACTION = /^Sign every secondary school up to a healthy schools charter/;
const ACTION_TEXT = /Sign every secondary school up to a healthy schools charter/;

test.describe('Moving a promised date', () => {
  test('the sponsor moves an overdue action’s due date with a reason; the tracker and the report still tell of it', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallSponsor);
    await page.goto(walsall.plans);
    await expectAccessible();
    await page.getByRole('link', { name: /Better Together for Children/ }).click();
    await expectAccessible();
    await page.getByRole('link', { name: /^2\. Ensuring that children maintain a healthy weight/ }).click();
    await expectAccessible();
    await page.getByTestId('actions').getByRole('link', { name: ACTION }).click();
    await expect(page.getByTestId('due')).toContainText('31 July 2015');
    await expectAccessible();
    await page.getByRole('button', { name: 'Change action' }).click();
    await expect(page.getByTestId('agreement')).toContainText('The plan is approved');
    await expectAccessible();

    // Moving it with no reason is refused, and says what is missing.
    const due = page.getByRole('group', { name: 'Due' });
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('3');
    await due.getByLabel('Year').fill('2016');
    await page.getByRole('button', { name: 'Save action' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('The plan is approved: enter why the due date is moving');
    await expect(summary).toContainText('Choose who agreed to move the due date');
    await expectAccessible();
    await screenshot(page, 'action-move-errors');

    // From the error summary, by keyboard, to the reason; then who agreed it.
    await summary.getByRole('link', { name: /enter why the due date is moving/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Why is it moving?')).toBeFocused();
    await page.keyboard.type('Five academy trusts asked to wait for their new PE contracts in September 2015.');
    await page.getByLabel('The priority’s sponsor').check();
    await page.getByRole('button', { name: 'Save action' }).click();

    await expect(successBanner(page)).toContainText('Action saved');
    await expect(page.getByTestId('due')).toContainText('31 March 2016 (was 31 July 2015');
    await expect(page.getByTestId('due')).toContainText('because: Five academy trusts asked to wait');
    await expect(page.getByTestId('moves')).toContainText('The sponsor');
    await expect(page.getByTestId('action-summary')).toContainText('Overdue');
    await expectAccessible();
    await screenshot(page, 'action-moved');

    // The tracker still counts it overdue, against the date first promised; judged by the current date it is not.
    await page.goto(`${walsall.tracker}?show=moved`);
    const row = page.getByTestId('tracker').getByRole('row').filter({ hasText: ACTION_TEXT });
    await expect(row).toContainText('first promised 31 July 2015');
    await expect(row).toContainText('Overdue');
    await expect(row).toContainText('Due date moved');
    await expectAccessible();
    await page.getByRole('link', { name: 'Judge by the current due dates' }).click();
    await expect(page.getByTestId('active-filters')).toContainText('Judged by: Current (moved) due dates');
    await expect(page.getByTestId('tracker').getByRole('row').filter({ hasText: ACTION_TEXT })).not.toContainText('Overdue');
    await expectAccessible();

    // The sponsor's report lists the move as an exception, with the reason and who agreed it.
    await page.goto(walsall.plans);
    await expectAccessible();
    await page.getByRole('link', { name: /Better Together for Children/ }).click();
    await expectAccessible();
    await page.getByRole('link', { name: /^2\. Ensuring that children maintain a healthy weight/ }).click();
    await expectAccessible();
    await page.getByTestId('sponsor-report').click();
    await expectAccessible();
    await page.getByLabel('Quarter').selectOption('2015-16 Q3');
    await page.getByRole('button', { name: 'Show quarter' }).click();
    await expect(page.getByText('October to December 2015 (2015-16 Q3)')).toBeVisible();
    await expect(page.getByLabel('Exceptions')).toHaveValue(/overdue against its original due date; due date moved/);
    await expect(page.getByLabel('Exceptions')).toHaveValue(/agreed by the sponsor\. Reason given: Five academy trusts/);
    await expectAccessible();
  });
});
