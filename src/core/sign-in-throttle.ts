/**
 * Sign-in throttling that slows a guesser down without letting anyone lock a person out.
 * Failures count per pair (account, address): a flood of wrong passwords from one place delays
 * only the next try from that place, never the account's owner elsewhere. A brake per address
 * slows a spray of many accounts from one place. Both grow: after the free failures each further
 * one doubles the wait (1 s, 2 s, 4 s … up to five minutes), within a fifteen-minute window.
 */
export const SIGN_IN_THROTTLE = { windowMinutes: 15, freePerPair: 5, freePerAddress: 30, longestWaitSeconds: 300 } as const;

/** Failures of one key within the window: how many, and when the latest was. */
export interface FailureSummary {
  count: number;
  last: Date;
}

/**
 * Seconds still to wait before the next attempt may be checked (0: go ahead).
 * @example secondsToWait({ count: 7, last: now }, 5, now) // 4
 */
export function secondsToWait(failures: FailureSummary | undefined, free: number, now: Date): number {
  if (!failures || failures.count < free) return 0;
  const wait = Math.min(2 ** (failures.count - free), SIGN_IN_THROTTLE.longestWaitSeconds);
  const remaining = failures.last.getTime() + wait * 1000 - now.getTime();
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

/** The keys failures are counted under for one attempt. */
export function throttleKeys(email: string, address: string): { pair: string; address: string } {
  return { pair: `pair:${email.trim().toLowerCase()}|${address}`, address: `address:${address}` };
}
