import type { Locator, Page } from '@playwright/test';

/** A list an admin keeps (agencies, boards): a table of records and a button to add one. */
export class RecordListPage {
  readonly table: Locator;
  readonly addButton: Locator;

  readonly page: Page;
  readonly path: string;

  constructor(page: Page, path: string, qa: string, addLabel: string) {
    this.page = page;
    this.path = path;
    this.table = page.getByTestId(qa);
    this.addButton = page.getByRole('button', { name: addLabel });
  }

  static agencies(page: Page, slug: string) {
    return new RecordListPage(page, `/p/${slug}/admin/agencies`, 'agencies', 'Add an agency');
  }

  static boards(page: Page, slug: string) {
    return new RecordListPage(page, `/p/${slug}/admin/boards`, 'boards', 'Add a board');
  }

  async goto() {
    await this.page.goto(this.path);
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async open(name: string) {
    await this.table.getByRole('link', { name, exact: true }).click();
  }
}

export class AgencyForm {
  readonly name: Locator;
  readonly sector: Locator;
  readonly save: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.name = page.getByLabel('Name', { exact: true });
    this.sector = page.getByLabel('Sector');
    this.save = page.getByRole('button', { name: 'Save agency' });
  }

  async fillIn(agency: { name: string; sector: string }) {
    await this.name.fill(agency.name);
    await this.sector.selectOption({ label: agency.sector });
    await this.save.click();
  }
}

export class BoardForm {
  readonly name: Locator;
  readonly kind: Locator;
  readonly purpose: Locator;
  readonly save: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.name = page.getByLabel('Name', { exact: true });
    this.kind = page.getByLabel('Kind of board');
    this.purpose = page.getByLabel('Purpose (optional)');
    this.save = page.getByRole('button', { name: 'Save board' });
  }

  async fillIn(board: { name: string; kind: string; purpose: string }) {
    await this.name.fill(board.name);
    await this.kind.selectOption({ label: board.kind });
    await this.purpose.fill(board.purpose);
    await this.save.click();
  }
}
