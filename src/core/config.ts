// The configuration file (transparency.config.json): the organisation's texts for the published
// report, where the logs are, and how to read and classify them. JSON only: data, never code.
import { z } from 'zod';
import { ClassificationRuleSchema, ProhibitedRuleSchema } from './classify.js';
import { parsePeriod } from './period.js';
import { COLUMNS } from './schema.js';

// Neutral wording: the defaults describe the principles of the report anatomy without any company's voice.
export const DEFAULT_PRINCIPLES = [
  'No third party is ever given access to user data or to our infrastructure.',
  'Technical expertise and non-personal technical information, such as malware analysis, may be shared.',
  'Every request goes through legal verification before anything is provided.',
  'Requests for encryption keys or for undeclared capabilities (backdoors) in our products are always declined.',
];

export const DEFAULT_PROCESS = [
  'Legal verification: we check that the request is legally justified, issued under the applicable law and procedure, consistent with our principles, technically feasible, and harmless to users’ security and privacy.',
  'Approved: the request passes verification, and the data or expertise asked for is provided.',
  'Rejected: no data was found, or the request does not meet the legal verification requirements.',
  'Challenged, or clarification requested: the request is questioned or incomplete and not (yet) decided.',
  'User notice: where the law allows, the user is told before their data is provided.',
];

const regexSource = z.string().min(1).superRefine((pattern, context) => {
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

const comment = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .describe('A note for people reading this file; ignored by the tool (JSON has no comments).');

const periodText = z
  .string()
  .superRefine((text, context) => {
    const result = parsePeriod(text);
    if (!result.ok) context.addIssue({ code: 'custom', message: result.message });
  })
  .describe('The period built when --period is not given: 2020, 2021H1, 2021Q3, 2021-03 or 2021-01-01..2021-06-30.');

const DEFAULT_TITLE = 'Law Enforcement and Government Requests Report';
const DEFAULT_KEYWORDS = ['transparency report', 'law enforcement requests', 'government requests'];

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    $comment: comment,
    organisation: z
      .strictObject({
        $comment: comment,
        name: z.string().min(1).default('Example Organisation').describe('The organisation that publishes the report.'),
        url: z.url().optional().describe("The organisation's web site."),
      })
      .default({ name: 'Example Organisation' }),
    report: z
      .strictObject({
        $comment: comment,
        title: z.string().min(1).default(DEFAULT_TITLE).describe('The report title on the title page and in the PDF metadata.'),
        url: z.url().optional().describe('Where the report and its data are published: printed in every page footer.'),
        publicationDate: z.iso
          .date()
          .optional()
          .describe('Printed on the title page; it also fixes the PDF dates when SOURCE_DATE_EPOCH is unset.'),
        language: z.string().min(2).default('en').describe('BCP 47 language tag of the texts, e.g. en, en-GB.'),
        principles: z.array(z.string().min(1)).default(DEFAULT_PRINCIPLES).describe("The organisation's core principles, one paragraph each."),
        process: z.array(z.string().min(1)).default(DEFAULT_PROCESS).describe('The steps of processing a request, one paragraph each.'),
        keywords: z.array(z.string()).default(DEFAULT_KEYWORDS).describe('PDF metadata keywords.'),
      })
      .default({ title: DEFAULT_TITLE, language: 'en', principles: DEFAULT_PRINCIPLES, process: DEFAULT_PROCESS, keywords: DEFAULT_KEYWORDS }),
    logs: z
      .array(z.string().min(1))
      .optional()
      .describe('Files, folders or globs, relative to this file: read when no logs are named on the command line.'),
    period: periodText.optional(),
    pageSize: z.enum(['a4', 'letter', 'A4', 'LETTER']).optional().describe('PDF page size (default a4).'),
    columns: z
      .record(z.string(), z.enum(COLUMNS))
      .default({})
      .describe('Header spellings of a case-system export mapped to the tool\'s columns, e.g. { "Date Received": "received" }.'),
    users: z
      .strictObject({
        $comment: comment,
        byCountry: z.boolean().default(false).describe("Break the users' section down per country."),
      })
      .default({ byCountry: false }),
    classification: z
      .strictObject({
        $comment: comment,
        rules: z
          .array(ClassificationRuleSchema.extend({ pattern: regexSource }))
          .default([])
          .describe('Rules tried before the built-in ones, in order: the first whose pattern (a case-insensitive regular expression) matches request_type decides the category.'),
        prohibited: z
          .array(ProhibitedRuleSchema.extend({ pattern: regexSource }))
          .default([])
          .describe('Extra patterns of requests the principles forbid (an approved one is a policy violation).'),
      })
      .default({ rules: [], prohibited: [] }),
  })
  .describe('Configuration of transparency, the transparency report compiler.');
export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates parsed JSON; every problem comes with its JSON path ("report.principles[2]: …"). */
export function parseConfig(data: unknown): ConfigResult {
  const result = ConfigSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${formatPath(issue.path) || '(top level)'}: ${issue.message}`),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** The JSON Schema of the config file (what editors complete and check as one types). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' });
}
