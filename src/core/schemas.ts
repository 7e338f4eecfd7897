// The contracts of the tool as zod schemas: the JSON outputs (report, comparison, periods), the
// problems, the rules a config may add. The types everywhere else are inferred from these, with
// type-only imports, so that zod is loaded only by what validates or describes data (the config
// reader, `init`, the tests) and not at every start of the CLI.
import { z } from 'zod';
import { PROHIBITED_KINDS } from './classify.js';
import { editDistance } from './country.js';
import { DEFAULT_KEYWORDS, DEFAULT_PRINCIPLES, DEFAULT_PROCESS, DEFAULT_TITLE, type ConfigResult } from './config.js';
import { parsePeriod } from './period.js';
import { COMPARE_CATEGORIES } from './compare.js';
import { PROBLEM_CODES } from './problem.js';
import { SCHEMA_VERSION } from './report.js';
import { AUTHORITY_CATEGORIES, CATEGORIES, COLUMNS, OUTCOMES, REJECTION_REASONS, REQUESTERS, USER_CATEGORIES, USER_NOTICES } from './schema.js';

export const RequesterSchema = z.enum(REQUESTERS);

export const CategorySchema = z.enum(CATEGORIES);

export const OutcomeSchema = z.enum(OUTCOMES);

export const RejectionReasonSchema = z.enum(REJECTION_REASONS);

export const UserNoticeSchema = z.enum(USER_NOTICES);

/** ISO 3166-1 alpha-2 code, upper case. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

/** A request that passed validation: every field normalised. Dates are ISO `YYYY-MM-DD` in UTC. */
export const RequestRecordSchema = z.object({
  id: z.string().min(1),
  received: z.iso.date(),
  country: CountryCodeSchema,
  requester: RequesterSchema,
  category: CategorySchema,
  requestType: z.string(),
  outcome: OutcomeSchema,
  rejectionReason: RejectionReasonSchema.optional(),
  decided: z.iso.date().optional(),
  userNotified: UserNoticeSchema.optional(),
});

export const ProblemCodeSchema = z.enum(PROBLEM_CODES);

export const ProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: ProblemCodeSchema,
  file: z.string(),
  /** 1-based line where the record starts (0 for the file as a whole). */
  line: z.number().int().nonnegative(),
  column: z.string().optional(),
  message: z.string(),
});

export const ClassificationRuleSchema = z.object({
  /** Stable name, shown by `validate --explain-classification`. */
  id: z.string().min(1),
  /** A regular expression, matched case-insensitively against the request type. */
  pattern: z.string().min(1),
  category: z.enum(CATEGORIES),
});

export const ProhibitedRuleSchema = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1),
  kind: z.enum(PROHIBITED_KINDS),
  /** The category a row gets when this rule is the only thing that classifies it. */
  category: z.enum(AUTHORITY_CATEGORIES),
});

export const ResponseTimeSchema = z.object({
  requester: z.enum(['authorities', 'users']),
  category: z.enum(CATEGORIES),
  /** Decided requests with both dates. */
  /** Null under disclosure control: the decided counts would give category totals back. */
  decided: z.number().int().nullable(),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});

export const ResponseTimesSchema = z.array(ResponseTimeSchema);

export const NoticesSchema = z.object({
  /** User-data requests from authorities, by what the log says of telling the user. */
  notified: z.number().int(),
  notNotified: z.number().int(),
  notPermitted: z.number().int(),
  notRecorded: z.number().int(),
});

export const UserRowSchema = z.object({
  category: z.enum(USER_CATEGORIES),
  received: z.number().int(),
  /** Approved: the data was removed, the information given, the copy sent. */
  fulfilled: z.number().int(),
  rejected: z.number().int(),
  rejectedBy: z.record(z.enum([...REJECTION_REASONS, 'unspecified']), z.number().int()),
  /** Not decided yet: pending, challenged or awaiting clarification. */
  pending: z.number().int(),
  /** Median days from received to decided, over decided requests; null when none was decided. */
  medianDays: z.number().nullable(),
});

export const UsersSectionSchema = z.object({
  rows: z.array(UserRowSchema),
  total: UserRowSchema.omit({ category: true }),
  /** Per country, when the config asks for it (users.byCountry). */
  byCountry: z
    .array(z.object({ code: z.string(), name: z.string(), rows: z.array(UserRowSchema) }))
    .nullable(),
});

export const PeriodSchema = z.object({
  id: z.string(),
  kind: z.enum(['year', 'half', 'quarter', 'month', 'range']),
  start: z.iso.date(),
  end: z.iso.date(),
  label: z.string(),
});

export const LedgerSchema = z.object({
  read: z.number().int(),
  counted: z.number().int(),
  invalid: z.number().int(),
  duplicate: z.number().int(),
  outsidePeriod: z.number().int(),
});

/**
 * A published figure. Under disclosure control (--min-cell, --bands) a count may be withheld: then
 * `count` and `percent` are null and `display` says what is printed instead ("< 5", "0–249").
 */
export const FigureSchema = z.object({
  count: z.number().int().nullable(),
  /** Share of the row's total requests (both categories, all outcomes), whole percent. */
  percent: z.number().int().nullable(),
  display: z.string().optional(),
});

