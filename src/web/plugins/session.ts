import type { FastifyInstance } from 'fastify';

export const SESSION_COOKIE = 'baton_session';

/** Finds the signed-in person from the session cookie (browser) or bearer token (API). */
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
    const user = await auth.userForSession(sessionId);
    if (user) {
      request.user = user;
      request.sessionId = sessionId;
    }
  });
}

/** Cookie options for the session: HttpOnly, SameSite=Lax, Secure when configured; no expiry (the server enforces it). */
export function sessionCookieOptions(app: FastifyInstance) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.cookieSecure };
}
