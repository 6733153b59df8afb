import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ActionStatus, PlanKind, PlanStatus, PriorityStatus, Rag } from '../core/plans.ts';
import type { Polarity } from '../core/benchmarks.ts';
import type { DfeMapping, Frequency, ImportIssue, Marker, ObaCategory, ObservationStatus, Unit } from '../core/indicators.ts';
import type { PeriodType } from '../core/periods.ts';
import type { Role } from '../core/policy.ts';
import type { RowRagRule, ScorecardColumn } from '../core/scorecard.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PartnershipTable {
  id: Generated<string>;
  slug: string;
  name: string;
  public_summary: Generated<string>;
  /** The council whose figures the partnership's pages compare (null until chosen). */
  home_area_id: string | null;
  /** 'sn2021', 'sn2025' (DfE statistical neighbours) or 'group:{id}' (its own comparator group). */
  comparator: Generated<string>;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembershipTable {
  partnership_id: string;
  user_id: string;
  role: Role;
  agency_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface AgencyTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  sector: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BoardTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  kind: string;
  purpose: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInFailureTable {
  key: string;
  failed_at: CreatedAt;
}

export interface AuditEventTable {
  id: ColumnType<string, never, never>;
  partnership_id: string | null;
  actor_user_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  at: CreatedAt;
}

/** Calendar dates (SQL `date`) travel as ISO strings, YYYY-MM-DD, never as Date objects. */
export type IsoDate = string;

export interface PlanTable {
  id: Generated<string>;
  partnership_id: string;
  board_id: string | null;
  kind: PlanKind;
  title: string;
  period_start: IsoDate;
  period_end: IsoDate;
  vision: Generated<string>;
  plan_values: ColumnType<string[], string, string>;
  status: Generated<PlanStatus>;
  approved_version: Generated<number>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanVersionTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  number: number;
  summary: string;
  snapshot: ColumnType<unknown, string, never>;
  created_by: string;
  created_at: CreatedAt;
}

export interface PriorityTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  number: number;
  title: string;
  description: Generated<string>;
  sponsor_user_id: string | null;
  sponsor_role: Generated<string>;
  lead_agency_id: string | null;
  status: Generated<PriorityStatus>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PriorityAgencyTable {
  partnership_id: string;
  priority_id: string;
  agency_id: string;
}

export interface MeasureTable {
  id: Generated<string>;
  partnership_id: string;
  priority_id: string;
  position: number;
  text: string;
  baseline: Generated<string>;
  target: Generated<string>;
  target_date: IsoDate | null;
  /** The indicator whose figures judge the measure (national or the partnership's own); null for a text-only measure. */
  indicator_id: Generated<string | null>;
  /** The area the figures are for; null = the partnership's council. */
  area_id: Generated<string | null>;
  breakdown: Generated<string>;
  baseline_value: Generated<number | null>;
  baseline_period: Generated<string | null>;
  target_value: Generated<number | null>;
  tolerance: Generated<number>;
  /** Interim targets: [{ period: code, value }], as JSON. */
  trajectory: ColumnType<{ period: string; value: number }[], string | undefined, string>;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface ActionTable {
  id: Generated<string>;
  partnership_id: string;
  priority_id: string;
  title: string;
  description: Generated<string>;
  lead_agency_id: string;
  owner_user_id: string | null;
  owner_name: Generated<string>;
  start_date: IsoDate | null;
  due_date: IsoDate;
  /** The due date promised when the plan was approved (set from due_date on insert; decision 0014). */
  original_due_date: ColumnType<IsoDate, IsoDate | undefined, IsoDate>;
  status: Generated<ActionStatus>;
  completed_on: IsoDate | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Kept by a trigger on action_updates: the quarters reported on, the latest RAG and when. */
  reported_periods: ColumnType<string[], never, never>;
  latest_rag: ColumnType<Rag | null, never, never>;
  latest_update_at: ColumnType<Date | null, never, never>;
}

export interface ActionAgencyTable {
  partnership_id: string;
  action_id: string;
  agency_id: string;
}

export interface MilestoneTable {
  id: Generated<string>;
  partnership_id: string;
  action_id: string;
  title: string;
  due_date: IsoDate;
  original_due_date: ColumnType<IsoDate, IsoDate | undefined, IsoDate>;
  done_on: IsoDate | null;
}

/** An agreed change of a promised date or target after approval: its reason and who agreed it (decision 0014). */
export interface RebaselineTable {
  id: Generated<string>;
  partnership_id: string;
  entity_type: 'action' | 'milestone' | 'measure';
  entity_id: string;
  field: 'due_date' | 'target' | 'target_date';
  before: string;
  after: string;
  reason: string;
  agreed_by: 'sponsor' | 'board';
  board_id: string | null;
  meeting_on: IsoDate | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: CreatedAt;
}

export interface ActionUpdateTable {
  id: Generated<string>;
  partnership_id: string;
  action_id: string;
  period: string;
  action_taken: string;
  evidence_of_impact: Generated<string>;
  still_to_do: Generated<string>;
  rag: Rag;
  author_user_id: string | null;
  author: string;
  created_at: CreatedAt;
}

export interface PlanCriterionTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  position: number;
  text: string;
}

export interface CandidateTable {
  id: Generated<string>;
  partnership_id: string;
  plan_id: string;
  title: string;
  description: Generated<string>;
  answers: ColumnType<string[], string, string>;
  proposed_by_user_id: string | null;
  proposed_by: string;
  status: Generated<'proposed' | 'agreed' | 'not_agreed'>;
  priority_id: string | null;
  decision_note: Generated<string>;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CandidateScoreTable {
  partnership_id: string;
  candidate_id: string;
  criterion_id: string;
  user_id: string;
  score: number;
  scored_at: CreatedAt;
}

/** The single source of Baton's table types. */
export interface Database {
  partnerships: PartnershipTable;
  users: UserTable;
  memberships: MembershipTable;
  agencies: AgencyTable;
  boards: BoardTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  sign_in_failures: SignInFailureTable;
  audit_events: AuditEventTable;
  plans: PlanTable;
  plan_versions: PlanVersionTable;
  priorities: PriorityTable;
  priority_agencies: PriorityAgencyTable;
  measures: MeasureTable;
  actions: ActionTable;
  action_agencies: ActionAgencyTable;
  milestones: MilestoneTable;
  rebaselines: RebaselineTable;
  action_updates: ActionUpdateTable;
  plan_criteria: PlanCriterionTable;
  candidates: CandidateTable;
  candidate_scores: CandidateScoreTable;
  sponsor_reports: SponsorReportTable;
  areas: AreaTable;
  area_neighbours: AreaNeighbourTable;
  indicators: IndicatorTable;
  observations: ObservationTable;
  observation_history: ObservationHistoryTable;
  targets: TargetTable;
  period_signoffs: PeriodSignoffTable;
  comparator_groups: ComparatorGroupTable;
  comparator_group_areas: ComparatorGroupAreaTable;
  dfe_mappings: DfeMappingTable;
  imports: ImportTable;
  scorecards: ScorecardTable;
  scorecard_sections: ScorecardSectionTable;
  scorecard_rows: ScorecardRowTable;
  scorecard_commentary: ScorecardCommentaryTable;
  scorecard_rag_overrides: ScorecardRagOverrideTable;
  board_packs: BoardPackTable;
}

export type PartnershipRow = Selectable<PartnershipTable>;
export type UserRow = Selectable<UserTable>;
export type AgencyRow = Selectable<AgencyTable>;
export type BoardRow = Selectable<BoardTable>;
export type NewUser = Insertable<UserTable>;
export type PlanRow = Selectable<PlanTable>;
export type PriorityRow = Selectable<PriorityTable>;
export type MeasureRow = Selectable<MeasureTable>;
export type ActionRow = Selectable<ActionTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
export type ActionUpdateRow = Selectable<ActionUpdateTable>;
export type CandidateRow = Selectable<CandidateTable>;

/** A sponsor's report to the board on one priority for one quarter, as the sponsor last saved it. */
export interface SponsorReportTable {
  id: Generated<string>;
  partnership_id: string;
  priority_id: string;
  /** A financial quarter, e.g. "2015-16 Q4". */
  period: string;
  summary: Generated<string>;
  exceptions: Generated<string>;
  measures: Generated<string>;
  next_steps: Generated<string>;
  /** The sponsor's rating; null for "not rated". */
  rag: Rag | null;
  version: Generated<number>;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type SponsorReportRow = Selectable<SponsorReportTable>;

/** England, a region, a council (partnership_id null) or a partnership's own locality. */
export interface AreaTable {
  id: Generated<string>;
  partnership_id: string | null;
  code: string;
  old_code: string | null;
  name: string;
  level: AreaLevel;
  region_code: string | null;
  la_type: Generated<string>;
  last_year: number | null;
  parent_code: string | null;
  version: Generated<number>;
}

/** A council's DfE statistical neighbours, by list. */
export interface AreaNeighbourTable {
  set_code: 'sn2021' | 'sn2025';
  area_id: string;
  neighbour_id: string;
  position: number;
  closeness: string;
}

export interface IndicatorTable {
  id: Generated<string>;
  partnership_id: string | null;
  code: string;
  title: string;
  definition: string;
  numerator_definition: string;
  denominator_definition: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  band_low: number | null;
  band_high: number | null;
  frequency: Frequency;
  period_type: PeriodType;
  lag: string;
  /** The lag in months after the period ends (national indicators; decision 0015). */
  lag_months: Generated<number | null>;
  /** Days after a period ends that an agency's figure is due (the collection schedule; decision 0016); null for the national library. */
  due_days: Generated<number | null>;
  source: string;
  agency_id: string | null;
  oba_category: ObaCategory;
  themes: ColumnType<string[], string, string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ObservationTable {
  id: Generated<string>;
  partnership_id: string | null;
  indicator_id: string;
  area_id: string;
  period_code: string;
  period_type: PeriodType;
  period_start: string;
  period_end: string;
  breakdown: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  marker: Marker | null;
  status: ObservationStatus;
  quality_note: string;
  source: string;
  /** The day the figure became known: published, or entered for the partnership's own (decision 0015). */
  known_from: string;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface ObservationHistoryTable {
  id: Generated<string>;
  partnership_id: string | null;
  observation_id: string;
  indicator_id: string;
  area_id: string;
  period_code: string;
  breakdown: string;
  change: 'changed' | 'deleted';
  before: ColumnType<ObservationValues, string, string>;
  after: ColumnType<ObservationValues | null, string | null, string | null>;
  changed_by: string | null;
  changed_by_label: string;
  reason: string;
  changed_at: CreatedAt;
}

/** The parts of a figure its history records. */
export interface ObservationValues {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  marker: Marker | null;
  status: ObservationStatus;
  quality_note: string;
}

export interface TargetTable {
  id: Generated<string>;
  partnership_id: string;
  indicator_id: string;
  area_id: string;
  period_code: string;
  period_start: string;
  period_end: string;
  value: number;
  tolerance: number;
  note: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PeriodSignoffTable {
  partnership_id: string;
  period_code: string;
  signed_by: string | null;
  signed_at: CreatedAt;
}

export interface ComparatorGroupTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface ComparatorGroupAreaTable {
  partnership_id: string;
  group_id: string;
  area_id: string;
}

export interface DfeMappingTable {
  id: Generated<string>;
  partnership_id: string;
  name: string;
  mapping: ColumnType<DfeMapping, string, string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImportTable {
  id: Generated<string>;
  partnership_id: string;
  kind: 'template' | 'dfe';
  /** A saved mapping's id, or `bundled:N` for one the bundled national files ship with. */
  mapping_ref: string | null;
  filename: string;
  byte_size: number;
  sha256: string;
  content: Uint8Array | null;
  status: 'ready' | 'refused' | 'imported';
  row_count: number;
  issues: ColumnType<ImportIssue[], string, string>;
  summary: ColumnType<ImportSummary, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  imported_at: Date | null;
}

/** What an import did, or would do, to the figures already held. */
export interface ImportSummary {
  added?: number;
  changed?: number;
  unchanged?: number;
}

export type AreaLevel = 'national' | 'regional' | 'la' | 'locality';
export type AreaRow = Selectable<AreaTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type TargetRow = Selectable<TargetTable>;
export type ImportRow = Selectable<ImportTable>;

/** A board's scorecard: which columns it shows and how many earlier periods. */
export interface ScorecardTable {
  id: Generated<string>;
  partnership_id: string;
  board_id: string | null;
  title: string;
  description: Generated<string>;
  columns: ColumnType<ScorecardColumn[], string, string>;
  previous_periods: Generated<number>;
  /** The day the scorecard is drawn up to; null = today. */
  as_at: string | null;
  /** Shown at /public/{slug}/scorecards, small numbers suppressed. */
  published: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ScorecardSectionTable {
  id: Generated<string>;
  partnership_id: string;
  scorecard_id: string;
  position: number;
  title: string;
}

export interface ScorecardRowTable {
  id: Generated<string>;
  partnership_id: string;
  section_id: string;
  position: number;
  indicator_id: string;
  /** Null = the partnership's own council. */
  area_id: string | null;
  breakdown: Generated<string>;
  rag_rule: Generated<RowRagRule>;
  tolerance: Generated<number>;
  maintained_band: Generated<number>;
  note: Generated<string>;
  /** Charted on the page and in the paper ("charts for selected areas"). */
  chart: Generated<boolean>;
}

/** The owner's commentary on a row for a period, in outcome-based-accountability form; each save is a new row. */
export interface ScorecardCommentaryTable {
  id: Generated<string>;
  partnership_id: string;
  row_id: string;
  period_code: string;
  story: Generated<string>;
  what_works: Generated<string>;
  next_steps: Generated<string>;
  who: Generated<string>;
  by_when: string | null;
  author_id: string | null;
  author_label: string;
  created_at: CreatedAt;
}

/** A scorecard and its exception report as presented to a board meeting: frozen (a trigger refuses changes). */
export interface BoardPackTable {
  id: Generated<string>;
  partnership_id: string;
  scorecard_id: string | null;
  board_id: string | null;
  title: string;
  meeting: string;
  presented_on: string;
  as_at: string;
  snapshot: ColumnType<unknown, string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

/** A manual RAG rating of a row for a period and why; null rag = back to the rule's rating. */
export interface ScorecardRagOverrideTable {
  id: Generated<string>;
  partnership_id: string;
  row_id: string;
  period_code: string;
  rag: 'green' | 'amber' | 'red' | null;
  reason: string;
  author_id: string | null;
  author_label: string;
  created_at: CreatedAt;
}
