// The look of the PDF in one place: page geometry, a restrained palette and the type scale, so that
// every section draws with the same margins, colours and hierarchy.
import type { AuthorityCategory, Outcome } from '../../core/schema.js';
import type { FontName } from './font-set.js';

/** Points (1/72 in). The bottom margin leaves room for the footer, the top one for the running header. */
export const MARGINS = { top: 66, bottom: 62, left: 56, right: 56 } as const;

// Two hues (a deep blue for technical requests and headings, an ochre for user data) plus greys:
// they print well in colour and stay distinct in greyscale, because shades differ in lightness.
export const COLOURS = {
  ink: '#1c2127',
  muted: '#5a6470',
  faint: '#8a939e',
  rule: '#c9d0d8',
  grid: '#e3e7ec',
  zebra: '#f4f6f8',
  accent: '#1f4e79',
  accentTint: '#e7eef6',
  white: '#ffffff',
} as const;

const SHADES: Record<AuthorityCategory, Record<Outcome, string>> = {
  'technical-expertise': {
    approved: '#1f4e79',
    rejected: '#9bb8d6',
    challenged: '#3f6f9f',
    'clarification-requested': '#6b94bf',
    pending: '#c9d9ea',
  },
  'user-data': {
    approved: '#9a5518',
    rejected: '#e3ba8c',
    challenged: '#b46e2e',
    'clarification-requested': '#cc9258',
    pending: '#f1dcc3',
  },
};

/** The fill of a chart segment: the category picks the hue, the outcome its lightness. */
export function segmentColour(category: AuthorityCategory, outcome: Outcome): string {
  return SHADES[category][outcome];
}

export interface TextStyle {
  font: FontName;
  size: number;
  colour: string;
  /** Extra space between wrapped lines. */
  lineGap?: number;
  characterSpacing?: number;
}

export const STYLES = {
  organisation: { font: 'bold', size: 9, colour: COLOURS.accent, characterSpacing: 1.2 },
  title: { font: 'bold', size: 21, colour: COLOURS.ink, lineGap: 1 },
  period: { font: 'light', size: 30, colour: COLOURS.accent },
  meta: { font: 'regular', size: 8.5, colour: COLOURS.muted, lineGap: 2 },
  h2: { font: 'bold', size: 13, colour: COLOURS.accent },
  h3: { font: 'bold', size: 10, colour: COLOURS.ink },
  body: { font: 'regular', size: 9.2, colour: COLOURS.ink, lineGap: 2.6 },
  bodyBold: { font: 'bold', size: 9.2, colour: COLOURS.ink, lineGap: 2.6 },
  note: { font: 'regular', size: 7.8, colour: COLOURS.muted, lineGap: 1.8 },
  figure: { font: 'bold', size: 19, colour: COLOURS.accent },
  figureLabel: { font: 'regular', size: 7.8, colour: COLOURS.muted, lineGap: 1.2 },
  tableHead: { font: 'condensedBold', size: 7.4, colour: COLOURS.ink, lineGap: 0.6 },
  tableCell: { font: 'condensed', size: 8.4, colour: COLOURS.ink, lineGap: 0.6 },
  tableTotal: { font: 'condensedBold', size: 8.4, colour: COLOURS.ink, lineGap: 0.6 },
  chartLabel: { font: 'condensed', size: 7.8, colour: COLOURS.ink },
  chartValue: { font: 'condensedBold', size: 7.4, colour: COLOURS.ink },
  chartAxis: { font: 'condensed', size: 7.2, colour: COLOURS.muted },
  chartAxisTitle: { font: 'condensedBold', size: 7.4, colour: COLOURS.muted },
  running: { font: 'regular', size: 7.4, colour: COLOURS.muted },
} as const satisfies Record<string, TextStyle>;

/** Vertical rhythm: the space after a heading, between paragraphs and before a section. */
export const SPACE = { afterHeading: 7, paragraph: 7, section: 20, afterTable: 10 } as const;
