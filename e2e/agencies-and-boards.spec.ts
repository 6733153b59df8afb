import { mainHeading, successBanner } from './pages/notices.ts';
import { AgencyForm, BoardForm, RecordListPage } from './pages/record-pages.ts';
import { unique, users, walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Agencies and boards', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn(users.walsallAdmin);
  });

  test('an admin adds an agency to the partnership', async ({ page, expectAccessible }) => {
    const name = unique('Walsall Youth Sport Trust');
    const agencies = RecordListPage.agencies(page, walsall.slug);
    const form = new AgencyForm(page);

    await agencies.goto();
    await expect(agencies.row('West Midlands Police')).toContainText('Police');
    await expectAccessible();

    await agencies.addButton.click();
    await expect(mainHeading(page)).toHaveText('Add an agency');
    await expectAccessible();

    await form.fillIn({ name, sector: 'Voluntary and community sector' });

    await expect(page).toHaveURL(`${walsall.agencies}?notice=added`);
    await expect(successBanner(page)).toContainText('Agency added');
    await expect(agencies.row(name)).toContainText('Voluntary and community sector');
    await expectAccessible();
  });

  test('an admin renames a board and changes its kind and purpose', async ({ page, expectAccessible }) => {
    const original = unique('Early Help Panel');
    const renamed = unique('Early Help Scrutiny Panel');
    const boards = RecordListPage.boards(page, walsall.slug);
    const form = new BoardForm(page);

    await boards.goto();
    await expectAccessible();
    await boards.addButton.click();
    await expect(mainHeading(page)).toHaveText('Add a board');
    await expectAccessible();
    await form.fillIn({ name: original, kind: 'Committee or sub-group', purpose: 'Looks at early help.' });
    await expect(successBanner(page)).toContainText('Board added');
    await expectAccessible();

    await boards.open(original);
    await expect(mainHeading(page)).toHaveText(`Change ${original}`);
    await expect(form.name).toHaveValue(original);
    await expect(form.kind).toHaveValue('committee');
    await expectAccessible();

    await form.fillIn({ name: renamed, kind: 'Scrutiny panel', purpose: 'Scrutinises early help every quarter.' });

    await expect(page).toHaveURL(`${walsall.boards}?notice=changed`);
    await expect(successBanner(page)).toContainText('Board changed');
    await expect(boards.row(renamed)).toContainText('Scrutiny panel');
    await expect(boards.row(renamed)).toContainText('Scrutinises early help every quarter.');
    await expect(boards.table.getByRole('link', { name: original, exact: true })).toHaveCount(0);
    await expectAccessible();
  });
});
