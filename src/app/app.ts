import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../data/db.ts';
import { registerAccountRoutes } from '../features/account/routes.ts';
import { registerAdminRoutes } from '../features/admin/routes.ts';
import { registerApiRoutes } from '../features/api/routes.ts';
import { registerAuthRoutes } from '../features/auth/routes.ts';
import { registerHealthRoutes } from '../features/health/routes.ts';
import { registerHomeRoutes } from '../features/home/routes.ts';
import { registerPlanRoutes } from '../features/plans/routes.ts';
import { registerCandidateRoutes } from '../features/candidates/routes.ts';
import { registerIndicatorRoutes } from '../features/indicators/routes.ts';
import { registerImportRoutes } from '../features/imports/routes.ts';
import { registerFigureRoutes } from '../features/figures/routes.ts';
import { registerAreaRoutes } from '../features/areas/routes.ts';
import { registerScorecardRoutes } from '../features/scorecards/routes.ts';
import { registerPackRoutes } from '../features/packs/routes.ts';
import { registerPublicRoutes } from '../features/public/routes.ts';
import { registerPublicScorecardRoutes } from '../features/public/scorecards.ts';
import { createServices } from './services.ts';
import { registerCsrf } from '../web/plugins/csrf.ts';
import { registerUploads } from '../web/plugins/uploads.ts';
import { registerErrorHandlers } from '../web/plugins/errors.ts';
import { registerInputHygiene } from '../web/plugins/input.ts';
import { registerSession } from '../web/plugins/session.ts';
import { registerTenantGuard } from '../web/plugins/tenant.ts';
import { registerViews } from '../web/views.ts';
import '../web/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  /** Key for CSRF tokens (see web/secret.ts). */
  secret: string;
}

/**
 * Believes X-Forwarded-* from the `count` proxies nearest Baton only, so entries a client wrote
 * into X-Forwarded-For itself (left of those its proxy added) are never taken as its address.
 */
const nearestProxies = (count: number) => (_address: string, hop: number) => hop < count;

/**
 * Builds Baton's web application. The order below is the order a request meets things:
 * health → security headers → cookies and session → body parsing → input hygiene → static files → views →
 * partnership guard → CSRF → routes → not found → errors.
 */
export async function buildApp({ config, database, secret }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[hidden]' },
    },
    trustProxy: config.trustProxy > 0 ? nearestProxies(config.trustProxy) : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.decorate('config', config);
  app.decorate('services', createServices(database.db, config));
  app.addHook('onClose', () => database.close());

  registerHealthRoutes(app);

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(cookie);
  registerSession(app);
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  await registerUploads(app, config.importMaxBytes);
  registerInputHygiene(app);
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: [path.join(root, 'public/build'), path.join(root, 'node_modules/govuk-frontend/dist/govuk/assets')],
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  await registerViews(app);
  registerTenantGuard(app);
  registerCsrf(app, secret);

  registerAuthRoutes(app);
  registerHomeRoutes(app);
  registerPlanRoutes(app);
  registerCandidateRoutes(app);
  registerIndicatorRoutes(app);
  registerImportRoutes(app);
  registerFigureRoutes(app);
  registerAreaRoutes(app);
  registerScorecardRoutes(app);
  registerPackRoutes(app, app.services.packs);
  registerAdminRoutes(app);
  registerAccountRoutes(app);
  registerPublicRoutes(app);
  registerPublicScorecardRoutes(app, app.services.publicScorecards);
  await registerApiRoutes(app);

  registerErrorHandlers(app);
  return app;
}
