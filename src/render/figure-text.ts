// How a published figure prints: its count, or what disclosure control shows instead.
import type { Figure } from '../core/report.js';

export function countText(figure: Figure): string {
  return figure.display ?? String(figure.count);
}

/** "38%", or "–" where the percentage is withheld with its count. */
export function percentText(figure: Figure): string {
  return figure.percent === null ? '–' : `${figure.percent}%`;
}
