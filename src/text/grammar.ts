// Closed word classes of English that the guards, the rule kinds and the rewrites share: what
// breaks a clause, the auxiliaries, the determiners. One home, so a word added to a class is
// added everywhere that class is meant; where a reader deliberately wants a different boundary
// (a negation reaches across "which" but not across "and"), its set is composed here from the
// same pieces and named after its reader, with the reason.

/** A set of lower-case words (and punctuation tokens) from several lists. */
export function wordSet(...lists: ReadonlyArray<readonly string[]>): ReadonlySet<string> {
  return new Set(lists.flat());
}

const without = (list: readonly string[], drop: readonly string[]): string[] => list.filter((w) => !drop.includes(w));

// ---------------------------------------------------------------------------------------------
// Punctuation and conjunctions that end a clause

/** Separators inside a sentence. */
export const SEPARATORS = [',', ';', ':'] as const;
export const DASHES = ['—', '–'] as const;
export const BRACKETS = ['(', ')'] as const;
export const SENTENCE_ENDS = ['.', '!', '?'] as const;
/** Quotation marks and the ellipsis, which end a clause for the rewrites (they edit inside one). */
export const QUOTES_AND_ELLIPSIS = ['"', '“', '”', '…'] as const;

export const COORDINATORS = ['and', 'but', 'or', 'so'] as const;
/** Conjunctions that open a clause of contrast or reason. */
export const CONTRAST_OR_REASON = ['but', 'because', 'while', 'though', 'although', 'whereas'] as const;
/** Conjunctions that open a condition or a time clause. */
export const CONDITION_OR_TIME = ['if', 'unless', 'once', 'when'] as const;
export const RELATIVE_PRONOUNS = ['which', 'who', 'that'] as const;

const PUNCTUATION = [...SEPARATORS, ...DASHES, ...BRACKETS, ...SENTENCE_ENDS];

/**
 * Clause boundaries, per reader. Each is the punctuation above plus the conjunctions its reader
 * must not look across.
 */
export const CLAUSE_BREAKS = {
  /** hedged guard: a hedge qualifies its own clause; a relative "which" starts another. */
  hedge: wordSet(PUNCTUATION, ['which', 'but', 'though', 'although', 'because', 'while']),
  /** negated guard: a negation before "and"/"so" belongs to another claim; brackets do not stop it. */
  negation: wordSet(SEPARATORS, SENTENCE_ENDS, DASHES, ['but', 'and', 'so', 'because', 'while', 'though', 'although']),
  /** own-action guard: the writer's action and its object stay in one simple clause. */
  ownAction: wordSet(SEPARATORS, SENTENCE_ENDS, ['but', 'and', 'or', 'because', 'so']),
  /** third-party guard: who a claim is about is found within its clause, relative clauses apart. */
  thirdParty: wordSet(PUNCTUATION, COORDINATORS, ['because', 'while'], RELATIVE_PRONOUNS),
  /** commitment kind: the modal and its verb and deadline stay within one clause. */
  commitment: wordSet(PUNCTUATION, ['but', 'if', 'unless', 'once', 'when', 'because', 'so', 'or', 'and']),
  /** commitment kind: where the search for a claim's subject stops (a sentence end does not). */
  commitmentSubject: wordSet(SEPARATORS, BRACKETS, DASHES, ['but', 'and', 'so', 'because', 'if', 'when', 'once']),
  /** rewrites: punctuation that ends the clause an operation edits. */
  rewritePunctuation: wordSet(SEPARATORS, DASHES, BRACKETS, SENTENCE_ENDS, QUOTES_AND_ELLIPSIS),
  /** rewrites: conjunctions that end the clause an operation edits ("and"/"or" join within it). */
  rewriteConjunctions: wordSet(['but', 'because', 'while', 'which', 'whereas', 'although', 'though']),
} as const;

// ---------------------------------------------------------------------------------------------
// Auxiliaries

/** Forms of "be" a subject takes before a participle or adjective ("is", "'s", "were"). */
export const BE_FORMS = ['is', 'are', 'am', "'s", 'was', 'were'] as const;

/** Every auxiliary and modal verb, with the contracted "'s". */
export const AUXILIARIES = [
  'is',
  'are',
  'am',
  'was',
  'were',
  'be',
  'been',
  'being',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  "'s",
] as const;

/** Auxiliaries that carry a negation after a subject ("... isn't", "... won't be", "... aren't"). */
export const NEGATION_CARRYING_AUXILIARIES = [
  'is',
  'are',
  'was',
  'were',
  'will',
  'can',
  'does',
  'do',
  'would',
  'could',
  'has',
  'have',
] as const;

/**
 * The third-party guard's auxiliaries between a subject and its verb: the auxiliaries without
 * the forms that rarely stand there ("am", "being", "'s"), and "not".
 */
export const AUXILIARIES_BEFORE_VERB = [...without(AUXILIARIES, ['am', 'being', "'s"]), 'not'] as const;

// ---------------------------------------------------------------------------------------------
// Determiners

