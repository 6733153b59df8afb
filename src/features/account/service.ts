import { z } from 'zod';
import { withUser, type Db } from '../../data/db.ts';
import { listApiTokens, revokeApiToken } from '../../data/repositories/api-tokens.ts';
import { recordAudit } from '../../data/repositories/audit.ts';
import { NotFoundError, type Actor } from '../../services/errors.ts';
import { parseInput } from '../../services/validation.ts';
import { issueApiToken } from '../auth/service.ts';

const tokenSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token')
    .max(100, 'Name must be 100 characters or fewer'),
});

/** A person's own API tokens. */
export function createAccountService(db: Db) {
  return {
    listTokens: (userId: string) => listApiTokens(db, userId),

    /** Issues a token; the secret is in the result and nowhere else. */
    createToken: (actor: Actor & { userId: string }, input: unknown) =>
      withUser(db, actor.userId, async (trx) => {
        const { name } = parseInput(tokenSchema, input);
        const token = await issueApiToken(trx, actor.userId, name);
        await recordAudit(trx, {
          partnershipId: null,
          actorUserId: actor.userId,
          actor: actor.label,
          action: 'create',
          entityType: 'api-token',
          entityId: token.id,
          summary: `Issued API token "${name}" (${token.prefix}…)`,
        });
        return token;
      }),

    revokeToken: (actor: Actor & { userId: string }, tokenId: string) =>
      withUser(db, actor.userId, async (trx) => {
        if (!(await revokeApiToken(trx, actor.userId, tokenId))) throw new NotFoundError('No such live token');
        await recordAudit(trx, {
          partnershipId: null,
          actorUserId: actor.userId,
          actor: actor.label,
          action: 'revoke',
          entityType: 'api-token',
          entityId: tokenId,
          summary: 'Revoked an API token',
        });
      }),
  };
}
