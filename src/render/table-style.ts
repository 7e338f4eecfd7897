// The look shared by every terminal table: no colour codes from cli-table3 itself (chalk decides),
// and rules only under the header and above the TOTAL row.
export const TABLE_STYLE = { head: [], border: [], 'padding-left': 1, 'padding-right': 1 };

/**
 * cli-table3 draws a rule under every row; a report reads better with rules only under the header
 * and above the last row (TOTAL), so the rules in between are dropped. With `keepLast` false, only
 * the rule under the header stays.
 */
export function dropBodyRules(text: string, keepLast = true): string {
  const lines = text.split('\n');
  const rules = lines.flatMap((line, index) => (line.startsWith('├') ? [index] : []));
  const keep = new Set([rules[0], keepLast ? rules[rules.length - 1] : rules[0]]);
  return lines.filter((line, index) => !line.startsWith('├') || keep.has(index)).join('\n');
}
