// Bench-only loader: gives the walsall demo partnership one more published plan, so that its live
// plans hold at least 500 actions with 5,000 progress updates between them (issue 5's promise
// tracker at scale). Dates are relative to today, so the tracker always shows a realistic mix of
// kept, late, overdue, unreported and not-yet-started promises. Deterministic: a seeded PRNG.
//
// run.ts calls loadBenchPlans() between the first (seeding) start and the measured start. By hand:
//   node bench/plans-load.ts DATA_DIR     (a data dir after `baton seed demo` or a first `serve --demo`)
import path from 'node:path';
import { sql } from 'kysely';
import { isLive, PLAN_STATUSES, type ActionStatus, type PlanStatus, type Rag } from '../src/core/plans.ts';
import { addDays, assessAction, quarterOf, summarise, type TrackerSummary } from '../src/core/promises.ts';
import { openDatabase, withTenant, type Trx } from '../src/data/db.ts';
import { listAgencies } from '../src/data/repositories/agencies.ts';
import { recordAudit } from '../src/data/repositories/audit.ts';
import { listBoards } from '../src/data/repositories/boards.ts';
import { listMembers } from '../src/data/repositories/memberships.ts';
import { findPartnershipBySlug } from '../src/data/repositories/partnerships.ts';
import * as repo from '../src/data/repositories/plans.ts';
import * as actionRepo from '../src/data/repositories/actions.ts';
import * as planVersions from '../src/data/repositories/plan-versions.ts';
import * as priorities from '../src/data/repositories/priorities.ts';
import type * as progress from '../src/data/repositories/action-progress.ts';

export const BENCH_PARTNERSHIP = 'walsall';
export const TARGET_ACTIONS = 500;
export const TARGET_UPDATES = 5_000;
const PRIORITIES = 8;
/** Actions under way report fortnightly at most (highlight reports); the quarter's update is the one the tracker checks. */
const REPORT_EVERY_DAYS = 14;
const INSERT_BATCH_ROWS = 1_000; // 10 parameters a row: well under PostgreSQL's 65,535
const LOADER_LABEL = 'baton benchmark loader';
const LIVE_STATUSES = (Object.keys(PLAN_STATUSES) as PlanStatus[]).filter(isLive);

export interface PlansLoadResult {
  partnership: string;
  planTitle: string;
  /** What the partnership's live (approved, published, closed) plans held before and after. */
  before: { liveActions: number; liveUpdates: number };
  added: { priorities: number; actions: number; updates: number };
  after: { liveActions: number; liveUpdates: number };
  /** The tracker's counts over every live action, judged as the tracker does (today, or the plan's end). */
  trackerAsAt: string;
  tracker: TrackerSummary;
  /** Wall time of the whole load: open, insert (one transaction), count, close. */
  ms: number;
}

/** mulberry32: a tiny seeded PRNG, so every run loads the same plan (relative to today). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const PRIORITY_TITLES = [
  'Children are safe from harm and exploitation',
  'Every child has the best start in life',
  'Children and young people achieve at school and beyond',
  'Young people are emotionally and mentally well',
  'Families get early help when they first need it',
  'Children in care and care leavers thrive',
  'Young people are ready for adult life and work',
  'Children with special educational needs get the right support',
];
const VERBS = ['Roll out', 'Review', 'Commission', 'Extend', 'Pilot', 'Embed', 'Audit', 'Train staff in', 'Evaluate', 'Redesign'];
const SUBJECTS = [
  'the multi-agency safeguarding hub front door',
  'family support in the children’s centres',
  'school nursing drop-ins in secondary schools',
  'the child sexual exploitation screening tool',
  'return-home interviews for missing children',
  'the care leavers’ local offer',
  'transition planning for 14 to 25 year olds with SEND',
  'perinatal mental health support',
  'the young carers’ assessment pathway',
  'domestic abuse referrals from schools',
  'the early help assessment',
  'youth offending diversion schemes',
  'speech and language screening at age two',
  'healthy weight programmes in primary schools',
  'the neglect toolkit',
];
const AREAS = [
  'across the borough',
  'in Darlaston and Willenhall',
  'in Walsall South',
  'in Brownhills and Aldridge',
  'in Bloxwich',
  'for the whole partnership',
];
const OWNER_TITLES = [
  'Head of Early Help',
  'Designated Nurse',
  'Detective Inspector, Public Protection',
  'Service Manager',
  'Head of Inclusion',
  'Commissioning Manager',
];

/** A row for action_updates, exactly as progress.insertUpdate takes it. */
type UpdateRow = Parameters<typeof progress.insertUpdate>[1];

