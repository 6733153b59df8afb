// Fingerprints of what the national load and the demo write, comparable between two fresh
// databases: ids (random UUIDs, identity numbers) and timestamps are replaced by the codes they
// stand for, so two loads of the same files give the same md5s whatever path wrote them.
//   node scripts/national-checksum.ts            national load, then the same files again
//   node scripts/national-checksum.ts --demo     the whole demo (national load and partnerships)
//   node scripts/national-checksum.ts --revise   national load, then the files with every 1,000th figure revised
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/data/db.ts';
import { loadNationalData, parseNationalData, writeNationalData } from '../src/intake/national-load.ts';
import { seedDemo } from '../src/seed/demo.ts';

const TABLES = {
  observations: `
    SELECT i.code AS indicator, a.code AS area, p.slug AS owner, o.period_code, o.period_type, o.period_start, o.period_end,
           o.breakdown, o.value, o.numerator, o.denominator, o.marker, o.status, o.quality_note, o.source, o.version,
           o.updated_by IS NULL AS by_nobody
    FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN areas a ON a.id = o.area_id
    LEFT JOIN partnerships p ON p.id = o.partnership_id`,
  areas: `
    SELECT p.slug AS owner, a.code, a.old_code, a.name, a.level, a.region_code, a.la_type, a.last_year, a.parent_code, a.version
    FROM areas a LEFT JOIN partnerships p ON p.id = a.partnership_id`,
  area_neighbours: `
    SELECT n.set_code, a.code AS area, b.code AS neighbour, n.position, n.closeness
    FROM area_neighbours n JOIN areas a ON a.id = n.area_id JOIN areas b ON b.id = n.neighbour_id`,
  indicators: `
    SELECT p.slug AS owner, i.code, i.title, i.definition, i.numerator_definition, i.denominator_definition, i.unit, i.decimals,
           i.polarity, i.band_low, i.band_high, i.frequency, i.period_type, i.lag, i.source, g.name AS agency, i.oba_category,
           i.themes, i.version
    FROM indicators i LEFT JOIN partnerships p ON p.id = i.partnership_id LEFT JOIN agencies g ON g.id = i.agency_id`,
  observation_history: `
    SELECT i.code AS indicator, a.code AS area, p.slug AS owner, h.period_code, h.breakdown, h.change, h.before, h.after,
           h.changed_by_label, h.reason
    FROM observation_history h JOIN indicators i ON i.id = h.indicator_id JOIN areas a ON a.id = h.area_id
    LEFT JOIN partnerships p ON p.id = h.partnership_id`,
  partnerships: `SELECT slug, data_revision FROM partnerships`,
} as const;

/** The demo's plans, keyed by partnership, plan title, priority number and action title instead of ids. */
const PLAN = `JOIN plans pl ON pl.id = x.plan_id JOIN partnerships p ON p.id = pl.partnership_id`;
const PRIORITY = `JOIN priorities pr ON pr.id = x.priority_id JOIN plans pl ON pl.id = pr.plan_id JOIN partnerships p ON p.id = pl.partnership_id`;
const ACTION = `JOIN actions ac ON ac.id = x.action_id JOIN priorities pr ON pr.id = ac.priority_id JOIN plans pl ON pl.id = pr.plan_id
  JOIN partnerships p ON p.id = pl.partnership_id`;
