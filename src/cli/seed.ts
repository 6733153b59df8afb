import { randomToken } from '../core/secrets.ts';
import { isDemoSeeded, seedDemo } from '../seed/demo.ts';
import { say, type CommandContext } from './context.ts';
import { UsageError } from './errors.ts';

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
