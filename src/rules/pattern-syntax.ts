// Static checks of compromise match patterns (`kind: pattern`). compromise itself never rejects
// a pattern: an unbalanced "(" or an unknown "#Tag" silently becomes a word or a tag that no
// term has, and the rule never fires. These checks turn that into an error with a column.

import { compileSafeRegex } from './regex-safety.js';

export interface PatternProblem {
  /** Offset of the offending character in the pattern. */
  offset: number;
  message: string;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Unbalanced (), [] and {} and unterminated /regex/, outside regex literals. */
export function checkBrackets(pattern: string): PatternProblem[] {
  const stack: Array<{ ch: string; offset: number }> = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    // A /regex/ term: starts a term (after a space, "(", "|" or the start).
    if (c === '/' && (i === 0 || /[\s(|[!]/.test(pattern[i - 1]!))) {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== '/') j += pattern[j] === '\\' ? 2 : 1;
      if (j >= pattern.length) return [{ offset: i, message: 'unterminated /regex/ term: add the closing "/"' }];
      i = j;
      continue;
    }
    if (c in CLOSERS) stack.push({ ch: c, offset: i });
    else if (c in OPENERS) {
      const top = stack.pop();
      if (!top) return [{ offset: i, message: `unbalanced "${c}": no "${OPENERS[c]}" opens it` }];
      if (top.ch !== OPENERS[c]) {
        return [{ offset: i, message: `"${c}" closes "${top.ch}" (opened at column ${top.offset + 1} of the pattern); expected "${CLOSERS[top.ch]}"` }];
      }
    }
  }
  const open = stack.pop();
  return open ? [{ offset: open.offset, message: `unbalanced "${open.ch}": it is never closed with "${CLOSERS[open.ch]}"` }] : [];
}

/** `#Tag` references; each with its offset (the "#"). Skips /regex/ literals. */
export function tagRefs(pattern: string): Array<{ tag: string; offset: number }> {
  const out: Array<{ tag: string; offset: number }> = [];
  const re = /\/(?:\\.|[^/\\])*\/|#([A-Za-z][A-Za-z0-9]*)/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) if (m[1]) out.push({ tag: m[1], offset: m.index });
  return out;
}

/** Empty alternatives and groups: "(a||b)", "()", "(a|)". */
export function checkAlternatives(pattern: string): PatternProblem[] {
  const out: PatternProblem[] = [];
  const re = /\(\s*\)|\(\s*\||\|\s*\||\|\s*\)/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    out.push({ offset: m.index, message: `empty alternative "${m[0]}": every "|" needs a word or tag on both sides` });
    break;
  }
  return out;
}

type ParsedTerm = { word?: string; tag?: string; choices?: ParsedTerm[][] };

/**
 * What compromise's own parser (nlp.parseMatch) makes of the pattern: a term it reads as a
 * literal word although it holds "|" or brackets, or a "#" without a tag name, never matches.
 */
export function checkParsed(pattern: string, parseMatch: (p: string) => ParsedTerm[]): PatternProblem[] {
  const out: PatternProblem[] = [];
  const walk = (terms: ParsedTerm[]): void => {
    for (const t of terms) {
      if (t.choices) for (const c of t.choices) walk(c);
      if (typeof t.word === 'string' && t.word.includes('|') && !/[()[\]{}]/.test(t.word)) {
        const at = Math.max(0, pattern.indexOf(t.word));
        out.push({ offset: at, message: `compromise reads "${t.word}" as one literal word: put alternatives in parentheses, "(${t.word})"` });
      }
      if (t.tag === '') {
        const at = Math.max(0, pattern.search(/#(?![A-Za-z])/));
        out.push({ offset: at, message: '"#" without a tag name: write a tag such as #Verb or #Noun' });
      }
    }
  };
  walk(parseMatch(pattern));
  return out;
}

/**
 * Every problem of a pattern. `tags`: compromise's tag names (from its tag set); when given,
 * unknown #Tags are reported with the closest known tag.
 */
export function checkPattern(
  pattern: string,
  tags?: readonly string[],
  suggest?: (word: string, candidates: readonly string[]) => string,
  parseMatch?: (p: string) => ParsedTerm[],
): PatternProblem[] {
  const problems = [...checkBrackets(pattern), ...checkAlternatives(pattern)];
  if (problems.length === 0 && parseMatch) problems.push(...checkParsed(pattern, parseMatch));
  if (tags) {
    const known = new Set(tags.map((t) => t.toLowerCase()));
    for (const ref of tagRefs(pattern)) {
      if (known.has(ref.tag.toLowerCase())) continue;
      const hint = suggest ? suggest(`#${ref.tag}`, tags.map((t) => `#${t}`)) : '';
      problems.push({ offset: ref.offset, message: `unknown tag "#${ref.tag}"${hint}; tags are compromise's (#Noun, #Verb, #Adjective, #Adverb, #Modal, #Value, ...)` });
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

/** What compromise's parseMatch makes of a term: the parts this module reads or rewrites. */
interface MatchReg {
  regex?: { test(s: string): boolean; source?: string };
  choices?: MatchReg[][];
  [key: string]: unknown;
}

/** The compromise view methods needed to pre-parse a match pattern. */
export interface MatchParser {
  methods: { one: { parseMatch(p: string, opts: object, world: unknown): unknown; killUnicode?(p: string, world: unknown): string } };
  world: unknown;
}

const NEVER = { source: '(?!)', test: (): boolean => false };

/**
 * A compromise match pattern parsed once, with every /regex/ term running on RE2 instead of
 * JavaScript's backtracking engine (compromise compiles them with `new RegExp`): `/^(a+)+b$/` in a
 * pattern cannot hang a run. A term RE2 cannot compile never matches (the loader has already
 * reported it as an error; see staticProblems).
 */
export function safeMatchRegs(parser: MatchParser, pattern: string): unknown {
  const one = parser.methods.one;
  const text = one.killUnicode ? one.killUnicode(pattern, parser.world) : pattern;
  const regs = one.parseMatch(text, {}, parser.world) as MatchReg[];
  const walk = (list: MatchReg[]): void => {
    for (const reg of list) {
      if (reg.regex) {
        const re = reg.regex as RegExp;
        try {
          reg.regex = compileSafeRegex(re.source, re.flags.includes('i') ? 'i' : '');
        } catch {
          reg.regex = NEVER;
        }
      }
      for (const choice of reg.choices ?? []) walk(choice);
    }
  };
  walk(regs);
  return regs;
}