export const CellSchema = FigureSchema.extend({
  category: z.enum(AUTHORITY_CATEGORIES),
  outcome: OutcomeSchema,
});

export const ReportRowSchema = z.object({
  /** ISO 3166-1 alpha-2; null on the TOTAL row. */
  code: z.string().nullable(),
  name: z.string(),
  /** All the row's requests: both categories, all outcomes. */
  total: FigureSchema,
  /** Requests per category, all outcomes (the volume layout's columns), with their share of the row. */
  categories: z.record(z.enum(AUTHORITY_CATEGORIES), FigureSchema),
  cells: z.array(CellSchema),
});

export const CountPairSchema = z.object({ current: z.number().int(), previous: z.number().int() });

/** Requests per category in this period and the one before, when the logs hold the one before. */
export const ComparisonSchema = z.object({
  period: PeriodSchema,
  total: CountPairSchema,
  categories: z.record(z.enum(AUTHORITY_CATEGORIES), CountPairSchema),
  countries: CountPairSchema,
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  period: PeriodSchema,
  /** Which table the table, CSV and PDF outputs show: counts by outcome, or volumes per category. */
  layout: z.enum(['outcomes', 'volume']),
  /** Small-count disclosure control applied to the authority tables, if any. */
  disclosure: z.discriminatedUnion('method', [
    z.object({ method: z.literal('min-cell'), threshold: z.number().int().positive() }),
    z.object({ method: z.literal('bands'), width: z.number().int().positive() }),
  ]).nullable(),
  categories: z.array(z.enum(AUTHORITY_CATEGORIES)),
  /** Outcome columns: approved and rejected always, others only when they occur. */
  outcomes: z.array(OutcomeSchema),
  rows: z.array(ReportRowSchema),
  total: ReportRowSchema,
  /** Counted requests from the organisation's own users, reported apart from the authority tables. */
  userRequests: z.number().int(),
  users: UsersSectionSchema,
  responseTimes: ResponseTimesSchema,
  /** Null under disclosure control: the notice counts add up to the user-data total. */
  notices: NoticesSchema.nullable(),
  comparison: ComparisonSchema.nullable(),
  /** Null under disclosure control: counted minus users' requests is the exact authority total. */
  ledger: LedgerSchema.nullable(),
  /**
   * What was wrong and where, without the messages: they quote the cells, and a published output
   * carries no row content. The messages are on stderr (and `transparency validate`).
   */
  problems: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    list: z.array(ProblemSchema.omit({ message: true })),
  }),
});

export const CompareRowSchema = z.object({
  code: z.string().nullable(),
  name: z.string(),
  category: z.enum(COMPARE_CATEGORIES),
  current: z.number().int(),
  previous: z.number().int(),
  change: z.number().int(),
  /** Relative change in percent, one decimal; null when the previous count is 0. */
  changePercent: z.number().nullable(),
  /** new: no request in the previous period; gone: none in this one. */
  status: z.enum(['both', 'new', 'gone']),
});

export const CompareReportSchema = z.object({
  schemaVersion: z.literal(1),
  period: PeriodSchema,
  with: PeriodSchema,
  rows: z.array(CompareRowSchema),
  total: z.array(CompareRowSchema),
  countriesNew: z.array(z.string()),
  countriesGone: z.array(z.string()),
});

export const PeriodCountSchema = z.object({
  period: z.string(),
  label: z.string(),
  start: z.iso.date(),
  end: z.iso.date(),
  authorityRequests: z.number().int(),
  userRequests: z.number().int(),
});

// The config file.

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

/** Validates parsed JSON; every problem comes with its JSON path ("report.principles[2]: …"). */
export function parseConfig(data: unknown): ConfigResult {
  const result = ConfigSchema.safeParse(data);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.flatMap((issue) => {
      const where = formatPath(issue.path) || '(top level)';
      if (issue.code !== 'unrecognized_keys') return [`${where}: ${issue.message}`];
      // A typo in a key is the commonest config mistake: name the key it was probably meant to be.
      const known = knownKeys(issue.path);
      return issue.keys.map((key) => {
        const near = known.filter((candidate) => editDistance(key.toLowerCase(), candidate.toLowerCase()) <= Math.max(1, Math.floor(candidate.length / 3)));
        return `${where}: unknown key "${key}"${near.length > 0 ? `; did you mean "${near[0]}"?` : `; the keys here are ${known.join(', ')}`}`;
      });
    }),
  };
}

/** The keys the config schema allows at a path (an object's own keys). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: unknown = ConfigSchema;
  for (const key of path) {
    const unwrapped = unwrap(schema);
    schema = typeof key === 'number' ? (unwrapped as { element?: unknown }).element : (unwrapped as { shape?: Record<string, unknown> }).shape?.[String(key)];
  }
  return Object.keys((unwrap(schema) as { shape?: Record<string, unknown> }).shape ?? {});
}

/** Through defaults and optionals to the object or array inside. */
function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined;
  while (current && (current.def?.innerType || typeof current.unwrap === 'function')) {
    current = (current.def?.innerType ?? current.unwrap?.()) as typeof current;
  }
  return current;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** The JSON Schema of the config file (what editors complete and check as one types). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' });
}
