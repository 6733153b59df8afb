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
});
