import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What the suite holds every page to: WCAG 2.2 level AA (which includes 2.0 and 2.1 A and AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG violations on the page as it is now, each with the elements at fault. */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    elements: v.nodes.map((node) => node.target.join(' ')),
  }));
}
