import type { FastifyInstance, LogLevel } from 'fastify';

/** Probes arrive every few seconds: log only what goes wrong, and never more than LOG_LEVEL allows. */
function probeLogLevel(configured: string): LogLevel {
  return ['error', 'fatal', 'silent'].includes(configured) ? (configured as LogLevel) : 'warn';
}

/**
 * The load balancer's and orchestrator's probes. /healthz says the process answers and touches
 * nothing else, so a database outage never gets healthy instances restarted; /readyz says this
 * instance can serve (database reachable, migrations current), so traffic goes only where it can.
 */
export function registerHealthRoutes(app: FastifyInstance): void {
  const { health } = app.services;
  const logLevel = probeLogLevel(app.config.logLevel);

  app.get('/healthz', { logLevel }, async () => ({ status: 'ok' }));

  app.get('/readyz', { logLevel }, async (request, reply) => {
    const readiness = await health.readiness();
    if (readiness.status === 'ready') return readiness;
    if (readiness.reason === 'database unreachable') {
      const { error, ...body } = readiness;
      request.log.warn({ err: error }, 'not ready: database unreachable');
      return reply.status(503).send(body);
    }
    request.log.warn({ reason: readiness.reason, migrations: readiness.migrations }, `not ready: ${readiness.reason}`);
    return reply.status(503).send(readiness);
  });
}
