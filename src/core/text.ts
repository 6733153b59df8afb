/**
 * Why a piece of text cannot be kept as sent, or null when it can: a NUL character (PostgreSQL
 * text cannot hold one) or half of a UTF-16 surrogate pair (no UTF-8 text, and so no PostgreSQL
 * text or JSON, can). Other control characters are kept; what writes XML removes them (plainText).
 */
export function unstorableText(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (!value.isWellFormed()) return 'contains a broken character (half of a surrogate pair)';
  return null;
}

/**
 * What a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with = + - or @,
 * also after spaces (some spreadsheets skip them), or with a tab or carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * Whether a spreadsheet would run this text as a formula. Forms and imports refuse such text;
 * exports keep it as text (neutraliseFormula).
 * @example isFormulaText(' =HYPERLINK("http://x","click")') // true
 */
export function isFormulaText(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * Text as a spreadsheet cell or CSV field holds it safely: an apostrophe before anything a
 * spreadsheet would run as a formula.
 * @example neutraliseFormula('=SUM(A1)') // "'=SUM(A1)"
 */
export function neutraliseFormula(text: string): string {
  return isFormulaText(text) ? `'${text}` : text;
}
