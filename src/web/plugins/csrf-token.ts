// The CSRF token alone, apart from the plugin that checks it: the page renderer puts it in every
// form, and the plugin renders a page when it is wrong (one module for both would be a cycle).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hmac, randomToken } from '../../core/secrets.ts';

export const ANON_COOKIE = 'baton_visitor';
const secretKey = Symbol('csrfSecret');

/** Keeps the secret CSRF tokens are made with on the app (registerCsrf does this). */
export function setCsrfSecret(app: FastifyInstance, secret: string): void {
  (app as unknown as Record<symbol, string>)[secretKey] = secret;
}

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
