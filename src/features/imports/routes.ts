import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TEMPLATE_COLUMNS } from '../../core/imports.ts';
import { ValidationError } from '../../services/errors.ts';
import { bodyText, formFields } from '../../web/body.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { isUploadedFile } from '../../web/plugins/uploads.ts';
import { renderPage } from '../../web/views.ts';
import { MAPPING_MEASURES } from './schemas.ts';
import { templateCsv, templateXlsx } from './template.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';
import { sendDownload } from '../../web/downloads.ts';

type Params = { slug: string; id: string };
const manage = { config: { permission: 'indicators:manage' } } as const;
const page = { nav: 'imports' };
const SHARED = { TEMPLATE_COLUMNS, MEASURE_NUMBERS: Array.from({ length: MAPPING_MEASURES }, (_, i) => i + 1) };

/** Importing figures: upload, check, preview, confirm; the template; DfE file mappings. */
export function registerImportRoutes(app: FastifyInstance): void {
  const { imports } = app.services;
  const overview = async (request: FastifyRequest) => ({
    template: 'imports/views/imports.njk',
    data: { ...SHARED, ...(await imports.overview(tenantOf(request).partnership.id, actorOf(request))) },
    options: page,
  });

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/imports', { ...manage, ...noticeQuery }, async (request, reply) => {
    const view = await overview(request);
    return renderPage(
      request,
      reply,
      view.template,
      { ...view.data, notice: request.query.notice, values: { kind: 'template' } },
      view.options,
    );
  });

  app.post<{ Params: Params }>('/p/:slug/imports', manage, async (request, reply) =>
    handleForm(request, reply, await overview(request), async () => {
      const body = formFields({ kind: bodyText, mapping: bodyText }, request.body);
      const file = body.file;
      if (!isUploadedFile(file) || file.bytes.length === 0 || !file.filename)
        throw new ValidationError({ file: 'Choose a CSV or Excel file to import' });
      const kind = body.kind === 'dfe' ? 'dfe' : 'template';
      const id = await imports.upload(tenantOf(request).partnership.id, actorOf(request), {
        kind,
        filename: file.filename,
        bytes: file.bytes,
        mapping: body.mapping,
      });
      return `/p/${request.params.slug}/imports/${id}`;
    }),
  );

  app.get<{ Params: Params }>('/p/:slug/imports/template.csv', manage, async (_request, reply) =>
    sendDownload(reply, { filename: 'baton-figures-template.csv', format: 'csv', body: templateCsv() }),
  );

  app.get<{ Params: Params }>('/p/:slug/imports/template.xlsx', manage, async (_request, reply) =>
    sendDownload(reply, { filename: 'baton-figures-template.xlsx', format: 'xlsx', body: await templateXlsx() }),
  );

  app.post<{ Params: Params }>('/p/:slug/imports/mappings', manage, async (request, reply) => {
    const view = await overview(request);
    return handleForm(request, reply, { ...view, data: { ...view.data, mappingOpen: true } }, async () => {
      await imports.saveMapping(tenantOf(request).partnership.id, actorOf(request), request.body);
      return `/p/${request.params.slug}/imports?notice=mapping`;
    });
  });

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/imports/:id', { ...manage, ...noticeQuery }, async (request, reply) => {
    const data = await imports.preview(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    return renderPage(request, reply, 'imports/views/import.njk', { ...data, notice: request.query.notice }, page);
  });

  app.post<{ Params: Params }>('/p/:slug/imports/:id/confirm', manage, async (request, reply) => {
    const id = idParam(request.params.id);
    const result = await imports.confirm(tenantOf(request).partnership.id, actorOf(request), id);
    return reply.redirect(`/p/${request.params.slug}/imports/${id}?notice=${result.issues.length ? 'refused' : 'imported'}`, 303);
  });

  app.get<{ Params: Params }>('/p/:slug/imports/:id/issues.csv', manage, async (request, reply) => {
    const { filename, csv } = await imports.issuesCsv(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/\.(csv|xlsx)$/i, '');
    return sendDownload(reply, { filename: `${safeName}-problems.csv`, format: 'csv', body: csv });
  });
}