/** Determiners and possessives that open a noun phrase ("the", "our", "every", "no"). */
export const DETERMINERS = [
  'the',
  'a',
  'an',
  'our',
  'your',
  'their',
  'its',
  'this',
  'that',
  'these',
  'those',
  'every',
  'each',
  'all',
  'any',
  'some',
  'no',
  'my',
] as const;

/**
 * The reported guard's determiners, that open the noun phrase a reported clause may follow
 * ("the dashboard you need"): a narrower list than DETERMINERS.
 */
export const NEUTRAL_DETERMINERS = [
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'our',
  'any',
  'every',
  'each',
  'all',
] as const;

// ---------------------------------------------------------------------------------------------
// Time and certainty words of the claim model (engine/claim.ts)

/** Chat spellings of an immediate time ("van's at yours by 9 tmrw"). */
export const SLANG_TIME = ['tmrw', 'tmr', 'tmrow', 'tomoz', '2moro', '2morrow', 'tonite', '2nite'] as const;
/** Units a duration is counted in ("in 90 minutes", "within 2 business days", "over a weekend"). */
export const DURATION_UNITS = [
  'second',
  'seconds',
  'sec',
  'secs',
  'minute',
  'minutes',
  'min',
  'mins',
  'hour',
  'hours',
  'hr',
  'hrs',
  'h',
  'day',
  'days',
  'week',
  'weeks',
  'wk',
  'wks',
  'weekend',
  'night',
  'afternoon',
  'morning',
  'evening',
  'visit',
] as const;
/** "AM"/"PM": a time of day only right after a clock figure ("by 9 AM", not "by AM Best"). */
export const MERIDIEM_WORDS = ['am', 'pm', 'a.m', 'p.m'] as const;
/** Words that turn a period backwards ("over the last 12 months", "within the past year"). */
export const PAST_PERIOD_WORDS = ['last', 'past', 'previous', 'preceding'] as const;
/** Words after a bare number that make it a clock time ("by 9 sharp", "at 7 tmrw", "by 3."). */
export const CLOCK_FOLLOWERS = [
  'sharp',
  "o'clock",
  'am',
  'pm',
  'a.m',
  'p.m',
  'tomorrow',
  'tonight',
  ...SLANG_TIME,
] as const;
/** Words after "can" that hedge it ("we can usually", "we can try to"). */
export const CAN_HEDGES = [
  'usually',
  'typically',
  'often',
  'sometimes',
  'normally',
  'generally',
  'try',
  'probably',
  'possibly',
  'potentially',
  'maybe',
  'occasionally',
  'not',
  'only',
  'help',
] as const;

/** Cardinal number words, two to fifty, as written in claims ("in two weeks", "cut by thirty"). */
export const CARDINALS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'twelve',
  'fifteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
] as const;

// ---------------------------------------------------------------------------------------------
// Claim-context guards (engine/claim-context.ts, engine/guards/{disclaimed,narrative,
// requirement,offered,customer-side}.ts): the words that tell a claim from a disclaimer, a
// report of the past, a requirement, an offered option or the reader's own step.

/** Verbs a disclaimer denies: "does not warrant that ...", "doesn't promise", "not constitute a guarantee". */
export const DISCLAIMING_VERBS = [
  'warrant',
  'warrants',
  'guarantee',
  'guarantees',
  'promise',
  'promises',
  'represent',
  'represents',
  'assure',
  'assures',
  'ensure',
  'ensures',
  'pretend',
  'claim',
  'constitute',
  'constitutes',
  'imply',
  'implies',
  'mean',
  'means',
  'make',
  'makes',
  'offer',
  'offers',
  'provide',
  'provides',
  'have',
  'has',
  'give',
  'gives',
] as const;

/** Nouns of a promise, for definitions ("a guarantee of progress, not a promise of a ranking"). */
export const PROMISE_NOUNS = [
  'guarantee',
  'promise',
  'commitment',
  'warranty',
  'pledge',
  'assurance',
  'representation',
] as const;

/** Words before "always"/"never" that keep the clause in the present or future ("are always fixed"). */
export const PRESENT_AUXILIARIES = [
  'is',
  'are',
  'am',
  'be',
  "'s",
  'will',
  'shall',
  'can',
  'get',
  'gets',
  'do',
  'does',
  'would',
  'should',
  'must',
  'may',
  'might',
] as const;

/** Words of obligation: a requirement on someone, not a promise ("Seller must ...", "orders must be received by 1pm"). */
export const OBLIGATION_PHRASES = [
  ['must'],
  ['required', 'to'],
  ['requires'],
  ['responsible', 'for'],
  ['obligated', 'to'],
  ['expected', 'to'],
  ['needs'],
] as const;

/**
 * Duties that open a task list or a job description ("Maintain accurate records for each
 * account", "Conduct all working group meetings on schedule"): work assigned, not a claim.
 */
export const DUTY_VERBS = [
  'maintain',
  'conduct',
  'attend',
  'prepare',
  'coordinate',
  'monitor',
  'assist',
  'oversee',
  'submit',
  'facilitate',
  'participate',
  'compile',
  'administer',
  'reconcile',
  'liaise',
  'collaborate',
] as const;

