// A character the embedded font cannot print stops the PDF with an error that names it and where
// it comes from; nothing is written with an empty box in its place.
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/core/schemas.js';
import { MissingGlyphError, renderPdf } from '../../src/render/pdf.js';
import { renderOptions, syntheticReport } from './reports.js';

describe('characters the font lacks', () => {
  it('refuses an organisation name with a CJK character, naming it and the config field', async () => {
    const config = ConfigSchema.parse({ organisation: { name: 'Example 漢 Labs' } });
    const rendering = renderPdf(syntheticReport(3), renderOptions({}, config));
    await expect(rendering).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(rendering).rejects.toThrow(/"漢" \(U\+6F22\).*organisation\.name/);
    // The CLI maps it to the usage exit code (2) by its name, which survives bundling.
    await expect(rendering).rejects.toMatchObject({ name: 'MissingGlyphError', usage: true });
  });

  it('refuses a principle with an emoji', async () => {
    const config = ConfigSchema.parse({ report: { principles: ['We protect users 🔒'] } });
    await expect(renderPdf(syntheticReport(3), renderOptions({}, config))).rejects.toThrow(/U\+1F512.*report\.principles\[0\]/);
  });

  it('refuses a country name it cannot print', async () => {
    const report = syntheticReport(3);
    report.rows[0] = { ...report.rows[0]!, name: 'ꦗꦮ' };
    await expect(renderPdf(report, renderOptions())).rejects.toThrow(/U\+A997.*the name of country/);
  });
});
