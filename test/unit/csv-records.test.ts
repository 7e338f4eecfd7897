import { describe, expect, it } from 'vitest';
import { recordsOf, split, splitChunks, type SplitEvent } from './support.js';

/** Every way of cutting `text` into two chunks gives the same events as the whole text. */
function expectChunkInvariant(text: string): void {
  const whole = split(text);
  for (let cut = 0; cut <= text.length; cut++) {
    expect(splitChunks([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
  }
  expect(splitChunks([...text]), 'one character per chunk').toEqual(whole);
  expect(splitChunks(['', text, '', '']), 'empty chunks').toEqual(whole);
}

function errorsOf(events: readonly SplitEvent[]): { line: number; rows: number; message: string }[] {
  return events.filter((event) => event.kind === 'error').map(({ line, rows, message }) => ({ line, rows, message }));
}

describe('CsvRecordSplitter: plain lines (the fast path)', () => {
  it('splits on commas and numbers lines from 1', () => {
    expect(recordsOf(split('id,received\nA,2021-01-01\nB,2021-01-02\n'))).toEqual([
      [1, ['id', 'received']],
      [2, ['A', '2021-01-01']],
      [3, ['B', '2021-01-02']],
    ]);
  });

  it('keeps empty fields, spaces and a trailing comma', () => {
    expect(recordsOf(split('a,,b, c ,\n,\n'))).toEqual([
      [1, ['a', '', 'b', ' c ', '']],
      [2, ['', '']],
    ]);
  });

  it('reads a last line without a line break', () => {
    expect(recordsOf(split('a,b\nc,d'))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
    ]);
  });

  it('skips blank lines but counts them', () => {
    expect(recordsOf(split('\na,b\n\n   \n\r\nc,d\n\n'))).toEqual([
      [2, ['a', 'b']],
      [6, ['c', 'd']],
    ]);
  });

  it('gives nothing for empty input', () => {
    expect(split('')).toEqual([]);
    expect(split('\n\n')).toEqual([]);
  });

  it('handles CRLF and mixed line endings', () => {
    expect(recordsOf(split('a,b\r\nc,d\ne,f\r\ng,h'))).toEqual([
      [1, ['a', 'b']],
      [2, ['c', 'd']],
      [3, ['e', 'f']],
      [4, ['g', 'h']],
    ]);
    expect(recordsOf(split('a,b\r\n'))).toEqual([[1, ['a', 'b']]]);
    expect(recordsOf(split('a,b\r'))).toEqual([[1, ['a', 'b']]]);
  });

  it('does not strip a BOM-free first field, nor add anything to it', () => {
    const [first] = recordsOf(split('id,received\n'));
    expect(first![1][0]).toBe('id');
    expect(first![1][0]!.charCodeAt(0)).toBe(0x69);
  });

  it('keeps unicode as it is', () => {
    expect(recordsOf(split('Côte d’Ivoire,日本,😀\n'))).toEqual([[1, ['Côte d’Ivoire', '日本', '😀']]]);
  });
});

describe('CsvRecordSplitter: quoted fields', () => {
  it('reads commas inside quotes', () => {
    expect(recordsOf(split('a,"b, c",d\n'))).toEqual([[1, ['a', 'b, c', 'd']]]);
  });

  it('reads escaped quotes', () => {
    expect(recordsOf(split('"say ""hi""",x\n"""",""\n'))).toEqual([
      [1, ['say "hi"', 'x']],
      [2, ['"', '']],
    ]);
  });

  it('reads line breaks inside quotes and keeps the line numbers of later records right', () => {
    const text = 'id,notes\n1,"line one\nline two\n\nline four"\n2,plain\n3,"a\nb",c\n4,x\n';
    expect(recordsOf(split(text))).toEqual([
      [1, ['id', 'notes']],
      [2, ['1', 'line one\nline two\n\nline four']],
      [6, ['2', 'plain']],
      [7, ['3', 'a\nb', 'c']],
      [9, ['4', 'x']],
    ]);
    expect(errorsOf(split(text))).toEqual([]);
  });

  it('counts CRLF lines the same way inside and outside quotes', () => {
    const text = 'id,notes\r\n1,"line one\r\nline two"\r\n2,plain\r\n';
    expect(recordsOf(split(text)).map(([line]) => line)).toEqual([1, 2, 4]);
  });

  it('reads a quoted field that ends a line, and a line that is one quoted field', () => {
    expect(recordsOf(split('a,"b"\n"c"\n""\n'))).toEqual([
      [1, ['a', 'b']],
      [2, ['c']],
      [3, ['']],
    ]);
  });

  it('reads a fixture-like record with a note full of punctuation', () => {
    const text = 'LE-1,2020-01-09,South Korea,"Line one of the intake form\nsecond line, with ""quotes"", commas,\nend"\nLE-2,2020-01-10,RU,\n';
    expect(recordsOf(split(text))).toEqual([
      [1, ['LE-1', '2020-01-09', 'South Korea', 'Line one of the intake form\nsecond line, with "quotes", commas,\nend']],
      [4, ['LE-2', '2020-01-10', 'RU', '']],
    ]);
  });

  it('takes a stray quote inside an unquoted field literally', () => {
    expect(recordsOf(split('a,5" floppy,c\nd,e\n'))).toEqual([
      [1, ['a', '5" floppy', 'c']],
      [2, ['d', 'e']],
    ]);
    expect(recordsOf(split('ab"c,d\n'))).toEqual([[1, ['ab"c', 'd']]]);
    expect(recordsOf(split('x,it"s,"q"\ny,z\n'))).toEqual([
      [1, ['x', 'it"s', 'q']],
      [2, ['y', 'z']],
    ]);
  });

  // BUG? (src/io/csv-records.ts, takeLine): the CR of a CRLF line break inside a quoted field is
  // dropped, so a field holding "a\r\nb" comes back as "a\nb". RFC 4180 keeps a quoted field's text
  // as it is. Minor: it changes the text of notes/request types written on Windows.
  it('keeps a CRLF inside a quoted field', () => {
    expect(recordsOf(split('"a\r\nb",c\r\n'))).toEqual([[1, ['a\r\nb', 'c']]]);
  });
});

describe('CsvRecordSplitter: a bare CR inside a line', () => {
  it('is kept in an unquoted field on a line without quotes', () => {
    expect(recordsOf(split('a\rb,c\n'))).toEqual([[1, ['a\rb', 'c']]]);
  });

  it('is kept inside a quoted field', () => {
    expect(recordsOf(split('"a\rb",c\n'))).toEqual([[1, ['a\rb', 'c']]]);
  });

  // INCONSISTENCY (src/io/csv-records.ts, parseQuoted): once a line holds a quote anywhere, it goes to
  // csv-parse, which takes a bare CR outside quotes as a record break; the line then fails with the
  // unhelpful "malformed CSV: not one record" and the row is lost, while the same cell on a line
  // without quotes is read as text (test above). Expected: the same fields as the fast path.
  it('is read the same way on a line that also holds a quoted field', () => {
    expect(recordsOf(split('"a",b\rc\n'))).toEqual([[1, ['a', 'b\rc']]]);
  });
});

describe('CsvRecordSplitter: chunk boundaries anywhere', () => {
  it.each([
    ['plain lines', 'id,received\nA,2021-01-01\nB,2021-01-02\n'],
    ['CRLF', 'a,b\r\nc,d\r\n\r\ne,f'],
    ['quoted commas and quotes', 'a,"b, ""c""",d\n"",x\n'],
    ['multi-line quoted field', 'id,notes\r\n1,"line one\r\nline two\n\nline four"\n2,plain\r\n3,"a\nb",c'],
    ['unclosed quote', 'h1,h2\n1,"never closed\n2,ok\r\n3,ok\n'],
    ['unicode', 'é,"日本\n😀",x\n'],
  ])('%s', (_name, text) => {
    expectChunkInvariant(text);
  });
});

describe('CsvRecordSplitter: an unclosed quote', () => {
  it('is reported at the end of the file', () => {
    const events = split('h1,h2\n1,ok\n2,"never closed\n');
    expect(recordsOf(events)).toEqual([
      [1, ['h1', 'h2']],
      [2, ['1', 'ok']],
    ]);
    expect(errorsOf(events)).toEqual([{ line: 3, rows: 1, message: expect.stringMatching(/never closed/) }]);
  });

  it('in the middle of a file: the later valid rows still come out, with their lines', () => {
    const events = split('h1,h2\n1,ok\n2,"never closed\n3,ok\n\n4,ok\r\n5,ok');
    expect(events.map((event) => [event.kind, event.line])).toEqual([
      ['record', 1],
      ['record', 2],
      ['error', 3],
      ['record', 4],
      ['record', 6],
      ['record', 7],
    ]);
    expect(recordsOf(events).slice(2)).toEqual([
      [4, ['3', 'ok']],
      [6, ['4', 'ok']],
      [7, ['5', 'ok']],
    ]);
    expect(errorsOf(events)[0]!.message).toMatch(/resumes on line 4/);
  });

  it('the error counts one lost record, and the file goes on at the next line', () => {
    const events = split('h1,h2\n1,"never closed\n2,ok\n');
    expect(events.map((event) => [event.kind, event.line])).toEqual([
      ['record', 1],
      ['error', 2],
      ['record', 3],
    ]);
    expect(errorsOf(events)[0]!.rows).toBe(1);
  });

  // Same bug as below: the quote opening line 3 is taken as the one closing line 2's field.
  it('two unclosed quotes are both reported', () => {
    const events = split('h\n"one\n"two\nok\n');
    expect(events.map((event) => [event.kind, event.line])).toEqual([
      ['record', 1],
      ['error', 2],
      ['error', 3],
      ['record', 4],
    ]);
  });

  // BUG (src/io/csv-records.ts, processLine/parseQuoted): after an unclosed quote, the splitter
  // waits for any later line that "closes" it. When a later row has a quoted field of its own, its
  // opening quote is taken as the closing one; the lines in between are joined into one record
  // and csv-parse (relax_quotes) accepts it as a single bogus record, so rows 3 and 4 vanish without
  // an error. Expected: the unclosed quote on line 2 is reported and reading resumes on line 3.
  it('a later quoted field does not swallow the rows after an unclosed quote', () => {
    const events = split('h1,h2\n1,"never closed\n2,ok\n3,"quoted, field"\n4,ok\n');
    expect(events.map((event) => [event.kind, event.line])).toEqual([
      ['record', 1],
      ['error', 2],
      ['record', 3],
      ['record', 4],
      ['record', 5],
    ]);
    expect(recordsOf(events).slice(1)).toEqual([
      [3, ['2', 'ok']],
      [4, ['3', 'quoted, field']],
      [5, ['4', 'ok']],
    ]);
  });

  // Same bug, smaller: the quote "closes" on the next unclosed-looking line.
  it('two unclosed quotes on successive rows do not merge into one record', () => {
    const events = split('h1,h2\n1,"a\n2,"b\n3,c\n');
    expect(events.map((event) => [event.kind, event.line])).toEqual([
      ['record', 1],
      ['error', 2],
      ['error', 3],
      ['record', 4],
    ]);
  });
});
