// `contract-terms`: contractual language with its conditions named (SLA, warranty, terms and
// conditions, "shall", service credits). Those commitments are scoped, not overpromises.
import type { Guard } from '../rule.js';

const TERMS =
  /\b(shall|hereunder|herein|hereby|pursuant|thereof|service credits?|credits?|sla|warranty|warrants|warranted|liability|liable|indemnif\w*|terms and conditions|terms of service|agreement|contract|clause|section \d|schedule [a-z0-9]|statement of work|sow|the client|the customer|the contractor|the vendor|the provider|the company|licensee|licensor|refund|money-back|money back|excluding|exclusions?|terms attached|see terms|in writing|written notice|force majeure)\b/i;

export const contractTerms: Guard = {
  name: 'contract-terms',
  needsTags: false,
  applies(s) {
    return TERMS.test(s.text);
  },
};
