import { ACTION_STATUSES, PLAN_KINDS, PLAN_STATUSES, PRIORITY_STATUSES, RAGS } from '../../core/plans.ts';
import { errors, id, json, listOf, ref, slug, withVersion } from './openapi-parts.ts';

/** The plans-and-promises part of the OpenAPI document: plans, priorities, actions and progress updates. */

const string = { type: 'string' };
const integer = { type: 'integer' };
const boolean = { type: 'boolean' };
const date = { type: 'string', format: 'date' };
const dateOrNull = { type: ['string', 'null'], format: 'date' };
const uuid = { type: 'string', format: 'uuid' };
const uuidOrNull = { type: ['string', 'null'], format: 'uuid' };
const stringOrNull = { type: ['string', 'null'] };
const uuids = { type: 'array', items: uuid };
const rag = { enum: [...Object.keys(RAGS), null] };
const oneOf = (labels: object) => ({ enum: Object.keys(labels) });
const record = (properties: Record<string, object>) => ({ type: 'object', properties });
const numberOrNull = { type: ['number', 'null'] };
const trajectoryPoint = record({ period: string, value: { type: 'number' } });

const asAt = {
  name: 'asAt',
  in: 'query',
  required: false,
  schema: date,
  description: 'Judge the actions as at this date (each plan no later than its end); today when not sent',
};

const read = (tag: string, summary: string, content: object, parameters: object[] = []) => ({
  tags: [tag],
  summary,
  ...(parameters.length ? { parameters } : {}),
  responses: { 200: { description: 'OK', content }, ...errors },
});
const create = (tag: string, summary: string, input: string, output: string) => ({
  tags: [tag],
  summary,
  requestBody: { required: true, content: json(input) },
  responses: {
    201: { description: 'Created', headers: { Location: { schema: string, description: 'Where to read it' } }, content: json(output) },
    ...errors,
  },
});
const change = (tag: string, summary: string, input: string, output: string) => ({
  tags: [tag],
  summary: `${summary}. Send every field with the version you read: a field left out is emptied, and a stale version gets 409`,
  requestBody: { required: true, content: json(`${input}WithVersion`) },
  responses: { 200: { description: 'OK', content: json(output) }, ...errors },
});

const p = '/api/v1/p/{slug}';
export const planPaths = {
  [`${p}/plans`]: {
    parameters: [slug],
    get: read('Plans', 'List plans', listOf('PlanSummary')),
    post: create('Plans', 'Add a plan (admin)', 'PlanInput', 'Plan'),
  },
  [`${p}/plans/{id}`]: {
    parameters: [slug, id],
    get: read('Plans', 'Read a plan', json('Plan')),
    put: change('Plans', 'Change a plan (admin); a change to an approved plan keeps a new version', 'PlanInput', 'Plan'),
  },
  [`${p}/plans/{id}/priorities`]: {
    parameters: [slug, id],
    get: read('Priorities', 'List a plan’s priorities (an improvement plan’s themes)', listOf('Priority'), [asAt]),
    post: create('Priorities', 'Add a priority to a plan (admin)', 'PriorityInput', 'Priority'),
  },
  [`${p}/priorities/{id}`]: {
    parameters: [slug, id],
    get: read('Priorities', 'Read a priority with its success measures', json('Priority'), [asAt]),
    put: change('Priorities', 'Change a priority (admin, or its sponsor, who cannot change the sponsor)', 'PriorityInput', 'Priority'),
  },
  [`${p}/priorities/{id}/measures`]: {
    parameters: [slug, id],
    post: create(
      'Priorities',
      'Add a success measure, in words or linked to an indicator (admin, or the priority’s sponsor)',
      'MeasureInput',
      'Measure',
    ),
  },
  [`${p}/measures/{id}`]: {
    parameters: [slug, id],
    put: change('Priorities', 'Change a success measure (admin, or the priority’s sponsor)', 'MeasureInput', 'Measure'),
  },
  [`${p}/priorities/{id}/actions`]: {
    parameters: [slug, id],
    get: read('Actions', 'List a priority’s actions, each judged as at a date', listOf('Action'), [asAt]),
    post: create('Actions', 'Add an action to a priority (admin, or the priority’s sponsor)', 'ActionInput', 'Action'),
  },
  [`${p}/actions/{id}`]: {
    parameters: [slug, id],
    get: read('Actions', 'Read an action with its milestones', json('Action'), [asAt]),
    put: change('Actions', 'Change an action (admin, or the priority’s sponsor)', 'ActionInput', 'Action'),
  },
  [`${p}/actions/{id}/updates`]: {
    parameters: [slug, id],
    get: read('Actions', 'List an action’s progress updates, newest first', listOf('ProgressUpdate')),
    post: {
      tags: ['Actions'],
      summary:
        'Report progress and set the action’s status (its owner, a contributor from its lead agency, the priority’s sponsor or an admin). Send the action’s version: a stale one gets 409',
      requestBody: { required: true, content: json('ProgressUpdateInput') },
      responses: { 201: { description: 'Created', content: json('ProgressUpdateCreated') }, ...errors },
    },
  },
};

