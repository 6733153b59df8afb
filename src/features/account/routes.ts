import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorList, handleForm, idParam } from '../../web/forms.ts';
import { renderPage } from '../../web/views.ts';
import { actorOf } from '../../web/tenant.ts';
import { ValidationError } from '../../services/errors.ts';
import { noticeQuery, type NoticeQuery } from '../../web/query.ts';

type Params = { slug: string; id: string };
const config = { permission: 'tokens:own' } as const;

export function registerAccountRoutes(app: FastifyInstance): void {
  const { account } = app.services;
  const page = { nav: 'tokens' };
  const me = (request: FastifyRequest) => ({ ...actorOf(request), userId: request.user!.id });

  app.get<{ Params: Params; Querystring: NoticeQuery }>('/p/:slug/account/tokens', { config, ...noticeQuery }, async (request, reply) => {
    const tokens = await account.listTokens(request.user!.id);
    return renderPage(request, reply, 'account/views/tokens.njk', { tokens, notice: request.query.notice, values: {} }, page);
  });

  app.post<{ Params: Params }>('/p/:slug/account/tokens', { config }, async (request, reply) => {
    try {
      const issued = await account.createToken(me(request), request.body);
      const tokens = await account.listTokens(request.user!.id);
      return renderPage(request, reply, 'account/views/tokens.njk', { tokens, issued, values: {} }, page);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const tokens = await account.listTokens(request.user!.id);
      const data = { tokens, values: request.body, errors: error.fields, errorList: errorList(error.fields) };
      return renderPage(request, reply, 'account/views/tokens.njk', data, { ...page, status: 400 });
    }
  });

  app.post<{ Params: Params }>('/p/:slug/account/tokens/:id/revoke', { config }, (request, reply) =>
    handleForm(request, reply, { template: 'account/views/tokens.njk', options: page }, async () => {
      await account.revokeToken(me(request), idParam(request.params.id));
      return `/p/${request.params.slug}/account/tokens?notice=revoked`;
    }),
  );
}
