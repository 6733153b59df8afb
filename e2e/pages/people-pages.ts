import type { Locator, Page } from '@playwright/test';

/** The admin's list of people in the partnership. */
export class PeoplePage {
  readonly table: Locator;
  readonly addPerson: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('people');
    this.addPerson = page.getByRole('button', { name: 'Add a person' });
  }

  async goto(slug: string) {
    await this.page.goto(`/p/${slug}/admin/people`);
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async open(name: string) {
    await this.table.getByRole('link', { name }).click();
  }
}

/** "Add a person" and a person's own page, where an admin sets their role. */
export class PersonForm {
  readonly fullName: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly addPerson: Locator;
  readonly saveChanges: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.fullName = page.getByLabel('Full name');
    this.email = page.getByLabel('E-mail address');
    this.password = page.getByLabel('First password', { exact: true });
    this.addPerson = page.getByRole('button', { name: 'Add person' });
    this.saveChanges = page.getByRole('button', { name: 'Save changes' });
  }

  role(label: string): Locator {
    return this.page.getByRole('group', { name: 'Role' }).getByRole('radio', { name: label });
  }

  async add(person: { name: string; email: string; role: string; password: string }) {
    await this.fullName.fill(person.name);
    await this.email.fill(person.email);
    await this.role(person.role).check();
    await this.password.fill(person.password);
    await this.addPerson.click();
  }

  async changeRole(role: string) {
    await this.role(role).check();
    await this.saveChanges.click();
  }
}
