import { passwordProblem } from '../core/passwords.ts';
import { isRole, ROLES } from '../core/policy.ts';
import { randomToken } from '../core/secrets.ts';
import { withTenant, withUser } from '../data/db.ts';
import { recordAudit } from '../data/repositories/audit.ts';
import { listMembershipsOfUser } from '../data/repositories/memberships.ts';
import { deleteSessionsOfUser } from '../data/repositories/sessions.ts';
import { findUserByEmail, setPasswordHash } from '../data/repositories/users.ts';
import { hashPassword } from '../services/passwords.ts';
import { CLI_ACTOR } from '../services/errors.ts';
import { say, type CommandContext } from './context.ts';
import { UsageError } from './errors.ts';

type Options = Partial<Record<'partnership' | 'email' | 'user' | 'name' | 'role' | 'password', string>>;

function required(options: Options, name: keyof Options): string {
  const value = options[name];
  if (!value) throw new UsageError(`--${name} is required.`);
  return value;
}

function role(options: Options) {
  const value = required(options, 'role');
  if (!isRole(value)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  return value;
}

/** The id of the partnership named on the command line. */
export async function partnershipId(ctx: CommandContext, slug: string): Promise<string> {
  const partnership = await ctx.services.partnerships.findBySlug(slug);
  if (!partnership) throw new UsageError(`There is no partnership "${slug}".`);
  return partnership.id;
}

/** `baton users create|set-role|reset-password`. */
export async function runUsers(ctx: CommandContext): Promise<number> {
  const { database, io } = ctx;
  const [sub] = ctx.line.positionals;
  const options = ctx.line.values as Options;
  const { admin } = ctx.services;
  if (sub === 'create') {
    const id = await partnershipId(ctx, required(options, 'partnership'));
    const password = options.password ?? randomToken(15);
    await admin.addMember(id, CLI_ACTOR, {
      email: required(options, 'email'),
      name: required(options, 'name'),
      role: role(options),
      password,
    });
    say(io, `Added ${options.email} to ${options.partnership} as ${options.role}.`);
    if (!options.password) say(io, `Password (shown once): ${password}`);
    return 0;
  }
  if (sub === 'set-role') {
    const id = await partnershipId(ctx, required(options, 'partnership'));
    const user = await findUserByEmail(database.db, required(options, 'email'));
    if (!user) throw new UsageError(`There is no user ${options.email}.`);
    const member = await admin.getMember(id, CLI_ACTOR, user.id).catch(() => undefined);
    if (!member) throw new UsageError(`${options.email} is not in ${options.partnership}.`);
    await admin.updateMember(id, CLI_ACTOR, user.id, { role: role(options), agencyId: member.agencyId ?? '', version: member.version });
    say(io, `${options.email} is now ${options.role} in ${options.partnership}.`);
    return 0;
  }
  if (sub === 'reset-password') {
    const email = required(options, 'email');
    const user = await findUserByEmail(database.db, email);
    if (!user) throw new UsageError(`There is no user ${email}.`);
    const password = options.password ?? randomToken(15);
    const problem = passwordProblem(password, user);
    if (problem) throw new UsageError(problem);
    await setPasswordHash(database.db, user.id, await hashPassword(password));
    await deleteSessionsOfUser(database.db, user.id);
    const memberships = await withUser(database.db, user.id, (trx) => listMembershipsOfUser(trx, user.id));
    for (const m of memberships) {
      await withTenant(database.db, { partnershipId: m.partnershipId }, (trx) =>
        recordAudit(trx, {
          partnershipId: m.partnershipId,
          actorUserId: null,
          actor: CLI_ACTOR.label,
          action: 'update',
          entityType: 'password',
          entityId: user.id,
          summary: `Reset the password of ${user.email} and signed them out everywhere`,
        }),
      );
    }
    say(io, `Password reset for ${email}; their sessions have ended.`);
    if (!options.password) say(io, `New password (shown once): ${password}`);
    return 0;
  }
  throw new UsageError('Use "baton users create", "baton users set-role" or "baton users reset-password".');
}

/** `baton tokens create --user EMAIL`: prints a personal API token once. */
export async function runTokens(ctx: CommandContext): Promise<number> {
  if (ctx.line.positionals[0] !== 'create') throw new UsageError('Use "baton tokens create --user EMAIL".');
  const options = ctx.line.values as Options;
  const email = required(options, 'user');
  const user = await findUserByEmail(ctx.database.db, email);
  if (!user) throw new UsageError(`There is no user ${email}.`);
  const name = options.name ?? `Created with the baton command on ${new Date().toISOString().slice(0, 10)}`;
  const issued = await ctx.services.account.createToken({ userId: user.id, label: CLI_ACTOR.label }, { name });
  say(ctx.io, issued.token);
  return 0;
}
