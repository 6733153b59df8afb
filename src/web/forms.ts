import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, NotFoundError, ValidationError } from '../services/errors.ts';
import { renderPage, type PageOptions } from './views.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A URL id that must be a UUID; anything else is simply a page that does not exist. */
export function idParam(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw new NotFoundError('Page not found');
  return value;
}

/** A URL's indicator code; anything else is a page that does not exist. */
export function codeParam(value: string | undefined): string {
  if (!value || !/^[a-z0-9][a-z0-9-]{0,59}$/.test(value)) throw new NotFoundError('Page not found');
  return value;
}

/** Turns field messages into the list a GOV.UK error summary shows, each linked to its field. */
export function errorList(fields: Record<string, string>) {
  return Object.entries(fields).map(([field, text]) => ({ text, href: `#${field === 'form' ? 'main-content' : field}` }));
}

/** The page a form is on, as it shows itself again after an error. */
export interface FormView {
  template: string;
  data?: Record<string, unknown>;
  options?: PageOptions;
}

/**
 * Runs a form's action; on a validation error or a stale version, shows the form again with the
 * person's values and a GOV.UK error summary, and nothing is written. Give `view` as a function
 * when the page costs reads: it is then built only when the form fails, after the failed
 * action's transaction has ended, so it shows what is saved now.
 *
 * @example return handleForm(request, reply, () => actionView(request, id), () => save(request.body));
 */
export async function handleForm(
  request: FastifyRequest,
  reply: FastifyReply,
  view: FormView | (() => Promise<FormView>),
  action: () => Promise<string>,
) {
  try {
    return reply.redirect(await action(), 303);
  } catch (error) {
    const known = error instanceof ValidationError || error instanceof ConflictError;
    if (!known) throw error;
    const page = typeof view === 'function' ? await view() : view;
    const errors = error instanceof ValidationError ? error.fields : { form: error.message };
    const { _csrf, ...sent } = (request.body ?? {}) as Record<string, unknown>;
    void _csrf;
    const saved = page.data?.values as Record<string, unknown> | undefined;
    const values = { ...saved, ...sent };
    // After a stale save the form keeps what the person typed, but carries the version now saved,
    // so that saving again (having seen what the other person changed) is a deliberate choice.
    const conflict = error instanceof ConflictError;
    if (conflict && saved?.version !== undefined) values.version = saved.version;
    return renderPage(
      request,
      reply,
      page.template,
      { ...page.data, values, errors, errorList: errorList(errors), conflict },
      { ...page.options, status: error instanceof ConflictError ? 409 : 400 },
    );
  }
}
