// Checks of `kind: regex` expressions. pitchlint runs them on RE2 (re2js), which matches in time
// linear in the text: a rule pack from a pull request cannot hang CI. The features RE2 leaves
// out are exactly the ones that need a backtracking engine (backreferences, lookaround, atomic
// groups, possessive quantifiers); an expression using them is rejected with a message that
// says so, and where in the expression it is.
import { RE2JS } from 're2js';
import { ConfigError } from '../shared/errors.js';

export interface RegexProblem {
  /** Offset in the expression of the offending construct. */
  offset: number;
  message: string;
  severity: 'error' | 'warning';
}

const NOT_LINEAR =
  'needs a backtracking regex engine, which can backtrack catastrophically (exponential time on some inputs); pitchlint only runs linear-time (RE2) expressions';

/** Constructs RE2 rejects because they cannot run in linear time. Offsets skip escaped characters and classes. */
function backtrackingOnly(source: string): RegexProblem | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(n)) return { offset: i, message: `backreference "\\${n}" ${NOT_LINEAR}`, severity: 'error' };
      if (!inClass && n === 'k' && source[i + 2] === '<') return { offset: i, message: `named backreference "\\k<...>" ${NOT_LINEAR}`, severity: 'error' };
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === ']') i++;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2);
      const look = /^(=|!|<=|<!)/.exec(rest);
      if (look) {
        const name = { '=': 'lookahead', '!': 'negative lookahead', '<=': 'lookbehind', '<!': 'negative lookbehind' }[look[1]!];
        return { offset: i, message: `${name} "(?${look[1]}...)" ${NOT_LINEAR}; match the words themselves, or use the rule's \`unless\` guards for context`, severity: 'error' };
      }
      if (rest.startsWith('>')) return { offset: i, message: `atomic group "(?>...)" ${NOT_LINEAR}`, severity: 'error' };
    }
    if ((c === '+' || c === '*' || c === '?' || c === '}') && source[i + 1] === '+') {
      return { offset: i + 1, message: `possessive quantifier "${c}+" ${NOT_LINEAR}`, severity: 'error' };
    }
  }
  return undefined;
}

/**
 * A quantified group that itself contains a quantifier, e.g. "(a+)+": the classic shape of
 * catastrophic backtracking. Harmless here (RE2 runs it in linear time), but worth a warning
 * because the same expression would hang a backtracking engine (JavaScript, PCRE) elsewhere.
 */
function nestedQuantifier(source: string): RegexProblem | undefined {
  const stack: Array<{ start: number; quantified: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      if (stack.length && /[+*]/.test(source[i + 1] ?? '')) stack.at(-1)!.quantified = true;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (stack.length && /[+*{]/.test(source[i + 1] ?? '')) stack.at(-1)!.quantified = true;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ start: i, quantified: false });
    else if (c === ')') {
      const g = stack.pop();
      const q = source[i + 1] ?? '';
      if (g && g.quantified && (q === '+' || q === '*' || (q === '{' && /^\{\d+,\d*\}/.test(source.slice(i + 1)) && !/^\{(\d+),\1\}/.test(source.slice(i + 1))))) {
        return {
          offset: g.start,
          message: `nested quantifier "${source.slice(g.start, i + 2)}": safe in pitchlint (RE2 runs in linear time), but it would backtrack catastrophically in other regex engines`,
          severity: 'warning',
        };
      }
      if (g && stack.length && (g.quantified || /[+*{]/.test(q))) stack.at(-1)!.quantified = true;
    } else if ((c === '+' || c === '*') && stack.length) stack.at(-1)!.quantified = true;
  }
  return undefined;
}

/** Compile with RE2 the way the `regex` kind does. */
export function compileRe2(source: string, flags = ''): RE2JS {
  let f = 0;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  return RE2JS.compile(source, f);
}

/** Problems of a regex rule's expression: errors (it will not run) and warnings. */
export function checkRegex(source: string, flags = ''): RegexProblem[] {
  const bad = backtrackingOnly(source);
  if (bad) return [bad];
  try {
    compileRe2(source, flags);
  } catch (e) {
    const msg = (e as Error).message.replace(/^error parsing regexp: /, '');
    const what = /`([^`]*)`$/.exec(msg)?.[1];
    const at = what !== undefined && what !== source ? source.indexOf(what) : 0;
    return [{ offset: Math.max(0, at), message: `invalid regex: ${msg}`, severity: 'error' }];
  }
  const warn = nestedQuantifier(source);
  if (warn) return [warn];
  return [];
}

/** A compiled user regex: RE2 semantics, linear time; `test` is all callers need. */
export interface SafeRegex {
  readonly source: string;
  test(text: string): boolean;
}

/**
 * The one compiler for every regular expression a configuration or rule supplies (`kind: regex`
 * checks, /regex/ terms in `kind: pattern`, `csvColumns` entries): the expression is checked as
 * `kind: regex` checks it and runs on RE2, so no input can make it backtrack. An expression RE2
 * cannot run throws a ConfigError with the same message `kind: regex` gives; `where` names the
 * file and key it came from.
 */
export function compileSafeRegex(source: string, flags = '', where?: string): SafeRegex {
  const problem = checkRegex(source, flags).find((p) => p.severity === 'error');
  if (problem) throw new ConfigError(`/${source}/: ${problem.message}`, where);
  const re = compileRe2(source, flags);
  return { source, test: (text) => re.matcher(text).find() };
}

/** The /regex/ terms of a compromise match pattern, with the offset of each opening "/". */
export function patternRegexTerms(pattern: string): Array<{ source: string; offset: number }> {
  const out: Array<{ source: string; offset: number }> = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '/' && (i === 0 || /[\s(|[!]/.test(pattern[i - 1]!))) {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== '/') j += pattern[j] === '\\' ? 2 : 1;
      if (j >= pattern.length) break;
      out.push({ source: pattern.slice(i + 1, j), offset: i });
      i = j;
    }
  }
  return out;
}
