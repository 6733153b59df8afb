import type { FastifyInstance } from 'fastify';
import { toCsv } from '../../core/csv.ts';
import { ValidationError } from '../../services/errors.ts';
import { errorList } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { actorOf, tenantOf } from '../../web/tenant.ts';
import { sendDownload } from '../../web/downloads.ts';

type Query = Record<string, string | undefined>;
const config = { permission: 'audit:read' } as const;

export function registerAuditRoutes(app: FastifyInstance): void {
  const { admin } = app.services;

  app.get<{ Params: { slug: string }; Querystring: Query }>('/p/:slug/admin/audit', { config }, async (request, reply) => {
    const { id, slug } = tenantOf(request).partnership;
    try {
      const result = await admin.readAudit(id, actorOf(request), request.query);
      const csvUrl = `/p/${slug}/admin/audit.csv?${new URLSearchParams(clean(request.query)).toString()}`;
      return renderPage(request, reply, 'admin/views/audit.njk', { ...result, values: request.query, csvUrl }, { nav: 'audit' });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const empty = await admin.readAudit(id, actorOf(request), {});
      return renderPage(
        request,
        reply,
        'admin/views/audit.njk',
        { ...empty, events: [], values: request.query, errors: error.fields, errorList: errorList(error.fields) },
        { nav: 'audit', status: 400 },
      );
    }
  });

  app.get<{ Params: { slug: string }; Querystring: Query }>('/p/:slug/admin/audit.csv', { config }, async (request, reply) => {
    const { events } = await admin.readAudit(tenantOf(request).partnership.id, actorOf(request), request.query);
    const csv = toCsv(
      ['when', 'who', 'action', 'type', 'id', 'summary', 'before', 'after'],
      events.map((e) => [e.at, e.actor, e.action, e.entity_type, e.entity_id, e.summary, json(e.before), json(e.after)]),
    );
    return sendDownload(reply, { filename: `audit-${request.params.slug}.csv`, format: 'csv', body: csv });
  });
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

function clean(query: Query): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}
