import type { Config } from '../../config.ts';
import { randomToken, sha256 } from '../../core/secrets.ts';
import type { Db } from '../../data/db.ts';
import { findUserByTokenHash, insertApiToken, markTokenUsed } from '../../data/repositories/api-tokens.ts';
import * as sessions from '../../data/repositories/sessions.ts';
import {
  clearSignInFailures,
  countSignInFailures,
  deleteSignInFailuresBefore,
  recordSignInFailure,
} from '../../data/repositories/sign-in-failures.ts';
import { findUserByEmail } from '../../data/repositories/users.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';

/** Failures allowed in the window before sign-in is refused for an account or an address. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 30 };
const TOUCH_EVERY_MS = 60_000;

export type SignInResult = { outcome: 'ok'; sessionId: string; userId: string } | { outcome: 'invalid' | 'throttled' };

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export function createAuthService(db: Db, config: Config) {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const idleSince = () => minutesAgo(config.sessionIdleMinutes);
  const createdSince = () => minutesAgo(config.sessionAbsoluteHours * 60);

  return {
    /** Checks e-mail and password, throttling repeated failures; starts a new session on success. */
    async signIn(email: string, password: string, address: string): Promise<SignInResult> {
      const accountKey = `account:${email.trim().toLowerCase()}`;
      const addressKey = `address:${address}`;
      const since = minutesAgo(THROTTLE.windowMinutes);
      const failures = await countSignInFailures(db, [accountKey, addressKey], since);
      if ((failures.get(accountKey) ?? 0) >= THROTTLE.perAccount || (failures.get(addressKey) ?? 0) >= THROTTLE.perAddress) {
        return { outcome: 'throttled' };
      }
      const user = await findUserByEmail(db, email.trim());
      const valid = user
        ? await verifyPassword(user.password_hash, password)
        : (await verifyPassword(await decoyPasswordHash(), password)) && false;
      if (!user || !valid || user.disabled_at) {
        await recordSignInFailure(db, [accountKey, addressKey]);
        return { outcome: 'invalid' };
      }
      await clearSignInFailures(db, accountKey);
      const sessionId = randomToken();
      await sessions.insertSession(db, sha256(sessionId), user.id);
      return { outcome: 'ok', sessionId, userId: user.id };
    },

    /** The person behind a session cookie, while the session is neither idle nor too old. */
    async userForSession(sessionId: string): Promise<SignedInUser | undefined> {
      const idHash = sha256(sessionId);
      const row = await sessions.findLiveSession(db, idHash, idleSince(), createdSince());
      if (!row) return undefined;
      if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) await sessions.touchSession(db, idHash);
      return { id: row.userId, email: row.email, name: row.name };
    },

    async signOut(sessionId: string): Promise<void> {
      await sessions.deleteSession(db, sha256(sessionId));
    },

    /** Deletes sessions that can no longer be used and sign-in failures that no longer count. */
    async purgeExpired(): Promise<void> {
      await sessions.deleteExpiredSessions(db, idleSince(), createdSince());
      await deleteSignInFailuresBefore(db, minutesAgo(THROTTLE.windowMinutes));
    },

    /** The person an API bearer token belongs to, if it is live. */
    async userForToken(token: string): Promise<SignedInUser | undefined> {
      const row = await findUserByTokenHash(db, sha256(token));
      if (!row) return undefined;
      await markTokenUsed(db, row.tokenId);
      return { id: row.userId, email: row.email, name: row.name };
    },
  };
}

/**
 * Issues a personal API token. The token is returned once and only its hash is kept.
 * @example const { token } = await issueApiToken(db, userId, 'Power BI refresh');
 */
export async function issueApiToken(db: Db, userId: string, name: string) {
  const token = `baton_${randomToken()}`;
  const row = await insertApiToken(db, { user_id: userId, name, token_hash: sha256(token), prefix: token.slice(0, 12) });
  return { ...row, token };
}
