import { unusualValue } from '../../core/data-checks.ts';
import { parsePeriodPhrase, PERIOD_PHRASE_EXAMPLES } from '../../core/period-phrases.ts';
import { describePeriod, parsePeriod, type Period, type PeriodType } from '../../core/periods.ts';
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
import { revisionOf } from '../../data/repositories/revisions.ts';
import { RevisionCache } from '../../services/revision-cache.ts';
import { answersFor, byIndicator, readFigures, recentPeriods, type FiguresReading } from './owed.ts';

const HISTORY = 8;
/** How many partnerships' collections (per data revision and day) a server keeps worked out. */
const READING_CACHE_SIZE = 32;

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

/** The period a person wrote, read as the kinds of period their indicators are counted by expect (decision 0016). */
function periodFrom(phrase: string | undefined, expected: readonly PeriodType[] = []): Period {
  const period = phrase ? parsePeriodPhrase(phrase, expected) : undefined;
  if (!period) throw new ValidationError({ period: `${PERIOD_PHRASE_EXAMPLES}, or a code such as FY2013-14` });
  return period;
}

/**
 * Data entry and sign-off: a contributor sees the figures due from their agency for a period with
 * the previous ones beside them; unusual figures are flagged for a second look, never refused; an
 * analyst signs a period off, which locks it, and unlocking is audited.
 */
export function createFiguresService(db: Db) {
  const tenant = tenantRunner(db);

  const readings = new RevisionCache<FiguresReading>(READING_CACHE_SIZE);

  /** The partnership indicators a person enters figures for: a contributor their agency's, others all. */
  const visibleTo = (actor: MemberActor) => (i: Pick<Indicator, 'partnershipId' | 'agencyId'>) =>
    i.partnershipId !== null && (actor.role !== 'contributor' || i.agencyId === actor.agencyId);

  const due = async (trx: Trx, partnershipId: string, actor: MemberActor, phrase: string | undefined) => {
    const partnership = await partnershipSettings(trx, partnershipId);
    const area = (await listAreas(trx)).find((a) => a.id === partnership.home_area_id);
    const visible = (await listIndicators(trx)).filter(visibleTo(actor));
    const period = periodFrom(phrase, [...new Set(visible.map((i) => i.periodType))]);
    const indicators = visible.filter((i) => i.periodType === period.type);
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

  return {
    /**
     * What the partnership's collection stands at: the figures owed by every agency, the periods
     * waiting for sign-off and each indicator's latest period, kept per data revision and day.
     */
    reading: async (partnershipId: string, actor: MemberActor, today: string, dataRevision?: string): Promise<FiguresReading> => {
      const revision = dataRevision ?? (await revisionOf(db, partnershipId, 'data'));
      return readings.get([partnershipId, revision, today], () =>
        tenant(partnershipId, actor, (trx) => readFigures(trx, partnershipId, today)),
      );
    },

    /** Of a reading, what one person answers for: the figures they owe and the periods to offer them. */
    forPerson: (reading: FiguresReading, actor: MemberActor) => {
      const indicators = reading.indicators.filter((i) => actor.role !== 'contributor' || i.agencyId === actor.agencyId);
      const suggestions = recentPeriods(indicators).map((period) => ({ period, description: describePeriod(period) }));
      const owed = reading.owed.filter((o) => answersFor(actor, o.agencyId));
      return { owed, owedByIndicator: byIndicator(owed), suggestions };
    },

    due: (partnershipId: string, actor: MemberActor, phrase: string | undefined) =>
      tenant(partnershipId, actor, (trx) => due(trx, partnershipId, actor, phrase)),

    /**
     * Saves the figures entered for a period. Unless `confirmed`, figures well outside their
     * recent range come back as warnings and nothing is saved, so the person takes a second look.
     */
    enter: (partnershipId: string, actor: MemberActor, code: string | undefined, entries: Record<string, Entry>, confirmed: boolean) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const page = await due(trx, partnershipId, actor, code);
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
        if (Object.keys(warnings).length && !confirmed) return { saved: false as const, warnings, period: page.period };
        try {
          const summary = await recordFigures(trx, partnershipId, actor, audit, records, `Data entry for ${page.period.label}`);
          return { saved: true as const, summary, warnings, period: page.period };
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

    /** Signs a period off, locking its figures; only once the person has confirmed they checked them. */
    signOff: (partnershipId: string, actor: Actor, code: string | undefined, confirmed: boolean) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const period = periodFrom(code);
        if (!confirmed)
          throw new ValidationError({ confirm: `Confirm you have checked the figures for ${period.label} before signing it off` });
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
