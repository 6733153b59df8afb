import type { MemberActor } from '../../core/policy.ts';
import type { Trx, Db } from '../../data/db.ts';
import { listAreas } from '../../data/repositories/areas.ts';
import { listIndicators } from '../../data/repositories/indicators.ts';
import * as measures from '../../data/repositories/measures.ts';
import { partnershipSettings } from '../../data/repositories/partnerships.ts';
import { insertMeasure, type MeasureValues } from '../../data/repositories/priorities.ts';
import { found, savedOrConflict, ValidationError } from '../../services/errors.ts';
import { tenantRunner } from '../../services/tenant.ts';
import { parseInput } from '../../services/validation.ts';
import { listBoards } from '../../data/repositories/boards.ts';
import type { MeasureRow } from '../../data/schema.ts';
import { recordVersion } from './plan-versions.ts';
import { movesNeedAgreement, readAgreement, recordMove } from './rebaseline.ts';
import { editablePriority, findPlan, staleMessage } from './records.ts';
import * as schemas from './schemas.ts';

type MeasureForm = ReturnType<typeof schemas.measureSchema.parse>;

const measureValues = (form: MeasureForm): MeasureValues => ({
  text: form.text,
  baseline: form.baseline,
  target: form.target,
  target_date: form.targetDate,
  indicator_id: form.indicatorId,
  area_id: form.indicatorId ? form.areaId : null,
  breakdown: form.indicatorId ? form.breakdown : '',
  baseline_value: form.baselineValue,
  baseline_period: form.indicatorId ? form.baselinePeriod : null,
  target_value: form.targetValue,
  tolerance: form.tolerance,
  trajectory: JSON.stringify(form.trajectory),
});

/** The indicator and area a form names must be ones this partnership can see. */
async function checkLink(trx: Trx, form: MeasureForm): Promise<void> {
  const errors: Record<string, string> = {};
  if (form.indicatorId && !(await listIndicators(trx)).some((i) => i.id === form.indicatorId)) {
    errors.indicatorId = 'Choose an indicator from the list';
  }
  if (form.areaId && !(await listAreas(trx)).some((a) => a.id === form.areaId)) errors.areaId = 'Choose an area from the list';
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** A measure's target as a move records it: the figure (and the plan's words), or the words alone. */
const targetOf = (m: Pick<MeasureRow, 'target' | 'target_value'>) =>
  m.target_value !== null ? `${m.target_value}${m.target ? ` (${m.target})` : ''}` : m.target || 'none';

/** What a change of a measure moves: its target and its target date, each before and after. */
function targetMoves(before: MeasureRow, after: MeasureValues) {
  const moves: { field: 'target' | 'target_date'; before: string; after: string }[] = [];
  const from = targetOf(before);
  const to = targetOf({ target: after.target, target_value: after.target_value ?? null });
  if (from !== to) moves.push({ field: 'target', before: from, after: to });
  if ((before.target_date ?? '') !== (after.target_date ?? '')) {
    moves.push({ field: 'target_date', before: before.target_date ?? 'none', after: after.target_date ?? 'none' });
  }
  return moves;
}

/** A priority's success measures: adding one, changing one, and what the measure form offers. */
export function createMeasureService(db: Db) {
  const tenant = tenantRunner(db);
  return {
    /** The indicators (national, then the partnership's own) and areas a measure can be linked to. */
    measureChoices: (partnershipId: string, actor: MemberActor) =>
      tenant(partnershipId, actor, async (trx) => {
        const indicators = (await listIndicators(trx)).sort(
          (a, b) => Number(a.partnershipId !== null) - Number(b.partnershipId !== null) || a.title.localeCompare(b.title),
        );
        const home = (await partnershipSettings(trx, partnershipId)).home_area_id;
        const areas = (await listAreas(trx)).filter(
          (a) => a.id !== home && (a.level === 'la' || a.level === 'national' || a.partnership_id !== null),
        );
        return {
          indicators: indicators.map((i) => ({ id: i.id, title: i.title, own: i.partnershipId !== null })),
          homeAreaName: (await listAreas(trx)).find((a) => a.id === home)?.name ?? null,
          areas: areas.sort((a, b) => Number(a.level !== 'national') - Number(b.level !== 'national') || a.name.localeCompare(b.name)),
        };
      }),

    addMeasure: (partnershipId: string, actor: MemberActor, priorityId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          priorityId,
          'Only the partnership admin or this priority’s sponsor can add measures.',
        );
        const form = parseInput(schemas.measureSchema, input);
        await checkLink(trx, form);
        await insertMeasure(trx, partnershipId, priorityId, measureValues(form));
        await audit({
          action: 'create',
          entityType: 'measure',
          entityId: priorityId,
          summary: `Added a success measure to priority ${priority.number}: ${form.text}`,
          after: form,
        });
        await recordVersion(trx, partnershipId, priority.planId, actor, 'Changed');
      }),

    /** A measure with its priority, for the change form (only those who may change the priority). */
    measureForEdit: (partnershipId: string, actor: MemberActor, measureId: string) =>
      tenant(partnershipId, actor, async (trx) => {
        const measure = found(await measures.findMeasure(trx, partnershipId, measureId), 'No such success measure in this partnership');
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          measure.priority_id,
          'Only the partnership admin or this priority’s sponsor can change its measures.',
        );
        const plan = await findPlan(trx, partnershipId, priority.planId);
        return { measure, priority, movesNeedAgreement: movesNeedAgreement(plan.status), boards: await listBoards(trx, partnershipId) };
      }),

    updateMeasure: (partnershipId: string, actor: MemberActor, measureId: string, input: unknown) =>
      tenant(partnershipId, actor, async (trx, audit) => {
        const before = found(await measures.findMeasure(trx, partnershipId, measureId), 'No such success measure in this partnership');
        const priority = await editablePriority(
          trx,
          partnershipId,
          actor,
          before.priority_id,
          'Only the partnership admin or this priority’s sponsor can change its measures.',
        );
        const { version, ...form } = parseInput(schemas.measureEditSchema, input);
        await checkLink(trx, form);
        // Once the plan is approved a target is a promise: moving it needs a reason and who agreed it (decision 0014).
        const values = measureValues(form);
        const moves = movesNeedAgreement((await findPlan(trx, partnershipId, priority.planId)).status) ? targetMoves(before, values) : [];
        const what = moves.length === 2 ? 'the target and its date' : moves[0]?.field === 'target_date' ? 'the target date' : 'the target';
        const agreement = moves.length ? await readAgreement(trx, partnershipId, input, what) : null;
        const saved = savedOrConflict(
          await measures.updateMeasure(trx, partnershipId, measureId, version, values),
          staleMessage('success measure', before.updated_at),
        );
        for (const move of agreement ? moves : []) {
          await recordMove(trx, partnershipId, actor, { entity_type: 'measure', entity_id: measureId, ...move }, agreement!);
        }
        await audit({
          action: 'update',
          entityType: 'measure',
          entityId: measureId,
          summary: `Changed a success measure of priority ${priority.number}: ${form.text}`,
          before,
          after: form,
        });
        await recordVersion(trx, partnershipId, priority.planId, actor, 'Changed');
        return saved;
      }),
  };
}
