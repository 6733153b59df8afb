import fs from 'node:fs';
import { mainHeading, successBanner } from './pages/notices.ts';
import { users, walsall } from './support/demo.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

/** A template file with one good row and five bad ones (unknown indicator, area and period; text for a value; a formula). */
const BAD_FILE = [
  'indicator_code,area_code,period,value,quality_note',
  'eh-rate,E08000030,2014-03,301.2,',
  'no-such-indicator,E08000030,2014-03,1,',
  'eh-rate,E99999999,2014-03,1,',
  'eh-rate,E08000030,March 2014,1,',
  'eh-rate,E08000030,2014-03,lots,',
  'eh-rate,335,2014-04,1,"=HYPERLINK(""http://example.com"",""click"")"',
].join('\n');

/** The same figures, corrected: Walsall's early help rate for March and April 2014. */
const GOOD_FILE = [
  'indicator_code,area_code,period,value,status,quality_note',
  'eh-rate,E08000030,2014-03,301.2,provisional,',
  'eh-rate,335,2014-04,288.4,provisional,Checked by the early help team',
].join('\n');

test.describe('Indicators and imports', () => {
  test('an analyst reads an indicator against England and the statistical neighbours', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallAnalyst);
    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Indicators' }).click();
    await expect(mainHeading(page)).toHaveText('Indicators');
    await expect(page.getByTestId('own-indicators')).toContainText('Early help rate per 10,000 children and young people');
    await expectAccessible();
    await screenshot(page, 'indicators');

    await page.getByRole('link', { name: 'Children on a child protection plan per 10,000 children', exact: true }).click();
    await expect(page.getByTestId('benchmark-panel')).toContainText('Comparator mean');
    await expect(page.getByTestId('trend-chart').locator('svg[role="img"]')).toBeVisible();
    await expectAccessible();

    // Choose 31 March 2013 with the keyboard alone: the period list, then the Show button.
    await page.getByLabel('Period').focus();
    await page.getByLabel('Period').selectOption({ label: 'At 31 March 2013' });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Show' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/period=AT2013-03-31/);
    await expect(page.getByRole('heading', { name: 'How Walsall compares, At 31 March 2013' })).toBeVisible();
    await expect(page.getByTestId('panel-value')).toHaveText('39.6');
    await expect(page.getByTestId('trend-table').getByRole('row', { name: /At 31 March 2013/ })).toContainText('39.6');
    await expectAccessible();
    await screenshot(page, 'indicator');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the figures for Walsall (CSV)' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('indicator_code,area_code,area_name,period');
    expect(csv).toContain('cp-plan-rate,E08000030,Walsall,AT2013-03-31');
  });

  test('an analyst imports a file with problems, reads the error report, then imports the corrected file', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallAnalyst);
    await page.goto(walsall.imports);
    await expect(mainHeading(page)).toHaveText('Import figures');
    await expectAccessible();
    await screenshot(page, 'imports');

    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Choose a CSV or Excel file to import');
    await expectAccessible();

    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'early-help-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_FILE) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-refused')).toContainText('This file was not imported: 6 problems found');
    await expect(page.getByTestId('import-refused')).toContainText('Nothing has been saved');
    const problems = page.getByTestId('issues');
    await expect(problems.getByRole('row', { name: /no-such-indicator/ })).toContainText('indicator_code');
    await expect(problems.getByRole('row', { name: /March 2014/ })).toContainText('period');
    await expect(problems.getByRole('row', { name: /lots/ })).toContainText('value');
    await expect(problems).toContainText('=HYPERLINK');
    await expectAccessible();
    await screenshot(page, 'import-refused');

    const download = page.waitForEvent('download');
    await page.getByTestId('issues-csv').click();
    const report = fs.readFileSync(await (await download).path(), 'utf8');
    expect(report.split('\r\n')[0]).toBe('row,column,value,reason');
    expect(report).toContain('3,indicator_code,no-such-indicator,');
    expect(report).toContain(`"'=HYPERLINK(`);

    await page.goto(walsall.imports);
    await expectAccessible();
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'early-help.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_FILE) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByTestId('import-summary')).toContainText('Saving will add 2, change 0 and leave 0 as they are');
    await expect(page.getByTestId('preview')).toContainText('April 2014');
    await expectAccessible();
    await screenshot(page, 'import-preview');

    await page.getByRole('button', { name: 'Save these figures' }).click();
    await expect(successBanner(page)).toContainText('Figures saved');
    await expect(page.getByTestId('import-summary')).toContainText('2 figures added');
    await expectAccessible();

    await page.goto(`${walsall.indicators}/eh-rate`);
    await expect(page.getByTestId('trend-table').getByRole('row', { name: /April 2014/ })).toContainText('288.4');
    await expect(page.getByTestId('trend-table').getByRole('row', { name: /April 2014/ })).toContainText('Checked by the early help team');
    await expectAccessible();
  });

  test('a police contributor enters the year’s figure, is asked to check an unusual one, and corrects it', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallContributor);
    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Enter figures' }).click();
    await expect(mainHeading(page)).toHaveText('Enter figures');
    await expectAccessible();
    await page.getByLabel('Period').fill('FY2013-14');
    await page.getByRole('button', { name: 'Show the figures due' }).click();
    await expect(mainHeading(page)).toHaveText('Figures for 2013-14');
    await expect(page.getByRole('group', { name: 'Anti-social behaviour involving young people' })).toContainText(
      'Before: 2011-12 2,870; 2012-13 2,344',
    );
    await expectAccessible();

    await page.getByLabel('Value for 2013-14').fill('4100');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(page.getByTestId('unusual')).toContainText('Check this figure');
    await expect(page.getByLabel('Value for 2013-14')).toHaveValue('4100');
    await expectAccessible();
    await screenshot(page, 'figures-unusual');

    await page.getByLabel('Value for 2013-14').fill('2250');
    await page.getByRole('button', { name: 'Save figures' }).click();
    await expect(successBanner(page)).toContainText('Figures saved');
    await expect(page.getByLabel('Value for 2013-14')).toHaveValue('2250');
    await expectAccessible();
  });

  test('an analyst creates an indicator with the keyboard, correcting an error, and sets a target', async ({
    page,
    signIn,
    expectAccessible,
  }) => {
    await signIn(users.walsallAnalyst);
    await page.goto(walsall.indicators);
    await expectAccessible();
    await page.getByRole('button', { name: 'Create an indicator' }).click();
    await expect(mainHeading(page)).toHaveText('Create an indicator');
    await expectAccessible();
    await screenshot(page, 'indicator-new');

    // A band with no ends is refused, the error summary links to the field.
    await page.getByLabel('Code').fill('repeat-cin-referrals');
    await page.getByLabel('Title').fill('Repeat referrals to children’s social care within 12 months');
    await page.getByLabel('Best within a target band').check();
    await page.getByRole('button', { name: 'Save indicator' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the lower end of the ideal band');
    await expectAccessible();
    await screenshot(page, 'indicator-new-errors');

    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the lower end of the ideal band' }).click();
    await expect(page.getByLabel('Lowest ideal value')).toBeFocused();
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Highest ideal value')).toBeFocused();
    await page.keyboard.type('20');
    await page.getByRole('button', { name: 'Save indicator' }).focus();
    await page.keyboard.press('Enter');
    await expect(successBanner(page)).toContainText('Indicator created');
    await expect(page.getByTestId('definition')).toContainText('Best within a target band: 15.0% to 20.0%');
    await expectAccessible();

    await page.getByText('Set a target').click();
    await page.getByLabel('Period').last().fill('2014-15-Q1');
    await page.getByLabel('Target', { exact: true }).fill('17.5');
    await page.getByRole('button', { name: 'Save target' }).click();
    await expect(successBanner(page)).toContainText('Target saved');
    await expect(page.getByTestId('targets')).toContainText('17.5%');
    await expectAccessible();
  });

  test('an analyst compares Walsall with a group of its own instead of the DfE neighbours', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallAnalyst);
    await page.getByRole('navigation', { name: 'Partnership menu' }).getByRole('link', { name: 'Areas' }).click();
    await expect(mainHeading(page)).toHaveText('Areas and comparators');
    await expect(page.getByTestId('comparators').getByRole('listitem')).toHaveCount(10);
    await expectAccessible();
    await screenshot(page, 'areas');

    await page.getByText('Create a comparator group').click();
    await page.getByLabel('Name').fill('Black Country');
    await page.getByLabel('Councils').fill('Sandwell\nWolverhampton\nDudley');
    await page.getByRole('button', { name: 'Create group' }).click();
    await expect(successBanner(page)).toContainText('Comparator group created');
    await expectAccessible();

    await page.getByLabel('The partnership’s group: Black Country').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(successBanner(page)).toContainText('Comparators saved');
    await expect(page.getByTestId('comparators').getByRole('listitem')).toHaveText(['Dudley', 'Sandwell', 'Wolverhampton']);
    await expectAccessible();

    await page.goto(`${walsall.indicators}/cp-plan-rate?period=AT2013-03-31`);
    await expect(page.getByTestId('benchmark-panel')).toContainText('mean of 3 of 3 councils in the partnership’s comparator group');
    await expectAccessible();

    // Put the DfE list back for the other tests.
    await page.goto('/p/walsall/areas');
    await expectAccessible();
    await page.getByLabel('DfE statistical neighbours, 2025 list').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(successBanner(page)).toContainText('Comparators saved');
    await expectAccessible();
  });
});
