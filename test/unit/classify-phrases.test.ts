// The built-in classification rules against the phrasings case systems really use: at least 40,
// both categories, and the requests the principles forbid.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/core/classify.js';

const classifier = createClassifier();

const TECHNICAL = [
  'IOC sharing',
  'C2 infrastructure analysis',
  'malware sample',
  'malware sample analysis',
  'analysis of banking trojan',
  'indicators of compromise for APT campaign',
  'technical consultation on ransomware incident',
  'phishing kit analysis',
  'botnet sinkhole data',
  'YARA rules for new stealer family',
  'expert opinion on exploit used in intrusion',
  'reverse engineering of mobile spyware',
  'threat intelligence on APT41',
  'forensic analysis support',
  'hashes of malicious files',
  'command-and-control server analysis',
  'DDoS attack investigation support',
  'vulnerability assessment of CVE-2021-26855',
  'expert witness on APT report',
  'attribution of cyber espionage campaign',
  'technical assistance with cross-border cybercrime investigation',
  'domain analysis for phishing campaign',
];

const USER_DATA = [
  'subscriber information',
  'licence holder identity',
  'IP address of user',
  'email address associated with account',
  'account details for licence key',
  'device identifiers linked to user',
  'identity of licence holder',
  'name and address of the customer',
  'purchase history of suspect',
  'billing details for license 1234-5678',
  'customer data for order number',
  'phone number linked to account',
  'who registered the product',
  'user data of a specific person',
  'registration data for activation code',
  'personal information about account owner',
];

const PROHIBITED = [
  ['encryption key', 'encryption-keys'],
  ['request for encryption keys', 'encryption-keys'],
  ['provide the private key of the update server', 'encryption-keys'],
  ['decrypt user communications', 'encryption-keys'],
  ['install monitoring capability', 'undeclared-capabilities'],
  ['add a backdoor to the product', 'undeclared-capabilities'],
  ['undeclared functionality for surveillance', 'undeclared-capabilities'],
  ['enable hidden access for investigators', 'undeclared-capabilities'],
  ['direct access to user data', 'direct-access'],
  ['real-time access to your servers', 'direct-access'],
  ['access to the company infrastructure', 'direct-access'],
] as const;

describe('built-in classification of request types', () => {
  it('covers at least 40 phrasings', () => {
    expect(TECHNICAL.length + USER_DATA.length + PROHIBITED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TECHNICAL)('technical expertise: %s', (text) => {
    const result = classifier.classify(text, 'authority');
    expect(result.category).toBe('technical-expertise');
    expect(result.prohibited).toBeUndefined();
  });

  it.each(USER_DATA)('user data: %s', (text) => {
    const result = classifier.classify(text, 'authority');
    expect(result.category).toBe('user-data');
    expect(result.prohibited).toBeUndefined();
  });

  it.each(PROHIBITED)('prohibited: %s → %s', (text, kind) => {
    expect(classifier.classify(text, 'authority').prohibited?.kind).toBe(kind);
  });

  it('a malware sample that is a backdoor is not a request for a backdoor', () => {
    expect(classifier.classify('backdoor sample analysis', 'authority')).toMatchObject({ category: 'technical-expertise' });
    expect(classifier.classify('backdoor sample analysis', 'authority').prohibited).toBeUndefined();
  });

  it.each([
    ['delete my account data', 'data-removal'],
    ['please erase my personal data', 'data-removal'],
    ['where is my data stored', 'data-location'],
    ['which data do you hold about me', 'data-location'],
    ['copy of my personal data', 'data-copy'],
    ['export my data', 'data-copy'],
  ])("users' requests: %s → %s", (text, category) => {
    expect(classifier.classify(text, 'user').category).toBe(category);
  });

  it('says nothing for text no rule matches', () => {
    expect(classifier.classify('weather forecast', 'authority')).toEqual({});
  });

  it('custom rules run before the built-in ones', () => {
    const custom = createClassifier([{ id: 'mine', pattern: 'subscriber', category: 'technical-expertise' }]);
    expect(custom.classify('subscriber information', 'authority')).toEqual({ category: 'technical-expertise', rule: 'mine' });
  });
});

describe('analysing a backdoor is not asking for one', () => {
  it.each(['backdoor analysis', 'analysis of a backdoor', 'analysis of backdoor malware found on server', 'reverse engineering of the backdoor'])('%s', (text) => {
    const result = createClassifier().classify(text, 'authority');
    expect(result.prohibited).toBeUndefined();
    expect(result.category).toBe('technical-expertise');
  });

  it.each(['a backdoor in your product', 'install a backdoor', 'provide a backdoor to the investigators', 'backdoor into the software'])('%s is', (text) => {
    expect(createClassifier().classify(text, 'authority').prohibited?.kind).toBe('undeclared-capabilities');
  });
});
