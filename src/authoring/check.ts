// `pitchlint rules validate`: every check a rule file can fail before it runs, each with the
// file, line and column of the offending YAML node. Beyond the JSON schema (keys, kinds,
// severities, guards — with "did you mean"): required examples, compromise pattern syntax and
// tags, regexes that need a backtracking engine, verb and subject classes, `{facts.…}`
// references, message placeholders, and duplicate rule ids across every pack checked.
import { ConfigError } from '../shared/errors.js';
import { loadKind } from '../engine/kinds/index.js';
import { phraseTokens } from '../text/tokens.js';
import { DOC_KEYS, withDefaults, type RuleDefinition, type RuleSource } from '../rules/definition.js';
import { closest, didYouMean } from '../shared/did-you-mean.js';
import { factRefs, STANDARD_FACTS, stringsIn } from '../rules/facts.js';
import type { Lexicon } from '../rules/lexicon.js';
import { readRuleYaml, RuleLoadError, type PackInfo } from '../rules/loader.js';
import { checkPattern } from '../rules/pattern-syntax.js';
import { checkRegex, compileRe2 } from '../rules/regex-safety.js';
import { validateAgainstSchema } from '../shared/validate.js';
import { topLevelKeyLines, whereInString, whereIs, type YamlSource } from '../shared/yaml-source.js';

