import type { Actor } from '../core/policy.ts';

/** A form or API body that failed validation; `fields` maps each field to its message. */
export class ValidationError extends Error {
  readonly fields: Record<string, string>;
  constructor(fields: Record<string, string>) {
    super(Object.values(fields).join('; '));
    this.fields = fields;
  }
}

/** Someone else saved the record since it was read (optimistic locking). */
export class ConflictError extends Error {
  constructor(message = 'Someone else changed this while you were editing it. Your changes have not been saved.') {
    super(message);
  }
}

/** The person may not do this (to this record) in this partnership. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this in this partnership.') {
    super(message);
  }
}

export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
  }
}

/**
 * The record, or a NotFoundError with `message` when there is none (the page or resource does not exist).
 *
 * @example const plan = found(await findPlan(trx, partnershipId, id), 'No such plan in this partnership');
 */
export function found<T>(row: T | null | undefined, message: string): T {
  if (row === null || row === undefined) throw new NotFoundError(message);
  return row;
}

/**
 * Optimistic locking's one check (decision 0005): the row a versioned update returned, or a
 * ConflictError when it returned none because someone saved the record since it was read. Pair it
 * with a repository update that filters `version = <the version sent>` and sets `version + 1`;
 * validate the version sent with `versionInput()` (services/validation.ts).
 *
 * @example const agency = savedOrConflict(await updateAgency(trx, partnershipId, id, form.version, values));
 */
export function savedOrConflict<T>(row: T | null | undefined | false, message?: string): T {
  if (row === null || row === undefined || row === false) throw new ConflictError(message);
  return row;
}

export type { Actor };

export const CLI_ACTOR: Actor = { userId: null, label: 'baton command line' };
