// The configuration file (transparency.config.json): the organisation's texts for the published
// report, where the logs are, and how to read and classify them. JSON only: data, never code.
import type { z } from 'zod';
import type { ConfigSchema } from './schemas.js';

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

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

export const DEFAULT_TITLE = 'Law Enforcement and Government Requests Report';
export const DEFAULT_KEYWORDS = ['transparency report', 'law enforcement requests', 'government requests'];

/**
 * What ConfigSchema gives for an empty config (a unit test checks that they agree), written out so
 * that a run without a config file never loads zod.
 */
export const DEFAULT_CONFIG: Config = {
  organisation: { name: 'Example Organisation' },
  report: { title: DEFAULT_TITLE, language: 'en', principles: DEFAULT_PRINCIPLES, process: DEFAULT_PROCESS, keywords: DEFAULT_KEYWORDS },
  columns: {},
  users: { byCountry: false },
  classification: { rules: [], prohibited: [] },
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

