// Which kept page a request may be sent, and that page with the request's own values (issue 13):
// the Fastify side of page-cache.ts, for renderPage (views.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fill, PageStore, PLACEHOLDER, type KeptPage } from './page-cache.ts';
import { csrfTokenFor } from './plugins/csrf-token.ts';

/** What a kept page is kept by, besides what the layout shows: see `PageOptions.cache` (views.ts). */
export interface KeepBy {
  reading: object;
  variant: readonly unknown[];
}

/** How many whole pages a server keeps, and how many bytes of them at most. */
const PAGES_KEPT = 500;
const PAGE_BYTES_KEPT = 48 * 1024 * 1024;

/** The pages this server keeps. */
export const keptPages = new PageStore(PAGES_KEPT, PAGE_BYTES_KEPT);

const readingIds = new WeakMap<object, number>();
let lastReadingId = 0;

/** A number per shared reading: a new reading (new data) is a new key, and the old pages age out. */
function readingId(reading: object): number {
  let id = readingIds.get(reading);
  if (id === undefined) {
    id = ++lastReadingId;
    readingIds.set(reading, id);
  }
  return id;
}

/**
 * The key of the page a request would be rendered: its reading and variant, the template, and
 * everything of the layout's that is not a placeholder (partnership, role, agency, navigation, path).
 */
export function keptPageKey(request: FastifyRequest, reply: FastifyReply, template: string, nav: string | undefined, by: KeepBy): string {
  const { partnership, member } = request.tenant ?? {};
  return JSON.stringify([
    readingId(by.reading),
    template,
    nav ?? null,
    request.url.split('?')[0],
    request.user ? 1 : 0,
    reply.cspNonce?.script ? 1 : 0,
    partnership ?? null,
    member ? [member.role, member.agencyId, member.agencyName, member.version] : null,
    by.variant,
  ]);
}

/** What the layout is given of the person, the CSRF token and the CSP nonce when a page is rendered to be kept. */
export function placeholdersFor(request: FastifyRequest, reply: FastifyReply) {
  const { member } = request.tenant ?? {};
  const person = { id: PLACEHOLDER.id, name: PLACEHOLDER.name, email: PLACEHOLDER.email };
  return {
    user: request.user && person,
    member: member && { ...member, userId: person.id, name: person.name, email: person.email },
    csrfToken: PLACEHOLDER.csrf,
    cspNonce: reply.cspNonce?.script && PLACEHOLDER.nonce,
  };
}

/** A kept page with this request's CSRF token, CSP nonce and person. */
export function filledFor(request: FastifyRequest, reply: FastifyReply, page: KeptPage): Buffer {
  const { user } = request;
  return fill(page, {
    csrf: csrfTokenFor(request, reply),
    nonce: reply.cspNonce?.script ?? '',
    id: user?.id ?? '',
    name: user?.name ?? '',
    email: user?.email ?? '',
  });
}
