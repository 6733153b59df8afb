import type { Page } from '@playwright/test';
import { users, walsall, type DemoUser } from './support/demo.ts';
import { pageWidth } from './support/environment.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * Every kind of page at 320 pixels wide (issue 13): nothing scrolls sideways and axe finds no
 * WCAG 2.2 AA violation. The pages are found the way a person finds them, by following the links
 * from the start page of each kind of reader; one page of each kind (its path with ids taken out)
 * is checked, so a new page is covered as soon as something links to it.
 */

const PHONE = { width: 320, height: 720 };
const DESKTOP = { width: 1280, height: 900 };
/** Enough for every kind of page each reader can reach; a bound, not a target. */
const MOST_PAGES = 90;

/** What a link is a page of: its path with record ids and numbers taken out, and its query's names. */
function kindOf(url: URL): string {
  const path = url.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')
    // An indicator is named by its code: one indicator page stands for all.
    .replace(/\/indicators\/(?!new$)[^/]+/, '/indicators/:code');
  const names = [...new Set([...url.searchParams.keys()])].filter((k) => !['page', 'notice'].includes(k)).sort();
  return `${path}?${names.join('&')}`;
}

/** Links that leave the pages: downloads, feeds, the API, signing out. */
const SKIP = /\.(csv|xlsx|docx|pdf|json|ics|png|svg)$|^\/api\/|^\/assets\/|^\/healthz|^\/readyz/;

async function sameSiteLinks(page: Page): Promise<URL[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.evaluate<string[]>("[...document.querySelectorAll('a[href]')].map((a) => a.href)");
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !SKIP.test(u.pathname))
    .map((u) => {
      u.hash = '';
      return u;
    });
}

interface Visited {
  path: string;
  width: number;
}

/** Visits one page of each kind reachable from `start`, checking each as `check` says. */
async function crawl(page: Page, start: string, check: (path: string) => Promise<void>): Promise<Visited[]> {
  const seen = new Set<string>();
  const queue = [new URL(start, 'http://127.0.0.1')];
  const visited: Visited[] = [];
  while (queue.length > 0 && visited.length < MOST_PAGES) {
    const url = queue.shift()!;
    const kind = kindOf(url);
    if (seen.has(kind)) continue;
    seen.add(kind);
    const path = url.pathname + url.search;
    const response = await page.goto(path);
    // A link to a page the reader may not see (403) is checked as that page; nothing may be a 500.
    expect(response?.status() ?? 0, `status of ${path}`).toBeLessThan(500);
    await check(path);
    visited.push({ path, width: await pageWidth(page) });
    for (const link of await sameSiteLinks(page)) if (!seen.has(kindOf(link))) queue.push(link);
  }
  return visited;
}

const readers: { name: string; user?: DemoUser; start: string }[] = [
  { name: 'the public', start: walsall.publicPage },
  { name: 'an analyst', user: users.walsallAnalyst, start: walsall.home },
  { name: 'a sponsor', user: users.walsallSponsor, start: walsall.home },
  { name: 'an admin', user: users.walsallAdmin, start: walsall.home },
];

test.describe('Every page on a 320-pixel phone', () => {
  for (const reader of readers) {
    test(`pages ${reader.name} reaches fit 320 pixels and pass axe`, async ({ page, signIn, expectAccessible }) => {
      test.setTimeout(600_000);
      if (reader.user) await signIn(reader.user);
      await page.setViewportSize(PHONE);
      const visited = await crawl(page, reader.start, expectAccessible);
      expect(visited.length, 'pages visited').toBeGreaterThan(reader.user ? 15 : 3);
      expect(
        visited.filter((v) => v.width > PHONE.width),
        'pages wider than the phone',
      ).toEqual([]);
    });
  }
});

test.describe('The pages issue 13 reworked, at 1280 pixels', () => {
  test('the scorecard, tracker, builder and public scorecard fit the window and pass axe', async ({ page, signIn, expectAccessible }) => {
    await signIn(users.walsallAnalyst);
    await page.setViewportSize(DESKTOP);
    const paths: string[] = [walsall.tracker];
    await page.goto(walsall.scorecards);
    await expectAccessible();
    const scorecards = await page.evaluate<string[]>(
      `[...document.querySelectorAll('main a[href*="/scorecards/"]:not([href*="freeze"])')].map((a) => a.getAttribute('href'))`,
    );
    for (const href of scorecards) paths.push(href, `${href}/edit`);
    for (const path of paths) {
      await page.goto(path);
      await expectAccessible();
      expect(await pageWidth(page), `width of ${path}`).toBeLessThanOrEqual(DESKTOP.width);
    }
  });
});
