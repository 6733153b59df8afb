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
