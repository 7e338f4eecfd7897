#!/usr/bin/env node
// Seeded generator of large request logs for `npm run bench`: realistic exports (mixed spellings
// and codes, empty categories that request_type classifies, a few quoted notes with commas, a few
// date-times with offsets, extra columns), unique ids, dates across 2018–2023. The same seed and row
// count give the same bytes.
//
//   node scripts/gen-logs.mjs --rows 1000000 --seed 7 --out .bench-cache/logs-1m.csv
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const GENERATOR_VERSION = 1;

/** mulberry32: small, fast, seedable. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Weighted country spellings: most requests come from a few countries, in many spellings.
const COUNTRIES = [
  [12, ['RU', 'Russia', 'russia', 'Russian Federation', 'RUS']],
  [10, ['US', 'United States', 'USA', 'usa']],
  [8, ['DE', 'Germany', 'germany', 'DEU']],
  [6, ['FR', 'France', 'FRA']],
  [6, ['GB', 'United Kingdom', 'UK', 'gbr']],
  [5, ['IT', 'Italy', 'ITA']],
  [5, ['BR', 'Brazil', 'BRA']],
  [4, ['IN', 'India', 'IND']],
  [4, ['KR', 'South Korea', 'Korea, Republic of', 'KOR']],
  [3, ['JP', 'Japan']],
  [3, ['NL', 'Netherlands', 'Holland']],
  [3, ['ES', 'Spain']],
  [2, ['PL', 'Poland']],
  [2, ['TR', 'Turkey', 'TUR']],
  [2, ['UA', 'Ukraine']],
  [2, ['KZ', 'Kazakhstan']],
  [2, ['CH', 'Switzerland']],
  [2, ['AE', 'UAE', 'United Arab Emirates']],
  [1, ['CZ', 'Czech Republic', 'Czechia']],
  [1, ['VN', 'Vietnam', 'VNM']],
  [1, ['SG', 'Singapore']],
  [1, ['MX', 'Mexico']],
  [1, ['CA', 'Canada']],
  [1, ['AU', 'Australia']],
];

const TECHNICAL = ['malware sample analysis', 'IOC sharing', 'C2 infrastructure analysis', 'phishing kit analysis', 'botnet sinkhole data', 'ransomware decryptor', 'threat intelligence report', 'forensic analysis'];
const USER_DATA = ['subscriber information', 'IP address of user', 'email address associated with account', 'licence holder identity', 'account details', 'purchase history'];
const USER_OWN = [['data-removal', 'delete my data'], ['data-copy', 'export of my data'], ['data-location', 'where is my data stored']];
const AGENCIES = ['Cybercrime Unit', 'Police', 'Ministry', 'Prosecutor', '', ''];
const NOTES = ['Duplicate of an earlier ticket, merged', 'Escalated, then closed', 'Requested again, see thread'];

function pickWeighted(random, table) {
  const total = table.reduce((sum, [weight]) => sum + weight, 0);
  let x = random() * total;
  for (const [weight, value] of table) {
    x -= weight;
    if (x < 0) return value;
  }
  return table[table.length - 1][1];
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const pad = (n, width = 2) => String(n).padStart(width, '0');

const FIRST_DAY = Date.UTC(2018, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2023, 11, 31) / 86_400_000;
const isoDay = (epochDay) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

export const HEADER = 'ID,Received,Country,Requester,Category,Request Type,Outcome,Rejection Reason,Decided,User Notified,Agency,Notes';

/** One row (without line end); `n` makes the id unique. */
function row(random, n) {
  const day = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY + 1));
  let received = isoDay(day);
  // A date-time with an offset can fall on the next UTC day: decisions come a day later at the earliest.
  const withTime = random() < 0.03;
  if (withTime) received += `T${pad(Math.floor(random() * 24))}:${pad(Math.floor(random() * 60))}:00${pick(random, ['Z', '+02:00', '-05:00'])}`;
  const spelling = pick(random, pickWeighted(random, COUNTRIES));
  const country = spelling.includes(',') ? `"${spelling}"` : spelling;
  const kind = random();
  let requester;
  let category;
  let requestType;
  let outcome;
  let reason = '';
  let notified = '';
  if (kind < 0.06) {
    requester = pick(random, ['user', 'User']);
    const [cat, text] = pick(random, USER_OWN);
    category = random() < 0.5 ? cat : '';
    requestType = text;
    outcome = pickWeighted(random, [[6, 'approved'], [2, 'rejected'], [1, 'pending']]);
    if (outcome === 'rejected') reason = 'no-data-found';
  } else {
    requester = pickWeighted(random, [[6, 'law-enforcement'], [3, ''], [2, 'government'], [1, 'GOVERNMENT'], [1, 'international-organization']]);
    const technical = random() < 0.55;
    requestType = pick(random, technical ? TECHNICAL : USER_DATA);
    const r = random();
    category = r < 0.3 ? '' : technical ? (r < 0.8 ? 'technical-expertise' : 'Non-Personal Technical Information & Expertise') : r < 0.8 ? 'user-data' : 'User Data';
    outcome = pickWeighted(random, [[10, 'approved'], [8, 'rejected'], [1, 'challenged'], [1, 'clarification-requested'], [1, 'pending'], [1, 'Declined']]);
    if (outcome === 'rejected') reason = pickWeighted(random, [[3, 'no-data-found'], [2, 'legal-verification-failed'], [1, '']]);
    if (!technical) notified = pickWeighted(random, [[3, ''], [2, 'yes'], [2, 'no'], [1, 'not-permitted']]);
  }
  const decided = outcome === 'pending' || random() < 0.1 ? '' : isoDay(day + (withTime ? 1 : 0) + Math.floor(random() * 40));
  const year = received.slice(0, 4);
  const id = `${requester.toLowerCase() === 'user' ? 'U' : 'LE'}-${year}-${String(n).padStart(6, '0')}`;
  const agency = requester.toLowerCase() === 'user' ? '' : pick(random, AGENCIES);
  const notes = random() < 0.02 ? `"${pick(random, NOTES)}"` : '';
  return `${id},${received},${country},${requester},${category},${requestType},${outcome},${reason},${decided},${notified},${agency},${notes}`;
}

/** Writes `rows` rows to `out` (atomically, through a temporary file). */
export function generateLogs({ rows, seed, out }) {
  const random = prng(seed);
  const temporary = `${out}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let buffer = `${HEADER}\n`;
  for (let n = 1; n <= rows; n++) {
    buffer += `${row(random, n)}\n`;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
  renameSync(temporary, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000' }, seed: { type: 'string', default: '7' }, out: { type: 'string' } },
  });
  if (!values.out) {
    console.error('usage: node scripts/gen-logs.mjs --rows N [--seed S] --out FILE');
    process.exit(2);
  }
  generateLogs({ rows: Number(values.rows), seed: Number(values.seed), out: values.out });
}
