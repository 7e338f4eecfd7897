import { describe, expect, it } from 'vitest';
import {
  createClassifier,
  DEFAULT_CATEGORY_RULES,
  DEFAULT_PROHIBITED_RULES,
  type Classification,
  type ClassificationRule,
} from '../../src/core/classify.js';

const classifier = createClassifier();

describe('authorities: category from the request type', () => {
  it.each<[string, Classification]>([
    ['subscriber information', { category: 'user-data', rule: 'subscriber' }],
    ['Subscriber details for an IP', { category: 'user-data', rule: 'subscriber' }],
    ['IP address of user', { category: 'user-data', rule: 'person-link' }],
    ['identity of the licence holder', { category: 'user-data', rule: 'licence-holder' }],
    ['account holder details', { category: 'user-data', rule: 'account-data' }],
    ['customer data', { category: 'user-data', rule: 'user-data' }],
    ['name and address', { category: 'user-data', rule: 'identity' }],
    ['purchase history', { category: 'user-data', rule: 'contact-details' }],
    ['malware sample analysis', { category: 'technical-expertise', rule: 'malware' }],
    ['Ransomware decryption help', { category: 'technical-expertise', rule: 'malware' }],
    ['IoCs for a campaign', { category: 'technical-expertise', rule: 'indicators' }],
    ['IP address of the C2 server', { category: 'technical-expertise', rule: 'infrastructure' }],
    ['botnet takedown', { category: 'technical-expertise', rule: 'infrastructure' }],
    ['phishing kit analysis', { category: 'technical-expertise', rule: 'threat-research' }],
    ['APT attribution', { category: 'technical-expertise', rule: 'threat-research' }],
    ['forensic support', { category: 'technical-expertise', rule: 'expertise' }],
    ['weather forecast', {}],
    ['', {}],
  ])('%j → %j', (text, expected) => {
    expect(classifier.classify(text, 'authority')).toEqual(expected);
  });

  it('puts signals of a person before technical wording (rule order)', () => {
    // "IP address" alone reads technical, but "of user" makes it user data.
    expect(classifier.classify('malware analysis of a customer', 'authority').category).toBe('user-data');
    expect(classifier.classify('malware analysis', 'authority').category).toBe('technical-expertise');
  });

  it('never gives an authority a user category', () => {
    expect(classifier.classify('delete my account', 'authority').category).toBeUndefined();
    expect(classifier.classify('export the logs', 'authority').category).toBeUndefined();
  });
});

describe("users' own requests", () => {
  it.each<[string, Classification]>([
    ['delete my account', { category: 'data-removal', rule: 'user-removal' }],
    ['Please remove my data', { category: 'data-removal', rule: 'user-removal' }],
    ['right to erasure', { category: 'data-removal', rule: 'user-removal' }],
    ['export my data', { category: 'data-copy', rule: 'user-copy' }],
    ['a copy of my data', { category: 'data-copy', rule: 'user-copy' }],
    ['where is my data stored?', { category: 'data-location', rule: 'user-location' }],
    ['what data do you hold', { category: 'data-location', rule: 'user-location' }],
    ['delete and export everything', { category: 'data-removal', rule: 'user-removal' }], // first rule wins
    ['subscriber information', {}], // user-data is not a user category
    ['hello', {}],
  ])('%j → %j', (text, expected) => {
    expect(classifier.classify(text, 'user')).toEqual(expected);
  });

  it('never flags a user request as prohibited', () => {
    expect(classifier.classify('give me the encryption keys', 'user').prohibited).toBeUndefined();
  });
});

