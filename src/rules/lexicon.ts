// The shared vocabulary of the engine (hedges, negations, verb classes, ...), kept as YAML data in
// rules/lexicon/ so sales ops can extend it without touching code.
import { PhraseSet } from '../text/phrase-set.js';

export interface LexiconData {
  hedges: { hedges: string[]; empty_hedges: string[] };
  negations: { negations: string[]; window: number; honest_limits?: string[] };
  reported: { customer_subjects: string[]; reporting_verbs: string[]; reporting_phrases: string[] };
  time: { deadline_words: string[]; time_nouns: string[]; past_markers: string[] };
  verbs: {
    classes: Record<string, string[]>;
    own_actions: string[];
    own_actions_we?: string[];
    own_deliverables?: string[];
    instruction_verbs?: string[];
  };
  subjects: { classes: Record<string, string[]> };
  modals: { certainty: string[]; soft: string[]; emphatic?: string[]; emphatic_parenthetical?: string[] };
  courtesy: { phrases: string[] };
}

export const LEXICON_FILES = ['hedges', 'negations', 'reported', 'time', 'verbs', 'subjects', 'modals', 'courtesy'] as const;

/** The lexicon compiled into phrase sets, built once per run. */
export class Lexicon {
  readonly hedges: PhraseSet;
  readonly emptyHedges: PhraseSet;
  readonly negations: PhraseSet;
  readonly negationWindow: number;
  /** "can't promise", "not sure", "not yet committed": disclaim a claim anywhere after them. */
  readonly honestLimits: PhraseSet;
  readonly customerSubjects: PhraseSet;
  readonly reportingVerbs: PhraseSet;
  readonly reportingPhrases: PhraseSet;
  readonly deadlineWords: PhraseSet;
  readonly timeNouns: PhraseSet;
  readonly pastMarkers: PhraseSet;
  readonly ownActions: PhraseSet;
  /** The few own actions a team takes on the writer's behalf ("we'll send you", "we'll call"). */
  readonly ownActionsWe: PhraseSet;
  /** What a writer hands over (a quote, the notes, my markup): getting it to the reader is an own action. */
  readonly ownDeliverables: PhraseSet;
  /** Work the reader is told to do ("Answer every lead ...", "Prepare the report ..."). */
  readonly instructionVerbs: PhraseSet;
  readonly certainty: PhraseSet;
  readonly softModals: PhraseSet;
  readonly courtesy: PhraseSet;
  private readonly verbClasses: Record<string, string[]>;
  private readonly subjectClasses: Record<string, string[]>;

  constructor(readonly data: LexiconData) {
    const set = (list: string[], inflect = false): PhraseSet => {
      const s = new PhraseSet();
      for (const p of list) s.add(p, p, inflect);
      return s;
    };
    this.hedges = set(data.hedges.hedges);
    this.emptyHedges = set(data.hedges.empty_hedges);
    this.negations = set(data.negations.negations);
    this.negationWindow = data.negations.window;
    this.honestLimits = set(data.negations.honest_limits ?? []);
    this.customerSubjects = set(data.reported.customer_subjects);
    this.reportingVerbs = set(data.reported.reporting_verbs);
    this.reportingPhrases = set(data.reported.reporting_phrases);
    this.deadlineWords = set(data.time.deadline_words);
    this.timeNouns = set(data.time.time_nouns);
    this.pastMarkers = set(data.time.past_markers);
    this.ownActions = set(data.verbs.own_actions, true);
    this.ownActionsWe = set(data.verbs.own_actions_we ?? [], true);
    this.ownDeliverables = set(data.verbs.own_deliverables ?? []);
    this.instructionVerbs = set(data.verbs.instruction_verbs ?? [], true);
    this.certainty = set(data.modals.certainty);
    this.softModals = set(data.modals.soft);
    this.courtesy = set(data.courtesy.phrases);
    this.verbClasses = data.verbs.classes;
    this.subjectClasses = data.subjects.classes;
  }

  /** Verbs of the named classes; a name that is not a class is taken as a verb itself. */
  verbs(names: string[]): string[] {
    return names.flatMap((n) => this.verbClasses[n] ?? [n]);
  }

  subjects(names: string[]): string[] {
    return names.flatMap((n) => this.subjectClasses[n] ?? [n]);
  }

  hasVerbClass(name: string): boolean {
    return name in this.verbClasses;
  }

  hasSubjectClass(name: string): boolean {
    return name in this.subjectClasses;
  }
}
