// What every column and figure means (with the disclosure control in force, if any), and how the
// rows of the logs were counted: the reader can check that nothing went missing between the logs
// and the tables.
import type { Report } from '../../core/report.js';
import { CATEGORY_TITLES, OUTCOME_TITLES } from '../labels.js';
import type { AuthorityCategory, Outcome } from '../../core/schema.js';
import { heading, paragraph } from './blocks.js';
import { COLUMN_LABELS, countLabel } from './country-tables.js';
import { drawTable } from './data-table.js';
import { disclosureText, showsPercents } from './disclosure.js';
import { formatCount, formatFigure } from './format.js';
import type { PageFrame } from './page-frame.js';
import { STYLES } from './theme.js';
import { VOLUME_LABELS } from './volume-table.js';

type StructureElement = PDFKit.PDFStructureElement;

const CATEGORY_DEFINITIONS: Record<AuthorityCategory, string> = {
  'technical-expertise':
    'requests for non-personal technical information, such as the analysis of malware or of an attack, and for technical expertise. They concern no user’s data.',
  'user-data': 'requests for data about a user of the organisation’s products or services.',
};

const OUTCOME_DEFINITIONS: Record<Outcome, string> = {
  approved: 'the request passed legal verification, and the information or expertise asked for was provided.',
  rejected:
    'the request was processed and nothing was provided: no data was found, or the request did not meet the requirements of legal verification.',
  challenged: 'the organisation challenged the request; it was not decided in the period.',
  'clarification-requested': 'the authority was asked to clarify or complete the request; it was not decided in the period.',
  pending: 'the request was still being processed when the report was compiled.',
};

/** The columns of the tables by country, as the report's layout prints them. */
function columnDefinitions(frame: PageFrame, report: Report): [string, string][] {
  if (report.layout === 'volume') {
    return [
      [VOLUME_LABELS.total, 'the country’s requests, both categories and all outcomes.'],
      [VOLUME_LABELS.userData, 'of them, the requests for user data.'],
      [VOLUME_LABELS.technical, 'of them, the requests for non-personal technical information and expertise.'],
      [report.total.name, 'all countries together.'],
    ];
  }
  const percents = showsPercents(report);
  return [
    [countLabel(frame, report), 'the number of requests of the table’s category with that outcome.'],
    ...(percents
      ? [
          [
            COLUMN_LABELS.percent,
            'the share of the country’s total requests, across both categories and all outcomes, in whole percent. ' +
              'A country’s percentages in the two tables add up to 100: each share is rounded down, and the points still missing ' +
              'to 100 go to the largest remainders (the largest remainder method).',
          ] as [string, string],
        ]
      : []),
    [COLUMN_LABELS.total, percents ? 'the country’s total requests, both categories and all outcomes: the base of its percentages.' : 'the country’s total requests, both categories and all outcomes.'],
    [report.total.name, percents ? 'all countries together; its percentages are shares of all requests.' : 'all countries together.'],
  ];
}

/** What the columns of the authority tables mean, and the disclosure control in force. */
export function drawDefinitions(frame: PageFrame, parent: StructureElement, report: Report): void {
  const section = frame.element(parent, 'Sect');
  heading(frame, section, 'H2', 'Definitions');
  const definitions: [string, string][] = [
    [COLUMN_LABELS.country, 'the country of the requesting authority.'],
    ...report.categories.map((category): [string, string] => [CATEGORY_TITLES[category], CATEGORY_DEFINITIONS[category]]),
    ...report.outcomes.map((outcome): [string, string] => [OUTCOME_TITLES[outcome], OUTCOME_DEFINITIONS[outcome]]),
    ...columnDefinitions(frame, report),
  ];
  const disclosure = disclosureText(report);
  if (disclosure) definitions.push(['Disclosure control', disclosure]);
  for (const [term, text] of definitions) paragraph(frame, section, text, { lead: `${term}:`, gapAfter: 5 });
  section.end();
}

/** How the rows of the logs were counted. */
export function drawCounting(frame: PageFrame, parent: StructureElement, report: Report): void {
  const ledger = report.ledger;
  const counted = frame.element(parent, 'Sect');
  heading(frame, counted, 'H2', 'How the rows were counted', 140);
  paragraph(
    frame,
    counted,
    `Every row of the request logs is counted once. Rows that fail validation, repeat a request already counted, or were received outside ${report.period.label} ` +
      'are not in the tables. Users’ own requests about their data are counted and reported apart.',
  );
  const period = report.period.label;
  if (ledger === null) {
    // Under disclosure control the ledger would give the authority total back (counted minus users').
    paragraph(frame, counted, 'Under disclosure control the numbers of rows read, counted, invalid and outside the period are not published: together they would give back the totals the tables withhold.');
    counted.end();
    return;
  }
  const parts: [string, number][] = [
    [`Requests from authorities received in ${period} (in the tables)`, ledger.counted - report.userRequests],
    ['Users’ own requests about their data (reported apart)', report.userRequests],
    ['Invalid rows (not counted)', ledger.invalid],
    ['Duplicate rows (not counted)', ledger.duplicate],
    [`Rows received outside ${period} (not counted)`, ledger.outsidePeriod],
  ];
  const adds = parts.reduce((sum, [, count]) => sum + count, 0) === ledger.read;
  // A withheld total of the tables is printed as the tables print it, and then the rows read (the
  // sum of the lines) are left out, as they would give that total back.
  const withheld = report.total.total.count === null;
  const figures = parts.map(([label, count], index) => [label, index === 0 && withheld ? formatFigure(report.total.total) : formatCount(count)]);
  const read = withheld ? [] : [{ cells: ['Rows read', formatCount(ledger.read)], total: adds }];
  const numberWidth = 70;
  drawTable(frame, counted, {
    caption: 'Rows of the request logs',
    columns: [
      { width: frame.width - numberWidth, align: 'left' },
      { width: numberWidth, align: 'right' },
    ],
    header: [[{ text: 'Rows' }, { text: 'Number' }]],
    rows: [...(adds ? [] : read), ...figures.map((cells) => ({ cells })), ...(adds ? read : [])],
    rowHeaders: true,
  });
  if (report.problems.errors > 0 || report.problems.warnings > 0) {
    frame.y += 4;
    paragraph(
      frame,
      counted,
      `Validation found ${formatCount(report.problems.errors)} ${report.problems.errors === 1 ? 'error' : 'errors'} and ` +
        `${formatCount(report.problems.warnings)} ${report.problems.warnings === 1 ? 'warning' : 'warnings'} in the logs.`,
      { style: STYLES.note },
    );
  }
  counted.end();
}
