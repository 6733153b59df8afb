import path from 'node:path';
import { fileURLToPath } from 'node:url';
import view from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { forPeriod } from '../core/periods.ts';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '../core/policy.ts';
import { BOARD_KINDS, SECTORS } from '../core/sectors.ts';
import { dateInputBoxes } from './date-input.ts';
import { navigationFor } from './navigation.ts';
import { filledFor, keptPageKey, keptPages, placeholdersFor, type KeepBy } from './kept-pages.ts';
import { csrfTokenFor } from './plugins/csrf-token.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
const shortDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/**
 * Nunjucks' own `trim` uses the regular expression /^\s*|\s*$/, which takes time in the square of
 * the whitespace in a string; GOV.UK Frontend trims every component's HTML, so it was the most
 * expensive step of rendering a page. This does the same in linear time and keeps a safe string safe.
 */
export function trim(value: unknown): unknown {
  if (value instanceof nunjucks.runtime.SafeString) return new nunjucks.runtime.SafeString(value.toString().trim());
  return String(value ?? '').trim();
}

/** Nunjucks with the GOV.UK Frontend macros, Baton's layouts and each feature's views. */
export async function registerViews(app: FastifyInstance): Promise<void> {
  await app.register(view, {
    engine: { nunjucks },
    templates: [path.join(root, 'src/web/views'), path.join(root, 'src/features'), path.join(root, 'node_modules/govuk-frontend/dist')],
    options: {
      autoescape: true,
      throwOnUndefined: false,
      noCache: false,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('trim', trim);
        env.addFilter('forPeriod', forPeriod);
        env.addFilter('dateTime', (d: Date | string | null) => (d ? dateTime.format(new Date(d)) : ''));
        env.addFilter('shortDateTime', (d: Date | string | null) => (d ? shortDateTime.format(new Date(d)).replace(',', '') : ''));
        env.addFilter('isoDateTime', (d: Date | string | null) => (d ? new Date(d).toISOString() : ''));
        env.addFilter('date', (d: Date | string | null) => (d ? dateOnly.format(new Date(d)) : ''));
        env.addFilter('roleLabel', (r: keyof typeof ROLE_LABELS) => ROLE_LABELS[r] ?? r);
        env.addFilter('sectorLabel', (s: keyof typeof SECTORS) => SECTORS[s] ?? s);
        env.addFilter('boardKindLabel', (k: keyof typeof BOARD_KINDS) => BOARD_KINDS[k] ?? k);
        env.addGlobal('ROLES', ROLES);
        env.addGlobal('ROLE_LABELS', ROLE_LABELS);
        env.addGlobal('ROLE_DESCRIPTIONS', ROLE_DESCRIPTIONS);
        env.addGlobal('SECTORS', SECTORS);
        env.addGlobal('BOARD_KINDS', BOARD_KINDS);
        env.addGlobal('dateInputBoxes', dateInputBoxes);
      },
    },
  });
}

/** Fragments already rendered, by the shared reading they were rendered from, then by variant. */
const fragments = new WeakMap<object, Map<string, Promise<string>>>();

/**
 * Renders part of a page once per shared, frozen reading (services/revision-cache.ts hands out the
 * same object while the data stand) and variant (what else the fragment shows, such as whether the
 * reader may change it), for the page to include with `| safe`. The fragment must carry nothing
 * per request: no CSRF token, no CSP nonce, nothing about the person beyond its variant.
 */
export function renderFragment(
  reply: FastifyReply,
  reading: object,
  variant: readonly unknown[],
  template: string,
  data: () => Record<string, unknown>,
): Promise<string> {
  const byVariant = fragments.get(reading) ?? new Map<string, Promise<string>>();
  fragments.set(reading, byVariant);
  const key = JSON.stringify(variant);
  let html = byVariant.get(key);
  if (!html) {
    html = reply.viewAsync(template, data());
    html.catch(() => byVariant.delete(key));
    byVariant.set(key, html);
  }
  return html;
}

export interface PageOptions {
  /** Which navigation item is current. */
  nav?: string;
  status?: number;
  /**
   * Keep the rendered page and send it again while nothing it shows has changed (issue 13):
   * `reading` is the shared, frozen object a service hands out per data revision
   * (services/revision-cache.ts), `variant` everything else the page's own data depends on (the
   * query, a notice, what the member may do; the person, where the page differs by person). What
   * the layout shows (partnership, role, agency, navigation, path) joins the key here. The
   * person's id, name and e-mail, the CSRF token and the CSP nonce are placeholders filled in per
   * request, so such a page may print them but not compare or transform them.
   */
  cache?: KeepBy;
}

/** What a page shows of its own, or a function working it out (called only when the page is rendered). */
export type PageData = Record<string, unknown> | (() => Record<string, unknown> | Promise<Record<string, unknown>>);

/** Sends a page's HTML with its status. */
function sendHtml(reply: FastifyReply, html: string | Buffer, options: PageOptions) {
  return reply
    .status(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(html);
}

/** Renders a page with what every layout needs: the person, their partnership, navigation, CSRF and CSP nonce. */
export async function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: PageData = {},
  options: PageOptions = {},
) {
  const { partnership, member } = request.tenant ?? {};
  const layout = {
    partnership,
    navigation: partnership && member ? navigationFor(partnership.slug, member.role, options.nav) : [],
    currentPath: request.url.split('?')[0],
  };
  const ownData = async () => (typeof data === 'function' ? await data() : data);
  if (options.cache) {
    const key = keptPageKey(request, reply, template, options.nav, options.cache);
    const page = await keptPages.get(key, async () =>
      reply.viewAsync(template, { ...layout, ...placeholdersFor(request, reply), ...(await ownData()) }),
    );
    return sendHtml(reply, filledFor(request, reply, page), options);
  }
  const html = await reply.viewAsync(template, {
    ...layout,
    user: request.user,
    member,
    csrfToken: csrfTokenFor(request, reply),
    cspNonce: reply.cspNonce?.script,
    ...(await ownData()),
  });
  return sendHtml(reply, html, options);
}

/**
 * Sends the page `renderPage` would send with these options when it is kept, and otherwise
 * nothing (undefined): for a handler whose own work before rendering costs more than a kept
 * page does to send.
 *
 * @example const kept = sendKeptPage(request, reply, 'plans/views/tracker.njk', page); if (kept) return kept;
 */
export function sendKeptPage(request: FastifyRequest, reply: FastifyReply, template: string, options: PageOptions) {
  const page = options.cache && keptPages.peek(keptPageKey(request, reply, template, options.nav, options.cache));
  return page ? sendHtml(reply, filledFor(request, reply, page), options) : undefined;
}
