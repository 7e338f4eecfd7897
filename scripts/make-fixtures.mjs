#!/usr/bin/env node
// make-fixtures.mjs — writes the synthetic request-log fixtures used by the tests.
//
// Produces (paths relative to the repository root):
//   fixtures/logs/2020/cases-2020-h1.csv      2020 log, first half (+2 authority rows from late 2019)
//   fixtures/logs/2020/cases-2020-h2.csv      2020 log, second half (+1 authority row from early 2021)
//   fixtures/logs/2021h1/cases-2021-h1.csv    H1 2021 log
//
// The in-period authority rows of the 2020 log reproduce the published 2020 table of
// Kaspersky's "Law Enforcement and Government Requests Report" exactly, and those of the
// H1 2021 log reproduce its published H1 2021 volume table. Those per-country figures are
// public (the published reports); they are written out below. Everything else — dates,
// agencies, notes, IDs, the users' requests — is invented, seeded and harmless.
//
// Deterministic: a fixed-seed mulberry32 PRNG drives every choice, so running
// `node scripts/make-fixtures.mjs` twice produces byte-identical files.
// No dependencies beyond node:*.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 0x5eed2020;

// ---------------------------------------------------------------------------
// PRNG
function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(SEED);
const randInt = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rng() * arr.length)];
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of pairs) {
    if ((r -= w) < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}

// ---------------------------------------------------------------------------
// Countries: canonical name -> spellings used in the files (all valid: English short
// name, official name/alias, ISO 3166-1 alpha-2, alpha-3), and a UTC offset used for
// the ~10% of `Received` values written as date-times.
export const COUNTRY_SPELLINGS = {
  Belgium: ['Belgium', 'BE', 'BEL'],
  Brazil: ['Brazil', 'BR', 'br', 'BRA', 'brazil'],
  Chile: ['Chile', 'CL', 'CHL'],
  Colombia: ['Colombia', 'CO', 'COL'],
  Denmark: ['Denmark', 'DK', 'DNK'],
  Ecuador: ['Ecuador', 'EC', 'ECU'],
  France: ['France', 'FR', 'FRA', 'france'],
  Germany: ['Germany', 'DE', 'DEU', 'germany'],
  India: ['India', 'IN', 'IND'],
  Italy: ['Italy', 'IT', 'ITA'],
  Japan: ['Japan', 'JP', 'JPN', 'jp'],
  Jordan: ['Jordan', 'JO', 'JOR'],
  Morocco: ['Morocco', 'MA', 'MAR'],
  Russia: ['Russia', 'Russian Federation', 'RU', 'RUS', 'russia', 'ru'],
  'Saudi Arabia': ['Saudi Arabia', 'SA', 'SAU', 'saudi arabia'],
  Singapore: ['Singapore', 'SG', 'SGP'],
  'South Korea': ['South Korea', 'south korea', 'Republic of Korea', 'KR', 'kr', 'KOR'],
  Spain: ['Spain', 'ES', 'ESP'],
  Vietnam: ['Vietnam', 'VN', 'VNM'],
};
const UTC_OFFSET = {
  Belgium: '+01:00', Brazil: '-03:00', Chile: '-04:00', Colombia: '-05:00', Denmark: '+01:00',
  Ecuador: '-05:00', France: '+01:00', Germany: '+02:00', India: '+05:30', Italy: '+01:00',
  Japan: '+09:00', Jordan: '+03:00', Morocco: '+01:00', Russia: '+03:00', 'Saudi Arabia': '+03:00',
  Singapore: '+08:00', 'South Korea': '+09:00', Spain: '+02:00', Vietnam: '+07:00',
};

// Each country's spellings are handed out round-robin (starting from a seeded shuffle
// that always puts the English short name first), so every spelling of a country with
// enough rows appears at least once.
const spellingCursor = new Map();
function spell(country) {
  let st = spellingCursor.get(country);
  if (!st) {
    const [first, ...rest] = COUNTRY_SPELLINGS[country];
    st = { order: [first, ...shuffle(rest)], i: 0 };
    spellingCursor.set(country, st);
  }
  // English name twice as often as any single alternative.
  const seq = [st.order[0], ...st.order.slice(1).flatMap((s, k) => (k % 2 === 0 ? [s, st.order[0]] : [s]))];
  return seq[st.i++ % seq.length];
}

// ---------------------------------------------------------------------------
// Published figures (public).
// 2020: country -> [technical approved, technical rejected, user-data approved, user-data rejected]
const PUBLISHED_2020 = {
  Brazil: [2, 0, 0, 0], Chile: [1, 0, 0, 0], Colombia: [1, 0, 0, 0], Ecuador: [2, 0, 0, 0],
  France: [10, 0, 0, 1], Germany: [7, 0, 0, 0], India: [2, 0, 0, 0], Japan: [11, 0, 0, 0],
  Jordan: [1, 0, 0, 0], Morocco: [1, 0, 0, 0], Russia: [35, 31, 0, 27], 'Saudi Arabia': [1, 0, 0, 0],
  Singapore: [3, 0, 0, 0], 'South Korea': [23, 0, 0, 0], Spain: [1, 0, 0, 0],
};
// H1 2021: country -> [total, user data, technical]
const PUBLISHED_2021H1 = {
  Belgium: [1, 0, 1], Brazil: [2, 0, 2], Chile: [1, 0, 1], Colombia: [1, 0, 1], Denmark: [1, 1, 0],
  Ecuador: [1, 0, 1], France: [6, 0, 6], Germany: [3, 0, 3], India: [1, 0, 1], Italy: [5, 1, 4],
  Japan: [10, 0, 10], Jordan: [2, 0, 2], Russia: [49, 14, 35], Singapore: [3, 0, 3],
  'South Korea': [12, 0, 12], Spain: [5, 0, 5], Vietnam: [2, 0, 2],
};
// H1 2021 outcomes other than `approved` (free in the published table; chosen here):
// country -> category -> { outcome: count }
const OUTCOMES_2021H1 = {
  Russia: {
    'user-data': { rejected: 6, challenged: 1 },
    'technical-expertise': { rejected: 5, 'clarification-requested': 1 },
  },
  Italy: { 'user-data': { rejected: 1 }, 'technical-expertise': { 'clarification-requested': 1 } },
  Spain: { 'technical-expertise': { pending: 1 } },
  Japan: { 'technical-expertise': { rejected: 1 } },
};

// ---------------------------------------------------------------------------
// Vocabulary.
// Phrases the request-type classifier knows (used alone on rows with an empty Category).
const CLASSIFIER_TECHNICAL = [
  'malware sample analysis', 'IOC sharing', 'indicators of compromise for APT campaign',
  'C2 infrastructure analysis', 'technical consultation on ransomware incident',
  'phishing kit analysis', 'botnet sinkhole data',
];
const CLASSIFIER_USER_DATA = [
  'subscriber information', 'licence holder identity', 'IP address of user',
  'email address associated with account', 'account details for licence key',
  'device identifiers linked to user',
];
// Free text for rows with an explicit Category.
const FREE_TECHNICAL = [
  ...CLASSIFIER_TECHNICAL, 'analysis of banking trojan', 'expert witness on APT report',
  'malware family attribution', 'analysis of cryptocurrency stealer',
  'technical report on spyware campaign', 'support for cross-border cybercrime investigation',
  'review of YARA rules for investigation', 'domain and IP reputation lookup',
];
const FREE_USER_DATA = [
  ...CLASSIFIER_USER_DATA, 'identity of licence holder', 'purchase history for licence',
  'registration email for product key', 'user account linked to IP address',
];
const CATEGORY_SPELLING = {
  'technical-expertise': [['technical-expertise', 6], ['Non-Personal Technical Information & Expertise', 2]],
  'user-data': [['user-data', 6], ['User Data', 2]],
};
const USER_REQUESTS = {
  'data-removal': ['delete my account data', 'remove my personal data', 'erase my data from your systems'],
  'data-location': ['where is my data stored', 'which data do you hold about me and where'],
  'data-copy': ['copy of my personal data', 'export of my account data'],
};
const AGENCIES = {
  'law-enforcement': [
    'National Cybercrime Unit', 'Criminal Police, Cyber Division', "Regional Prosecutor's Office",
    'Financial Crimes Directorate', 'Federal Police – High-Tech Crime', 'City Police, Fraud Squad', '',
  ],
  government: ['Ministry of Digital Affairs', 'National CERT', 'Ministry of Interior', ''],
  'international-organization': ['International Police Cooperation Office', 'Regional Cybercrime Coordination Centre'],
};
const REQUESTER_SPELLING = {
  'law-enforcement': [['law-enforcement', 8], ['Law-Enforcement', 2], ['LAW-ENFORCEMENT', 1]],
  government: [['government', 3], ['GOVERNMENT', 1], ['Government', 1]],
  'international-organization': [['international-organization', 3], ['International-Organization', 1]],
  user: [['user', 5], ['User', 1]],
};
function notes(ctx) {
  const n = randInt(100, 9999);
  const templates = [
    () => '',
    () => '',
    () => '',
    () => '',
    () => '',
    () => 'Legal verification completed.',
    () => `Received by post, scanned copy in case file ${n}`,
    () => `Requester asked for "urgent" handling`,
    () => `Translated request, original kept in archive, ref. ${n}/T`,
    () => `Ticket migrated from old system – see "archive/${ctx.year - 1}"`,
    () => `Duplicate of an earlier ticket, merged,`,
    () => `Line one of the intake form\n\nLine three: "see attachment ${n}"`,
    () => `Subject line: "RE: case ${n}, follow-up"`,
    () => 'Überprüfung abgeschlossen; Antwort per Kurier',
    () => `Reviewed by legal (2 reviewers), closed`,
  ];
  if (ctx.outcome === 'approved') {
    templates.push(
      () => `Legal check: OK\nShared via secure portal`,
      () => `Call with case officer; summary:\n- scope narrowed\n- hashes only, no samples`,
    );
  }
  if (ctx.outcome === 'rejected') {
    templates.push(() => `Rejected: ${ctx.reason}, requester informed`);
  }
  if (ctx.outcome === 'clarification-requested') {
    templates.push(() => 'Asked requester to specify the "time window" and legal basis');
  }
  return pick(templates)();
}

// ---------------------------------------------------------------------------
// Dates (all arithmetic in UTC).
const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);
function randomDay(from, to) {
  const a = Date.parse(from + 'T00:00:00Z');
  const b = Date.parse(to + 'T00:00:00Z');
  return iso(a + randInt(0, Math.round((b - a) / DAY)) * DAY);
}
const addDays = (d, k) => iso(Date.parse(d + 'T00:00:00Z') + k * DAY);
// ~10% of Received values as a date-time with the country's offset; the local time
// stays between 10:00 and 14:45, so with offsets within -05:00..+09:00 the UTC date
// equals the local date.
function receivedValue(date, country) {
  if (rng() >= 0.1) return date;
  const hh = String(randInt(10, 14)).padStart(2, '0');
  const mm = pick(['00', '15', '20', '30', '45']);
  return `${date}T${hh}:${mm}:00${UTC_OFFSET[country]}`;
}

