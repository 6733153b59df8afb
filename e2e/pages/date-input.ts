import type { Locator, Page } from '@playwright/test';

/** A GOV.UK date input (`appDateInput`): the day, month and year boxes under its legend. */
export class DateInput {
  readonly group: Locator;
  readonly day: Locator;
  readonly month: Locator;
  readonly year: Locator;

  constructor(scope: Page | Locator, legend: string) {
    this.group = scope.getByRole('group', { name: legend });
    this.day = this.group.getByLabel('Day');
    this.month = this.group.getByLabel('Month');
    this.year = this.group.getByLabel('Year');
  }

  /** Types a date into the three boxes, as a person would: `fill('26', 'Nov', '2013')`. */
  async fill(day: string, month: string, year: string) {
    await this.day.fill(day);
    await this.month.fill(month);
    await this.year.fill(year);
  }
}
