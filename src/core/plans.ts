/** Kinds of plan a partnership keeps. Priorities of an improvement plan are called themes. */
export const PLAN_KINDS = {
  cypp: 'Children and young people’s plan',
  improvement: 'Improvement plan',
  safeguarding: 'Safeguarding board business plan',
  strategy: 'Strategy',
} as const;
export type PlanKind = keyof typeof PLAN_KINDS;

/** A plan's life: only approved and published plans hold agencies to their promises. */
export const PLAN_STATUSES = {
  draft: 'Draft',
  consultation: 'Out for consultation',
  approved: 'Approved',
  published: 'Published',
  closed: 'Closed',
} as const;
export type PlanStatus = keyof typeof PLAN_STATUSES;

export const PRIORITY_STATUSES = {
  active: 'Active',
  achieved: 'Achieved',
  withdrawn: 'Withdrawn',
} as const;
export type PriorityStatus = keyof typeof PRIORITY_STATUSES;

export const ACTION_STATUSES = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  complete: 'Complete',
  dropped: 'Dropped',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

export const RAGS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;
export type Rag = keyof typeof RAGS;

/** What a plan calls its priorities and its actions. */
export function planVocabulary(kind: PlanKind): { priority: string; priorities: string } {
  return kind === 'improvement' ? { priority: 'theme', priorities: 'themes' } : { priority: 'priority', priorities: 'priorities' };
}

/** Whether a plan in this status is being delivered, so its actions are tracked. */
export function isLive(status: PlanStatus): boolean {
  return status === 'approved' || status === 'published' || status === 'closed';
}

/** Whether a plan in this status is versioned: changes after approval make a new version. */
export function isApproved(status: PlanStatus): boolean {
  return status === 'approved' || status === 'published' || status === 'closed';
}