// ---------------------------------------------------------------------------
// Row builders. A row is { sortKey, fields: {...} }.
const HEADER = ['ID', 'Received', 'Country', 'Requester', 'Category', 'Request Type', 'Outcome',
  'Rejection Reason', 'Decided', 'User Notified', 'Agency', 'Notes'];

function authorityRow({ date, country, category, outcome, year, forceRequestType, forceReason, explicitCategory }) {
  const requester = weighted([['law-enforcement', 14], ['government', 3], ['international-organization', 1]]);
  const emptyCategory = !explicitCategory && rng() < 0.2;
  const requestType = forceRequestType ?? (emptyCategory
    ? pick(category === 'technical-expertise' ? CLASSIFIER_TECHNICAL : CLASSIFIER_USER_DATA)
    : pick(category === 'technical-expertise' ? FREE_TECHNICAL : FREE_USER_DATA));
  let reason = '';
  if (outcome === 'rejected') {
    reason = forceReason ?? (category === 'user-data'
      ? weighted([['no-data-found', 3], ['legal-verification-failed', 2]])
      : weighted([['legal-verification-failed', 3], ['no-data-found', 2]]));
  }
  const decidedOutcome = outcome === 'approved' || outcome === 'rejected';
  const decided = decidedOutcome ? addDays(date, weighted([[0, 1], [randInt(1, 14), 4], [randInt(15, 60), 2]])) : '';
  const notified = decidedOutcome && category === 'user-data'
    ? weighted([['no', 5], ['not-permitted', 3], ['yes', outcome === 'approved' ? 4 : 1]])
    : '';
  return {
    date,
    fields: {
      Received: receivedValue(date, country),
      Country: spell(country),
      Requester: weighted(REQUESTER_SPELLING[requester]),
      Category: emptyCategory ? '' : weighted(CATEGORY_SPELLING[category]),
      'Request Type': requestType,
      Outcome: outcome,
      'Rejection Reason': reason,
      Decided: decided,
      'User Notified': notified,
      Agency: pick(AGENCIES[requester]),
      Notes: notes({ outcome, reason, year }),
    },
  };
}

