// What the PDF says and leaves out under disclosure control (src/core/disclosure.ts). The core
// protects the authority tables; the PDF must not give the protected counts back elsewhere: no
// chart (bar lengths are counts), no percentages with bands, no exact sums of withheld figures.
import type { Report } from '../../core/report.js';

/** Bands hide every count in a range, and a percentage of the exact counts would undo them. */
export function showsPercents(report: Report): boolean {
  return report.disclosure?.method !== 'bands';
}

/** Said where the chart would be. */
export const NO_CHART =
  'This report has no chart of requests per country: its bar lengths would give back the exact counts that disclosure control withholds.';

/** The paragraph of the definitions that says which control is in force; null without one. */
export function disclosureText(report: Report): string | null {
  const disclosure = report.disclosure;
  if (!disclosure) return null;
  if (disclosure.method === 'bands') {
    const width = disclosure.width;
    return (
      `every count in the tables by country and the summary is shown as the range of ${width} it falls in ` +
      `(“0–${width - 1}”, “${width}–${2 * width - 1}”, …) rather than exactly, and no percentages are given.`
    );
  }
  // A no-break space keeps "< 5" on one line.
  const threshold = disclosure.threshold;
  const label = `“<\u00a0${threshold}”`;
  const small = threshold === 2 ? `a count of 1 is shown as ${label}` : `counts from 1 to ${threshold - 1} are shown as ${label}`;
  return (
    `in the tables by country and the summary, ${small}. Further figures are shown as “withheld”, so that no withheld count ` +
    'can be worked out as the difference between a published total and the published figures that make it up. ' +
    'The percentage of a withheld figure is shown as “–”, and so are all the percentages of a country whose total is withheld.'
  );
}
