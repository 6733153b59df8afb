import { mainHeading } from './pages/notices.ts';
import { screenshot } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('Public scorecards', () => {
  test('anyone reads a published scorecard without signing in', async ({ page, expectAccessible }) => {
    await page.goto('/public/walsall');
    await expectAccessible();
    await page.getByRole('link', { name: 'Our published scorecards' }).click();
    await expect(mainHeading(page)).toHaveText('Scorecards');
    await expectAccessible();
    await page.getByRole('link', { name: 'Children’s social care benchmarks (published statistics)' }).click();
    await expect(mainHeading(page)).toHaveText('Children’s social care benchmarks (published statistics)');
    await expect(page.getByRole('table').first()).toContainText('England');
    await expect(page.getByText('Sign out')).toHaveCount(0);
    await expect(page.getByTestId('selected-chart')).toHaveCount(2);
    await expect(page.getByTestId('selected-chart').first().locator('svg[role="img"]')).toBeVisible();
    await expectAccessible();
    await screenshot(page, 'public-scorecard');
  });
});
