import type { Page } from '@playwright/test';

/**
 * One section of a scorecard's table (web/views/components/scorecard-table.njk): the group of
 * rows under the section's heading, by the heading's exact text.
 */
export function scorecardSection(page: Page, title: string) {
  return page
    .getByTestId('scorecard-table')
    .getByTestId('section')
    .filter({ has: page.locator('.app-scorecard__section-title').getByText(title, { exact: true }) });
}
