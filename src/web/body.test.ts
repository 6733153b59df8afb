import { describe, expect, it } from 'vitest';
import { bodyText, formFields } from './body.ts';

describe('formFields', () => {
  it.each([
    { body: { asAt: '2014-03-31', other: 'kept' }, out: { asAt: '2014-03-31', other: 'kept' } },
    { body: { asAt: ['2014-03-31', '2015-03-31'] }, out: { asAt: undefined } },
    { body: { asAt: 7 }, out: { asAt: undefined } },
    { body: undefined, out: {} },
    { body: null, out: {} },
    { body: ['2014-03-31'], out: {} },
    { body: 'asAt=2014-03-31', out: {} },
  ])('reads $body as $out', ({ body, out }) => {
    expect(formFields({ asAt: bodyText }, body)).toEqual(out);
  });
});
