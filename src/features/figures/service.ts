import { unusualValue } from '../../core/data-checks.ts';
import { parsePeriod, periodOf, previousPeriod, type Period } from '../../core/periods.ts';
import type { Db, Trx } from '../../data/db.ts';
import { listAreas } from '../../data/repositories/areas.ts';
import { listIndicators, type Indicator } from '../../data/repositories/indicators.ts';
import { observationsFor, type ObservationView } from '../../data/repositories/observations.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import { deleteSignoff, findSignoff, insertSignoff } from '../../data/repositories/period-signoffs.ts';
import { ConflictError, ValidationError, type Actor } from '../../services/errors.ts';
import { recordFigures, type FigureRecord } from '../../intake/figures.ts';
import { tenantRunner } from '../../services/tenant.ts';
import type { MemberActor } from '../../core/policy.ts';

const HISTORY = 8;

/** One figure due: the indicator, what was reported before, and what is held for the period. */
export interface DueFigure {
  indicator: Indicator;
  previous: { label: string; value: number | null; marker: string | null }[];
  current: ObservationView | undefined;
}

/** A person's entry for one indicator, as the form posts it. */
export interface Entry {
  value: string;
  numerator: string;
  denominator: string;
  status: string;
  note: string;
}

/**
 * Data entry and sign-off: a contributor sees the figures due from their agency for a period with
 * the previous ones beside them; unusual figures are flagged for a second look, never refused; an
 * analyst signs a period off, which locks it, and unlocking is audited.
 */
export function createFiguresService(db: Db) {
  const tenant = tenantRunner(db);

  const due = async (trx: Trx, partnershipId: string, actor: MemberActor, period: Period) => {
    const partnership = await partnershipSettings(trx, partnershipId);
    const area = (await listAreas(trx)).find((a) => a.id === partnership.home_area_id);
    const mine = (i: Indicator) =>
      i.partnershipId !== null && i.periodType === period.type && (actor.role !== 'contributor' || i.agencyId === actor.agencyId);
    const indicators = (await listIndicators(trx)).filter(mine);
    const figures: DueFigure[] = [];
    for (const indicator of indicators) {
      const all = area
        ? (await observationsFor(trx, indicator.id, [area.id])).filter((o) => o.breakdown === '' && o.periodEnd <= period.end)
        : [];
      const current = all.find((o) => o.periodCode === period.code && o.partnershipId !== null);
      const previous = all
        .filter((o) => o.periodCode !== period.code)
        .slice(-HISTORY)
        .map((o) => ({ label: parsePeriod(o.periodCode)?.label ?? o.periodCode, value: o.value, marker: o.marker }));
      figures.push({ indicator, previous, current });
    }
    const signoff = await findSignoff(trx, partnershipId, period.code);
    return { period, area, figures, signoff };
  };

  const periodFrom = (code: string | undefined) => {
    const period = code ? parsePeriod(code.trim()) : undefined;
    if (!period) throw new ValidationError({ period: 'Enter a period code such as 2013-14-Q3, FY2013-14 or 2013-11' });
    return period;
  };

  return {
    /** Periods to offer: the last four financial quarters and the last financial year, newest first. */
    suggestions(today: string): Period[] {
      const quarter = periodOf('financial-quarter', today)!;
      const quarters = [previousPeriod(quarter)];
      for (let i = 0; i < 3; i++) quarters.push(previousPeriod(quarters.at(-1)!));
      return [quarter, ...quarters, previousPeriod(periodOf('financial-year', today)!)];
    },

    due: (partnershipId: string, actor: MemberActor, code: string | undefined) =>
      tenant(partnershipId, actor, (trx) => due(trx, partnershipId, actor, periodFrom(code))),

    /**
     * Saves the figures entered for a period. Unless `confirmed`, figures well outside their
     * recent range come back as warnings and nothing is saved, so the person takes a second look.
     */
    enter: (partnershipId: string, actor: MemberActor, code: string | undefined, entries: Record<string, Entry>, confirmed: boolean) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const page = await due(trx, partnershipId, actor, periodFrom(code));
        if (page.signoff)
          throw new ConflictError(`${page.period.label} is signed off; an analyst must unlock it before its figures change.`);
        if (!page.area)
          throw new ValidationError({ form: 'The partnership has no home council set, so there is no area to record figures for.' });
        const records: FigureRecord[] = [];
        const warnings: Record<string, string> = {};
        for (const figure of page.figures) {
          const entry = entries[figure.indicator.code];
          if (!entry || entry.value.trim() === '') continue;
          records.push({
            indicator_code: figure.indicator.code,
            area_code: page.area.code,
            period: page.period.code,
            value: entry.value,
            numerator: entry.numerator,
            denominator: entry.denominator,
            status: entry.status,
            quality_note: entry.note,
          });
          const value = Number(entry.value.replaceAll(',', ''));
          const history = figure.previous.map((p) => p.value).filter((v): v is number => v !== null);
          const unusual = Number.isFinite(value) ? unusualValue(value, history, figure.indicator.decimals) : null;
          if (unusual) warnings[figure.indicator.code] = unusual.reason;
        }
        if (records.length === 0) throw new ValidationError({ form: 'Enter at least one figure' });
        if (Object.keys(warnings).length && !confirmed) return { saved: false as const, warnings };
        try {
          const summary = await recordFigures(trx, partnershipId, actor, audit, records, `Data entry for ${page.period.label}`);
          return { saved: true as const, summary, warnings };
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          // Name the indicator's own field, not the record's position in the list.
          const fields: Record<string, string> = {};
          for (const [key, message] of Object.entries(error.fields)) {
            const match = /^figures\[(\d+)\](?:\.(\w+))?$/.exec(key);
            const record = match ? records[Number(match[1])] : undefined;
            const field = match?.[2] === 'value' || !match?.[2] ? 'value' : match[2] === 'quality_note' ? 'note' : match[2];
            fields[record ? `${record.indicator_code}-${field}` : key] = message;
          }
          throw new ValidationError(fields);
        }
      }),

    signOff: (partnershipId: string, actor: Actor, code: string | undefined) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const period = periodFrom(code);
        if (!(await insertSignoff(trx, partnershipId, period.code, actor.userId)))
          throw new ConflictError(`${period.label} is already signed off.`);
        await audit({
          action: 'sign-off',
          entityType: 'period',
          entityId: period.code,
          summary: `Signed off the figures for ${period.label}; they are locked`,
        });
        return period;
      }),

    unlock: (partnershipId: string, actor: Actor, code: string | undefined) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const period = periodFrom(code);
        const removed = await deleteSignoff(trx, partnershipId, period.code);
        if (!removed) throw new ConflictError(`${period.label} is not signed off.`);
        await audit({
          action: 'unlock',
          entityType: 'period',
          entityId: period.code,
          summary: `Unlocked the figures for ${period.label} (signed off ${removed.signed_at.toISOString().slice(0, 10)})`,
          before: removed,
        });
        return period;
      }),
  };
}
