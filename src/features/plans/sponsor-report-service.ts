import { todayInEngland as today } from '../../core/dates.ts';
import { mayEditPriority, type MemberActor } from '../../core/policy.ts';
import type { Db } from '../../data/db.ts';
import { ForbiddenError } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { findPlan, findPriority } from './records.ts';
import { chooseQuarter, readSponsorReport, sponsorReportSchema, writeSponsorReport } from './sponsor-reports.ts';

/** A priority's quarterly report to its board, for the plans service. */
export function createSponsorReportService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    /**
     * A priority's report to its board for a quarter (by default the latest it can cover): the saved
     * report or, until one is saved, Baton's draft, with the figures it is drawn from.
     */
    sponsorReport: (partnershipId: string, actor: MemberActor, priorityId: string, period?: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const priority = await findPriority(trx, partnershipId, priorityId);
        const plan = await findPlan(trx, partnershipId, priority.planId);
        return readSponsorReport(trx, { partnershipId, person: actor, plan, priority, period, today: today() });
      }),

    /**
     * Saves a sponsor's report for a quarter (by default the latest it can cover) unless someone else
     * saved it first; only the admin or the priority's sponsor may.
     */
    saveSponsorReport: (partnershipId: string, actor: MemberActor, priorityId: string, period: string | undefined, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const priority = await findPriority(trx, partnershipId, priorityId);
        const plan = await findPlan(trx, partnershipId, priority.planId);
        const quarter = chooseQuarter(plan, period, today());
        if (!mayEditPriority(actor, priority)) {
          throw new ForbiddenError('Only the partnership admin or this priority’s sponsor can change its report.');
        }
        const form = parseInput(sponsorReportSchema, input);
        const { before, saved } = await writeSponsorReport(trx, {
          partnershipId,
          priorityId,
          period: quarter.code,
          form,
          updatedBy: actor.label,
        });
        await audit({
          action: before ? 'update' : 'create',
          entityType: 'sponsor-report',
          entityId: saved.id,
          summary: `Saved the sponsor’s report on priority ${priority.number} for ${quarter.code}`,
          before: before ?? undefined,
          after: form,
        });
        return saved;
      }),
  };
}
