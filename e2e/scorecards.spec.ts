import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { mainHeading, successBanner } from './pages/notices.ts';
import { users } from './support/demo.ts';
import { pageWidth, screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';
import { scorecardSection } from './pages/scorecard-table.ts';

const Q3_2013 = 'Children’s Scrutiny Board scorecard, Q3 2013';
const CP_SECOND = 'Child protection plans that are a second or later plan (%)';

/** axe at a desktop width and at 320 px, where the page must not scroll sideways (WCAG 1.4.10 reflow). */
async function expectAccessibleAtBothWidths(page: Page, expectAccessible: () => Promise<void>) {
  await expectAccessible();
  await page.setViewportSize({ width: 320, height: 720 });
  await expectAccessible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('Scorecards', () => {
  test('a board member reads the Q3 2013 scorecard, its exception report, and downloads it', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallViewer);
    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Scorecards' }).click();
    await expect(mainHeading(page)).toHaveText('Scorecards');
    await expectAccessible();
    await screenshot(page, 'scorecards');

    await page.getByRole('link', { name: Q3_2013 }).click();
    await expect(mainHeading(page)).toHaveText(Q3_2013);
    const assessments = scorecardSection(page, 'Assessments');
    await expect(assessments.getByRole('row', { name: /Initial assessments/ })).toContainText('Deteriorated');
    await expect(assessments.getByRole('row', { name: /Core assessments/ })).toContainText('Improved');
    await expect(page.getByTestId('legend')).toContainText('Maintained');
    await expect(page.getByRole('heading', { name: 'Charts for selected areas' })).toBeVisible();
    await expect(page.getByTestId('selected-chart')).toHaveCount(3);
    await expect(page.getByTestId('selected-chart').first().locator('svg[role="img"]')).toBeVisible();
    await expect(page.getByTestId('selected-chart-table').first()).toContainText('75.5%');
    await expectAccessible();
    await screenshot(page, 'scorecard');

    await page.getByRole('link', { name: 'Chart of Social worker vacancy rate' }).click();
    await expect(page.getByTestId('row-chart').locator('svg[role="img"]')).toBeVisible();
    await expect(page.getByTestId('row-chart-table')).toContainText('18.6%');
    await expectAccessible();
    await screenshot(page, 'scorecard-chart');

    const download = page.waitForEvent('download');
    await page.getByTestId('exports').getByRole('link', { name: 'CSV' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain('ia-10-days-pct');

    await page.getByRole('link', { name: 'Exception report' }).click();
    await expect(mainHeading(page)).toHaveText('Exception report');
    await expect(page.getByTestId('exception').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save commentary' })).toHaveCount(0);
    await expectAccessible();
  });

  test('an analyst builds a scorecard with the keyboard and an owner explains an exception', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallAnalyst);
    await page.goto('/p/walsall/scorecards');
    await expectAccessible();
    await page.getByText('Create a scorecard').click();
    await page.getByLabel('Title').fill('Front door, monthly');
    await page.getByLabel('Earlier periods to show').fill('2');
    await page.getByRole('button', { name: 'Create scorecard' }).focus();
    await page.keyboard.press('Enter');
    await expect(successBanner(page)).toContainText('Scorecard created');
    await expectAccessible();
    await screenshot(page, 'scorecard-builder');

    await page.getByLabel('Section').fill('Child protection');
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect(successBanner(page)).toContainText('Section added');
    await expectAccessible();

    await page.locator('summary', { hasText: 'Add a row' }).press('Enter');
    // The indicator picker, by keyboard alone: type part of the title, arrow down to it, Enter.
    const picker = page.getByRole('combobox', { name: 'Indicator' });
    await picker.focus();
    await page.keyboard.type('protection second or later');
    await expect(page.getByRole('listbox')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText(/1 indicator matches/);
    await expectAccessible();
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveAttribute('aria-activedescendant', 'indicatorCode-option-0');
    await expect(page.getByRole('option', { name: /Child protection plans that are a second or later plan/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.keyboard.press('Enter');
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(picker).toHaveValue(CP_SECOND);
    await expect(picker).toHaveAttribute('aria-expanded', 'false');
    await page.getByLabel('How the row is rated (RAG)').selectOption({ label: 'Within a target band' });
    await page.getByRole('button', { name: 'Add row' }).focus();
    await page.keyboard.press('Enter');
    await expect(successBanner(page)).toContainText('Row added');
    const section = page.getByTestId('builder-section').filter({ hasText: 'Child protection' });
    await expect(section.getByRole('term')).toContainText(CP_SECOND);
    await expect(section.getByRole('term')).toContainText('cp-plan-second-pct');
    await expect(page.locator('.govuk-button--warning')).toHaveCount(0);
    await expectAccessibleAtBothWidths(page, expectAccessible);
    await screenshot(page, 'scorecard-builder-rows');

    await page.getByRole('link', { name: `Change ${CP_SECOND}` }).focus();
    await page.keyboard.press('Enter');
    await expect(mainHeading(page)).toHaveText(`Change ${CP_SECOND}`);
    await expectAccessibleAtBothWidths(page, expectAccessible);
    await page.getByLabel('Amber tolerance (optional)').fill('lots');
    await page.getByRole('button', { name: 'Save row' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('The tolerance must be a number, 0 or more');
    await expectAccessible();
    await page.getByLabel('Amber tolerance (optional)').fill('1.5');
    await page.getByLabel('Chart this row on the scorecard and in its papers').check();
    await page.getByRole('button', { name: 'Save row' }).click();
    await expect(successBanner(page)).toContainText('Row saved');
    await expect(page.getByTestId('charted')).toHaveText('Yes');
    await expectAccessible();

    await page.getByText('Add a section').click();
    await page.getByLabel('Section', { exact: true }).last().fill('Looked after children');
    await page.getByRole('button', { name: 'Add section' }).click();
    await expect(successBanner(page)).toContainText('Section added');
    await expectAccessible();
    await page.getByRole('button', { name: 'Move up the section Looked after children' }).focus();
    await page.keyboard.press('Enter');
    await expect(successBanner(page)).toContainText('Section moved');
    await expect(page.getByTestId('builder-section').first()).toContainText('Looked after children');
    await expectAccessible();
    await page.getByRole('link', { name: 'Remove the section Looked after children' }).click();
    await expect(mainHeading(page)).toHaveText(
      'Are you sure you want to remove the section Looked after children from Front door, monthly?',
    );
    await expectAccessibleAtBothWidths(page, expectAccessible);
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect(successBanner(page)).toContainText('Section removed');
    await expect(page.getByTestId('builder-section')).toHaveCount(1);
    await expectAccessible();

    await page.getByRole('link', { name: 'Read the scorecard' }).click();
    await expect(scorecardSection(page, 'Child protection')).toContainText('24.5%');
    await expect(page.getByTestId('selected-chart')).toHaveCount(1);
    await expectAccessible();

    await page.getByRole('link', { name: 'Exception report' }).click();
    await expectAccessible();
    await page
      .getByText(/Write the commentary (for|at) /)
      .first()
      .click();
    await page.getByRole('button', { name: 'Save commentary' }).first().click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Tell the story behind the curve, or what we will do');
    await expectAccessible();
    await page.getByLabel('The story behind the curve').fill('More children return to a plan after step-down than our neighbours see.');
    await page.getByLabel('What we will do').fill('Audit every second plan started this year.');
    await page.getByRole('button', { name: 'Save commentary' }).first().click();
    await expect(successBanner(page)).toContainText('Commentary saved');
    await expect(page.getByTestId('commentary').first()).toContainText('Audit every second plan');
    await expectAccessible();
    await screenshot(page, 'exceptions');
  });
});
