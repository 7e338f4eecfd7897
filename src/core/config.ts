// The configuration file (transparency.config.json): the organisation's texts for the published
// report, where the logs are, and how to read and classify them. JSON only: data, never code.
import { z } from 'zod';
import { ClassificationRuleSchema, ProhibitedRuleSchema } from './classify.js';
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

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  organisation: z
    .strictObject({
      name: z.string().min(1).default('Example Organisation'),
      url: z.url().optional(),
    })
    .default({ name: 'Example Organisation' }),
  report: z
    .strictObject({
      title: z.string().min(1).default('Law Enforcement and Government Requests Report'),
      /** Where the report and its data are published: printed in every page's footer. */
      url: z.url().optional(),
      /** Publication date printed on the title page; it also fixes the PDF's dates when SOURCE_DATE_EPOCH is unset. */
      publicationDate: z.iso.date().optional(),
      /** BCP 47 language tag of the texts. */
      language: z.string().min(2).default('en'),
      principles: z.array(z.string().min(1)).default(DEFAULT_PRINCIPLES),
      process: z.array(z.string().min(1)).default(DEFAULT_PROCESS),
      keywords: z.array(z.string()).default(['transparency report', 'law enforcement requests', 'government requests']),
    })
    .default({
      title: 'Law Enforcement and Government Requests Report',
      language: 'en',
      principles: DEFAULT_PRINCIPLES,
      process: DEFAULT_PROCESS,
      keywords: ['transparency report', 'law enforcement requests', 'government requests'],
    }),
  /** Files, folders or globs, relative to the config file: used when no logs are named on the command line. */
  logs: z.array(z.string().min(1)).optional(),
  /** The period built when --period is not given. */
  period: z.string().optional(),
  pageSize: z.enum(['a4', 'letter', 'A4', 'LETTER']).optional(),
  /** Header spellings of a case system's export → the tool's columns, e.g. { "Date Received": "received" }. */
  columns: z.record(z.string(), z.enum(COLUMNS)).default({}),
  users: z
    .strictObject({
      /** Break the users' section down per country. */
      byCountry: z.boolean().default(false),
    })
    .default({ byCountry: false }),
  classification: z
    .strictObject({
      /** Tried before the built-in rules, in order. */
      rules: z.array(ClassificationRuleSchema.extend({ pattern: regexSource })).default([]),
      prohibited: z.array(ProhibitedRuleSchema.extend({ pattern: regexSource })).default([]),
    })
    .default({ rules: [], prohibited: [] }),
});
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
