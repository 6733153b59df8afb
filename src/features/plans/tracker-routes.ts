import type { FastifyInstance } from 'fastify';
import { JUDGE_BY, needsAttention, type ActionAssessment } from '../../core/promises.ts';
import { dateInWords, todayInEngland as today } from '../../core/dates.ts';
import { queryErrors, withQuery, type QueryOf } from '../../web/query.ts';
import { tenantOf } from '../../web/tenant.ts';
import { sendKeptPage } from '../../web/views.ts';
import { renderPlansPage } from './pages.ts';
import { trackerQuery } from './schemas.ts';

type TrackerQuery = QueryOf<typeof trackerQuery>;
type Show = NonNullable<TrackerQuery['show']>;

const TRACKER_PAGE_SIZE = 50;

/** Which actions each of the tracker's views lists. */
const SHOWS: Record<Show, (assessment: ActionAssessment) => boolean> = {
  attention: needsAttention,
  overdue: (a) => a.overdue,
  unreported: (a) => a.unreported,
  'due-soon': (a) => a.dueSoon,
  moved: (a) => a.moved && a.promise !== 'dropped',
  all: () => true,
};

/** The promise tracker: every action of the live plans, filtered, a page at a time. */
export function registerTrackerRoutes(app: FastifyInstance): void {
  const { plans } = app.services;

  app.get<{ Params: { slug: string }; Querystring: TrackerQuery }>('/p/:slug/tracker', withQuery(trackerQuery), async (request, reply) => {
    const q = request.query;
    const filter = { planId: q.plan, boardId: q.board, agencyId: q.agency };
    // A wrong "as at" date is shown in the page's error summary; the tracker is then read as at today.
    const dateErrors = queryErrors({ asAt: q.asAt });
    // The shared reading (what each person may do is not on this page), so the page is kept per
    // plans revision and query (issue 13).
    const { partnership, actor, revisions } = tenantOf(request);
    const judgeBy = q.judge ?? 'original';
    const data = await plans.trackerReading(partnership.id, actor, filter, q.asAt.date, revisions?.plans, judgeBy);
    const page = { nav: 'tracker', status: q.asAt.error ? 400 : 200, cache: { reading: data, variant: [q] } };
    const kept = sendKeptPage(request, reply, 'plans/views/tracker.njk', page);
    if (kept) return kept;
    const show = q.show ?? 'attention';
    const matching = data.actions.filter((a) => SHOWS[show](a.assessment));
    const pages = Math.max(1, Math.ceil(matching.length / TRACKER_PAGE_SIZE));
    const pageNumber = Math.min(pages, q.page ?? 1);
    const shown = matching.slice((pageNumber - 1) * TRACKER_PAGE_SIZE, pageNumber * TRACKER_PAGE_SIZE);
    const query = { ...filter, asAt: q.asAt.date ?? '', judge: judgeBy };
    const href = (change: Partial<Record<'plan' | 'board' | 'agency' | 'show' | 'asAt' | 'judge' | 'page', string>>) => {
      const params = new URLSearchParams({
        plan: query.planId ?? '',
        board: query.boardId ?? '',
        agency: query.agencyId ?? '',
        show,
        asAt: query.asAt,
        judge: judgeBy,
        page: '1',
        ...change,
      });
      const defaults: Record<string, string> = { page: '1', judge: 'original' };
      for (const [key, value] of [...params]) if (!value || defaults[key] === value) params.delete(key);
      return `/p/${request.params.slug}/tracker?${params.toString()}`;
    };
    const link = (n: number) => href({ page: String(n) });
    const pagination = {
      items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: link(i + 1), current: i + 1 === pageNumber })),
      previous: pageNumber > 1 ? { href: link(pageNumber - 1) } : undefined,
      next: pageNumber < pages ? { href: link(pageNumber + 1) } : undefined,
    };
    // The views as links with their counts, and the filters in use as tags that remove them.
    const views = (Object.keys(SHOWS) as Show[]).map((key) => ({
      key,
      href: href({ show: key }),
      count: data.actions.filter((a) => SHOWS[key](a.assessment)).length,
    }));
    const nameOf = (list: readonly { id: string; title?: string; name?: string }[], id: string | undefined) => {
      const found = list.find((x) => x.id === id);
      return found?.title ?? found?.name;
    };
    const activeFilters = [
      { label: 'Plan', value: nameOf(data.plans, query.planId), href: href({ plan: '' }) },
      { label: 'Board', value: nameOf(data.boards, query.boardId), href: href({ board: '' }) },
      { label: 'Agency', value: nameOf(data.agencies, query.agencyId), href: href({ agency: '' }) },
      { label: 'As at', value: query.asAt ? dateInWords(query.asAt) : undefined, href: href({ asAt: '' }) },
      { label: 'Judged by', value: judgeBy === 'current' ? JUDGE_BY.current : undefined, href: href({ judge: '' }) },
    ].filter((f) => f.value !== undefined);
    const first = (pageNumber - 1) * TRACKER_PAGE_SIZE + 1;
    return renderPlansPage(
      request,
      reply,
      'tracker.njk',
      {
        ...data,
        shown,
        matching: matching.length,
        first,
        pages,
        pagination,
        show,
        query,
        views,
        activeFilters,
        clearHref: href({ plan: '', board: '', agency: '', asAt: '', judge: '' }),
        judgeBy,
        JUDGE_BY,
        judgeHref: href({ judge: judgeBy === 'current' ? 'original' : 'current' }),
        asAt: query.asAt || today(),
        // Plans that have ended are judged at their last day: the date most rows shown share is said
        // once, above the table; a row says its own only when it differs.
        sharedAsAt: mostCommon(shown.map((a) => a.asAt)),
        asAtValue: q.asAt.value,
        ...dateErrors,
      },
      page,
    );
  });
}

/** The value most of a list share (the first of them on a tie), or null for an empty list. */
function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
