// The organisation's own users exercising their privacy rights, reported apart from the authorities'
// requests, and how long requests took to decide: the same figures the terminal table shows.
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

export function drawUsersSection(frame: PageFrame, parent: StructureElement, report: Report): void {
  if (report.userRequests === 0) return;
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
  heading(frame, section, 'H2', 'Users’ requests', frame.heightOf(intro, STYLES.body, frame.width) + SPACE.paragraph + tableStartHeight(frame, spec, 80));
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

export function drawResponseTimes(frame: PageFrame, parent: StructureElement, report: Report): void {
  const decided = report.responseTimes.filter((time) => time.decided > 0);
  const { notified, notNotified, notPermitted, notRecorded } = report.notices;
  const noticeTotal = notified + notNotified + notPermitted + notRecorded;
  if (decided.length === 0 && noticeTotal === 0) return;
  const section = frame.element(parent, 'Sect');
  heading(frame, section, 'H2', 'Response times and user notice', 120);
  if (decided.length > 0) {
    const headers = ['Requests', 'Decided', 'Median days', '90th percentile, days'];
    drawTable(frame, section, {
      caption: 'Days from receipt to decision',
      columns: columnsFor(frame, headers),
      header: [headers.map((text) => ({ text }))],
      rows: decided.map((time) => ({
        cells: [
          time.requester === 'authorities' ? `Authorities: ${CATEGORY_SHORT[time.category as AuthorityCategory].toLowerCase()}` : `Users: ${USER_CATEGORY_SHORT[time.category as UserCategory].toLowerCase()}`,
          formatCount(time.decided),
          days(time.medianDays),
          days(time.p90Days),
        ],
      })),
      rowHeaders: true,
    });
    frame.y += SPACE.afterTable;
  }
  if (noticeTotal > 0) {
    paragraph(
      frame,
      section,
      `Of the ${formatCount(noticeTotal)} requests from authorities for user data, the user was told in ${formatCount(notified)}, not told in ${formatCount(notNotified)}, ` +
        `not allowed to be told by law in ${formatCount(notPermitted)}, and the log does not say in ${formatCount(notRecorded)}.`,
    );
  }
  section.end();
}
