// Seeded request logs full of what makes reading in chunks and on threads hard: quoted fields with
// commas and line breaks, multi-byte characters, CRLF, a BOM, blank lines, a line longer than any
// chunk, duplicates and conflicting ids across files, invalid rows of many kinds — and, at every
// 4 KiB boundary (so also every 64 KiB one), a record cut exactly there at an awkward byte.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './run-cli.js';

/** The header that scripts/gen-logs.mjs writes. */
export const HEADER = 'ID,Received,Country,Requester,Category,Request Type,Outcome,Rejection Reason,Decided,User Notified,Agency,Notes';

/** Records (without line end) that stress the reader; each takes a unique id. Valid ones first. */
export const VALID_ROWS: Array<(id: string) => string> = [
  (id) => `${id},2021-02-01,RU,law-enforcement,technical-expertise,IOC sharing,approved,,2021-02-03,,,`,
  (id) => `${id},2020-09-14,Germany,government,user-data,subscriber information,rejected,no-data-found,2020-09-20,no,,`, // the comparison period
  (id) => `${id},2019-05-02,FR,law-enforcement,,malware sample analysis,approved,,,,,`, // outside both periods
  (id) => `${id},2021-02-03,"Korea, Republic of",law-enforcement,,"malware sample, with a note\nover two lines",approved,,2021-02-10,,"Police, Cyber Unit","line one\r\nline two, ""quoted"""`,
  (id) => `${id},2021-03-04,Côte d'Ivoire,government,user-data,Données d'abonné — identité,rejected,no-data-found,2021-03-09,no,Ministère de l'Intérieur,`,
  (id) => `${id},2021-04-05,cote d'ivoire,law-enforcement,technical-expertise,analyse de maliciel (échantillon),approved,,,,,"Zürich →\nGenève"`,
  (id) => `${id},2020-12-31T23:30:00-02:00,JP,law-enforcement,,C2 infrastructure analysis,approved,,2021-01-02,,,`, // 1 January in UTC: in the period
  (id) => `${id},2021-06-30T23:30:00-05:00,JP,law-enforcement,,C2 infrastructure analysis,approved,,2021-07-02,,,`, // 1 July in UTC: outside
  (id) => `${id},2021-05-06,DE,law-enforcement,,request for encryption keys,approved,,2021-05-07,,,`, // policy violation, still counted
  (id) => `${id},2021-01-09,US,user,data-copy,export of my data,approved,,,,,`,
  (id) => `${id},2021-01-12,RU,law-enforcement,technical-expertise,IOC sharing,approved,,2024-03-01,,,`, // decided 1,144 days later
];
export const INVALID_ROWS: Array<(id: string) => string> = [
  (id) => `${id},2021-02-30,FR,law-enforcement,user-data,subscriber information,approved,,,,,`,
  (id) => `${id},03/04/2021,FR,law-enforcement,user-data,subscriber information,approved,,,,,`,
  (id) => `${id},2021-03-04T10:00:00,FR,law-enforcement,user-data,subscriber information,approved,,,,,`,
  (id) => `${id},2021-03-04,Atlantis,law-enforcement,user-data,subscriber information,approved,,,,,`,
  (id) => `${id},2021-03-04,Marocco,law-enforcement,user-data,subscriber information,approved,,,,,`,
  () => `,2021-03-04,FR,law-enforcement,user-data,subscriber information,approved,,,,,`,
  (id) => `${id},2021-03-04,FR,law-enforcement,user-data,subscriber information,,,,,,`,
  (id) => `${id},2021-03-04,FR,law-enforcement,user-data,subscriber information,approved,,,,,,surplus`,
  (id) => `${id},2021-03-04,FR,law-enforcement,user-data`,
  // Quoted, one field too many or too few: a thread reading quoted lines must count fields too.
  (id) => `${id},2021-03-04,FR,law-enforcement,user-data,subscriber information,approved,,,,"a, b","c"`,
  (id) => `${id},2021-03-04,FR,law-enforcement,user-data,subscriber information,approved,,,,"a, b"`,
  (id) => `${id},2021-03-04,FR,law-enforcement,,,approved,,,,,`,
  (id) => `${id},2021-03-04,"FR"x,law-enforcement,user-data,subscriber information,approved,,,,,`,
  // Never closed: the reader looks ahead for the closing quote, then resumes on the next line.
  (id) => `${id},2021-03-04,"FR,law-enforcement,user-data,subscriber information,approved,,,,,`,
];

