// Reads a PDF back with pdfjs (no system tool needed): its text as lines per page, its metadata,
// page sizes and structure tree.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: string[][];
  sizes: [number, number][];
  info: Record<string, unknown>;
  marked: boolean;
  /** Every structure role on every page, e.g. "Table", "TH", "H1". */
  roles: Set<string>;
  /** Every alternate text in the structure tree (figures). */
  alts: string[];
}

interface TextItem {
  str: string;
  transform: number[];
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[][] = [];
    const sizes: [number, number][] = [];
    const roles = new Set<string>();
    const alts: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push([Math.round((x1 - x0) * 100) / 100, Math.round((y1 - y0) * 100) / 100]);
      const content = await page.getTextContent();
      pages.push(toLines(content.items.filter((item) => 'str' in item) as TextItem[]));
      const walk = (node: StructNode | null) => {
        if (!node) return;
        if (node.role) roles.add(node.role);
        if (node.alt) alts.push(node.alt);
        node.children?.forEach(walk);
      };
      walk((await page.getStructTree()) as StructNode | null);
    }
    const { info } = await pdf.getMetadata();
    const markInfo = (await pdf.getMarkInfo()) as { Marked?: boolean } | null;
    return { pages, sizes, info: info as Record<string, unknown>, marked: markInfo?.Marked === true, roles, alts };
  } finally {
    await pdf.destroy();
  }
}

/** Groups text items into lines (same baseline), left to right, top to bottom. */
function toLines(items: TextItem[]): string[] {
  const rows = new Map<number, { x: number; text: string }[]>();
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const y = Math.round(item.transform[5]!);
    const key = [...rows.keys()].find((existing) => Math.abs(existing - y) <= 1) ?? y;
    rows.set(key, [...(rows.get(key) ?? []), { x: item.transform[4]!, text: item.str }]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, parts]) =>
      parts
        .sort((a, b) => a.x - b.x)
        .map((part) => part.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

/** "South Korea 23 100% 0 0% 23" → { name: "South Korea", numbers: [23, 100, 0, 0, 23] }, or null. */
export function parseRow(line: string): { name: string; numbers: number[] } | null {
  const tokens = line.split(' ');
  const numbers: number[] = [];
  while (tokens.length > 1 && /^[\d,]+%?$/.test(tokens[tokens.length - 1]!)) numbers.unshift(Number(tokens.pop()!.replace(/[,%]/g, '')));
  return numbers.length > 0 ? { name: tokens.join(' '), numbers } : null;
}
