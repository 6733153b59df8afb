import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, NotFoundError, ValidationError } from '../../services/errors.ts';
import { errorList } from '../forms.ts';
import { renderPage } from '../views.ts';
import { ForbiddenError, SignInRequiredError } from './tenant.ts';

const TITLES: Record<number, string> = {
  400: 'There is a problem with your request',
  401: 'Sign in required',
  403: 'You do not have permission to see this page',
  404: 'Page not found',
  405: 'Method not allowed',
  409: 'Someone else changed this',
  413: 'The file or form you sent is too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
  500: 'Sorry, there is a problem with Baton',
};

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Sends an RFC 9457 problem+json body. */
export function sendProblem(reply: FastifyReply, status: number, detail: string, extra: Record<string, unknown> = {}) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra });
}

function statusOf(error: unknown): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof SignInRequiredError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  const code = (error as FastifyError).statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 ? code : 500;
}

/** 404 and error pages (HTML or problem+json) that never show a stack trace. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) return sendProblem(reply, 404, 'No such resource.');
    return renderPage(request, reply, 'pages/error.njk', { status: 404, title: TITLES[404] }, { status: 404 });
  });

  app.setErrorHandler(async (error, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, reason: (error as Error).message }, 'request refused');

    if (status === 401 && !isApi(request)) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (status === 429 && !isApi(request)) {
      return renderPage(
        request,
        reply,
        'pages/error.njk',
        { status, title: TITLES[429], detail: 'Wait a minute, then try again.' },
        { status },
      );
    }
    const detail = status >= 500 ? 'Something went wrong on our side. Try again later.' : publicMessage(error, status);
    if (isApi(request)) {
      const extra = error instanceof ValidationError ? { errors: error.fields } : {};
      return sendProblem(reply, status, detail, extra);
    }
    if (error instanceof ValidationError) {
      // Refused before any page's form could show it (decision 0010): the summary names each field.
      const fields = errorList(error.fields).map(({ text }) => ({ text }));
      const again = 'Go back, correct what is listed above and try again.';
      return renderPage(request, reply, 'pages/error.njk', { status, title: TITLES[400], detail: again, errorList: fields }, { status });
    }
    return renderPage(request, reply, 'pages/error.njk', { status, title: TITLES[status] ?? TITLES[400], detail }, { status });
  });
}

function publicMessage(error: unknown, status: number): string {
  if (error instanceof ValidationError) return error.message;
  if (error instanceof Error && !(error as FastifyError).code?.startsWith('FST_')) return error.message;
  if (status === 413) return 'Send something smaller.';
  if (status === 401) return 'Send a valid API token as "Authorization: Bearer …".';
  return TITLES[status] ?? 'The request could not be handled.';
}