function userRow({ date, country, outcome, year }) {
  const category = pick(Object.keys(USER_REQUESTS));
  const reason = outcome === 'rejected' ? pick(['no-data-found', 'legal-verification-failed']) : '';
  const decided = outcome === 'approved' || outcome === 'rejected' ? addDays(date, randInt(0, 30)) : '';
  return {
    date,
    fields: {
      Received: receivedValue(date, country),
      Country: spell(country),
      Requester: weighted(REQUESTER_SPELLING.user),
      Category: category,
      'Request Type': pick(USER_REQUESTS[category]),
      Outcome: outcome,
      'Rejection Reason': reason,
      Decided: decided,
      'User Notified': '',
      Agency: '',
      Notes: pick(['', '', 'Identity confirmed via account e-mail', 'Web form submission', 'Answered within 30 days, template "DSR-1"']),
    },
  };
}

// Sort by date, assign sequential IDs in date order, then a few adjacent swaps so the
// export is only "roughly" by date, as a case system would produce.
function assignIds(rows, prefix, start = 1) {
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  rows.forEach((r, i) => { r.fields.ID = `${prefix}-${String(start + i).padStart(4, '0')}`; });
  return rows;
}
function roughOrder(rows) {
  const out = rows.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.fields.ID < b.fields.ID ? -1 : 1));
  for (let i = 0; i + 1 < out.length; i++) {
    if (rng() < 0.12) { [out[i], out[i + 1]] = [out[i + 1], out[i]]; i++; }
  }
  return out;
}

