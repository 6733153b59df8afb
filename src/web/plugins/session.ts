import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Membership } from '../../data/repositories/memberships.ts';
import type { Revisions } from '../tenant.ts';

export const SESSION_COOKIE = 'baton_session';

/** What was read with the session for a partnership's page, for the tenant guard. */
interface ReadWithSession {
  /** Null when the person is not in that partnership (or there is none). */
  membership: Membership | null;
  revisions: Revisions | undefined;
}

const readWithSession = new WeakMap<FastifyRequest, ReadWithSession>();

/** The partnership slug of a `/p/:slug` page, whose membership is read with the session. */
function pageSlug(request: FastifyRequest): string | undefined {
  if (!request.routeOptions.url?.startsWith('/p/:slug')) return undefined;
  const slug = (request.params as { slug?: string } | undefined)?.slug;
  // Only a slug's own characters reach the database with the session; anything else (a NUL, a
  // lone surrogate) is left to the input checks, which refuse it with a 400 before the page runs.
  return slug !== undefined && /^[a-z0-9][a-z0-9-]{0,99}$/.test(slug) ? slug : undefined;
}

/**
 * The membership of the partnership in the URL and its revisions, when they were read with the
 * session (browser pages under `/p/:slug`); undefined when they were not (the API).
 */
export function membershipReadWithSession(request: FastifyRequest): ReadWithSession | undefined {
  return readWithSession.get(request);
}

/**
 * Finds the signed-in person from the session cookie (browser) or bearer token (API). On a
 * partnership's page the same statement reads their membership of it and its revisions (issue 13):
 * nothing about a session or a role is kept between requests, so a sign-out or a role change holds
 * at once on every server, and what services keep is keyed by revisions read in that statement.
 */
export function registerSession(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('tenant', null);

  app.addHook('onRequest', async (request) => {
    const { auth } = app.services;
    if (request.url.startsWith('/api/')) {
      const header = request.headers.authorization;
      const match = header?.match(/^Bearer\s+(\S+)$/i);
      if (match) request.user = (await auth.userForToken(match[1]!)) ?? null;
      return;
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return;
    const slug = pageSlug(request);
    const signedIn = await auth.userForSession(sessionId, slug);
    if (signedIn) {
      request.user = signedIn.user;
      request.sessionId = sessionId;
      if (slug !== undefined) readWithSession.set(request, { membership: signedIn.membership ?? null, revisions: signedIn.revisions });
    }
  });
}

/** Cookie options for the session: HttpOnly, SameSite=Lax, Secure when configured; no expiry (the server enforces it). */
export function sessionCookieOptions(app: FastifyInstance) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.cookieSecure };
}