interface PlannedAction {
  values: actionRepo.ActionValues;
  contributing: string[];
  /** Dates this action's progress updates could have been written on, newest first. */
  slots: string[];
  /** How many of those (the newest) it gets. */
  updates: number;
}

/** The day after `today` that no update may be dated on, and the timestamp for an update written on `date`. */
function writtenAt(date: string, today: string): string {
  return date === today ? new Date(Date.now() - 60_000).toISOString() : `${date}T09:30:00Z`;
}

/**
 * Designs `count` actions over the plan period, each with the dates it could have reported on.
 * As at `today`: most past-due promises kept (some late), some overdue, a few dropped; of the
 * actions under way some have no update for the current quarter; later ones not started yet.
 */
function designActions(
  count: number,
  random: () => number,
  period: { start: string; end: string },
  today: string,
  agencyIds: string[],
  owners: Map<string, { userId: string; name: string }>,
): PlannedAction[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const span = daysBetween(period.start, period.end);
  const previousQuarterEnd = addDays(quarterOf(today).start, -1);
  const planned: PlannedAction[] = [];
  for (let i = 0; i < count; i++) {
    const start = addDays(period.start, Math.floor(random() * span * 0.8));
    const dueOffset = Math.min(daysBetween(start, period.end), 60 + Math.floor(random() * 600));
    const due = addDays(start, dueOffset);
    let status: ActionStatus;
    let completedOn: string | null = null;
    let reportUntil: string | null; // last day it reported on; null when it has not started
    const r = random();
    if (start > today) {
      status = 'not_started';
      reportUntil = null;
    } else if (due < today) {
      if (r < 0.66) {
        status = 'complete';
        completedOn = addDays(due, -Math.floor(random() * Math.min(60, daysBetween(start, due) + 1)));
      } else if (r < 0.76) {
        status = 'complete';
        completedOn = addDays(due, 1 + Math.floor(random() * 90));
        if (completedOn > today) completedOn = today;
      } else if (r < 0.95) {
        status = random() < 0.3 ? 'on_track' : random() < 0.5 ? 'at_risk' : 'off_track';
      } else {
        status = 'dropped';
      }
      reportUntil = completedOn ?? (status === 'dropped' ? addDays(start, Math.floor(daysBetween(start, due) / 2)) : today);
    } else if (r < 0.08) {
      status = 'complete';
      completedOn = addDays(start, Math.floor(random() * (daysBetween(start, today) + 1)));
      reportUntil = completedOn;
    } else if (r < 0.11) {
      status = 'dropped';
      reportUntil = addDays(start, Math.floor(daysBetween(start, today) / 2));
    } else {
      const s = random();
      status = s < 0.65 ? 'on_track' : s < 0.87 ? 'at_risk' : 'off_track';
      reportUntil = today;
    }
    // About a third of the open actions under way stopped reporting after last quarter.
    if (completedOn === null && status !== 'dropped' && reportUntil === today && random() < 0.33) reportUntil = previousQuarterEnd;

    const slots: string[] = [];
    if (reportUntil !== null) {
      for (let d = reportUntil; d >= start; d = addDays(d, -REPORT_EVERY_DAYS)) slots.push(d);
    }
    const lead = pick(agencyIds);
    const owner = owners.get(lead);
    const contributing = agencyIds.filter((id) => id !== lead && random() < 0.15).slice(0, 3);
    planned.push({
      values: {
        title: `${pick(VERBS)} ${pick(SUBJECTS)} ${pick(AREAS)}`,
        description: '',
        lead_agency_id: lead,
        owner_user_id: owner?.userId ?? null,
        owner_name: owner?.name ?? pick(OWNER_TITLES),
        start_date: start,
        due_date: due,
        status,
        completed_on: completedOn,
      },
      contributing,
      slots,
      updates: 0,
    });
  }
  return planned;
}

/** Shares `total` updates out: one to every action that could report, the rest in proportion to how long each reported. */
function apportionUpdates(planned: PlannedAction[], total: number): void {
  const reporting = planned.filter((a) => a.slots.length > 0);
  const capacity = reporting.reduce((n, a) => n + a.slots.length, 0);
  if (capacity < total || reporting.length > total) {
    throw new Error(`cannot place ${total} updates on ${reporting.length} reporting actions with ${capacity} reporting dates`);
  }
  const share = (total - reporting.length) / (capacity - reporting.length);
  let placed = 0;
  for (const a of reporting) {
    a.updates = 1 + Math.floor((a.slots.length - 1) * share);
    placed += a.updates;
  }
  for (let i = 0; placed < total; i = (i + 1) % reporting.length) {
    const a = reporting[i]!;
    if (a.updates < a.slots.length) {
      a.updates++;
      placed++;
    }
  }
}

