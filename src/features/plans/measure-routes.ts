import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MeasureRow } from '../../data/schema.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { tenantOf } from '../../web/tenant.ts';
import { formView, renderPlansPage as render } from './pages.ts';

type Params = { slug: string; id: string };

/** The form's boxes from a saved measure: figures as typed, the trajectory one interim target a line. */
export const measureFormValues = (m: MeasureRow) => ({
  text: m.text,
  baseline: m.baseline,
  target: m.target,
  targetDate: m.target_date ?? '',
  indicatorId: m.indicator_id ?? '',
  areaId: m.area_id ?? '',
  breakdown: m.breakdown,
  baselineValue: m.baseline_value ?? '',
  baselinePeriod: m.baseline_period ?? '',
  targetValue: m.target_value ?? '',
  tolerance: m.tolerance || '',
  trajectory: m.trajectory.map((t) => `${t.period}: ${t.value}`).join('\n'),
  version: m.version,
});

/** A priority's success measures: the form to add one, and the form to change one. */
export function registerMeasureRoutes(app: FastifyInstance): void {
  const { plans } = app.services;
  const partnershipOf = (request: FastifyRequest) => tenantOf(request).partnership.id;
  const memberOf = (request: FastifyRequest) => tenantOf(request).actor;
  const choicesOf = (request: FastifyRequest) => plans.measureChoices(partnershipOf(request), memberOf(request));
  const priorityOf = async (request: FastifyRequest, id: string) => {
    const page = await plans.priorityPage(partnershipOf(request), memberOf(request), id);
    if (!page.mayEdit) throw new ForbiddenError('Only the partnership admin or this priority’s sponsor can add measures.');
    return { plan: page.plan, priority: page.priority, vocabulary: page.vocabulary };
  };

  app.get<{ Params: Params }>('/p/:slug/priorities/:id/measures/new', async (request, reply) => {
    const id = idParam(request.params.id);
    return render(request, reply, 'measure-form.njk', { ...(await priorityOf(request, id)), ...(await choicesOf(request)), values: {} });
  });

  app.post<{ Params: Params }>('/p/:slug/priorities/:id/measures', async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => formView('measure-form.njk', { ...(await priorityOf(request, id)), ...(await choicesOf(request)) });
    return handleForm(request, reply, view, async () => {
      await plans.addMeasure(partnershipOf(request), memberOf(request), id, request.body);
      return `/p/${request.params.slug}/priorities/${id}?notice=measure-added#measures`;
    });
  });

  const editView = async (request: FastifyRequest, id: string) => {
    const found = await plans.measureForEdit(partnershipOf(request), memberOf(request), id);
    const values = measureFormValues(found.measure);
    return { ...found, ...(await choicesOf(request)), saved: values, values };
  };

  app.get<{ Params: Params }>('/p/:slug/measures/:id/edit', async (request, reply) =>
    render(request, reply, 'measure-form.njk', await editView(request, idParam(request.params.id))),
  );

  app.post<{ Params: Params }>('/p/:slug/measures/:id/edit', async (request, reply) => {
    const id = idParam(request.params.id);
    return handleForm(
      request,
      reply,
      async () => formView('measure-form.njk', await editView(request, id)),
      async () => {
        const saved = await plans.updateMeasure(partnershipOf(request), memberOf(request), id, request.body);
        return `/p/${request.params.slug}/priorities/${saved.priority_id}?notice=measure-changed#measures`;
      },
    );
  });
}
