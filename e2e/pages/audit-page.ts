import fs from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

export class AuditPage {
  readonly table: Locator;
  readonly person: Locator;
  readonly type: Locator;
  readonly filterButton: Locator;
  readonly csvLink: Locator;

  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('audit');
    this.person = page.getByLabel('Person');
    this.type = page.getByLabel('Type', { exact: true });
    this.filterButton = page.getByRole('button', { name: 'Filter' });
    this.csvLink = page.getByTestId('audit-csv');
  }

  async goto(slug: string) {
    await this.page.goto(`/p/${slug}/admin/audit`);
  }

  entry(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** The cells of the "Type" column. */
  typeCells(type: string): Locator {
    return this.table.getByRole('cell', { name: type, exact: true });
  }

  async filterByType(type: string) {
    await this.type.selectOption(type);
    await this.filterButton.click();
  }

  /** Follows the CSV link and returns the downloaded file's name and text. */
  async downloadCsv() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.csvLink.click()]);
    const text = await fs.readFile(await download.path(), 'utf8');
    return { fileName: download.suggestedFilename(), text };
  }
}