describe('prohibited requests', () => {
  it.each([
    ['request for encryption keys', 'encryption-keys', 'technical-expertise', 'encryption-keys'],
    ['Decryption key for the product', 'encryption-keys', 'technical-expertise', 'encryption-keys'],
    ['private key of the update server', 'encryption-keys', 'technical-expertise', 'encryption-keys'],
    ['key escrow arrangement', 'encryption-keys', 'technical-expertise', 'encryption-keys'],
    ['decrypt user communications', 'encryption-keys', 'technical-expertise', 'encryption-keys'],
    ['install a backdoor in the product', 'undeclared-capabilities', 'technical-expertise', 'undeclared-capabilities'],
    ['add a back door', 'undeclared-capabilities', 'technical-expertise', 'undeclared-capabilities'],
    ['undeclared capabilities in the antivirus', 'undeclared-capabilities', 'technical-expertise', 'undeclared-capabilities'],
    ['enable hidden monitoring', 'undeclared-capabilities', 'technical-expertise', 'undeclared-capabilities'],
    ['deploy covert surveillance', 'undeclared-capabilities', 'technical-expertise', 'undeclared-capabilities'],
    ['weaken the encryption', 'undeclared-capabilities', 'technical-expertise', 'undeclared-capabilities'],
    ['real-time access to mailboxes', 'direct-access', 'user-data', 'direct-access'],
    ['remote access to the cloud', 'direct-access', 'user-data', 'direct-access'],
    ['access to your servers', 'direct-access', 'user-data', 'direct-access'],
    // a category rule that matches decides the category; the prohibition stands independently
    ['direct access to user data', 'direct-access', 'user-data', 'user-data'],
    ['encryption keys for the ransomware', 'encryption-keys', 'technical-expertise', 'malware'],
  ])('%j is prohibited (%s), category %s by rule %s', (text, kind, category, rule) => {
    const result = classifier.classify(text, 'authority');
    expect(result.prohibited).toEqual({ kind, rule: kind });
    expect(result.category).toBe(category);
    expect(result.rule).toBe(rule);
  });

  it.each(['backdoor sample analysis', 'malware sample analysis', 'subscriber information', 'access logs of the attacker', 'keyword search'])(
    '%j is not prohibited',
    (text) => {
      expect(classifier.classify(text, 'authority').prohibited).toBeUndefined();
    },
  );

  it.each(['request for encryption keys', '  add a back door ', 'remote access to the cloud', 'backdoor sample analysis', 'keyword search'])(
    'prohibition(%j) says what classify says of it',
    (text) => {
      expect(classifier.prohibition(text)).toEqual(classifier.classify(text, 'authority').prohibited);
    },
  );

  it('prohibition() compiles no category rule (a row with a category does not need them)', () => {
    let reads = 0;
    const counted: ClassificationRule = {
      id: 'counted',
      get pattern() {
        reads++;
        return 'keys';
      },
      category: 'technical-expertise',
    };
    const custom = createClassifier([counted], DEFAULT_PROHIBITED_RULES);
    expect(custom.prohibition('request for encryption keys')?.kind).toBe('encryption-keys');
    expect(reads).toBe(0);
    expect(custom.classify('request for encryption keys', 'authority').rule).toBe('counted');
    expect(reads).toBeGreaterThan(0);
  });

  it('"backdoor sample" is malware analysis, not a backdoor', () => {
    expect(classifier.classify('backdoor sample analysis', 'authority')).toEqual({ category: 'technical-expertise', rule: 'malware' });
  });
});

describe('createClassifier with custom rules', () => {
  const custom: ClassificationRule[] = [
    { id: 'kit', pattern: 'phishing kit', category: 'user-data' },
    { id: 'gdpr', pattern: 'article 17', category: 'data-removal' },
  ];
  const withCustom = createClassifier([...custom, ...DEFAULT_CATEGORY_RULES], DEFAULT_PROHIBITED_RULES);

  it('tries custom rules first', () => {
    expect(withCustom.classify('Phishing Kit analysis', 'authority')).toEqual({ category: 'user-data', rule: 'kit' });
    expect(withCustom.classify('phishing campaign', 'authority')).toEqual({ category: 'technical-expertise', rule: 'threat-research' });
  });

  it('applies a rule only to its audience', () => {
    expect(withCustom.classify('Article 17 request', 'user')).toEqual({ category: 'data-removal', rule: 'gdpr' });
    expect(withCustom.classify('Article 17 request', 'authority')).toEqual({});
  });

  it('can run with no prohibited rules at all', () => {
    const lenient = createClassifier(DEFAULT_CATEGORY_RULES, []);
    expect(lenient.classify('request for encryption keys', 'authority')).toEqual({});
  });

  it('uses custom prohibited rules', () => {
    const strict = createClassifier(DEFAULT_CATEGORY_RULES, [
      { id: 'mass', pattern: 'all users', kind: 'direct-access', category: 'user-data' },
    ]);
    expect(strict.classify('data of all users', 'authority')).toEqual({
      category: 'user-data',
      rule: 'mass',
      prohibited: { kind: 'direct-access', rule: 'mass' },
    });
  });
});

describe('caching', () => {
  it('gives the same answer for the same text, trimmed, and keeps audiences apart', () => {
    const fresh = createClassifier();
    const first = fresh.classify('where is my data', 'user');
    expect(fresh.classify('  where is my data  ', 'user')).toEqual(first);
    expect(fresh.classify('where is my data', 'authority')).toEqual({});
    expect(fresh.classify('where is my data', 'user')).toEqual({ category: 'data-location', rule: 'user-location' });
  });
});
