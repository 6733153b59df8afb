import { describe, expect, it } from 'vitest';
import { unstorableText, isFormulaText, neutraliseFormula } from './text.ts';

describe('unstorableText', () => {
  it.each([
    ['plain words', 'Early help', null],
    ['tabs and line breaks', 'one\ttwo\r\nthree\n', null],
    ['accents and symbols', 'Café – “quoted” £5 ≥ 3', null],
    ['an emoji (a whole surrogate pair)', 'Thumbs 👍', null],
    ['other control characters (kept; XML output removes them)', 'Bell\u0007 escape\u001b DEL\u007f', null],
    ['the empty string', '', null],
    ['NUL', 'a\u0000b', 'contains a NUL character'],
    ['NUL alone', '\u0000', 'contains a NUL character'],
    ['a lone high surrogate', '\ud800', 'contains a broken character (half of a surrogate pair)'],
    ['a lone low surrogate', 'a\udc00b', 'contains a broken character (half of a surrogate pair)'],
    ['a pair the wrong way round', '\udc00\ud800', 'contains a broken character (half of a surrogate pair)'],
  ])('%s → %s', (_name, value, expected) => {
    expect(unstorableText(value)).toBe(expected);
  });
});

describe('isFormulaText and neutraliseFormula: one rule for forms, imports and exports', () => {
  it.each([
    ['=SUM(A1)', true],
    ['+44 121', true],
    ['-5', true],
    ['@user', true],
    ['  =HYPERLINK("http://x")', true], // spaces first: some spreadsheets skip them
    ['\tx', true],
    ['\rx', true],
    ['Walsall', false],
    ['a = b', false],
    ['', false],
  ])('%j is a formula: %s', (text, formula) => {
    expect(isFormulaText(text)).toBe(formula);
    expect(neutraliseFormula(text)).toBe(formula ? `'${text}` : text);
  });
});