function ragFor(status: ActionStatus, latest: boolean, random: () => number): Rag {
  if (latest) {
    if (status === 'off_track') return 'red';
    if (status === 'at_risk') return 'amber';
    if (status === 'complete' || status === 'on_track') return 'green';
  }
  const r = random();
  return r < 0.6 ? 'green' : r < 0.9 ? 'amber' : 'red';
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH_ROWS) await insert(rows.slice(i, i + INSERT_BATCH_ROWS));
}

async function countLive(trx: Trx, partnershipId: string): Promise<{ liveActions: number; liveUpdates: number }> {
  const live = (query: 'actions' | 'updates') =>
    trx
      .selectFrom('actions as ac')
      .innerJoin('priorities as pr', 'pr.id', 'ac.priority_id')
      .innerJoin('plans as p', 'p.id', 'pr.plan_id')
      .$if(query === 'updates', (q) => q.innerJoin('action_updates as u', 'u.action_id', 'ac.id'))
      .select(sql<number>`count(*)::int`.as('n'))
      .where('ac.partnership_id', '=', partnershipId)
      .where('p.status', 'in', LIVE_STATUSES)
      .executeTakeFirstOrThrow();
  return { liveActions: (await live('actions')).n, liveUpdates: (await live('updates')).n };
}

/**
 * Adds the benchmark plan to the partnership in the PGlite data directory given (the server must
 * not be running on it). One transaction for the plan. Nothing is added when the targets are already met.
 */
