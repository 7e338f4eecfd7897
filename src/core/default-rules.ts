// The built-in classification rules, used where the config gives none (see classify.ts).
import type { ClassificationRule, ProhibitedRule } from './classify.js';

// Order matters: the first matching rule wins. Signals that a person is involved come first, so that
// "IP address of user" is user data although "IP address" alone reads technical.
export const DEFAULT_CATEGORY_RULES: readonly ClassificationRule[] = [
  { id: 'subscriber', pattern: '\\bsubscriber', category: 'user-data' },
  { id: 'licence-holder', pattern: '\\blicen[cs]e[ -]?(holder|owner|purchaser|buyer)|\\b(holder|owner|purchaser|buyer) of (a |the )?licen[cs]e|identity of (a |the )?licen[cs]e', category: 'user-data' },
  { id: 'account-data', pattern: '\\baccount (holder|owner|details|data|information|info|records?|name)|\\b(user|customer|client)(\'?s)? account|associated with (an |the |a )?account|linked to (an |the |a )?account', category: 'user-data' },
  { id: 'person-link', pattern: '\\b(of|for|by|from|used by|belonging to|linked to|associated with|tied to) (a |an |the |this |that |specific )?(user|customer|client|person|individual|suspect|subscriber|account)s?\\b', category: 'user-data' },
  { id: 'user-data', pattern: '\\b(user|customer|client|personal)[- ](data|information|info|details|identity|identities|records?|e-?mails?|ip|location|profile)', category: 'user-data' },
  { id: 'identity', pattern: '\\b(identity|identify|identification|name and address|real name|who (owns|used|bought|registered))\\b', category: 'user-data' },
  { id: 'contact-details', pattern: '\\b(e-?mail address|phone number|telephone number|postal address|home address|billing|payment (details|data|information|records)|purchase history|order history|registration (data|details|information))', category: 'user-data' },
  { id: 'malware', pattern: '\\b(malware|malicious (file|code|software|sample)|trojan|ransomware|spyware|stalkerware|backdoor sample|virus|worm|rootkit|keylogger|infostealer|stealer|loader|dropper)', category: 'technical-expertise' },
  { id: 'indicators', pattern: '\\b(iocs?|indicators? of compromise|yara|hashes|file hash|signatures?)\\b', category: 'technical-expertise' },
  { id: 'infrastructure', pattern: '\\b(c2|c&c|cnc|command[- ]and[- ]control|botnet|sinkhole|infrastructure analysis|domain analysis|ip address(es)? of (the )?(server|c2|botnet|attacker infrastructure))', category: 'technical-expertise' },
  { id: 'threat-research', pattern: '\\b(apt|threat (intelligence|intel|actor|report)|campaign|attribution|exploit|vulnerabilit(y|ies)|zero[- ]day|cve-\\d+|phishing|spam|ddos)', category: 'technical-expertise' },
  { id: 'user-removal', pattern: '\\b(delet|remov|eras|forget)', category: 'data-removal' },
  { id: 'user-copy', pattern: '\\b(copy|export|portab|download)', category: 'data-copy' },
  { id: 'user-location', pattern: '\\b(where|which data|what data|location|stored|access)', category: 'data-location' },
  { id: 'expertise', pattern: '\\b(technical|forensic|expert|expertise|analysis|analyse|analyze|reverse[- ]engineering|consultation|incident|investigation support|training|sample)', category: 'technical-expertise' },
];

export const DEFAULT_PROHIBITED_RULES: readonly ProhibitedRule[] = [
  { id: 'encryption-keys', pattern: '\\b(en|de)cryption keys?|\\b(private|master|signing|session|root) keys?\\b|\\bkey escrow|\\bdecrypt (user|customer|traffic|communications)', kind: 'encryption-keys', category: 'technical-expertise' },
  // A backdoor is forbidden as something to build into the products; analysing one (malware) is daily work.
  { id: 'undeclared-capabilities', pattern: '\\b(install|add|build|insert|implant|deploy|enable|create|provide|implement|introduce|plant)\\w*\\s+(a |an |the )?(hidden |covert |secret )?(back ?doors?|monitoring|surveillance|interception|spying|tracking|wiretap)|\\bback ?doors? (in|into|to|for) (your|the|our|its|their) (products?|software|apps?|applications?|services?|systems?|solutions?)|\\bundeclared (capabilit|functionalit|feature)|\\bhidden (access|functionality|capability)|\\bweaken\\w* (the )?(encryption|protection|product)', kind: 'undeclared-capabilities', category: 'technical-expertise' },
  { id: 'direct-access', pattern: '\\b(direct|remote|live|real[- ]time|unrestricted|ongoing|permanent) access to\\b|\\baccess to (your|the company\'?s?|the organi[sz]ation\'?s?) (servers?|infrastructure|databases?|systems?|network|cloud)', kind: 'direct-access', category: 'user-data' },
];