const UUID = `'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'`;
const DEMO_TABLES = {
  plans: `SELECT p.slug, x.kind, x.title, b.name AS board, x.period_start, x.period_end, x.vision, x.plan_values, x.status,
                 x.approved_version, x.version
          FROM plans x JOIN partnerships p ON p.id = x.partnership_id LEFT JOIN boards b ON b.id = x.board_id`,
  plan_versions: `SELECT p.slug, pl.title, x.number, x.summary, regexp_replace(x.snapshot::text, ${UUID}, 'id', 'g') AS snapshot, x.created_by
                  FROM plan_versions x ${PLAN}`,
  priorities: `SELECT p.slug, pl.title AS plan, x.number, x.title, x.description, u.email AS sponsor, x.sponsor_role, g.name AS lead,
                      x.status, x.version
               FROM priorities x ${PLAN} LEFT JOIN users u ON u.id = x.sponsor_user_id LEFT JOIN agencies g ON g.id = x.lead_agency_id`,
  priority_agencies: `SELECT p.slug, pl.title, pr.number, g.name FROM priority_agencies x ${PRIORITY} JOIN agencies g ON g.id = x.agency_id`,
  measures: `SELECT p.slug, pl.title, pr.number, x.position, x.text, x.baseline, x.target, x.target_date FROM measures x ${PRIORITY}`,
  actions: `SELECT p.slug, pl.title AS plan, pr.number, x.title, x.description, g.name AS lead, u.email AS owner, x.owner_name,
                   x.start_date, x.due_date, x.status, x.completed_on, x.version, x.reported_periods, x.latest_rag, x.latest_update_at
            FROM actions x ${PRIORITY} LEFT JOIN agencies g ON g.id = x.lead_agency_id LEFT JOIN users u ON u.id = x.owner_user_id`,
  action_agencies: `SELECT p.slug, pl.title, pr.number, ac.title AS action, g.name FROM action_agencies x ${ACTION} JOIN agencies g ON g.id = x.agency_id`,
  milestones: `SELECT p.slug, pl.title, pr.number, ac.title AS action, x.title, x.due_date, x.done_on FROM milestones x ${ACTION}`,
  action_updates: `SELECT p.slug, pl.title, pr.number, ac.title AS action, x.period, x.action_taken, x.evidence_of_impact, x.still_to_do,
                          x.rag, u.email AS author_user, x.author, x.created_at
                   FROM action_updates x ${ACTION} LEFT JOIN users u ON u.id = x.author_user_id`,
  plan_criteria: `SELECT p.slug, pl.title, x.position, x.text FROM plan_criteria x ${PLAN}`,
  candidates: `SELECT p.slug, pl.title AS plan, x.title, x.description, x.answers, x.proposed_by, x.status, pr.number AS priority,
                      x.decision_note, x.decided_by, x.decided_at, x.created_at
               FROM candidates x ${PLAN} LEFT JOIN priorities pr ON pr.id = x.priority_id`,
  audit_events: `SELECT p.slug, x.actor, x.action, x.entity_type, regexp_replace(x.summary, ${UUID}, 'id', 'g') AS summary
                 FROM audit_events x LEFT JOIN partnerships p ON p.id = x.partnership_id`,
} as const;

async function fingerprints(db: Db, tables: Record<string, string> = TABLES): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  await db.transaction().execute(async (trx) => {
    for (const setting of ["SET LOCAL TimeZone = 'UTC'", 'SET LOCAL extra_float_digits = 1']) await sql.raw(setting).execute(trx);
    for (const [table, query] of Object.entries(tables)) {
      const { rows } = await sql<{ rows: number; md5: string }>`
        SELECT count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) AS md5
        FROM (${sql.raw(query)}) r`.execute(trx);
      result[table] = `${rows[0]!.rows} rows, md5 ${rows[0]!.md5}`;
    }
    // Whether figures got the same identity numbers, in the same order as the files list them.
    const { rows } = await sql<{ md5: string }>`
      SELECT md5(string_agg(o.id::text || ' ' || i.code || ' ' || a.code || ' ' || o.period_code || ' ' || o.breakdown, E'\n' ORDER BY o.id)) AS md5
      FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN areas a ON a.id = o.area_id`.execute(trx);
    result['observations (ids)'] = `md5 ${rows[0]!.md5}`;
  });
  return result;
}

const print = (heading: string, prints: Record<string, string>) => {
  console.log(heading);
  for (const [table, print] of Object.entries(prints)) console.log(`  ${table.padEnd(20)} ${print}`);
};

const database = await openDatabase({ dataDir: 'memory://' });
try {
  // The owner sees every partnership's rows (the handle acts as baton_app, bound by row-level security).
  await sql`RESET ROLE`.execute(database.db);
  if (process.argv.includes('--demo')) {
    await sql`SET ROLE baton_app`.execute(database.db);
    await seedDemo(database.db, 'checksum password 12345');
    await sql`RESET ROLE`.execute(database.db);
    print('After the demo', await fingerprints(database.db, { ...TABLES, ...DEMO_TABLES }));
  } else if (process.argv.includes('--revise')) {
    await sql`SET ROLE baton_app`.execute(database.db);
    const bundle = parseNationalData();
    await writeNationalData(database.db, bundle);
    const revised = bundle.observations.map((o, i) =>
      i % 1000 === 0 && o.value !== null ? { ...o, value: o.value + 1, status: 'revised' as const } : o,
    );
    const again = await writeNationalData(database.db, { ...bundle, observations: revised });
    await sql`RESET ROLE`.execute(database.db);
    console.log(`revised files: added ${again.added}, changed ${again.changed}, unchanged ${again.unchanged}`);
    print('After loading the national data, then revised', await fingerprints(database.db));
  } else {
    await sql`SET ROLE baton_app`.execute(database.db);
    const first = await loadNationalData(database.db);
    const again = await loadNationalData(database.db);
    await sql`RESET ROLE`.execute(database.db);
    console.log(`first load: added ${first.added}, changed ${first.changed}, unchanged ${first.unchanged}`);
    console.log(`same files again: added ${again.added}, changed ${again.changed}, unchanged ${again.unchanged}`);
    print('After loading the national data twice', await fingerprints(database.db));
  }
} finally {
  await database.close();
}
