import type { FastifyInstance } from 'fastify';
import { safeEqual } from '../../core/secrets.ts';
import { renderPage } from '../views.ts';
import { ANON_COOKIE, csrfTokenFor, setCsrfSecret } from './csrf-token.ts';

/** Refuses any state-changing browser request without a valid `_csrf` field, before it is handled. */
export function registerCsrf(app: FastifyInstance, secret: string): void {
  setCsrfSecret(app, secret);
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.url.startsWith('/api/')) return;
    const body: unknown = request.body;
    const sent = body !== null && typeof body === 'object' && '_csrf' in body ? body._csrf : undefined;
    const hasIdentity = request.sessionId || request.cookies[ANON_COOKIE];
    if (typeof sent !== 'string' || !hasIdentity || !safeEqual(sent, csrfTokenFor(request, reply))) {
      request.log.warn({ url: request.url }, 'CSRF token missing or wrong');
      return renderPage(request, reply, 'pages/csrf.njk', {}, { status: 403 });
    }
  });
}