const plan = {
  id: uuid,
  kind: oneOf(PLAN_KINDS),
  title: string,
  boardId: uuidOrNull,
  boardName: stringOrNull,
  periodStart: date,
  periodEnd: date,
  status: oneOf(PLAN_STATUSES),
  approvedVersion: { type: 'integer', description: 'The plan’s latest version since approval; 0 for a draft' },
  version: integer,
  updatedAt: { type: 'string', format: 'date-time' },
};

export const planSchemas = {
  PlanSummary: record({ ...plan, priorityCount: integer }),
  Plan: record({ ...plan, vision: string, values: { type: 'array', items: string } }),
  PlanInput: {
    type: 'object',
    required: ['kind', 'title', 'periodStart', 'periodEnd', 'status'],
    properties: {
      kind: oneOf(PLAN_KINDS),
      title: { type: 'string', maxLength: 200 },
      boardId: uuidOrNull,
      periodStart: date,
      periodEnd: { ...date, description: 'On or after periodStart' },
      vision: { type: 'string', maxLength: 2000 },
      values: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 300 } },
      status: oneOf(PLAN_STATUSES),
    },
  },
  PlanInputWithVersion: withVersion('PlanInput'),
  Measure: record({
    id: uuid,
    priorityId: uuid,
    text: string,
    baseline: { ...string, description: 'The baseline in words' },
    target: { ...string, description: 'The target in words' },
    targetDate: dateOrNull,
    indicatorId: { ...uuidOrNull, description: 'The indicator whose figures judge it; null for a measure in words only' },
    indicatorCode: stringOrNull,
    areaId: { ...uuidOrNull, description: 'Null: the partnership’s council' },
    breakdown: string,
    baselineValue: numberOrNull,
    baselinePeriod: { ...stringOrNull, description: 'A period code, e.g. AY2012-13' },
    targetValue: numberOrNull,
    tolerance: { type: 'number', description: 'How far short of the target is still amber' },
    trajectory: { type: 'array', items: trajectoryPoint, description: 'Interim targets by period' },
    latest: {
      type: ['object', 'null'],
      properties: { value: numberOrNull, text: string, period: string, periodLabel: string },
      description: 'The latest figure for a period begun by asAt; null when there is none',
    },
    direction: { type: ['object', 'null'], properties: { direction: string, words: string } },
    rag: { ...rag, description: 'Against the target (or the interim target for the figure’s period), by the scorecard rule' },
    reason: string,
    figure: { enum: ['text', 'awaiting', 'figure'], description: 'text: in words only (no figure); awaiting: linked, no figure yet' },
    version: integer,
  }),
  MeasureInput: {
    type: 'object',
    required: ['text'],
    properties: {
      text: { type: 'string', maxLength: 500 },
      baseline: { type: 'string', maxLength: 200 },
      target: { type: 'string', maxLength: 200 },
      targetDate: dateOrNull,
      indicatorId: uuidOrNull,
      areaId: uuidOrNull,
      breakdown: { type: 'string', maxLength: 200 },
      baselineValue: numberOrNull,
      baselinePeriod: { ...stringOrNull, description: 'Needed with baselineValue' },
      targetValue: numberOrNull,
      tolerance: { type: 'number', minimum: 0 },
      trajectory: { type: 'array', maxItems: 20, items: trajectoryPoint },
    },
  },
  MeasureInputWithVersion: withVersion('MeasureInput'),
  TrackerSummary: record({
    actions: { type: 'integer', description: 'Actions not dropped' },
    overdue: integer,
    unreported: integer,
    dueSoon: integer,
    due: { type: 'integer', description: 'Actions whose due date has come' },
    kept: { type: 'integer', description: 'Of those, completed by their due date' },
    keptShare: { type: ['number', 'null'], description: 'kept ÷ due; null when nothing is due yet' },
  }),
  Priority: record({
    id: uuid,
    planId: uuid,
    number: integer,
    title: string,
    description: string,
    sponsorUserId: uuidOrNull,
    sponsorName: stringOrNull,
    sponsorRole: string,
    leadAgencyId: uuidOrNull,
    leadAgencyName: stringOrNull,
    agencyIds: { ...uuids, description: 'Contributing agencies' },
    status: oneOf(PRIORITY_STATUSES),
    measures: { type: 'array', items: ref('Measure') },
    rag: {
      ...rag,
      description: 'Rolled up from its actions and success measures (a measure makes it amber at most); null until the plan is live',
    },
    summary: ref('TrackerSummary'),
    version: integer,
  }),
  PriorityInput: {
    type: 'object',
    required: ['number', 'title'],
    properties: {
      number: { type: 'integer', minimum: 1, maximum: 99 },
      title: { type: 'string', maxLength: 300 },
      description: { type: 'string', maxLength: 3000 },
      sponsorUserId: uuidOrNull,
      sponsorRole: { type: 'string', maxLength: 200 },
      leadAgencyId: uuidOrNull,
      agencyIds: uuids,
      status: { ...oneOf(PRIORITY_STATUSES), default: 'active' },
    },
  },
  PriorityInputWithVersion: withVersion('PriorityInput'),
  Assessment: record({
    asAt: date,
    overdue: { type: 'boolean', description: 'Past its due date and not complete' },
    unreported: { type: 'boolean', description: 'Under way with no progress update for the current quarter' },
    dueSoon: { type: 'boolean', description: 'Due within 28 days and not complete' },
    due: boolean,
    promise: { enum: ['kept', 'kept_late', 'broken', 'open', 'dropped'] },
    moved: { type: 'boolean', description: 'Its due date was moved after the plan was approved' },
    judgedDue: { ...date, description: 'The due date it was judged by: the one first promised' },
    rag,
  }),
  Milestone: record({ id: uuid, title: string, dueDate: date, doneOn: dateOrNull }),
  Action: record({
    id: uuid,
    planId: uuid,
    priorityId: uuid,
    title: string,
    description: string,
    leadAgencyId: uuid,
    leadAgencyName: string,
    ownerUserId: uuidOrNull,
    ownerName: string,
    agencyIds: { ...uuids, description: 'Contributing agencies' },
    startDate: dateOrNull,
    dueDate: { ...date, description: 'The current due date' },
    originalDueDate: { ...date, description: 'The due date first promised (when the plan was approved)' },
    status: oneOf(ACTION_STATUSES),
    completedOn: dateOrNull,
    latestRag: rag,
    latestUpdateAt: { type: ['string', 'null'], format: 'date-time' },
    assessment: ref('Assessment'),
    mayUpdate: { type: 'boolean', description: 'Whether the token’s owner may report progress on it' },
    milestones: { type: 'array', items: ref('Milestone'), description: 'Only when reading one action' },
    version: integer,
  }),
  ActionInput: {
    type: 'object',
    required: ['title', 'leadAgencyId', 'dueDate'],
    properties: {
      title: { type: 'string', maxLength: 300 },
      description: { type: 'string', maxLength: 3000 },
      leadAgencyId: uuid,
      ownerUserId: uuidOrNull,
      ownerName: { type: 'string', maxLength: 200 },
      agencyIds: uuids,
      startDate: dateOrNull,
      dueDate: { ...date, description: 'On or after startDate' },
      status: { ...oneOf(ACTION_STATUSES), default: 'not_started' },
      completedOn: { ...dateOrNull, description: 'Required when status is complete' },
      moveReason: { type: 'string', maxLength: 1000, description: 'Required to change dueDate once the plan is approved' },
      agreedBy: { enum: ['sponsor', 'board'], description: 'Who agreed a move of dueDate once the plan is approved' },
      agreedBoardId: { ...uuid, description: 'The board that agreed it, when agreedBy is board' },
      agreedMeetingOn: { ...date, description: 'The date of that board’s meeting, when agreedBy is board' },
    },
  },
  ActionInputWithVersion: withVersion('ActionInput'),
  ProgressUpdate: record({
    id: uuid,
    period: { type: 'string', description: 'The financial quarter it reports on, e.g. "2015-16 Q4"' },
    actionTaken: string,
    evidenceOfImpact: string,
    stillToDo: string,
    rag: oneOf(RAGS),
    author: string,
    createdAt: { type: 'string', format: 'date-time' },
  }),
  ProgressUpdateInput: {
    type: 'object',
    required: ['period', 'actionTaken', 'rag', 'status', 'version'],
    properties: {
      period: { type: 'string', pattern: '^\\d{4}-\\d{2} Q[1-4]$', description: 'e.g. "2015-16 Q4"' },
      actionTaken: { type: 'string', maxLength: 5000 },
      evidenceOfImpact: { type: 'string', maxLength: 5000 },
      stillToDo: { type: 'string', maxLength: 5000 },
      rag: oneOf(RAGS),
      status: { ...oneOf(ACTION_STATUSES), description: 'The action’s status after this update' },
      completedOn: { ...dateOrNull, description: 'Required when status is complete' },
      version: { type: 'integer', description: 'The action’s version, as read' },
    },
  },
  ProgressUpdateCreated: record({ update: ref('ProgressUpdate'), action: ref('Action') }),
};
