/**
 * What a reader sees of a piece of a page: its text without the tags, entities decoded, spaces
 * collapsed. Figures on scorecards are split at the decimal point for alignment
 * ("<span>46</span><span>.0%</span>"), so tests read them as text.
 * @example textOf('<span class="app-num__whole">46</span><span class="app-num__fraction">.0%</span>') // '46.0%'
 */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of the scorecard row of an indicator (and breakdown, on the public page), up to its end. */
export function scorecardRowOf(body: string, code: string, breakdown?: string): string {
  const at = breakdown === undefined ? `data-qa="row-${code}"` : `data-qa="row-${code}" data-breakdown="${breakdown}"`;
  return new RegExp(`${at}[\\s\\S]*?</tr>`).exec(body)?.[0] ?? '';
}

/** The HTML inside a row's cell, by its data-qa (or, for a period's figure, data-label). */
export function cellOf(row: string, qa: string): string {
  return new RegExp(`data-(?:qa|label)="${qa}"[^>]*>([\\s\\S]*?)</td>`).exec(row)?.[1]?.trim() ?? '';
}

/** A piece of a page with each figure's whole and fraction joined again ("46.0%"), its markup otherwise kept. */
export function joinFigures(html: string): string {
  return html.replace(/<\/span><span class="app-num__fraction">/g, '');
}
