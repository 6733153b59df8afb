import type { FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_STATUSES, PLAN_KINDS, PLAN_STATUSES, PRIORITY_STATUSES, RAGS } from '../../core/plans.ts';
import { PRIORITY_RAG_RULE } from '../../core/measures.ts';
import { percent, ROLL_UP_RULE } from '../../core/promises.ts';
import type { FormView } from '../../web/forms.ts';
import { renderPage, type PageOptions } from '../../web/views.ts';

/** What every plans page is given: the labels it may show, and its place in the navigation. */

/** The labels every plans page may show. */
export const LABELS = { PLAN_KINDS, PLAN_STATUSES, PRIORITY_STATUSES, ACTION_STATUSES, RAGS, ROLL_UP_RULE, PRIORITY_RAG_RULE, percent };

const PAGE: PageOptions = { nav: 'plans' };

/** Renders one of the plans feature's templates (`plan.njk`) with the labels. */
export function renderPlansPage(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown>,
  options: PageOptions = PAGE,
) {
  return renderPage(request, reply, `plans/views/${template}`, { ...LABELS, ...data }, options);
}

/** A plans form's page, for handleForm to show again after an error. */
export function formView(template: string, data: Record<string, unknown>): FormView {
  return { template: `plans/views/${template}`, data: { ...LABELS, ...data }, options: PAGE };
}
