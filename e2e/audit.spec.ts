import { AuditPage } from './pages/audit-page.ts';
import { DateInput } from './pages/date-input.ts';
import { AgencyForm, BoardForm, RecordListPage } from './pages/record-pages.ts';
import { unique, users, walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('The audit log', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn(users.walsallAdmin);
  });

  test('an admin reads the log, filters it by type, and downloads what they see as CSV', async ({ page, expectAccessible }) => {
    const agency = unique('Walsall Young Carers');
    const board = unique('Young Carers Forum');
    const agencies = RecordListPage.agencies(page, walsall.slug);
    const boards = RecordListPage.boards(page, walsall.slug);
    const audit = new AuditPage(page);

    // Two changes of different types to find in the log.
    await page.goto(`${walsall.agencies}/new`);
    await expectAccessible();
    await new AgencyForm(page).fillIn({ name: agency, sector: 'Voluntary and community sector' });
    await expect(agencies.row(agency)).toBeVisible();
    await expectAccessible();
    await page.goto(`${walsall.boards}/new`);
    await expectAccessible();
    await new BoardForm(page).fillIn({ name: board, kind: 'Committee or sub-group', purpose: 'Hears from young carers.' });
    await expect(boards.row(board)).toBeVisible();
    await expectAccessible();

    await audit.goto(walsall.slug);
    await expect(audit.entry(`Added agency ${agency}`)).toContainText(users.walsallAdmin.name);
    await expect(audit.entry(`Added board ${board}`)).toBeVisible();
    await expectAccessible();

    await audit.filterByType('agency');

    await expect(page).toHaveURL(/[?&]type=agency(&|$)/);
    await expect(audit.type).toHaveValue('agency');
    await expect(audit.entry(`Added agency ${agency}`)).toBeVisible();
    await expect(audit.typeCells('agency')).not.toHaveCount(0);
    await expect(audit.typeCells('board')).toHaveCount(0);
    await expect(audit.csvLink).toHaveAttribute('href', `${walsall.audit}.csv?type=agency`);
    await expectAccessible();

    const csv = await audit.downloadCsv();

    expect(csv.fileName).toBe('audit-walsall.csv');
    expect(csv.text).toMatch(/^when,who,action,type,id,summary,before,after\r?\n/);
    expect(csv.text).toContain(`Added agency ${agency}`);
    expect(csv.text).not.toContain(board);
  });

  test('a filter with impossible dates is refused with an error linked to the field', async ({ page, expectAccessible }) => {
    const audit = new AuditPage(page);

    const response = await page.goto(`${walsall.audit}?from=2025-02-01&to=2025-01-01`);

    expect(response?.status()).toBe(400);
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByRole('link', { name: 'The ‘to’ date must be the same as or after the ‘from’ date' })).toHaveAttribute(
      'href',
      '#to',
    );
    await expect(audit.table).toContainText('0 entries');
    await expectAccessible();
  });

  test('a date typed into the day, month and year boxes filters the log; a wrong one is shown on the page', async ({
    page,
    expectAccessible,
  }) => {
    const audit = new AuditPage(page);
    const from = new DateInput(page, 'From (optional)');
    const to = new DateInput(page, 'To (optional)');
    await audit.goto(walsall.slug);
    await expectAccessible();

    await to.fill('1', 'January', '2000');
    await audit.filterButton.click();
    await expect(page).toHaveURL(/[?&]to-month=January(&|$)/);
    await expect(audit.table).toContainText('0 entries');
    await expect(to.year).toHaveValue('2000');
    await expectAccessible();

    await to.fill('', '', '');
    await from.fill('31', '2', '2014');
    await audit.filterButton.click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByRole('link', { name: 'Date from must be a real date' })).toHaveAttribute('href', '#from');
    await expect(from.day).toHaveClass(/govuk-input--error/);
    await expect(from.day).toHaveValue('31');
    await expectAccessible();
  });
});