export async function loadBenchPlans(pgliteDir: string, today = new Date().toISOString().slice(0, 10)): Promise<PlansLoadResult> {
  const started = performance.now();
  const database = await openDatabase({ dataDir: pgliteDir });
  try {
    const { db } = database;
    const partnership = await findPartnershipBySlug(db, BENCH_PARTNERSHIP);
    if (!partnership) throw new Error(`no partnership "${BENCH_PARTNERSHIP}" in ${pgliteDir}: seed the demo first`);
    const partnershipId = partnership.id;
    const random = prng(5);

    // The plan runs five financial years: three before the current one, and two after it ends.
    const fyStart = quarterOf(today).code.slice(0, 4);
    const period = { start: `${Number(fyStart) - 3}-04-01`, end: `${Number(fyStart) + 2}-03-31` };
    const planTitle = `Children and Young People’s Plan ${Number(fyStart) - 3}-${String((Number(fyStart) + 2) % 100).padStart(2, '0')} (benchmark data)`;

    const { before, added } = await withTenant(db, { partnershipId }, async (trx) => {
      const before = await countLive(trx, partnershipId);
      const actionCount = Math.max(0, TARGET_ACTIONS - before.liveActions);
      const updateCount = Math.max(0, TARGET_UPDATES - before.liveUpdates);
      if (actionCount === 0 && updateCount === 0) return { before, added: { priorities: 0, actions: 0, updates: 0 } };

      const agencyIds = (await listAgencies(trx, partnershipId)).map((a) => a.id);
      const [board] = await listBoards(trx, partnershipId);
      const members = await listMembers(trx, partnershipId);
      const sponsor = members.find((m) => m.role === 'sponsor');
      const owners = new Map<string, { userId: string; name: string }>();
      for (const m of members) {
        if (m.agencyId && (m.role === 'contributor' || m.role === 'member')) owners.set(m.agencyId, { userId: m.userId, name: m.name });
      }
      const author = (a: PlannedAction) => {
        const owner = members.find((m) => m.userId === a.values.owner_user_id);
        return owner
          ? { author_user_id: owner.userId, author: `${owner.name} <${owner.email}>` }
          : { author_user_id: null, author: a.values.owner_name };
      };

      const plan = await repo.insertPlan(trx, partnershipId, {
        kind: 'cypp',
        title: planTitle,
        board_id: board?.id ?? null,
        period_start: period.start,
        period_end: period.end,
        vision: 'Every child and young person in Walsall is safe, healthy and has the chance to do well.',
        plan_values: ['Children first', 'Early help', 'Working together'],
        status: 'published',
        approved_version: 1,
      });
      const priorityIds: string[] = [];
      for (let n = 1; n <= PRIORITIES; n++) {
        const lead = agencyIds[(n - 1) % agencyIds.length]!;
        const contributing = agencyIds.filter((id, i) => id !== lead && i % PRIORITIES === n % PRIORITIES);
        priorityIds.push(
          await priorities.insertPriority(
            trx,
            partnershipId,
            plan.id,
            {
              number: n,
              title: PRIORITY_TITLES[(n - 1) % PRIORITY_TITLES.length]!,
              description: 'Set by the partnership board for the life of the plan.',
              sponsor_user_id: sponsor?.userId ?? null,
              sponsor_role: 'Director of Children’s Services',
              lead_agency_id: lead,
              status: 'active',
            },
            contributing,
          ),
        );
      }

      const planned = designActions(actionCount, random, period, today, agencyIds, owners);
      apportionUpdates(planned, updateCount);

      // Actions through the repository (about a second for ~440); their 5,000 updates in multi-row
      // inserts, since progress.insertUpdate's one query a row took three times as long (2.3 s vs 0.7 s).
      const actionIds: string[] = [];
      for (const [i, a] of planned.entries()) {
        actionIds.push(await actionRepo.insertAction(trx, partnershipId, priorityIds[i % PRIORITIES]!, a.values, a.contributing));
      }

      const updates: UpdateRow[] = [];
      planned.forEach((a, i) => {
        a.slots.slice(0, a.updates).forEach((date, k) => {
          updates.push({
            partnership_id: partnershipId,
            action_id: actionIds[i]!,
            period: quarterOf(date).code,
            action_taken: `Progress for ${quarterOf(date).label}: sessions delivered as planned and partners briefed at the locality meeting; ${k === 0 ? 'latest' : 'earlier'} figures shared with the board.`,
            evidence_of_impact: 'Fewer repeat referrals in the areas covered so far; case audits show plans are clearer.',
            still_to_do: a.values.status === 'complete' ? '' : 'Finish the roll-out and report the next quarter’s figures.',
            rag: ragFor(a.values.status, k === 0, random),
            ...author(a),
            created_at: writtenAt(date, today),
          });
        });
      });
      await insertInBatches(updates, (batch) => trx.insertInto('action_updates').values(batch).execute());

      await planVersions.insertPlanVersion(trx, {
        partnership_id: partnershipId,
        plan_id: plan.id,
        number: 1,
        summary: 'Approved (benchmark data)',
        snapshot: await planVersions.readPlanSnapshot(trx, partnershipId, plan.id),
        created_by: LOADER_LABEL,
      });
      await recordAudit(trx, {
        partnershipId,
        actorUserId: null,
        actor: LOADER_LABEL,
        action: 'create',
        entityType: 'plan',
        entityId: plan.id,
        summary: `Loaded the benchmark plan ${planTitle}: ${PRIORITIES} priorities, ${planned.length} actions, ${updates.length} progress updates`,
      });
      return { before, added: { priorities: PRIORITIES, actions: planned.length, updates: updates.length } };
    });

    // Count again from the database, and judge every live action as the tracker would.
    return await withTenant(db, { partnershipId }, async (trx) => {
      const after = await countLive(trx, partnershipId);
      const actions = await actionRepo.listActions(trx, partnershipId, { planStatuses: LIVE_STATUSES });
      const tracker = summarise(actions.map((a) => assessAction(a, today < a.planEnd ? today : a.planEnd)));
      return {
        partnership: BENCH_PARTNERSHIP,
        planTitle,
        before,
        added,
        after,
        trackerAsAt: today,
        tracker,
        ms: performance.now() - started,
      };
    });
  } finally {
    await database.close();
  }
}

export function describeLoad(r: PlansLoadResult): string {
  const t = r.tracker;
  return [
    r.added.actions + r.added.updates === 0
      ? `${r.partnership} already met the targets; nothing loaded (${(r.ms / 1000).toFixed(1)} s).`
      : `Loaded "${r.planTitle}" into ${r.partnership} in ${(r.ms / 1000).toFixed(1)} s: +${r.added.actions} actions, +${r.added.updates} progress updates.`,
    `${r.partnership} live plans now hold ${r.after.liveActions} actions and ${r.after.liveUpdates} progress updates ` +
      `(counted; before: ${r.before.liveActions} and ${r.before.liveUpdates}).`,
    `Tracker as at ${r.trackerAsAt}: ${t.actions} actions, ${t.overdue} overdue, ${t.unreported} with no update this quarter, ` +
      `${t.dueSoon} due soon, ${t.kept} of ${t.due} due promises kept.`,
  ].join('\n');
}

if (import.meta.main) {
  const dataDir = process.argv[2];
  if (!dataDir) {
    console.error('Usage: node bench/plans-load.ts DATA_DIR   (a Baton data dir with the demo loaded)');
    process.exit(2);
  }
  console.log(describeLoad(await loadBenchPlans(path.join(path.resolve(dataDir), 'pglite'))));
}
