import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hmac, randomToken, safeEqual } from '../../core/secrets.ts';
import { renderPage } from '../views.ts';

export const ANON_COOKIE = 'baton_visitor';
const secretKey = Symbol('csrfSecret');

/**
 * The CSRF token for this visitor: an HMAC of their session id (signed in) or of a random
 * visitor cookie (signed out), so it needs no storage and changes when the session does.
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  const secret = (request.server as unknown as Record<symbol, string>)[secretKey]!;
  if (request.sessionId) return hmac(secret, `session:${request.sessionId}`);
  let visitor = request.cookies[ANON_COOKIE];
  if (!visitor) {
    visitor = randomToken(18);
    request.cookies[ANON_COOKIE] = visitor;
    reply.setCookie(ANON_COOKIE, visitor, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.server.config.cookieSecure });
  }
  return hmac(secret, `visitor:${visitor}`);
}

/** Refuses any state-changing browser request without a valid `_csrf` field, before it is handled. */
export function registerCsrf(app: FastifyInstance, secret: string): void {
  (app as unknown as Record<symbol, string>)[secretKey] = secret;
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.url.startsWith('/api/')) return;
    const sent = (request.body as Record<string, unknown> | undefined)?._csrf;
    const hasIdentity = request.sessionId || request.cookies[ANON_COOKIE];
    if (typeof sent !== 'string' || !hasIdentity || !safeEqual(sent, csrfTokenFor(request, reply))) {
      request.log.warn({ url: request.url }, 'CSRF token missing or wrong');
      return renderPage(request, reply, 'pages/csrf.njk', {}, { status: 403 });
    }
  });
}
