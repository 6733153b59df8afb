import { mayEditPriority, mayUpdateAction, type MemberActor } from '../../core/policy.ts';
import type { Trx } from '../../data/db.ts';
import { findAction as readAction } from '../../data/repositories/actions.ts';
import { listAgencies } from '../../data/repositories/agencies.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import { listMembers } from '../../data/repositories/memberships.ts';
import { findPlan as readPlan } from '../../data/repositories/plans.ts';
import { findPriority as readPriority } from '../../data/repositories/priorities.ts';
import { ForbiddenError, found, ValidationError } from '../../services/errors.ts';

// The plans services' shared lookups: a record of this partnership or 404, one this person may
// change or 403, and the ids a form names checked against the partnership's own.

export const findPlan = async (trx: Trx, partnershipId: string, id: string) =>
  found(await readPlan(trx, partnershipId, id), 'No such plan in this partnership');

export const findPriority = async (trx: Trx, partnershipId: string, id: string) =>
  found(await readPriority(trx, partnershipId, id), 'No such priority in this partnership');

export const findAction = async (trx: Trx, partnershipId: string, id: string) =>
  found(await readAction(trx, partnershipId, id), 'No such action in this partnership');

/** A priority this person may change (the partnership admin or the priority's own sponsor), or `refusal`. */
export async function editablePriority(trx: Trx, partnershipId: string, actor: MemberActor, id: string, refusal: string) {
  const priority = await findPriority(trx, partnershipId, id);
  if (!mayEditPriority(actor, priority)) throw new ForbiddenError(refusal);
  return priority;
}

/** An action this person may change (as its priority: the admin or the sponsor), or `refusal`. */
export async function editableAction(trx: Trx, partnershipId: string, actor: MemberActor, id: string, refusal: string) {
  const action = await findAction(trx, partnershipId, id);
  if (!mayEditPriority(actor, action)) throw new ForbiddenError(refusal);
  return action;
}

/** An action this person may report progress on (see mayUpdateAction), or `refusal`. */
export async function reportableAction(trx: Trx, partnershipId: string, actor: MemberActor, id: string, refusal: string) {
  const action = await findAction(trx, partnershipId, id);
  if (!mayUpdateAction(actor, action)) throw new ForbiddenError(refusal);
  return action;
}

/** Checks that the ids a form names belong to this partnership. */
export async function checkReferences(
  trx: Trx,
  partnershipId: string,
  refs: { boardId?: string | null; agencyIds?: (string | null)[]; userIds?: [string, string | null][] },
) {
  const errors: Record<string, string> = {};
  if (refs.boardId) {
    const boards = await listBoards(trx, partnershipId);
    if (!boards.some((b) => b.id === refs.boardId)) errors.boardId = 'Choose a board from the list';
  }
  if (refs.agencyIds?.some((id) => id !== null)) {
    const agencies = new Set((await listAgencies(trx, partnershipId)).map((a) => a.id));
    for (const id of refs.agencyIds) if (id !== null && !agencies.has(id)) errors.agencyIds ??= 'Choose agencies from the list';
  }
  if (refs.userIds?.some(([, id]) => id !== null)) {
    const members = new Set((await listMembers(trx, partnershipId)).map((m) => m.userId));
    for (const [field, id] of refs.userIds) if (id !== null && !members.has(id)) errors[field] = 'Choose a person in this partnership';
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** What a person is told when someone else saved the record first (optimistic locking). */
export function staleMessage(noun: string, at?: Date): string {
  const when = at ? ` (last saved ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
  return `Someone else changed this ${noun} while you were editing it${when}. Your changes have not been saved: the form now shows what they saved, so you can make your changes again.`;
}