export interface RuleProblem {
  /** "file:line:col" (or "file"). */
  where: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CheckContext {
  lexicon: Lexicon;
  /** compromise's tag names; unknown #Tags in patterns are reported against them. */
  tags: readonly string[];
  /** Verbs compromise's lexicon knows (infinitives), to tell a plain verb from a misspelled class. */
  isKnownVerb: (word: string) => boolean;
  /** compromise's own pattern parser (nlp.parseMatch). */
  parseMatch?: (pattern: string) => Array<{ word?: string; tag?: string }>;
  /** Fact keys from the configuration (the standard keys are always known). */
  configFacts: readonly string[];
  /** `rules validate --strict`: also require what docs need (description, rationale). */
  strict?: boolean;
}

/**
 * The keys a rule loads without but its docs need (`rules validate --strict`, `rules docs`):
 * one problem per missing key, at the rule's id.
 */
export function docKeyProblems(def: Partial<RuleDefinition>, where: string, asked: string): RuleProblem[] {
  const what: Record<(typeof DOC_KEYS)[number], string> = {
    description: 'what the rule flags, in one sentence',
    rationale: 'why the claim hurts the customer relationship',
  };
  return DOC_KEYS.filter((k) => typeof def[k] !== 'string' || def[k].trim() === '').map((k) =>
    err(where, `missing "${k}" (${what[k]}): ${asked} asks for it; a rule loads without it`),
  );
}

const err = (where: string, message: string): RuleProblem => ({ where, message, severity: 'error' });
const warn = (where: string, message: string): RuleProblem => ({ where, message, severity: 'warning' });

export interface CheckedFile {
  file: string;
  src?: YamlSource;
  definition?: RuleDefinition;
  problems: RuleProblem[];
}

/** Check one rule file. Never throws for problems in the file. */
export async function checkRuleFile(file: string, pack: PackInfo, ctx: CheckContext): Promise<CheckedFile> {
  let src: YamlSource;
  try {
    src = await readRuleYaml(file);
  } catch (e) {
    if (e instanceof RuleLoadError) return { file, problems: e.problems.map((p) => err(p.where, p.message)) };
    if (e instanceof ConfigError)
      return { file, problems: [err(e.where ?? file, e.where ? e.message.slice(e.where.length + 2) : e.message)] };
    throw e;
  }
  const problems: RuleProblem[] = (await validateAgainstSchema(src, 'rule')).map((p) => err(p.where, p.message));
  // What the file leaves out (severity, category) gets its default, as when a run loads it.
  const def = withDefaults(src.value as RuleDefinition);
  // The kind's placeholders (an unknown kind was reported by the schema: none then).
  const kindOf = await loadKind(def.kind).catch(() => undefined);
  problems.push(...semanticProblems(src, def, ctx, kindOf?.captures ?? []));
  if (ctx.strict) problems.push(...docKeyProblems(def, whereIs(src, ['id'], true), 'rules validate --strict'));
  // Last, the kind's own compile step (it may reject what the checks above cannot see).
  if (!problems.some((p) => p.severity === 'error')) {
    try {
      const kind = await loadKind(def.kind);
      kind.compile(def, {
        lexicon: ctx.lexicon,
        source: { definition: def, file, pack: pack.name, keyLines: topLevelKeyLines(src) } satisfies RuleSource,
      });
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      problems.push(err(e.where ?? whereIs(src, []), e.where ? e.message.slice(e.where.length + 2) : e.message));
    }
  }
  return { file, src, definition: def, problems: sortProblems(problems) };
}

function str(v: unknown): v is string {
  return typeof v === 'string';
}

function semanticProblems(
  src: YamlSource,
  def: RuleDefinition,
  ctx: CheckContext,
  kindCaptures: readonly string[],
): RuleProblem[] {
  const out: RuleProblem[] = [];
  const kind = def.kind;

  // Examples are mandatory: they are the rule's tests (`pitchlint rules test`).
  if (def.examples === undefined) {
    out.push(
      err(
        whereIs(src, []),
        'missing required key "examples": every rule needs sentences it must flag and sentences it must pass (examples: { flag: [...], pass: [...] }); `pitchlint rules test` runs them',
      ),
    );
  }

  // Placeholders left from `pitchlint rules new`: one warning per file, at the first one.
  const todos = stringsIn(src.value).filter((x) => /\bTODO\b/.test(x.text));
  if (todos.length) {
    const where = [...new Set(todos.map((t) => String(t.path[0])))];
    out.push(
      warn(
        whereIs(src, todos[0]!.path),
        `${todos.length} TODO placeholder${todos.length === 1 ? '' : 's'} left (${where.join(', ')}): replace them with the real text`,
      ),
    );
  }

  if (kind === 'pattern' && str(def.pattern)) {
    for (const p of checkPattern(def.pattern, ctx.tags, didYouMean, ctx.parseMatch))
      out.push(err(whereInString(src, ['pattern'], p.offset), `malformed pattern: ${p.message}`));
  }

  let regexGroups: string[] = [];
  if (kind === 'regex' && str(def.regex)) {
    const found = checkRegex(def.regex, str(def.flags) ? def.flags : '');
    for (const p of found)
      out.push({ where: whereInString(src, ['regex'], p.offset), message: p.message, severity: p.severity });
    if (!found.some((p) => p.severity === 'error'))
      regexGroups = Object.keys(compileRe2(def.regex, str(def.flags) ? def.flags : '').namedGroups());
  }

  if (kind === 'commitment') {
    const verbClasses = Object.keys(ctx.lexicon.data.verbs.classes);
    const classVerbs = new Set(Object.values(ctx.lexicon.data.verbs.classes).flat());
    (Array.isArray(def.verbs) ? def.verbs : []).forEach((name, i) => {
      if (!str(name) || ctx.lexicon.hasVerbClass(name)) return;
      const where = whereIs(src, ['verbs', i]);
      const first = name.trim().split(/\s+/)[0] ?? '';
      const plainVerb = classVerbs.has(name) || ctx.isKnownVerb(first);
      const typo = closest(name, verbClasses);
      // Anything else is taken as a plain verb ("migrate"), as the commitment kind does.
      if (!plainVerb && typo)
        out.push(
          err(
            where,
            `unknown verb class "${name}" (did you mean "${typo}"?); verb classes: ${verbClasses.join(', ')} (or write a plain verb)`,
          ),
        );
    });
    const subjectClasses = Object.keys(ctx.lexicon.data.subjects.classes);
    (Array.isArray(def.subjects) ? def.subjects : []).forEach((name, i) => {
      if (!str(name) || ctx.lexicon.hasSubjectClass(name)) return;
      out.push(
        err(
          whereIs(src, ['subjects', i]),
          `unknown subject class "${name}"${didYouMean(name, subjectClasses)}; subject classes: ${subjectClasses.join(', ')}`,
        ),
      );
    });
  }

  if ((kind === 'phrase' || kind === 'pattern') && Array.isArray(kind === 'phrase' ? def.phrases : def.triggers)) {
    const key = kind === 'phrase' ? 'phrases' : 'triggers';
    ((kind === 'phrase' ? def.phrases : def.triggers) ?? []).forEach((p, i) => {
      if (str(p) && phraseTokens(p).length === 0)
        out.push(err(whereIs(src, [key, i]), `${key}[${i}] "${p}" has no words to match`));
    });
  }

  // Placeholders: {facts.…} must name a known fact; {name} must be something the kind fills.
  const knownFacts = [...Object.keys(STANDARD_FACTS), ...ctx.configFacts];
  const known = new Set(knownFacts);
  const captures = ['match', 'sentence', ...kindCaptures, ...regexGroups];
  const texts: Array<{ path: Array<string | number>; text: string }> = [];
  for (const key of ['message', 'suggestion'] as const) if (str(def[key])) texts.push({ path: [key], text: def[key] });
  if (def.rewrite !== undefined) texts.push(...stringsIn(def.rewrite, ['rewrite']));
  for (const { path, text } of texts) {
    for (const ref of factRefs(text)) {
      if (known.has(ref.key)) continue;
      out.push(
        err(
          whereInString(src, path, ref.offset),
          `unknown fact "${ref.key}" in {facts.${ref.key}}${didYouMean(ref.key, knownFacts)}; use a standard fact key (see docs/writing-rules.md, "Standard fact keys") or add it to your config's facts:`,
        ),
      );
    }
    if (path[0] === 'rewrite') continue;
    const re = /\{([A-Za-z_]\w*)\}/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (captures.includes(m[1]!)) continue;
      out.push(
        warn(
          whereInString(src, path, m.index),
          `placeholder {${m[1]}} is not filled by a ${kind} rule${didYouMean(m[1]!, captures)}; available: ${captures.map((c) => `{${c}}`).join(', ')}`,
        ),
      );
    }
  }
  return out;
}

/** Duplicate ids across all checked files: reported on every later file, pointing at the first. */
export function duplicateIdProblems(files: CheckedFile[], display: (where: string) => string): RuleProblem[] {
  const first = new Map<string, string>();
  const out: RuleProblem[] = [];
  for (const f of files) {
    const id = f.definition?.id;
    if (!f.src || !str(id)) continue;
    const where = whereIs(f.src, ['id']);
    const prev = first.get(id);
    if (prev)
      out.push(
        err(
          where,
          `duplicate rule id "${id}": already defined at ${display(prev)}; rule ids must be unique across all packs`,
        ),
      );
    else first.set(id, where);
  }
  return out;
}

const POS = /:(\d+):(\d+)$/;

/** Sort problems by file, line and column. */
export function sortProblems<T extends { where: string }>(problems: T[]): T[] {
  const key = (w: string): [string, number, number] => {
    const m = POS.exec(w);
    return m ? [w.slice(0, m.index), Number(m[1]), Number(m[2])] : [w, 0, 0];
  };
  return [...problems].sort((a, b) => {
    const [fa, la, ca] = key(a.where);
    const [fb, lb, cb] = key(b.where);
    return fa.localeCompare(fb) || la - lb || ca - cb;
  });
}