// Records to cut at a chunk boundary: the boundary falls `shift` bytes after the \u0001 marker.
// The padding (an ignored column) moves the marker to the boundary.
const CUTS: Array<[(id: string, pad: string) => string, number]> = [
  [(id, pad) => `${id},2021-01-20,RU,law-enforcement,technical-expertise,IOC sharing,approved,,,,${pad},"CR and\r\u0001\nLF apart"`, 0],
  [(id, pad) => `${id},2021-01-21,RU,law-enforcement,technical-expertise,IOC sharing,approved,,,,${pad},"LF\u0001\nin quotes"`, 0],
  [(id, pad) => `${id},2021-01-22,Côte d'Ivoire,law-enforcement,user-data,IP address of user,rejected,,,,${pad},"Gen\u0001ève"`, 1],
  [(id, pad) => `${id},2021-01-23,RU,law-enforcement,technical-expertise,IOC sharing,approved,,,,${pad},\u0001"quoted, field"`, 1],
  [(id, pad) => `${id},2021-01-24,RU,law-enforcement,technical-expertise,IOC sharing,approved,,,,${pad},"say \u0001""hi"""`, 1],
  [(id, pad) => `${id},2021-01-25,RU,law-enforcement,technical-expertise,IOC sharing,approved,,,,${pad},"comma,\u0001 inside"`, 0],
  [(id, pad) => `${id},2021-01-26,RU,law-enforcement,technical-expertise,IOC sharing,approved,,,,${pad},plain\u0001`, 1], // in or after the line end
];
const BOUNDARY = 4096;

interface FileSpec { name: string; rows: number; eol: '\n' | '\r\n'; bom?: boolean; finalNewline?: boolean; utf16?: boolean }
const FILES: FileSpec[] = [
  { name: 'a-lf.csv', rows: 2000, eol: '\n' },
  { name: 'b-crlf-bom.csv', rows: 4000, eol: '\r\n', bom: true },
  { name: 'c-no-final-newline.csv', rows: 6000, eol: '\n', finalNewline: false },
  // UTF-16 is read on the main thread even with threads on: mixing both must not matter.
  { name: 'd-utf16.csv', rows: 150, eol: '\r\n', utf16: true },
];

/** Writes the logs into `dir` (which must exist); the same seed gives the same bytes. */
export async function writeTrickyLogs(dir: string, seed: number): Promise<void> {
  // Realistic rows from the bench's generator (2018–2023, so plenty outside the period).
  const genLogs = pathToFileURL(path.join(ROOT, 'scripts/gen-logs.mjs')).href;
  const { generateLogs, prng } = (await import(genLogs)) as {
    generateLogs(options: { rows: number; seed: number; out: string }): void;
    prng(seed: number): () => number;
  };
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const emitted: string[] = []; // every record so far, in every file: duplicates come from far back
  let serial = 0;
  for (const [index, spec] of FILES.entries()) {
    const scratch = path.join(dir, `gen-${index}.tmp`);
    generateLogs({ rows: spec.rows, seed: seed + index, out: scratch });
    // Prefixed ids: the generator numbers every file from 1, which would make conflicts by chance.
    const generated = readFileSync(scratch, 'utf8').trimEnd().split('\n').slice(1).map((line) => `${'abcd'[index]}${line}`);
    rmSync(scratch);
    let text = spec.bom ? '\uFEFF' : '';
    let bytes = Buffer.byteLength(text);
    let nextBoundary = BOUNDARY;
    const push = (record: string, remember = true) => {
      text += record + spec.eol;
      bytes += Buffer.byteLength(record + spec.eol);
      if (remember && record !== '') emitted.push(record);
    };
    push(HEADER, false);
    for (const [n, row] of generated.entries()) {
      const id = () => `T${index}-${serial++}`;
      if (!spec.utf16 && nextBoundary - bytes < 600) {
        const [cut, shift] = CUTS[serial % CUTS.length]!;
        const rowId = id();
        const pad = nextBoundary - bytes - shift - Buffer.byteLength(cut(rowId, '').split('\u0001')[0]!);
        if (pad >= 0) push(cut(rowId, 'p'.repeat(pad)).replace('\u0001', ''));
        nextBoundary += BOUNDARY;
        while (nextBoundary <= bytes) nextBoundary += BOUNDARY; // a long line passed several
      }
      push(row);
      const dice = random();
      if (dice < 0.02) push(pick(VALID_ROWS)(id()));
      else if (dice < 0.03) push(pick(INVALID_ROWS)(id()));
      else if (dice < 0.04) push(pick(emitted)); // an exact duplicate, maybe from another file
      else if (dice < 0.045) push(`${pick(emitted).split(',')[0]},2021-01-15,PL,law-enforcement,technical-expertise,IOC sharing,approved,,,,,`, false); // conflict
      else if (dice < 0.05) push('', false); // a blank line
      if (n === 1000 && !spec.utf16) {
        push(`${id()},2021-02-02,NL,law-enforcement,,phishing kit analysis,approved,,,,,${'x'.repeat(70_000)}`); // longer than any chunk
        push(`${id()},2021-02-02,NL,law-enforcement,,phishing kit analysis,approved,,,,,"${'y, z\n'.repeat(14_000)}"`);
      }
    }
    push(VALID_ROWS[3]!(`T${index}-last`)); // quoted over lines: without a final newline, the file ends on a closing quote
    if (spec.finalNewline === false) text = text.slice(0, -spec.eol.length);
    writeFileSync(path.join(dir, spec.name), spec.utf16 ? Buffer.from(`\uFEFF${text}`, 'utf16le') : text);
  }
}
