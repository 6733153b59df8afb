import type { Role } from '../../core/policy.ts';
import { ROLE_LABELS } from '../../core/policy.ts';
import type { Db, Trx } from '../../data/db.ts';
import * as agencies from '../../data/repositories/agencies.ts';
import { listAudit, listAuditEntityTypes } from '../../data/repositories/audit.ts';
import * as boards from '../../data/repositories/boards.ts';
import * as members from '../../data/repositories/memberships.ts';
import { findUserByEmail, insertUser } from '../../data/repositories/users.ts';
import { found, savedOrConflict, ValidationError, type Actor } from '../../services/errors.ts';
import { parseInput } from '../../services/validation.ts';
import { hashPassword } from '../../services/passwords.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { namedRecordOperations } from './named-records.ts';
import * as schemas from './schemas.ts';

export const AUDIT_PAGE_SIZE = 500;

/** People, agencies, boards and the audit log of one partnership: what a partnership admin manages. */
export function createAdminService(db: Db) {
  const tenant = tenantRunner(db);

  async function checkAgency(trx: Trx, partnershipId: string, agencyId: string | null) {
    if (agencyId && !(await agencies.findAgency(trx, partnershipId, agencyId))) {
      throw new ValidationError({ agencyId: 'Choose an agency from the list' });
    }
  }

  const agencyOps = namedRecordOperations(tenant, {
    noun: 'agency',
    createSchema: schemas.agencySchema,
    editSchema: schemas.agencyEditSchema,
    list: agencies.listAgencies,
    find: agencies.findAgency,
    insert: agencies.insertAgency,
    update: agencies.updateAgency,
    snapshot: (row) => ({ name: row.name, sector: row.sector }),
  });
  const boardOps = namedRecordOperations(tenant, {
    noun: 'board',
    createSchema: schemas.boardSchema,
    editSchema: schemas.boardEditSchema,
    list: boards.listBoards,
    find: boards.findBoard,
    insert: boards.insertBoard,
    update: boards.updateBoard,
    snapshot: (row) => ({ name: row.name, kind: row.kind, purpose: row.purpose }),
  });

  return {
    listMembers: (partnershipId: string, actor: Actor) => tenant(partnershipId, actor, (trx) => members.listMembers(trx, partnershipId)),

    getMember: (partnershipId: string, actor: Actor, userId: string) =>
      tenant(partnershipId, actor, async (trx) =>
        found(await members.findMember(trx, partnershipId, userId), 'No such person in this partnership'),
      ),

    /** Adds a person to the partnership, creating their account unless they already have one elsewhere. */
    async addMember(partnershipId: string, actor: Actor, input: unknown) {
      const form = parseInput(schemas.newUserSchema, input);
      const passwordHash = await hashPassword(form.password);
      return tenant(partnershipId, actor, async (trx, audit) => {
        await checkAgency(trx, partnershipId, form.agencyId);
        const existing = await findUserByEmail(trx, form.email);
        if (existing && (await members.findMember(trx, partnershipId, existing.id))) {
          throw new ValidationError({ email: 'This person is already in the partnership' });
        }
        // An existing account keeps its own name and password: another partnership's admin cannot change them.
        const user = existing ?? (await insertUser(trx, { email: form.email, name: form.name, password_hash: passwordHash }));
        await members.insertMembership(trx, { partnership_id: partnershipId, user_id: user.id, role: form.role, agency_id: form.agencyId });
        await audit({
          action: 'create',
          entityType: 'membership',
          entityId: user.id,
          summary: `Added ${user.email} as ${ROLE_LABELS[form.role]}`,
          after: { email: user.email, role: form.role, agencyId: form.agencyId },
        });
        return user;
      });
    },

    /** Changes a person's role or agency, refusing a stale form and the removal of the last admin. */
    updateMember: (partnershipId: string, actor: Actor, userId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const form = parseInput(schemas.membershipSchema, input);
        const before = found(await members.findMember(trx, partnershipId, userId), 'No such person in this partnership');
        await checkAgency(trx, partnershipId, form.agencyId);
        if (before.role === 'admin' && form.role !== 'admin' && (await members.countAdmins(trx, partnershipId)) <= 1) {
          throw new ValidationError({ role: 'A partnership needs at least one admin: make someone else an admin first' });
        }
        savedOrConflict(
          await members.updateMembership(trx, partnershipId, userId, form.version, { role: form.role, agency_id: form.agencyId }),
        );
        await audit({
          action: 'update',
          entityType: 'membership',
          entityId: userId,
          summary: `Changed ${before.email} to ${ROLE_LABELS[form.role]}`,
          before: { role: before.role, agencyId: before.agencyId },
          after: { role: form.role, agencyId: form.agencyId },
        });
      }),

    removeMember: (partnershipId: string, actor: Actor, userId: string) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const before = found(await members.findMember(trx, partnershipId, userId), 'No such person in this partnership');
        if (before.role === 'admin' && (await members.countAdmins(trx, partnershipId)) <= 1) {
          throw new ValidationError({ role: 'A partnership needs at least one admin: make someone else an admin first' });
        }
        await members.deleteMembership(trx, partnershipId, userId);
        await audit({
          action: 'delete',
          entityType: 'membership',
          entityId: userId,
          summary: `Removed ${before.email} from the partnership`,
          before: { email: before.email, role: before.role, agencyId: before.agencyId },
        });
      }),

    listAgencies: agencyOps.list,
    getAgency: agencyOps.get,
    createAgency: agencyOps.create,
    updateAgency: agencyOps.update,
    listBoards: boardOps.list,
    getBoard: boardOps.get,
    createBoard: boardOps.create,
    updateBoard: boardOps.update,

    /** The audit log with the filters an admin chose, and the choices for each filter. */
    readAudit: (partnershipId: string, actor: Actor, input: unknown) =>
      tenant(partnershipId, actor, async (trx) => {
        const filter = parseInput(schemas.auditFilterSchema, input);
        const to = filter.to ? new Date(Date.parse(filter.to) + 86_400_000) : undefined;
        const [events, types, people] = await Promise.all([
          listAudit(trx, partnershipId, {
            actorUserId: filter.person,
            entityType: filter.type,
            from: filter.from ? new Date(filter.from) : undefined,
            to,
            limit: AUDIT_PAGE_SIZE,
          }),
          listAuditEntityTypes(trx, partnershipId),
          members.listMembers(trx, partnershipId),
        ]);
        return { filter, events, types, people };
      }),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
export type { Role };
