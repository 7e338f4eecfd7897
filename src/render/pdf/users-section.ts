// The organisation's own users exercising their privacy rights, reported apart from the authorities'
// requests, and how long requests took to decide: the same figures the terminal table shows. A PDF
// of one of these sections alone (--report users, timing) says so when there is nothing to show.
import type { Report } from '../../core/report.js';
import { CATEGORY_SHORT, USER_CATEGORY_SHORT } from '../labels.js';
import type { AuthorityCategory, UserCategory } from '../../core/schema.js';
import { heading, paragraph } from './blocks.js';
import { drawTable, tableStartHeight, type TableColumn, type TableSpec } from './data-table.js';
import { formatCount } from './format.js';
import type { PageFrame } from './page-frame.js';
import { SPACE, STYLES } from './theme.js';

type StructureElement = PDFKit.PDFStructureElement;

const REASONS: Record<string, string> = {
  'no-data-found': 'no data found',
  'legal-verification-failed': 'legal verification failed',
  'prohibited-by-principles': 'prohibited by our principles',
  unspecified: 'reason not recorded',
};

function days(value: number | null): string {
  return value === null ? '–' : formatCount(value);
}

/** A label column taking what the number columns leave, the numbers as wide as their labels need. */
function columnsFor(frame: PageFrame, headers: string[]): TableColumn[] {
  const numbers = headers.slice(1).map((header) => Math.max(frame.widthOf(header, STYLES.tableHead) + 14, 54));
  const label = frame.width - numbers.reduce((sum, width) => sum + width, 0);
  return [{ width: label, align: 'left' }, ...numbers.map((width): TableColumn => ({ width, align: 'right' }))];
}

const USERS_TITLE = 'Users’ requests';
const TIMES_TITLE = 'Response times and user notice';

/** The section's heading and a sentence saying it is empty, when it was asked for alone. */
function drawEmpty(frame: PageFrame, parent: StructureElement, title: string, text: string): void {
  const section = frame.element(parent, 'Sect');
  heading(frame, section, 'H2', title);
  paragraph(frame, section, text);
  section.end();
}

/** `required`: the section was asked for alone, and says so when there is nothing in it. */
export function drawUsersSection(frame: PageFrame, parent: StructureElement, report: Report, required = false): void {
  if (report.userRequests === 0) {
    if (required) drawEmpty(frame, parent, USERS_TITLE, `No requests from users about their personal data were received in ${report.period.label}.`);
    return;
  }
  const { users } = report;
  const section = frame.element(parent, 'Sect');
  const headers = ['Request', 'Received', 'Fulfilled', 'Rejected', 'Pending', 'Median days'];
  const spec: TableSpec = {
    caption: 'Users’ requests about their personal data',
    columns: columnsFor(frame, headers),
    header: [headers.map((text) => ({ text }))],
    rows: [
      ...users.rows.map((row) => ({
        cells: [USER_CATEGORY_SHORT[row.category as UserCategory], ...[row.received, row.fulfilled, row.rejected, row.pending].map(formatCount), days(row.medianDays)],
      })),
      {
        cells: ['TOTAL', ...[users.total.received, users.total.fulfilled, users.total.rejected, users.total.pending].map(formatCount), days(users.total.medianDays)],
        total: true,
      },
    ],
    rowHeaders: true,
  };
  const intro =
    'Requests from the organisation’s own users exercising their privacy rights: to remove their personal data, to learn where it is processed, or to receive a copy. ' +
    'They are not counted in the tables of authorities’ requests.';
  heading(frame, section, 'H2', USERS_TITLE, frame.heightOf(intro, STYLES.body, frame.width) + SPACE.paragraph + tableStartHeight(frame, spec, 80));
  paragraph(frame, section, intro);
  drawTable(frame, section, spec, 80);
  const reasons = Object.entries(users.total.rejectedBy)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${formatCount(count)} ${REASONS[reason] ?? reason}`);
  const notes = ['Median days: from receipt to decision, over the requests decided.'];
  if (reasons.length > 0) notes.unshift(`Rejected: ${reasons.join(', ')}.`);
  frame.y += 4;
  paragraph(frame, section, notes.join(' '), { style: STYLES.note });
  if (users.byCountry && users.byCountry.length > 0) {
    const lines = users.byCountry.map((country) => {
      const received = country.rows.reduce((sum, row) => sum + row.received, 0);
      const parts = country.rows.filter((row) => row.received > 0).map((row) => `${formatCount(row.received)} ${USER_CATEGORY_SHORT[row.category as UserCategory].toLowerCase()}`);
      return `${country.name}: ${formatCount(received)} (${parts.join(', ')})`;
    });
    paragraph(frame, section, `By country of the user: ${lines.join('; ')}.`, { style: STYLES.note });
  }
  section.end();
}

/**
 * Under disclosure control the authorities' counts here (requests decided, user notice) would give
 * back what the tables withhold, and the core does not protect them: they are left out, the days kept.
 */
export function drawResponseTimes(frame: PageFrame, parent: StructureElement, report: Report, required = false): void {
  // Under disclosure control the authorities' decided counts are null: a median marks decided requests.
  const decided = report.responseTimes.filter((time) => time.medianDays !== null);
  const { notified, notNotified, notPermitted, notRecorded } = report.notices ?? { notified: 0, notNotified: 0, notPermitted: 0, notRecorded: 0 };
  const noticeTotal = notified + notNotified + notPermitted + notRecorded;
  if (decided.length === 0 && noticeTotal === 0) {
    if (required) drawEmpty(frame, parent, TIMES_TITLE, `No request was decided in ${report.period.label}, and no request from authorities for user data was received.`);
    return;
  }
  const protect = report.disclosure !== null;
  const section = frame.element(parent, 'Sect');
  heading(frame, section, 'H2', TIMES_TITLE, 120);
  if (decided.length > 0) {
    const headers = ['Requests', 'Decided', 'Median days', '90th percentile, days'];
    drawTable(frame, section, {
      caption: 'Days from receipt to decision',
      columns: columnsFor(frame, headers),
      header: [headers.map((text) => ({ text }))],
      rows: decided.map((time) => ({
        cells: [
          time.requester === 'authorities' ? `Authorities: ${CATEGORY_SHORT[time.category as AuthorityCategory].toLowerCase()}` : `Users: ${USER_CATEGORY_SHORT[time.category as UserCategory].toLowerCase()}`,
          time.decided === null ? '–' : formatCount(time.decided),
          days(time.medianDays),
          days(time.p90Days),
        ],
      })),
      rowHeaders: true,
    });
    frame.y += SPACE.afterTable;
  }
  if (protect && (report.notices === null || decided.some((time) => time.requester === 'authorities'))) {
    paragraph(
      frame,
      section,
      'Under disclosure control this report gives neither the number of requests from authorities decided nor how often the user was told: ' +
        'these counts would give back figures that the tables withhold.',
    );
  } else if (noticeTotal > 0) {
    paragraph(
      frame,
      section,
      `Of the ${formatCount(noticeTotal)} requests from authorities for user data, the user was told in ${formatCount(notified)}, not told in ${formatCount(notNotified)}, ` +
        `not allowed to be told by law in ${formatCount(notPermitted)}, and the log does not say in ${formatCount(notRecorded)}.`,
    );
  }
  section.end();
}
