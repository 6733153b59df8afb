import type { Config } from '../config.ts';
import { randomToken } from '../core/secrets.ts';
import { loadSecret } from '../web/secret.ts';
import { InUseError } from './errors.ts';
import { DataDirInUseError } from '../data/owner-lock.ts';
import { openConfiguredDatabase } from './open.ts';

const SHUTDOWN_GRACE_MS = 10_000;
const PURGE_EVERY_MS = 15 * 60_000;

/**
 * Starts the web server. On the embedded database it owns the data directory and answers other
 * `baton` commands on a socket inside it; on SIGTERM or SIGINT it finishes requests and commands
 * in flight and closes the database cleanly.
 */
export async function runServe(config: Config, options: { demo: boolean }): Promise<number> {
  const started = performance.now();
  // The web layer loads while the database opens (each about half a second).
  const web = import('../app/app.ts');
  const seed = options.demo ? import('../seed/demo.ts') : undefined;
  web.catch(() => undefined);
  seed?.catch(() => undefined);
  const database = await openConfiguredDatabase(config, 'serve', options.demo ? 'national' : 'schema').catch((error: unknown) => {
    if (!(error instanceof DataDirInUseError)) throw error;
    throw new InUseError(
      `${error.message} One data directory serves one Baton: stop that one first, or give this one another BATON_DATA_DIR.`,
    );
  });
  let demoPassword: string | undefined;
  if (seed) {
    const { isDemoSeeded, seedDemo } = await seed;
    if (!(await isDemoSeeded(database.db))) {
      demoPassword = config.demoPassword ?? randomToken(12);
      await seedDemo(database.db, demoPassword);
    }
  }
  const { buildApp } = await web;
  const app = await buildApp({ config, database, secret: loadSecret(config) });
  const purge = () => app.services.auth.purgeExpired().catch((error: unknown) => app.log.error({ err: error }, 'purge failed'));
  // The embedded database has no autovacuum: without fresh statistics its planner would guess
  // that every table holds a handful of rows. Refreshed once listening (the first requests wait
  // for it, as they would for any query) and with each purge.
  const refreshStatistics = async () => {
    const analyzed = await database.refreshStatistics?.().catch((error: unknown) => {
      app.log.error({ err: error }, 'refreshing the planner statistics failed');
      return [];
    });
    if (analyzed?.length) app.log.info({ tables: analyzed.length }, 'planner statistics refreshed');
  };
  await purge();
  const purgeTimer = setInterval(() => void purge().then(refreshStatistics), PURGE_EVERY_MS);
  purgeTimer.unref();
  app.addHook('onClose', async () => clearInterval(purgeTimer));
  await app.listen({ port: config.port, host: config.host });
  void refreshStatistics();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  const control = database.owner
    ? await (await import('./control.ts')).startControlServer({ config, database, services: app.services, lock: database.owner, url })
    : undefined;
  console.log(`Baton is running at ${url} (${database.kind}, ready in ${Math.round(performance.now() - started)} ms)`);
  if (demoPassword) {
    console.log(
      'Demo loaded. Sign in as admin@walsall.example (or analyst@, sponsor@, contributor@, member@, viewer@walsall.example, admin@birmingham.example)',
    );
    console.log(
      config.demoPassword
        ? 'with the password in BATON_DEMO_PASSWORD.'
        : `with the password: ${demoPassword}\n(shown once; "baton users reset-password --email …" sets a new one)`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests and closing the database`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    await control?.close();
    await app.close();
    clearTimeout(force);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return 0;
}
