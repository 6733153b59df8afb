import type { FastifyInstance } from 'fastify';
import type { Permission } from '../../core/policy.ts';
import type { Actor } from '../../services/errors.ts';
import { handleForm, idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';

/** A list of named records an admin keeps (agencies, boards): list, add, edit with a version check. */
export interface RecordKind<Row extends { id: string; version: number }> {
  /** URL segment and navigation key, e.g. "agencies". */
  segment: string;
  permission: Permission;
  list(partnershipId: string, actor: Actor): Promise<Row[]>;
  get(partnershipId: string, actor: Actor, id: string): Promise<Row>;
  create(partnershipId: string, actor: Actor, input: unknown): Promise<unknown>;
  update(partnershipId: string, actor: Actor, id: string, input: unknown): Promise<unknown>;
  /** Form values for editing a row. */
  values(row: Row): Record<string, unknown>;
  defaults: Record<string, unknown>;
}

type Params = { slug: string; id: string };

export function registerRecordRoutes<Row extends { id: string; version: number }>(app: FastifyInstance, kind: RecordKind<Row>): void {
  const path = `/p/:slug/admin/${kind.segment}`;
  const opts = { config: { permission: kind.permission } };
  const page = { nav: kind.segment };
  const listUrl = (slug: string, notice: string) => `/p/${slug}/admin/${kind.segment}?notice=${notice}`;
  const template = (name: string) => `admin/views/${kind.segment}-${name}.njk`;

  app.get<{ Params: Params; Querystring: NoticeQuery }>(path, { ...opts, ...noticeQuery }, async (request, reply) => {
    const rows = await kind.list(tenantOf(request).partnership.id, actorOf(request));
    return renderPage(request, reply, template('list'), { rows, notice: request.query.notice }, page);
  });

  app.get<{ Params: Params }>(`${path}/new`, opts, (request, reply) =>
    renderPage(request, reply, template('form'), { values: kind.defaults }, page),
  );

  app.post<{ Params: Params }>(path, opts, (request, reply) =>
    handleForm(request, reply, { template: template('form'), options: page }, async () => {
      await kind.create(tenantOf(request).partnership.id, actorOf(request), request.body);
      return listUrl(request.params.slug, 'added');
    }),
  );

  app.get<{ Params: Params }>(`${path}/:id`, opts, async (request, reply) => {
    const row = await kind.get(tenantOf(request).partnership.id, actorOf(request), idParam(request.params.id));
    return renderPage(request, reply, template('form'), { row, values: kind.values(row) }, page);
  });

  app.post<{ Params: Params }>(`${path}/:id`, opts, async (request, reply) => {
    const id = idParam(request.params.id);
    const row = await kind.get(tenantOf(request).partnership.id, actorOf(request), id);
    return handleForm(request, reply, { template: template('form'), data: { row }, options: page }, async () => {
      await kind.update(tenantOf(request).partnership.id, actorOf(request), id, request.body);
      return listUrl(request.params.slug, 'changed');
    });
  });
}