// ---------------------------------------------------------------------------
// CSV (RFC 4180, LF line endings, trailing newline).
function csvField(v) {
  const s = String(v ?? '');
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function writeCsv(rel, rows) {
  const lines = [HEADER.map(csvField).join(',')];
  for (const r of rows) lines.push(HEADER.map((h) => csvField(r.fields[h])).join(','));
  const file = join(ROOT, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.join('\n') + '\n', 'utf8');
  return file;
}

// ---------------------------------------------------------------------------
// 2020
function build2020() {
  const auth = [];
  for (const [country, [ta, tr, ua, ur]] of Object.entries(PUBLISHED_2020)) {
    const specs = [
      ...Array(ta).fill(['technical-expertise', 'approved']),
      ...Array(tr).fill(['technical-expertise', 'rejected']),
      ...Array(ua).fill(['user-data', 'approved']),
      ...Array(ur).fill(['user-data', 'rejected']),
    ];
    let keysDone = false;
    for (const [category, outcome] of specs) {
      const date = randomDay('2020-01-01', '2020-12-31');
      // One of Russia's rejected technical requests asked for encryption keys.
      if (country === 'Russia' && category === 'technical-expertise' && outcome === 'rejected' && !keysDone) {
        keysDone = true;
        auth.push(authorityRow({ date, country, category, outcome, year: 2020, explicitCategory: true,
          forceRequestType: 'request for encryption keys', forceReason: 'prohibited-by-principles' }));
        continue;
      }
      auth.push(authorityRow({ date, country, category, outcome, year: 2020 }));
    }
  }
  // Spellings are consumed in generation order; IDs follow receipt order.
  assignIds(auth, 'LE-2020');

  // Authority rows outside 2020 (must not count in the 2020 table).
  const early = [
    authorityRow({ date: '2019-12-30', country: 'Russia', category: 'technical-expertise', outcome: 'approved', year: 2019 }),
    authorityRow({ date: '2019-12-31', country: 'Italy', category: 'user-data', outcome: 'rejected', year: 2019 }),
  ];
  early[0].fields.ID = 'LE-2019-0311';
  early[1].fields.ID = 'LE-2019-0312';
  early[1].fields.Received = '2019-12-31T12:30:00+01:00';
  const late = authorityRow({ date: '2021-01-04', country: 'Japan', category: 'technical-expertise', outcome: 'pending', year: 2021 });
  late.fields.ID = 'LE-2021-0001';

  // Users' own requests, spread over the year.
  const userCountries = ['Russia', 'Germany', 'Brazil', 'Japan', 'France', 'Spain'];
  const userOutcomes = ['approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'approved',
    'approved', 'rejected', 'rejected', 'pending', 'clarification-requested'];
  const users = shuffle(userOutcomes).map((outcome, i) =>
    userRow({ date: randomDay(`2020-${String(i + 1).padStart(2, '0')}-01`, `2020-${String(i + 1).padStart(2, '0')}-28`),
      country: pick(userCountries), outcome, year: 2020 }));
  assignIds(users, 'USR-2020');

  const h1 = [...early, ...[...auth, ...users].filter((r) => r.date < '2020-07-01')];
  const h2 = [...[...auth, ...users].filter((r) => r.date >= '2020-07-01'), late];
  return { h1: roughOrder(h1), h2: roughOrder(h2) };
}

// H1 2021
function build2021h1() {
  const auth = [];
  for (const [country, [total, ud, tech]] of Object.entries(PUBLISHED_2021H1)) {
    if (ud + tech !== total) throw new Error(`bad published row for ${country}`);
    for (const [category, n] of [['user-data', ud], ['technical-expertise', tech]]) {
      const special = OUTCOMES_2021H1[country]?.[category] ?? {};
      const outcomes = Object.entries(special).flatMap(([o, k]) => Array(k).fill(o));
      if (outcomes.length > n) throw new Error(`too many special outcomes for ${country}/${category}`);
      while (outcomes.length < n) outcomes.push('approved');
      for (const outcome of shuffle(outcomes)) {
        auth.push(authorityRow({ date: randomDay('2021-01-01', '2021-06-30'), country, category, outcome, year: 2021 }));
      }
    }
  }
  // LE-2021-0001 is the stray early-January case already in the 2020 H2 export.
  assignIds(auth, 'LE-2021', 2);
  const userCountries = ['Russia', 'Germany', 'Italy', 'Japan', 'Brazil'];
  const userOutcomes = ['approved', 'approved', 'approved', 'approved', 'approved', 'rejected', 'pending', 'approved'];
  const users = userOutcomes.map((outcome) =>
    userRow({ date: randomDay('2021-01-01', '2021-06-30'), country: pick(userCountries), outcome, year: 2021 }));
  assignIds(users, 'USR-2021');
  return roughOrder([...auth, ...users]);
}

// ---------------------------------------------------------------------------
const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const y2020 = build2020();
  const y2021 = build2021h1();
  const written = [
    writeCsv('fixtures/logs/2020/cases-2020-h1.csv', y2020.h1),
    writeCsv('fixtures/logs/2020/cases-2020-h2.csv', y2020.h2),
    writeCsv('fixtures/logs/2021h1/cases-2021-h1.csv', y2021),
  ];
  for (const f of written) console.log(`wrote ${f.slice(ROOT.length + 1)}`);
}
