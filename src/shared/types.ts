// Types shared across the pipeline: input adapters -> text analysis -> rule engine -> fixes -> reporters.
// Keep this file free of runtime imports so every stage can depend on it cheaply.

export const CATEGORIES = [
  'absolute',
  'guarantee',
  'commitment',
  'speed',
  'superlative',
  'roadmap',
  'pricing',
  'pressure',
  // A user rule that names no category and whose id does not start with one (no default rewrite).
  'other',
  // Findings about pitchlint's own suppression directives (not a rule category).
  'directive',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['error', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

/**
 * A place in the user's original file. `line` and `column` are 1-based; columns count UTF-16
 * code units, as ESLint does. Formats without lines fill `line`/`column` with their own
 * coordinates and say so in the extra fields (docx: `paragraph`, pdf: `page`, csv: `row`/`field`).
 */
export interface Location {
  line: number;
  column: number;
  /** Offset into the decoded source text (writable formats only); used by fixes. */
  offset?: number;
  /** docx: 1-based paragraph number (line == paragraph). */
  paragraph?: number;
  /** pdf: 1-based page number (line is the line on that page). */
  page?: number;
  /** csv: 1-based row number (line == row) and the column's header name. */
  row?: number;
  field?: string;
  /** email: the MIME part the text came from, e.g. "1.2 text/html". */
  part?: string;
  /** true when line/column are in decoded text (e.g. base64 or quoted-printable email body). */
  decoded?: boolean;
}

export type BlockKind =
  'paragraph' | 'heading' | 'list-item' | 'table-cell' | 'blockquote' | 'subject' | 'cell' | 'text';

/**
 * One run of prose extracted from a file: a paragraph, heading, table cell, email subject...
 * Sentences never cross blocks. `text` holds only words the writer wrote (markup, code and
 * placeholders removed or neutralised); `locate` maps any index 0..text.length back to the file.
 */
export interface TextBlock {
  text: string;
  kind: BlockKind;
  locate(index: number): Location;
  /**
   * Indexes of the spaces in `text` that stand for a line break of the source (a hard-wrapped or
   * chat line). Sentence splitting decides at each whether the next line starts a new unit.
   */
  lineBreaks?: readonly number[];
  /**
   * For writable formats: the offset in the decoded source of text[index], or -1 when that
   * character does not exist in the source (a synthetic space standing for stripped markup).
   * index == text.length gives the offset just after the block's last character.
   */
  sourceOffset?(index: number): number;
}

/** What an input adapter makes of a file. */
export interface InputDocument {
  filePath: string;
  /** Adapter name: text, markdown, email, html, docx, pdf, csv... */
  format: string;
  blocks: TextBlock[];
  /** Set when --fix can write edits back to `source`. */
  source?: SourceText;
  /** One-line notes for the user, e.g. "positions are in the decoded text of part 1.1". */
  notices?: string[];
}

/** A decoded text file, as read from disk, with what is needed to write it back unchanged. */
export interface SourceText {
  /** Decoded text, BOM removed. Offsets in Location.offset index into this. */
  text: string;
  bom: boolean;
  encoding: 'utf8';
  /** The dominant line ending, kept when writing. */
  eol: '\n' | '\r\n';
}

export interface AdapterOptions {
  /** Lint quoted replies, forwarded messages and signatures too (emails). */
  includeQuoted?: boolean;
  /** Plain-text email detection for .txt files; false turns it off. */
  detectEmail?: boolean;
  /** Template placeholder syntaxes to treat as opaque words. */
  templates?: string[];
  /** CSV: header-name patterns of the free-text columns to lint. */
  csvColumns?: string[];
}

export interface InputFile {
  filePath: string;
  bytes: Buffer;
}

export interface InputAdapter {
  name: string;
  /** Lower-case extensions with the dot, e.g. ['.md', '.markdown']. */
  extensions: string[];
  /** Whether --fix can write this format back. */
  writable: boolean;
  /** Parse a file. Throw an InputError with a one-line message when the content is unusable. */
  parse(file: InputFile, options: AdapterOptions): Promise<InputDocument>;
}

/** A fix: replace source[range[0]..range[1]) with text. Offsets are in SourceText.text. */
export interface Fix {
  range: [number, number];
  text: string;
  /**
   * 'safe': deterministic and meaning-preserving, applied by plain --fix. 'suggested': a
   * judgement call, applied only when asked (--fix-type, review). Absent means 'safe'.
   */
  kind?: 'safe' | 'suggested';
}

/** Another wording of a sentence's rewrite a rep can pick in review. */
export interface RewriteAlternative {
  /** 'soft' keeps more of the draft's voice; 'strict' states only what is certain. */
  label: 'soft' | 'strict';
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  /** Start and end (exclusive) in the original file; see Location. */
  start: Location;
  end: Location;
  /** The sentence the finding is in, as linted, and the flagged span within it. */
  sentence: string;
  span: [number, number];
  /** What to write instead, in words (from the rule). */
  suggestion?: string;
  /** The whole sentence rewritten to the conservative truth (issue: rewrites). */
  rewrite?: string;
  /** Facts the rewrite needed but did not have. */
  missingFacts?: string[];
  /** Other wordings of the rewrite (review shows them as alternatives). */
  alternatives?: RewriteAlternative[];
  /** An automatic fix, when the rewrite has no placeholders. */
  fix?: Fix;
}

export interface FileResult {
  filePath: string;
  format: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  suggestionCount: number;
  notices: string[];
  /** Set when the file could not be linted (unreadable, binary, not UTF-8...); one line. */
  fatal?: string;
  /** The fatal condition may pass on a later run (the file ran out of its time budget): not cached. */
  transient?: true;
  /** The source text, when the format is writable (used by fixes and stylish context). */
  source?: SourceText;
}

/** What reporters and docs know about a rule (no matching logic). */
export interface RuleMeta {
  id: string;
  kind: string;
  /** Severity as configured for this run (or the rule's default). */
  severity: Severity;
  category: Category;
  /** Pack the rule came from, e.g. "recommended". */
  pack: string;
  /** Path of the rule's YAML file. */
  file: string;
  message: string;
  description: string;
  rationale: string;
  suggestion?: string;
}

export interface FormatContext {
  /** Paths are printed relative to this folder (stylish, compact) or made absolute (json, sarif). */
  cwd: string;
  color: boolean;
  /** Metadata of every rule that was active in the run. */
  rules: Map<string, RuleMeta>;
  /** pitchlint's version, for tool metadata (SARIF, JUnit). */
  version: string;
  /** stylish: also print each file's notices (--verbose). Default false. */
  verbose?: boolean;
  /** stylish: wrap to this many columns (the terminal's); unset or 0: no wrapping. */
  width?: number;
  /** junit: the run's --max-warnings, so warnings fail test cases exactly when they fail the run. */
  maxWarnings?: number;
  /**
   * junit: warnings that --quiet left out of the results, by file path. They still count against
   * --max-warnings (as in ESLint), so a run they fail shows failing test cases.
   */
  hiddenWarnings?: Map<string, number>;
}

/** A reporter turns results into the text printed (or written to --output-file). */
export type Formatter = (results: FileResult[], context: FormatContext) => string;
