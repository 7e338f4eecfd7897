// The organisation's principles and how it processes requests, from the config.
import { heading, list } from './blocks.js';
import type { PageFrame } from './page-frame.js';

type StructureElement = PDFKit.PDFStructureElement;

export function drawPrinciples(frame: PageFrame, parent: StructureElement, principles: readonly string[], process: readonly string[]): void {
  if (principles.length > 0) {
    const section = frame.element(parent, 'Sect');
    heading(frame, section, 'H2', 'Our principles');
    list(frame, section, principles, 'bullet');
    section.end();
  }
  if (process.length > 0) {
    const section = frame.element(parent, 'Sect');
    heading(frame, section, 'H2', 'How we process requests');
    list(frame, section, process, 'number');
    section.end();
  }
}