/** Words after a claim that offer it as an option, not promise it ("Same-day service available"). */
export const OFFERED_AFTER = ['available', 'offered', 'optional', 'upon', 'on'] as const;

/** The reader's own steps: a time on one of these is the reader's deadline, not the business's. */
export const READER_STEPS = [
  ['let', 'us', 'know'],
  ['tell', 'us'],
  ['notify', 'us'],
  ['notified', 'us'],
  ['contact', 'us'],
  ['contacted', 'us'],
  ['call', 'us'],
  ['email', 'us'],
  ['reach', 'out'],
  ['you', 'apply'],
  ['you', 'change'],
  ['you', 'cancel'],
  ['you', 'want', 'it'],
  ['you', 'want', 'to'],
  ['you', 'have', 'any'],
  ['you', 'decide'],
  ['you', 'find'],
  ['you', 'upgrade'],
  ['you', 'will', 'need', 'to'],
  ['you', 'need', 'to'],
  ['you', 'must'],
  ['you', 'pay'],
  ['you', 'are', 'unhappy'],
  ['you', 'are', 'not', 'happy'],
  ['you', 'are', 'not', 'satisfied'],
  ['you', 'are', 'dissatisfied'],
  ['payment', 'is', 'made'],
  ['payment', 'is', 'received'],
  ['payment', 'clears'],
] as const;

/** Checks an instruction asks of the reader before an event ("Review the details before you apply"). */
export const READER_CHECKS = [
  'check',
  'review',
  'confirm',
  'verify',
  'read',
  'update',
  'make',
  'ensure',
  'remember',
  'note',
  'double-check',
  'sign',
  'log',
] as const;

/** Verbs of the writer's own next step on the customer's behalf ("we will contact the carrier"). */
export const OWN_STEP_VERBS = [
  'contact',
  'notify',
  'advise',
  'inform',
  'alert',
  'email',
  'call',
  'text',
  'let',
  'confirm',
  'acknowledge',
  'file',
  'forward',
] as const;

/** Back-office steps a published schedule names ("will be processed on Monday", "rebates are issued within 8 weeks"). */
export const PROCESSING_VERBS = [
  'processed',
  'issued',
  'credited',
  'mailed',
  'posted',
  'considered',
  'reviewed',
  'paid',
  'deleted',
  'refunded',
  'billed',
  'charged',
  'invoiced',
  'reimbursed',
  'deposited',
  'applied',
  'calculated',
  'prorated',
  'disbursed',
  'remitted',
  'reconciled',
  'archived',
  'purged',
] as const;

/** Parties a contract names as defined terms, capitalized ("the Contractor shall", "Customer will not"). */
export const DEFINED_PARTIES = [
  'contractor',
  'customer',
  'offeror',
  'quoter',
  'government',
  'provider',
  'licensee',
  'licensor',
  'vendor',
  'seller',
  'buyer',
  'agency',
  'subscriber',
  'purchaser',
  'supplier',
  'reseller',
  'client',
] as const;

/** Openers of a purpose or mission line ("To make fitness simple for every member"): an aim, not a promise. */
export const MISSION_NOUNS = ['mission', 'vision', 'purpose', 'aim', 'goal', 'ambition', 'aspiration'] as const;

/** Quantifiers that make a subject a share below all ("most quotes are ready in 5 minutes"). */
export const SHARE_QUANTIFIERS = ['most', 'many', 'some', 'several', 'majority'] as const;

/** A reply to the reader: its window of a day or more is routine ("we'll get back to you within 24 hours"). */
export const REPLY_PHRASES = [
  ['get', 'back', 'to', 'you'],
  ['gets', 'back', 'to', 'you'],
  ['respond'],
  ['responds'],
  ['reply'],
  ['replies'],
  ['be', 'in', 'touch'],
  ['contact', 'you'],
  ['call', 'you', 'back'],
  ['follow', 'up'],
  ['hear', 'back'],
  ['hear', 'from', 'us'],
] as const;

// =============================================================================================
// Claims (engine/claim.ts, engine/kinds/commitment.ts): the words the claim model reads. Kept
// here, apart from the classes above, so the claim model and the commitment kind share one home
// for grammar knowledge.

/**
 * Adverbs of speed that make the business's own work a speed promise ("our mechanics will
 * quickly find the fault", "we fix it fast", "the issue will be resolved right away"). Each entry
 * is a phrase (its words in order).
 */
export const SPEED_ADVERBS: readonly (readonly string[])[] = [
  ['quickly'],
  ['promptly'],
  ['swiftly'],
  ['rapidly'],
  ['speedily'],
  ['fast'],
  ['immediately'],
  ['instantly'],
  ['right', 'away'],
  ['straight', 'away'],
  ['straightaway'],
  ['without', 'delay'],
  ['in', 'no', 'time'],
  ['in', 'a', 'flash'],
  ['in', 'a', 'jiffy'],
  ['on', 'the', 'spot'],
];

/**
 * Words before a speed adverb that make it a measure or a hope, not a promise: "as quickly as
 * possible", "how quickly", "so fast that", "too quickly".
 */
export const SPEED_ADVERB_DENIERS = ['as', 'how', 'so', 'too', 'not', 'never', 'more', 'less'] as const;
