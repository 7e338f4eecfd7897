// The parts of a report that `--report` selects. Table, JSON and PDF show all of them by default;
// a CSV holds one table, so it shows one section (the authority table unless told otherwise).
export const REPORT_SECTIONS = ['all', 'authorities', 'users', 'timing', 'notices'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
