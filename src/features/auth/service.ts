import type { Config } from '../../config.ts';
import { randomToken, sha256 } from '../../core/secrets.ts';
import type { Db } from '../../data/db.ts';
import { findUserByTokenHash, insertApiToken, markTokenUsed } from '../../data/repositories/api-tokens.ts';
import * as sessions from '../../data/repositories/sessions.ts';
import {
  clearSignInFailures,
  deleteSignInFailuresBefore,
  recordSignInFailure,
  summariseSignInFailures,
} from '../../data/repositories/sign-in-failures.ts';
import { secondsToWait, SIGN_IN_THROTTLE, throttleKeys } from '../../core/sign-in-throttle.ts';
import { findUserByEmail } from '../../data/repositories/users.ts';
import { decoyPasswordHash, verifyPassword } from '../../services/passwords.ts';

/** A session's last-seen time is written at most this often, and at most a tenth of the idle limit: the limit is kept to the minute. */
const TOUCH_AT_MOST_EVERY_MS = 60_000;

export type SignInResult =
  { outcome: 'ok'; sessionId: string; userId: string } | { outcome: 'invalid' } | { outcome: 'throttled'; retryAfterSeconds: number };

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
      const keys = throttleKeys(email, address);
      const failures = await summariseSignInFailures(db, [keys.pair, keys.address], minutesAgo(SIGN_IN_THROTTLE.windowMinutes));
      const now = new Date();
      const wait = Math.max(
        secondsToWait(failures.get(keys.pair), SIGN_IN_THROTTLE.freePerPair, now),
        secondsToWait(failures.get(keys.address), SIGN_IN_THROTTLE.freePerAddress, now),
      );
      // While waiting the password is not even checked, so a guesser learns nothing by trying.
      if (wait > 0) return { outcome: 'throttled', retryAfterSeconds: wait };
      const user = await findUserByEmail(db, email.trim());
      const valid = user
        ? await verifyPassword(user.password_hash, password)
        : (await verifyPassword(await decoyPasswordHash(), password)) && false;
      if (!user || !valid || user.disabled_at) {
        await recordSignInFailure(db, [keys.pair, keys.address]);
        return { outcome: 'invalid' };
      }
      await clearSignInFailures(db, keys.pair);
      const sessionId = randomToken();
      await sessions.insertSession(db, sha256(sessionId), user.id);
      return { outcome: 'ok', sessionId, userId: user.id };
    },

    /**
     * The person behind a session cookie, while the session is neither idle nor too old, and,
     * given a partnership's slug, their membership of it: one statement per request (issue 13),
     * and a second at most once a minute to mark the session seen.
     */
    async userForSession(sessionId: string, slug?: string) {
      const idHash = sha256(sessionId);
      const signedIn = await sessions.findSignedIn(db, idHash, { idleSince: idleSince(), createdSince: createdSince() }, slug);
      if (!signedIn) return undefined;
      const touchEvery = Math.min(TOUCH_AT_MOST_EVERY_MS, (config.sessionIdleMinutes * 60_000) / 10);
      if (Date.now() - signedIn.lastSeenAt.getTime() > touchEvery) await sessions.touchSession(db, idHash);
      return signedIn;
    },

    async signOut(sessionId: string): Promise<void> {
      await sessions.deleteSession(db, sha256(sessionId));
    },

    /** Deletes sessions that can no longer be used and sign-in failures that no longer count. */
    async purgeExpired(): Promise<void> {
      await sessions.deleteExpiredSessions(db, idleSince(), createdSince());
      await deleteSignInFailuresBefore(db, minutesAgo(SIGN_IN_THROTTLE.windowMinutes));
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
