/** What an approved plan looked like at one version, and what changed between two versions. */
export interface PlanSnapshot {
  title: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  vision: string;
  values: string[];
  priorities: {
    number: number;
    title: string;
    description: string;
    sponsor: string;
    leadAgency: string;
    status: string;
    measures: string[];
  }[];
}

const PLAN_FIELDS: [keyof PlanSnapshot, string][] = [
  ['title', 'title'],
  ['status', 'status'],
  ['periodStart', 'start date'],
  ['periodEnd', 'end date'],
  ['vision', 'vision'],
];

const PRIORITY_FIELDS = [
  ['title', 'title'],
  ['description', 'description'],
  ['sponsor', 'sponsor'],
  ['leadAgency', 'lead agency'],
  ['status', 'status'],
] as const;

const quote = (s: string) => (s.length > 80 ? `“${s.slice(0, 77)}…”` : `“${s}”`);

/**
 * The changes from one version of a plan to the next, in sentences a board member reads.
 * @example describeChanges(v1, v2) // ['Priority 3 title changed from “…” to “…”']
 */
export function describeChanges(before: PlanSnapshot, after: PlanSnapshot): string[] {
  const changes: string[] = [];
  for (const [key, label] of PLAN_FIELDS) {
    if (before[key] !== after[key])
      changes.push(`Plan ${label} changed from ${quote(String(before[key]))} to ${quote(String(after[key]))}`);
  }
  const added = after.values.filter((v) => !before.values.includes(v));
  const removed = before.values.filter((v) => !after.values.includes(v));
  for (const v of added) changes.push(`Value added: ${quote(v)}`);
  for (const v of removed) changes.push(`Value removed: ${quote(v)}`);

  const byNumber = (list: PlanSnapshot['priorities']) => new Map(list.map((p) => [p.number, p]));
  const old = byNumber(before.priorities);
  const now = byNumber(after.priorities);
  for (const [number, p] of now) {
    const was = old.get(number);
    if (!was) {
      changes.push(`Priority ${number} added: ${quote(p.title)}`);
      continue;
    }
    for (const [key, label] of PRIORITY_FIELDS) {
      if (was[key] !== p[key])
        changes.push(`Priority ${number} ${label} changed from ${quote(was[key] || 'none')} to ${quote(p[key] || 'none')}`);
    }
    for (const m of p.measures.filter((m) => !was.measures.includes(m))) changes.push(`Priority ${number} measure added: ${quote(m)}`);
    for (const m of was.measures.filter((m) => !p.measures.includes(m))) changes.push(`Priority ${number} measure removed: ${quote(m)}`);
  }
  for (const [number, p] of old) if (!now.has(number)) changes.push(`Priority ${number} removed: ${quote(p.title)}`);
  return changes;
}
