// `contract-terms`: contractual language with its conditions named (SLA, warranty, terms and
// conditions, "shall", service credits, exclusions, a named term or fee). Those commitments are
// scoped, not overpromises. A bare mention of "your contract" is not contract language.
import type { Guard } from '../rule.js';

const TERMS = new RegExp(
  [
    // legal drafting
    'shall',
    'hereunder',
    'herein',
    'hereby',
    'hereto',
    'pursuant',
    'thereof',
    'thereafter',
    'notwithstanding',
    'force majeure',
    'indemnif\\w*',
    'liabilit(?:y|ies)',
    'liable',
    'licensee',
    'licensor',
    'the parties',
    'either party',
    'neither party',
    // the document's own parties, written in the third person
    'the (?:client|customer|contractor|vendor|provider|supplier|seller|government|offeror|quoter|licensee)',
    'the service provider',
    'offerors?',
    // the agreement itself
    '(?:this|the|our|under the|under this|per the|per this) (?:agreement|contract|sow|statement of work|sla|policy|order form)',
    'terms and conditions',
    'terms of (?:service|use|sale|business)',
    'terms attached',
    'see terms',
    'terms apply',
    'conditions apply',
    'in writing',
    'written notice',
    'as defined in',
    'as set out in',
    'set forth',
    'clause \\d',
    'section \\d',
    'sla',
    'service level',
    'service credits?',
    'credit of',
    // warranties, refunds and remedies
    // (refunds named as a remedy; "Refunds reach your card within minutes" is the service itself)
    'warrant(?:y|ies|s|ed)?',
    'refunded',
    'refundable',
    'non-refundable',
    '(?:full|partial|a|for a|pro-rata|prorated) refund',
    'refund (?:policy|the|you|your|in full|of|within|or)',
    '(?:exchange|replacement) or refund',
    'you authori[sz]e',
    'you consent',
    'refunds? (?:are|is|will be) (?:issued|processed|given|available|made)',
    'money-back',
    'money back',
    'reimburs\\w*',
    'replace(?:d)? (?:it )?free of charge',
    // exclusions, eligibility and validity
    'exclud\\w*',
    'exclusions?',
    'except (?:where|when|for|as)',
    'eligib\\w*',
    'not valid',
    'valid (?:until|through|thru|for|on|from)',
    'applies only',
    'only applies',
    'apply only',
    'do(?:es)? not apply',
    "doesn't apply",
    "don't apply",
    'upon (?:the |account |your )?(?:cancellation|termination|request|receipt|completion|expiry|expiration|notice|purchase|payment)',
    'reserves? the right',
    'sole discretion',
    'capped at',
    'not to exceed',
    'you agree',
    'you acknowledge',
    'see (?:our|the) (?:\\w+ )?terms',
    'participating',
    'on approved credit',
    'approved credit',
    'while supplies last',
    // a named term, period or fee
    '(?:the|this|initial|contract|current|renewal|subscription|minimum) term',
    '\\d+[- ](?:month|year)s? term',
    '(?:surcharge|service charge|extra fee|additional fee|additional charge|for a fee|at an extra cost|at extra cost)',
    'for an? (?:extra|additional|small) (?:fee|charge|cost|[£$€]\\d)',
    'minimum (?:order|purchase|spend)',
    'purchase requirement',
    'orders (?:placed|received) (?:before|by|after)',
    'cut-?off time',
  ].join('|'),
  'i',
);
const BOUNDED = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${TERMS.source})(?![\\p{L}\\p{N}])`, 'iu');
/** A capitalized schedule or exhibit reference ("Schedule B", "Exhibit 2"), not "schedule a call". */
const SCHEDULE = /\b(?:Schedule|Exhibit|Appendix|Annex|Attachment) (?:[A-Z]|\d+)\b/;
/** A footnote mark on a word ("on all US orders*", "bonus**"): the terms are in the fine print. */
const FOOTNOTE = /\p{L}[.!]?\*+(?=\s|$|[),.;:!])/u;

export const contractTerms: Guard = {
  name: 'contract-terms',
  docs: 'contract language with its conditions named (SLA, warranty, service credits, "terms attached")',
  needsTags: false,
  applies(s, match) {
    // Terms qualify the claim they stand next to: its clause, a condition or an aside after it.
    const { text } = s.scopeText(match);
    return BOUNDED.test(text) || SCHEDULE.test(text) || FOOTNOTE.test(text);
  },
};
