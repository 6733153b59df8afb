import type { Config } from '../config.ts';
import { randomToken } from '../core/secrets.ts';
import { isDemoSeeded, seedDemo } from '../seed/demo.ts';
import { buildApp } from '../web/app.ts';
import { loadSecret } from '../web/secret.ts';
import { say, type CommandContext } from './context.ts';
import { startControlServer } from './control.ts';
import { InUseError, UsageError } from './errors.ts';
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
  const database = await openConfiguredDatabase(config, 'serve').catch((error: unknown) => {
    if (!(error instanceof DataDirInUseError)) throw error;
    throw new InUseError(
      `${error.message} One data directory serves one Baton: stop that one first, or give this one another BATON_DATA_DIR.`,
    );
  });
  let demoPassword: string | undefined;
  if (options.demo && !(await isDemoSeeded(database.db))) {
    demoPassword = config.demoPassword ?? randomToken(12);
    await seedDemo(database.db, demoPassword);
  }
  const app = await buildApp({ config, database, secret: loadSecret(config) });
  const purge = () => app.services.auth.purgeExpired().catch((error: unknown) => app.log.error({ err: error }, 'purge failed'));
  await purge();
  const purgeTimer = setInterval(purge, PURGE_EVERY_MS);
  purgeTimer.unref();
  app.addHook('onClose', async () => clearInterval(purgeTimer));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  const control = database.owner
    ? await startControlServer({ config, database, services: app.services, lock: database.owner, url })
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

/** `baton migrate`: opening the database applies any pending migration. */
export async function runMigrate(ctx: CommandContext): Promise<number> {
  say(ctx.io, 'Database is up to date.');
  return 0;
}

/** `baton seed demo`: loads the demo partnerships once. */
export async function runSeed(ctx: CommandContext): Promise<number> {
  if (ctx.line.positionals[0] !== 'demo') throw new UsageError('Only "baton seed demo" is available.');
  if (await isDemoSeeded(ctx.database.db)) {
    say(ctx.io, 'The demo is already loaded.');
    return 0;
  }
  const password = ctx.config.demoPassword ?? randomToken(12);
  await seedDemo(ctx.database.db, password);
  say(
    ctx.io,
    ctx.config.demoPassword ? 'Demo loaded; password from BATON_DEMO_PASSWORD.' : `Demo loaded. Password for every demo user: ${password}`,
  );
  return 0;
}
