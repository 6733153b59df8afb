import type { FastifyInstance, FastifyRequest } from 'fastify';
import { paragraphsOf, ragWords } from '../../core/sponsor-report.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { withQuery, type QueryOf } from '../../web/query.ts';
import { tenantOf } from '../../web/tenant.ts';
import { formView, renderPlansPage as render } from './pages.ts';
import { reportQuery } from './schemas.ts';
import { sponsorReportDocx, sponsorReportFilename } from './sponsor-report-docx.ts';
import { sendDownload } from '../../web/downloads.ts';

type Params = { slug: string; id: string };
type ReportQuery = QueryOf<typeof reportQuery>;
type Route = { Params: Params; Querystring: ReportQuery };
const report = withQuery(reportQuery);

/** A priority's quarterly report to its board: the page, its form, and its Word export. */
export function registerSponsorReportRoutes(app: FastifyInstance): void {
  const { plans } = app.services;
  const reportPath = (slug: string, id: string, period: string) =>
    `/p/${slug}/priorities/${id}/report?period=${encodeURIComponent(period)}`;
  const readReport = (request: FastifyRequest<Route>) =>
    plans.sponsorReport(tenantOf(request).partnership.id, tenantOf(request).actor, idParam(request.params.id), request.query.period);

  app.get<Route>('/p/:slug/priorities/:id/report', report, async (request, reply) => {
    const data = await readReport(request);
    return render(request, reply, 'sponsor-report.njk', { ...data, values: data.report, paragraphsOf, notice: request.query.notice });
  });

  app.post<Route>('/p/:slug/priorities/:id/report', report, async (request, reply) => {
    const id = idParam(request.params.id);
    const view = async () => {
      const data = await readReport(request);
      const current = { ...data.report, rag: ragWords(data.report.rag) };
      return formView('sponsor-report.njk', { ...data, values: data.report, current, paragraphsOf });
    };
    return handleForm(request, reply, view, async () => {
      const { partnership, actor } = tenantOf(request);
      const saved = await plans.saveSponsorReport(partnership.id, actor, id, request.query.period, request.body);
      return `${reportPath(request.params.slug, id, saved.period)}&notice=saved`;
    });
  });

  app.get<Route>('/p/:slug/priorities/:id/report.docx', report, async (request, reply) => {
    const data = await readReport(request);
    const file = await sponsorReportDocx(data);
    return sendDownload(reply, { filename: sponsorReportFilename(data), format: 'docx', body: file });
  });
}
