/**
 * Every route of a partnership, with who may use it and what an allowed request with an empty
 * body answers: the access matrix walks them by role, the route fuzz test with hostile input.
 */
export type Ids = {
  agency: string;
  board: string;
  member: string;
  throwaway: string;
  token: string;
  plan: string;
  priority: string;
  action: string;
  candidate: string;
  milestone: string;
  measure: string;
  indicator: string;
  target: string;
  import: string;
  scorecard: string;
  scorecardRow: string;
  /** An empty section of the scorecard, there to be moved and removed. */
  scorecardSection: string;
  pack: string;
};
/** Board members: those who propose and score candidate priorities. */
export const BOARD = ['admin', 'sponsor', 'member'] as const;
/** Performance analysts: the indicator library, imports and sign-off. */
export const ANALYSTS = ['admin', 'analyst'] as const;
/** Those who enter the figures their agency owes. */
export const ENTERERS = ['admin', 'analyst', 'contributor'] as const;
export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: (slug: string, ids: Ids) => string;
  allowed: 'everyone' | 'admin' | readonly string[];
  /** What an allowed request gets (POSTs are sent empty, so forms answer 400). */
  ok: number;
}

export const HTML_ROUTES: Route[] = [
  { method: 'GET', path: (s) => `/p/${s}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/people`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/people/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/admin/people`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/admin/people/${i.member}`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/people/${i.member}`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/people/${i.throwaway}/remove`, allowed: 'admin', ok: 303 },
  { method: 'GET', path: (s) => `/p/${s}/admin/agencies`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/agencies/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/admin/agencies`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/admin/agencies/${i.agency}`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/agencies/${i.agency}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/admin/boards`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/boards/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/admin/boards`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/admin/boards/${i.board}`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/admin/boards/${i.board}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/admin/audit`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/admin/audit.csv`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/plans`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/plans/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/plans`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/edit`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/history`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/priorities/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/priorities`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/edit`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/measures`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/measures/new`, allowed: 'admin', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/measures/${i.measure}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/measures/${i.measure}/edit`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/actions/new`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/actions`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/report`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/priorities/${i.priority}/report`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/priorities/${i.priority}/report.docx`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/actions/${i.action}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/actions/${i.action}/edit`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/edit`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/updates`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/tracker`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/milestones`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/milestones/${i.milestone}/done`, allowed: 'admin', ok: 303 },
  { method: 'GET', path: (s, i) => `/p/${s}/actions/${i.action}/milestones/${i.milestone}/move`, allowed: 'admin', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/actions/${i.action}/milestones/${i.milestone}/move`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/candidates`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/criteria`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/plans/${i.plan}/candidates/new`, allowed: BOARD, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/plans/${i.plan}/candidates`, allowed: BOARD, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/candidates/${i.candidate}`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/candidates/${i.candidate}/scores`, allowed: BOARD, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/candidates/${i.candidate}/decision`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/indicators`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/indicators/new`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/indicators`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/indicators/cp-plan-rate`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/indicators/cp-plan-rate/data.csv`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/indicators/${i.indicator}/edit`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/indicators/${i.indicator}`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/indicators/${i.indicator}/targets`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/indicators/${i.indicator}/targets/${i.target}/delete`, allowed: ANALYSTS, ok: 303 },
  { method: 'GET', path: (s) => `/p/${s}/imports`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/imports`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/imports/template.csv`, allowed: ANALYSTS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/imports/template.xlsx`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/imports/mappings`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/imports/${i.import}`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/imports/${i.import}/confirm`, allowed: ANALYSTS, ok: 409 },
  { method: 'GET', path: (s, i) => `/p/${s}/imports/${i.import}/issues.csv`, allowed: ANALYSTS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/figures`, allowed: ENTERERS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/figures?period=2013-11`, allowed: ENTERERS, ok: 200 },
  { method: 'GET', path: (s) => `/p/${s}/figures?period=Q3%202013-14`, allowed: ENTERERS, ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/figures`, allowed: ENTERERS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/figures/sign-off`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/figures/unlock`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/scorecards`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/scorecards`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/edit`, allowed: ANALYSTS, ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/export.csv`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/exceptions`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/rag`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/commentary`, allowed: ENTERERS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/sections`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/move`, allowed: ANALYSTS, ok: 303 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/chart`, allowed: ANALYSTS, ok: 303 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/edit`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/edit`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/remove`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/rows/${i.scorecardRow}/remove`, allowed: ANALYSTS, ok: 303 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/sections/${i.scorecardSection}/move`, allowed: ANALYSTS, ok: 303 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/sections/${i.scorecardSection}/remove`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/sections/${i.scorecardSection}/remove`, allowed: ANALYSTS, ok: 303 },
  { method: 'GET', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/freeze`, allowed: ANALYSTS, ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/scorecards/${i.scorecard}/packs`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/packs`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/packs/compare?a=${i.pack}&b=${i.pack}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/packs/${i.pack}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/p/${s}/packs/${i.pack}/export.csv`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/p/${s}/packs/${i.pack}`, allowed: ANALYSTS, ok: 409 },
  { method: 'POST', path: (s, i) => `/p/${s}/packs/${i.pack}/edit`, allowed: ANALYSTS, ok: 409 },
  { method: 'GET', path: (s) => `/p/${s}/areas`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/areas/settings`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/areas/localities`, allowed: ANALYSTS, ok: 400 },
  { method: 'POST', path: (s) => `/p/${s}/areas/groups`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/p/${s}/account/tokens`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/p/${s}/account/tokens`, allowed: 'everyone', ok: 400 },
  { method: 'POST', path: (s, i) => `/p/${s}/account/tokens/${i.token}/revoke`, allowed: 'everyone', ok: 303 },
];

export const API_ROUTES: Route[] = [
  { method: 'GET', path: (s) => `/api/v1/p/${s}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/agencies`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/agencies`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/agencies/${i.agency}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/agencies/${i.agency}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/boards`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/boards`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/boards/${i.board}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/boards/${i.board}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/plans`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/plans`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}/priorities`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/plans/${i.plan}/priorities`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}`, allowed: 'admin', ok: 400 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}/measures`, allowed: 'admin', ok: 400 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/measures/${i.measure}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}/actions`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/priorities/${i.priority}/actions`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}/updates`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s, i) => `/api/v1/p/${s}/actions/${i.action}/updates`, allowed: 'admin', ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/indicators`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate`, allowed: 'everyone', ok: 200 },
  { method: 'PUT', path: (s, i) => `/api/v1/p/${s}/indicators/${i.indicator}`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/observations`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/observations`, allowed: ANALYSTS, ok: 400 },
  { method: 'GET', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/targets`, allowed: 'everyone', ok: 200 },
  { method: 'POST', path: (s) => `/api/v1/p/${s}/indicators/cp-plan-rate/targets`, allowed: ANALYSTS, ok: 400 },
];

