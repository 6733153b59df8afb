import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { trim } from './views.ts';

describe('trim', () => {
  it.each([
    { value: '  a b  ', out: 'a b' },
    { value: '\n\t<p>x</p>\n ', out: '<p>x</p>' },
    { value: '', out: '' },
    { value: undefined, out: '' },
    { value: null, out: '' },
    { value: 42, out: '42' },
  ])('trims $value to $out', ({ value, out }) => {
    expect(trim(value)).toBe(out);
  });

  it('keeps markup marked safe so it is not escaped twice', () => {
    const result = trim(new nunjucks.runtime.SafeString('  <b>x</b>  '));
    expect(result).toBeInstanceOf(nunjucks.runtime.SafeString);
    expect(String(result)).toBe('<b>x</b>');
  });
});
