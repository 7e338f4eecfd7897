// The whole report as JSON, in the shape of ReportSchema (see the README for the fields).
/** Any document of the tool (report, comparison, periods) as indented JSON with a final newline. */
export function renderJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
