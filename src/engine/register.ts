// The document register (issue 16): is a file a pitch, or a requirements or terms document (an
// RFQ/RFP, a statement or performance work statement, a contract, terms of service, an SLA)?
// Sentences in a requirements or terms document are duties put on a contractor, or the terms of
// an agreement, not a promise made to win a customer: "The Contractor shall deliver all reports
// on time", "Customer will not remove any notice", "Identify any license risks". A small,
// explainable classifier over the whole document: the density, per 1,000 words, of
//   - "shall";
//   - a defined party ("the Contractor", "the Offeror", "the Customer", "Licensee");
//   - legal drafting words ("herein", "pursuant to", "indemnify", "notwithstanding", "agrees to");
//   - document titles ("Statement of Work", "Request for Quotation", "Terms of Service", "SLA");
//   - numbered clauses ("3.2.1", "(a)", "(iv)", "Section 4").
// It is computed once per file and only when the file has a finding (lintDocument asks lazily),
// so an ordinary file pays nothing. In such a document a claim is dropped unless the writer makes
// it ("we", "our", "I"): a proposal answering an RFP still pitches, and its "we will" is kept.
// A single sentence is too short to have a register; the sentence-level cues ("shall", a defined
// party, "the Customer agrees") live in the requirement guard.
import type { InputDocument } from '../shared/types.js';
import { claimContext } from './claim-context.js';
import type { RuleMatch } from './rule.js';
import type { SentenceContext } from './sentence.js';

export type RegisterKind = 'pitch' | 'requirements';

export interface DocumentRegister {
  kind: RegisterKind;
  /** Weighted cue density per 1,000 words (see WEIGHTS). */
  score: number;
  words: number;
  /** Raw cue counts, for `--print` style explanations and tests. */
  cues: Record<CueName, number>;
}

type CueName = 'shall' | 'party' | 'legal' | 'title' | 'clause';

const CUES: Record<CueName, RegExp> = {
  shall: /\bshall\b/gi,
  // a capitalized party after a determiner, or a party name that is only ever a defined term
  party:
    /\b(?:the|The|THE|each|Each|any|Any|such|Such)\s+(?:Contractor|Offeror|Quoter|Government|Vendor|Seller|Buyer|Licensee|Licensor|Provider|Customer|Subscriber|Purchaser|Agency|Client|Supplier|Company|Consultant|Parties|Party|Developer|Designer)s?\b|\b(?:Contractor|Offeror|Quoter|Licensee|Licensor)s?\b/g,
  legal:
    /\b(?:herein|hereby|hereunder|hereinafter|thereof|thereto|indemnif\w*|warrant(?:s|ies)|liabilit(?:y|ies)|pursuant to|in accordance with|notwithstanding|terminat(?:e|es|ed|ion)|agrees? to|acknowledges?)\b/gi,
  title:
    /\b(?:Statement of Work|Performance Work Statement|Statement of Objectives|Request for (?:Quotations?|Quotes?|Proposals?|Information)|RF[QPI]s?|SOW|PWS|Terms (?:of (?:Service|Use|Sale)|and Conditions|& Conditions)|Service Level Agreement|Master (?:Services? )?Agreement|Privacy Policy|Acceptable Use Policy)\b/g,
  clause:
    /^[ \t]*(?:#+[ \t]*)?(?:\d+\.\d+(?:\.\d+)*\.?|\([a-z]{1,2}\)|\([ivx]+\)|[a-z]\)|Section \d+|Article \d+)[ \t]/gm,
};

/** How much each cue counts: "shall" and a title are the strongest signs of drafting. */
const WEIGHTS: Record<CueName, number> = { shall: 2, party: 1, legal: 1, title: 2, clause: 0.5 };

/** Score per 1,000 words from which a document reads as requirements or terms. */
export const REGISTER_THRESHOLD = 12;
/** Fewer words than this have no register: a short note can't be told from a clause. */
export const REGISTER_MIN_WORDS = 120;
/**
 * Drafting cues ("shall", parties, legal words) a register needs besides its score: footers of
 * marketing mail link "Privacy Policy" and "Terms and Conditions", which alone make no contract.
 */
const MIN_DRAFTING = 4;
const MIN_DRAFTING_DENSITY = 3;
/** Characters read: a register shows in the first pages; a huge file costs no more. */
const MAX_CHARS = 200_000;

/** The register of a text (the whole file's text, or its blocks joined). */
export function registerOf(text: string): DocumentRegister {
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const words = (sample.match(/[A-Za-z]+/g) ?? []).length;
  const cues = {} as Record<CueName, number>;
  let weighted = 0;
  for (const name of Object.keys(CUES) as CueName[]) {
    cues[name] = (sample.match(CUES[name]) ?? []).length;
    weighted += cues[name] * WEIGHTS[name];
  }
  const score = words > 0 ? (weighted * 1000) / words : 0;
  const drafting = cues.shall + cues.party + cues.legal;
  const kind: RegisterKind =
    words >= REGISTER_MIN_WORDS &&
    score >= REGISTER_THRESHOLD &&
    drafting >= MIN_DRAFTING &&
    (drafting * 1000) / words >= MIN_DRAFTING_DENSITY
      ? 'requirements'
      : 'pitch';
  return { kind, score: Math.round(score * 10) / 10, words, cues };
}

/** The register of a document: its source text when there is one (numbering intact), else its blocks. */
export function documentRegister(doc: InputDocument): DocumentRegister {
  return registerOf(doc.source?.text ?? doc.blocks.map((b) => b.text).join('\n'));
}

/**
 * Whether the register drops a claim: in a requirements or terms document, a claim the writer
 * does not make ("we", "our", "I" as the subject of its clause).
 */
export function registerDrops(register: DocumentRegister, s: SentenceContext, match: RuleMatch): boolean {
  if (register.kind === 'pitch') return false;
  const who = claimContext(s, match)?.clause.who;
  return who !== 'we' && who !== 'writer';
}

/** The register of `doc`, computed on first use: a file with no finding never pays for it. */
export function lazyRegister(doc: InputDocument): () => DocumentRegister {
  let register: DocumentRegister | undefined;
  return () => (register ??= documentRegister(doc));
}