/** The ids as `:name`, to name a route in a test title. */
export const PLACEHOLDERS: Ids = {
  agency: ':agency',
  board: ':board',
  member: ':member',
  throwaway: ':throwaway',
  token: ':token',
  plan: ':plan',
  priority: ':priority',
  action: ':action',
  candidate: ':candidate',
  milestone: ':milestone',
  measure: ':measure',
  indicator: ':indicator',
  target: ':target',
  import: ':import',
  scorecard: ':scorecard',
  scorecardRow: ':scorecardRow',
  scorecardSection: ':scorecardSection',
  pack: ':pack',
};

/** Routes anyone may read without signing in, outside the access matrix (it walks members' routes). */
export const PUBLIC_ROUTES: Route[] = [
  { method: 'GET', path: (s) => `/public/${s}`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/public/${s}/plan`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/public/${s}/plan/${i.plan}/card`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s) => `/public/${s}/scorecards`, allowed: 'everyone', ok: 200 },
  { method: 'GET', path: (s, i) => `/public/${s}/scorecards/${i.scorecard}`, allowed: 'everyone', ok: 404 },
  { method: 'GET', path: (s, i) => `/public/${s}/scorecards/${i.scorecard}/scorecard.csv`, allowed: 'everyone', ok: 404 },
  { method: 'GET', path: () => '/api/v1/national/indicators', allowed: 'everyone', ok: 200 },
  { method: 'GET', path: () => '/api/v1/national/indicators/cp-plan-rate', allowed: 'everyone', ok: 200 },
  { method: 'GET', path: () => '/api/v1/national/indicators/cp-plan-rate/observations', allowed: 'everyone', ok: 400 },
  { method: 'GET', path: () => '/api/v1/national/indicators/cp-plan-rate/benchmark', allowed: 'everyone', ok: 400 },
];
