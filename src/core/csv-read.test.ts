import { describe, expect, it } from 'vitest';
import { CsvError, decodeText, parseCsv, parseDfeValue } from './csv-read.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());

describe('decodeText', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['plain UTF-8', utf8('la_name\nSt Helens'), 'la_name\nSt Helens', 'utf-8'],
    ['UTF-8 with a byte-order mark', bytes(0xef, 0xbb, 0xbf, ...utf8('Bristol, City of')), 'Bristol, City of', 'utf-8'],
    ['UTF-8 accents', utf8('Café – “quoted”'), 'Café – “quoted”', 'utf-8'],
    ['Windows-1252 accent', bytes(0x43, 0x61, 0x66, 0xe9), 'Café', 'windows-1252'],
    ['Windows-1252 curly quotes and pound', bytes(0x93, 0x61, 0x94, 0x20, 0xa3, 0x35), '“a” £5', 'windows-1252'],
    ['UTF-16 little-endian with a byte-order mark', utf16le('\ufeffarea_code\r\nCafé £5'), 'area_code\r\nCafé £5', 'utf-16le'],
    ['UTF-16 big-endian with a byte-order mark', utf16be('\ufeffarea_code\r\nCafé £5'), 'area_code\r\nCafé £5', 'utf-16be'],
    ['UTF-16 with a character outside the basic plane', utf16le('\ufeffnote 👍'), 'note 👍', 'utf-16le'],
  ])('reads %s', (_name, input, text, encoding) => {
    expect(decodeText(input)).toEqual({ text, encoding });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a binary file renamed .csv', bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00), /not a text file \(it contains NUL bytes\)/],
    [
      'UTF-16 without a byte-order mark',
      utf16le('indicator_code,area_code\r\neh-rate,E08000030'),
      /looks like UTF-16 text without a byte-order mark/,
    ],
    ['UTF-16 with half a surrogate pair', utf16le('\ufeffnote \ud800 end'), /starts as UTF-16 text but is not valid UTF-16/],
    ['UTF-16 cut off mid-character', utf16le('\ufeffnote').subarray(0, 7), /starts as UTF-16 text but is not valid UTF-16/],
    ['UTF-16 holding a NUL character', utf16le('\ufeffa\u0000b'), /not a text file \(it contains NUL characters\)/],
  ])('refuses %s, saying what it is', (_name, input, message) => {
    expect(() => decodeText(input)).toThrow(message);
  });
});

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    [
      'simple rows',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line end',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'empty fields',
      'a,,c\n,,\n',
      [
        ['a', '', 'c'],
        ['', '', ''],
      ],
    ],
    ['quoted commas', '"Bristol, City of",801', [['Bristol, City of', '801']]],
    ['doubled quotes', '"say ""hi""",x', [['say "hi"', 'x']]],
    [
      'a line break inside quotes',
      '"two\nlines",x\n1,2',
      [
        ['two\nlines', 'x'],
        ['1', '2'],
      ],
    ],
    ['an empty quoted field', '"",x', [['', 'x']]],
    ['a lone CR line end', 'a\rb', [['a'], ['b']]],
    ['nothing', '', []],
  ])('reads %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it.each([
    ['an unclosed quote, on the line it opens', 'a,b\n1,"oops\n2,3', 2, /never closed/],
    ['text after a closing quote', 'a,"b"c\n', 1, /followed by more text/],
    ['a quote in the middle of a field', 'a,b\n1,2"3\n', 2, /in the middle/],
  ])('refuses %s', (_name, text, line, message) => {
    try {
      parseCsv(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).line).toBe(line);
      expect((error as CsvError).message).toMatch(message);
    }
  });
});

describe('parseDfeValue', () => {
  it.each([
    ['632830', { value: 632830 }],
    ['22.6', { value: 22.6 }],
    ['1,234', { value: 1234 }],
    ['1,234.5', { value: 1234.5 }],
    ['-3.2', { value: -3.2 }],
    ['.5', { value: 0.5 }],
    [' 7 ', { value: 7 }],
    ['c', { value: null, marker: 'c' }],
    ['x', { value: null, marker: 'x' }],
    ['z', { value: null, marker: 'z' }],
    [':', { value: null, marker: ':' }],
    ['low', { value: null, marker: 'low' }],
    ['LOW', { value: null, marker: 'low' }],
    ['u', { value: null, marker: 'u' }],
    ['', { value: null, marker: 'blank' }],
  ])('reads %j', (text, expected) => {
    expect(parseDfeValue(text)).toEqual(expected);
  });

  it.each(['twelve', '12abc', '1,23', '=HYPERLINK("http://x")', '1.2.3', '--1'])('refuses %j, saying why', (text) => {
    const result = parseDfeValue(text);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(/is not a number or one of DfE’s markers/);
  });
});
