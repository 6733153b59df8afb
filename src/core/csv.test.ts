import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('csvField', () => {
  it.each([
    { value: 'plain', field: 'plain' },
    { value: 'a,b', field: '"a,b"' },
    { value: 'say "hi"', field: '"say ""hi"""' },
    { value: 'two\nlines', field: '"two\nlines"' },
    { value: '=SUM(A1:A9)', field: "'=SUM(A1:A9)" },
    { value: '+44 1922', field: "'+44 1922" },
    { value: '-cmd', field: "'-cmd" },
    { value: '@import', field: "'@import" },
    { value: -5, field: '-5' },
    { value: 12.5, field: '12.5' },
    { value: null, field: '' },
    { value: undefined, field: '' },
    { value: new Date('2026-11-22T10:00:00Z'), field: '2026-11-22T10:00:00.000Z' },
  ])('formats $value as $field', ({ value, field }) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
