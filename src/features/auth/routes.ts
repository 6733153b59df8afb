import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../services/errors.ts';
import { parseInput } from '../../services/validation.ts';
import { bodyText, formFields } from '../../web/body.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../web/plugins/session.ts';
import { renderPage } from '../../web/views.ts';

const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .min(1, 'Enter your e-mail address')
    .max(254, 'Enter a shorter e-mail address'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024, 'Enter a shorter password'),
  next: z.string().optional(),
});

/** Only paths on this site, so sign-in cannot be used to bounce people elsewhere. */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?![/\\])/.test(next) ? next : undefined;
}

export function registerAuthRoutes(app: FastifyInstance): void {
  const { auth, partnerships } = app.services;

  app.get('/', async (request, reply) => {
    if (request.user) {
      const memberships = await partnerships.membershipsOf(request.user.id);
      if (memberships.length === 1) return reply.redirect(`/p/${memberships[0]!.slug}`);
      return renderPage(request, reply, 'auth/views/choose.njk', { memberships });
    }
    return renderPage(request, reply, 'auth/views/landing.njk', { partnerships: await partnerships.listAll() });
  });

  app.get<{ Querystring: { next?: string } }>('/sign-in', async (request, reply) => {
    if (request.user) return reply.redirect(safeNext(request.query.next) ?? '/');
    return renderPage(request, reply, 'auth/views/sign-in.njk', { values: { next: safeNext(request.query.next) } });
  });

  app.post('/sign-in', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = formFields({ next: bodyText }, request.body);
    const values = { email: body.email, next: safeNext(body.next) };
    let form: z.infer<typeof signInSchema>;
    try {
      form = parseInput(signInSchema, request.body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderPage(request, reply, 'auth/views/sign-in.njk', { values, errors: error.fields }, { status: 400 });
    }
    const result = await auth.signIn(form.email, form.password, request.ip);
    if (result.outcome === 'throttled') {
      const wait = result.retryAfterSeconds;
      const errors = {
        email: `Too many failed attempts to sign in from here. Wait ${wait === 1 ? '1 second' : `${wait} seconds`}, then try again.`,
      };
      reply.header('retry-after', String(wait));
      return renderPage(request, reply, 'auth/views/sign-in.njk', { values, errors }, { status: 429 });
    }
    if (result.outcome !== 'ok') {
      const errors = { email: 'Enter a correct e-mail address and password' };
      return renderPage(request, reply, 'auth/views/sign-in.njk', { values, errors }, { status: 401 });
    }
    // A fresh session id at every sign-in, so a session fixed before sign-in is worthless after it.
    if (request.sessionId) await auth.signOut(request.sessionId);
    reply.setCookie(SESSION_COOKIE, result.sessionId, sessionCookieOptions(app));
    request.log.info({ userId: result.userId }, 'signed in');
    return reply.redirect(values.next ?? '/', 303);
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.sessionId) await auth.signOut(request.sessionId);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app));
    return reply.redirect('/sign-in?signedOut=1', 303);
  });
}
