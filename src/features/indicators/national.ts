import { parsePeriod } from '../../core/periods.ts';
import { knownAt } from '../../core/publication.ts';
import type { Db } from '../../data/db.ts';
import { findAreaByCode, listAreas } from '../../data/repositories/areas.ts';
import * as repo from '../../data/repositories/indicators.ts';
import { observationsFor } from '../../data/repositories/observations.ts';
import { panelFor } from '../../services/benchmarks.ts';
import { NotFoundError, ValidationError } from '../../services/errors.ts';

/**
 * The national library and its published figures, for everyone (no partnership, no sign-in):
 * official statistics under the Open Government Licence.
 */
export function createNationalService(db: Db) {
  const nationalIndicator = async (code: string) => {
    const indicator = await repo.findIndicatorByCode(db, code);
    if (!indicator || indicator.partnershipId !== null) throw new NotFoundError(`There is no national indicator with the code ${code}`);
    return indicator;
  };
  const councilOrRegion = async (code: string | undefined) => {
    if (!code) throw new ValidationError({ area: 'Send ?area= with an ONS code (E08000030) or an old DfE council code (335)' });
    const area = await findAreaByCode(db, code);
    if (!area || area.partnership_id !== null) throw new ValidationError({ area: `There is no area with the code ${code}` });
    return area;
  };

  return {
    indicators: async () => (await repo.listIndicators(db)).filter((i) => i.partnershipId === null),

    indicator: nationalIndicator,

    /** An area's published figures; with `asAt`, only those published by then (decision 0015). */
    observations: async (code: string, areaCode: string | undefined, asAt: string | undefined = undefined) => {
      const indicator = await nationalIndicator(code);
      const area = await councilOrRegion(areaCode);
      const figures = (await observationsFor(db, indicator.id, [area.id])).filter(
        (o) => o.partnershipId === null && (asAt === undefined || knownAt(o.knownFrom, asAt)),
      );
      return { indicator, area, figures };
    },

    benchmark: async (
      code: string,
      areaCode: string | undefined,
      periodCode: string | undefined,
      comparator: string | undefined,
      asAt: string | undefined = undefined,
    ) => {
      const indicator = await nationalIndicator(code);
      const area = await councilOrRegion(areaCode);
      const period = periodCode ? parsePeriod(periodCode) : undefined;
      if (!period) throw new ValidationError({ period: 'Send ?period= with a period code such as FY2013-14 or AT2014-03-31' });
      if (comparator !== undefined && comparator !== 'sn2021' && comparator !== 'sn2025')
        throw new ValidationError({ comparator: 'The comparator is sn2021 or sn2025' });
      const areas = new Map((await listAreas(db)).map((a) => [a.id, a]));
      const result = await panelFor(db, areas, indicator, area, period.code, comparator ?? 'sn2025', asAt);
      return { indicator, area, period, comparator: comparator ?? 'sn2025', ...result };
    },
  };
}
