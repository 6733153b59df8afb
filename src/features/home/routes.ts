import type { FastifyInstance } from 'fastify';
import { todayInEngland as today } from '../../core/dates.ts';
import { ACTION_STATUSES } from '../../core/plans.ts';
import { can } from '../../core/policy.ts';
import { renderPage } from '../../web/views.ts';
import { tenantOf } from '../../web/tenant.ts';

/** How many indicators with figures owed the home page lists before pointing to the figures page. */
const OWED_FIGURES_SHOWN = 5;

/**
 * A person's home: what leads to their work. A sponsor's priorities and the report due this quarter;
 * a contributor's actions and figures owed; an analyst's periods to sign off and refused imports.
 */
export function registerHomeRoutes(app: FastifyInstance): void {
  const { partnerships, plans, figures } = app.services;
  app.get('/p/:slug', async (request, reply) => {
    const { partnership, member, actor, revisions } = tenantOf(request);
    const asAt = today();
    const overview = await partnerships.overview(partnership.id, revisions?.plans);
    // Only people who report on actions owe anything; the admin sees the whole tracker instead.
    const reports = member.role === 'sponsor' || member.role === 'contributor' || member.role === 'member';
    const entersFigures = member.role === 'contributor' || can(member.role, 'data:sign-off');
    const signsOff = member.role === 'analyst';
    // Read every time (one statement each), and part of what the kept page is kept by.
    const [sponsored, failedImports] = await Promise.all([
      member.role === 'sponsor' ? partnerships.sponsorWork(partnership.id, actor, asAt) : [],
      signsOff ? partnerships.failedImports(partnership.id, actor, asAt) : [],
    ]);
    const data = async () => {
      const reading = entersFigures ? await figures.reading(partnership.id, actor, asAt, revisions?.data) : undefined;
      const owedFigures = reading ? figures.forPerson(reading, actor).owedByIndicator : [];
      return {
        ...overview,
        owed: reports ? await plans.owedBy(partnership.id, actor) : [],
        owedFigures: owedFigures.slice(0, OWED_FIGURES_SHOWN),
        owedFigureCount: owedFigures.reduce((n, g) => n + g.periods.length, 0),
        awaitingSignOff: signsOff && reading ? reading.awaitingSignOff : [],
        sponsored,
        failedImports,
        ACTION_STATUSES,
      };
    };
    // Kept per plans revision and role (issue 13); what a person owes is theirs, as at today, and
    // their figures move with the data revision.
    const variant = [
      reports || entersFigures ? member.userId : '',
      asAt,
      entersFigures ? (revisions?.data ?? null) : '',
      sponsored.map((p) => [p.id, p.saved]),
      failedImports.map((i) => i.id),
    ];
    const keep = !entersFigures || revisions !== undefined;
    return renderPage(request, reply, 'home/views/home.njk', data, {
      nav: 'home',
      ...(keep ? { cache: { reading: overview, variant } } : {}),
    });
  });
}
