// Small-count disclosure control for the authority tables. Two methods, both off by default:
// - min-cell N: counts from 1 to N−1 are printed as "< N" (primary suppression), and further cells
//   are withheld wherever a suppressed count could be computed back as the difference between a
//   published sum and the published members of that sum (complementary suppression);
// - bands W: every count is printed as its range ("0–249" for W = 250), as companies must report
//   national-security requests; no percentages.
import type { Figure, Report, ReportRow } from './report.js';

export type Disclosure = NonNullable<Report['disclosure']>;

/** A figure of the report and the sums it takes part in. */
interface Node {
  figure: Figure;
  value: number;
  suppressed: boolean;
}

/** A published sum and its members: if exactly one member is withheld, the sum gives it away. */
interface Line {
  sum: Node;
  members: Node[];
}

function nodesOf(row: ReportRow, categories: readonly string[]) {
  const node = (figure: Figure): Node => ({ figure, value: figure.count ?? 0, suppressed: false });
  const cells = row.cells.map((cell) => ({ category: cell.category, node: node(cell) }));
  return {
    total: node(row.total),
    cells,
    categories: categories.map((category) => ({
      node: node(row.categories[category as keyof ReportRow['categories']]),
      members: cells.filter((cell) => cell.category === category).map((cell) => cell.node),
    })),
  };
}

function linesOf(report: Report): { nodes: Node[]; lines: Line[] } {
  const rows = [...report.rows, report.total].map((row) => nodesOf(row, report.categories));
  const lines: Line[] = [];
  const body = rows.slice(0, -1);
  for (const row of rows) {
    lines.push({ sum: row.total, members: row.cells.map((cell) => cell.node) });
    lines.push({ sum: row.total, members: row.categories.map((category) => category.node) });
    for (const category of row.categories) lines.push({ sum: category.node, members: category.members });
  }
  const totals = rows[rows.length - 1]!;
  totals.cells.forEach((cell, index) => lines.push({ sum: cell.node, members: body.map((row) => row.cells[index]!.node) }));
  totals.categories.forEach((category, index) => lines.push({ sum: category.node, members: body.map((row) => row.categories[index]!.node) }));
  lines.push({ sum: totals.total, members: body.map((row) => row.total) });
  const nodes = rows.flatMap((row) => [row.total, ...row.cells.map((cell) => cell.node), ...row.categories.map((category) => category.node)]);
  return { nodes, lines };
}

/** Withholds cells until no published sum has exactly one withheld member. */
function suppress(report: Report, threshold: number): Report {
  const copy = structuredClone(report);
  const { nodes, lines } = linesOf(copy);
  for (const node of nodes) node.suppressed = node.value > 0 && node.value < threshold;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.sum.suppressed) continue;
      const withheld = line.members.filter((member) => member.suppressed);
      if (withheld.length !== 1) continue;
      // The smallest other non-zero member hides the most with the least; zeros hide nothing.
      const partner = line.members
        .filter((member) => !member.suppressed && member.value > 0)
        .sort((a, b) => a.value - b.value)[0];
      (partner ?? line.sum).suppressed = true;
      changed = true;
    }
  }
  const label = `< ${threshold}`;
  for (const node of nodes) {
    if (!node.suppressed) continue;
    node.figure.display = node.value < threshold ? label : 'withheld';
    node.figure.count = null;
    node.figure.percent = null;
  }
  // A percentage of a withheld total would give it back: a row whose total is withheld shows none.
  for (const row of [...copy.rows, copy.total]) {
    if (row.total.count !== null) continue;
    for (const figure of [...row.cells, ...Object.values(row.categories)]) figure.percent = null;
  }
  return { ...copy, disclosure: { method: 'min-cell', threshold } };
}

function band(report: Report, width: number): Report {
  const copy = structuredClone(report);
  for (const row of [...copy.rows, copy.total]) {
    for (const figure of [row.total, ...row.cells, ...Object.values(row.categories)]) {
      const low = Math.floor((figure.count ?? 0) / width) * width;
      figure.display = `${low}–${low + width - 1}`;
      figure.count = null;
      figure.percent = null;
    }
  }
  return { ...copy, disclosure: { method: 'bands', width } };
}

/**
 * Applies disclosure control to the authority tables. Every other figure that adds up to their
 * totals goes too: the comparison with the previous period, the row ledger (counted minus users'
 * requests is the authority total), the counts of decided requests and of user notices. The
 * users' section is not changed.
 */
export function protectReport(report: Report, disclosure: Disclosure | null): Report {
  if (!disclosure) return report;
  const protectedReport = disclosure.method === 'bands' ? band(report, disclosure.width) : suppress(report, disclosure.threshold);
  return {
    ...protectedReport,
    comparison: null,
    ledger: null,
    notices: null,
    responseTimes: protectedReport.responseTimes.map((time) => (time.requester === 'authorities' ? { ...time, decided: null } : time)),
  };
}
