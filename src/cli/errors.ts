import { ConfigError } from '../config.ts';
import { NewerDatabaseError } from '../data/db.ts';
import { DataDirInUseError } from '../data/owner-lock.ts';
import { ValidationError } from '../services/errors.ts';

/** A mistake in how a command was typed: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** The command was understood but its target is not what it needs (a non-empty database, a file that is not a backup): exit 2, no usage hint. */
export class RefusedError extends Error {}

/** The command needs the data directory to itself, and another process has it. */
export class InUseError extends Error {}

/** Exit codes: 1 failed, 2 usage, 3 a file with problems (imports), 4 the data directory is in use. */
export const EXIT = { failed: 1, usage: 2, refusedFile: 3, inUse: 4 } as const;

/** How a failed command is reported: a message for the operator (never a stack trace) and an exit code. */
export function describeFailure(error: unknown): { code: number; message: string; hint?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const parseArgs = (error as { code?: string })?.code?.startsWith('ERR_PARSE_ARGS');
  if (error instanceof UsageError || error instanceof ConfigError || parseArgs) {
    return { code: EXIT.usage, message, hint: 'Run "baton --help" for usage.' };
  }
  if (error instanceof ValidationError || error instanceof RefusedError) return { code: EXIT.usage, message };
  if (error instanceof DataDirInUseError || error instanceof InUseError) return { code: EXIT.inUse, message };
  if (error instanceof NewerDatabaseError) return { code: EXIT.failed, message };
  return { code: EXIT.failed, message };
}
