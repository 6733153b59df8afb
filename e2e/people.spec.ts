import { AuditPage } from './pages/audit-page.ts';
import { ErrorSummary, successBanner } from './pages/notices.ts';
import { PeoplePage, PersonForm } from './pages/people-pages.ts';
import { unique, users, walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Managing the people in a partnership', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn(users.walsallAdmin);
  });

  test('an admin adds a person, changes their role, and the audit log records both', async ({ page, expectAccessible }) => {
    const name = unique('Priya Test');
    const email = `priya.${Date.now()}@walsall.example`;
    const people = new PeoplePage(page);
    const form = new PersonForm(page);
    const audit = new AuditPage(page);

    await people.goto(walsall.slug);
    await expectAccessible();
    await people.addPerson.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a person' })).toBeVisible();
    await expect(form.role('Viewer')).toBeChecked();
    await expectAccessible();

    await form.add({ name, email, role: 'Agency contributor', password: 'a long enough first password' });

    await expect(page).toHaveURL(`${walsall.people}?notice=added`);
    await expect(successBanner(page)).toContainText('Person added');
    await expect(people.row(name)).toContainText(email);
    await expect(people.row(name)).toContainText('Agency contributor');
    await expectAccessible();

    await people.open(name);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(form.role('Agency contributor')).toBeChecked();
    await expectAccessible();

    await form.changeRole('Board member');

    await expect(page).toHaveURL(`${walsall.people}?notice=changed`);
    await expect(successBanner(page)).toContainText('Role changed');
    await expect(people.row(name)).toContainText('Board member');
    await expectAccessible();

    await audit.goto(walsall.slug);
    await expect(audit.entry(`Added ${email} as Agency contributor`)).toContainText(users.walsallAdmin.name);
    await expect(audit.entry(`Changed ${email} to Board member`)).toContainText(users.walsallAdmin.name);
    await expectAccessible();
  });

  test('a person with no name and a short password is not added, and the errors link to their fields', async ({
    page,
    expectAccessible,
  }) => {
    const email = `nameless.${Date.now()}@walsall.example`;
    const people = new PeoplePage(page);
    const form = new PersonForm(page);
    const errors = new ErrorSummary(page);

    await page.goto(`${walsall.people}/new`);
    await expectAccessible();

    await form.add({ name: '', email, role: 'Viewer', password: 'too short' });

    await expect(page).toHaveTitle(/^Error: Add a person/);
    await expect(errors.root).toBeFocused();
    await expect(errors.link('Enter a full name')).toHaveAttribute('href', '#name');
    await expect(errors.link('Password must be at least 12 characters')).toHaveAttribute('href', '#password');
    await expect(form.fullName).toHaveAccessibleDescription(/Enter a full name/);
    await expect(form.email).toHaveValue(email);
    await expect(form.password).toHaveValue('');
    await expectAccessible();

    await errors.link('Password must be at least 12 characters').click();
    await expect(form.password).toBeFocused();

    await people.goto(walsall.slug);
    await expect(people.table).toBeVisible();
    await expect(people.row(email)).toHaveCount(0);
    await expectAccessible();
  });
});
