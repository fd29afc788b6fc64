// The `pitchlint rules …` and `pitchlint explain` actions. Each returns the exit code and
// writes through `io`, so tests can run them in-process.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { stringify } from 'yaml';
import { builtinPackNames } from '../rules/pack-paths.js';
import { ConfigError } from '../shared/errors.js';
import { ruleSetOfDirs } from '../runner/rulesets.js';
import { loadKind } from '../engine/kinds/index.js';
import { loadNlp } from '../text/nlp.js';
import {
  configFactKeys,
  configFor,
  displayPath,
  displayWhere,
  loadCatalog,
  type Catalog,
  type CatalogOptions,
} from './catalog.js';
import {
  checkRuleFile,
  duplicateIdProblems,
  sortProblems,
  type CheckContext,
  type CheckedFile,
  type RuleProblem,
  docKeyProblems,
} from './check.js';
import type { FlagExample, RuleSource } from '../rules/definition.js';
import { didYouMean } from '../shared/did-you-mean.js';
import { writeDocs } from './docs.js';
import { explainText, type ExplainedSentence } from './explain-sentence.js';
import { describeGuard } from './guard-docs.js';
import { loadLexicon, loadRuleFile, RuleLoadError } from '../rules/loader.js';
import { lexiconDir, packageRoot, schemaPath } from '../shared/paths.js';
import { parseYaml } from '../shared/yaml-source.js';
import { RULE_KINDS, ruleTemplate, schemaRef } from './scaffold.js';
import { testRules } from './tester.js';

export interface IO {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
}

export interface CommonOptions {
  cwd: string;
  config?: string;
  rules?: string[];
}

const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;

const paint = (io: IO): ChalkInstance => new Chalk({ level: io.color ? 1 : 0 });

function catalogOptions(o: CommonOptions, paths: string[]): CatalogOptions {
  return { cwd: o.cwd, paths, ...(o.config ? { config: o.config } : {}), ...(o.rules ? { rules: o.rules } : {}) };
}

/** Load the rule sources of a catalog; problems throw RuleLoadError (exit 2). */
async function loadSources(cat: Catalog): Promise<RuleSource[]> {
  const problems: Array<{ where: string; message: string }> = [];
  const out: RuleSource[] = [];
  for (const f of cat.files) {
    try {
      out.push(await loadRuleFile(f.file, f.pack.name));
    } catch (e) {
      if (e instanceof RuleLoadError) problems.push(...e.problems);
      else if (e instanceof ConfigError)
        problems.push({ where: e.where ?? f.file, message: e.where ? e.message.slice(e.where.length + 2) : e.message });
      else throw e;
    }
  }
  if (problems.length) throw new RuleLoadError(problems);
  return out;
}

/** Run an action; rule files that do not load are listed (paths relative to cwd) with exit 2. */
export async function reportingLoadErrors(io: IO, cwd: string, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof RuleLoadError)) throw e;
    for (const p of sortProblems(e.problems)) io.err(`pitchlint: ${displayWhere(p.where, cwd)}: ${p.message}\n`);
    return EXIT_USAGE;
  }
}

// ---------------------------------------------------------------------------------------------
// rules test

export async function rulesTest(paths: string[], o: CommonOptions, io: IO): Promise<number> {
  const c = paint(io);
  const cat = await loadCatalog(catalogOptions(o, paths), false);
  const lexicon = await loadLexicon();
  let passed = 0;
  let failed = 0;
  let examples = 0;
  let broken = false;
  const byPack = new Map<string, typeof cat.files>();
  for (const f of cat.files) byPack.set(f.pack.dir, [...(byPack.get(f.pack.dir) ?? []), f]);
  for (const files of byPack.values()) {
    const pack = files[0]!.pack;
    io.out(`${c.bold(pack.name)} ${c.dim(displayPath(pack.dir, o.cwd))}\n`);
    for (const f of files) {
      let source: RuleSource;
      try {
        source = await loadRuleFile(f.file, f.pack.name);
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        broken = true;
        failed++;
        io.out(`  ${c.red('✗')} ${displayPath(f.file, o.cwd)} ${c.red('cannot be loaded')}\n`);
        const problems =
          e instanceof RuleLoadError
            ? e.problems
            : [{ where: e.where ?? f.file, message: e.where ? e.message.slice(e.where.length + 2) : e.message }];
        for (const p of problems) io.out(`      ${displayWhere(p.where, o.cwd)}: ${p.message}\n`);
        continue;
      }
      const [r] = await testRules([source], lexicon);
      examples += r!.checked;
      if (r!.failures.length === 0) {
        passed++;
        io.out(`  ${c.green('✓')} ${r!.id} ${c.dim(`(${r!.checked} examples)`)}\n`);
        continue;
      }
      failed++;
      io.out(`  ${c.red('✗')} ${r!.id} ${c.dim(`(${r!.checked} examples, ${r!.failures.length} failed)`)}\n`);
      for (const fl of r!.failures) {
        io.out(`      ${fl.example}${fl.sentence ? `: "${fl.sentence}"` : ''}\n`);
        io.out(`        expected: ${fl.expected}\n`);
        io.out(`        actual:   ${c.red(fl.actual)}\n`);
      }
    }
  }
  io.out(`\n${examples} examples checked in ${passed + failed} rules\n`);
  io.out(`${passed} passed, ${failed} failed\n`);
  return broken ? EXIT_USAGE : failed > 0 ? EXIT_FAIL : EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// rules validate

async function checkContext(cat: Catalog): Promise<CheckContext> {
  const [lexicon, nlp] = await Promise.all([loadLexicon(), loadNlp()]);
  const world = (
    nlp as unknown as {
      world(): { model: { one: { tagSet: Record<string, unknown>; lexicon: Record<string, string | string[]> } } };
    }
  ).world();
  const tagSet = Object.keys(world.model.one.tagSet);
  const words = world.model.one.lexicon;
  const isKnownVerb = (w: string): boolean => {
    const tag = words[w.toLowerCase()];
    const tags = Array.isArray(tag) ? tag : tag ? [tag] : [];
    return tags.some((t) => /Verb|Infinitive|PresentTense|PastTense|PhrasalVerb/.test(t));
  };
  const parseMatch = (nlp as unknown as { parseMatch(p: string): Array<{ word?: string; tag?: string }> }).parseMatch;
  return {
    lexicon,
    tags: tagSet,
    isKnownVerb,
    parseMatch: (p) => parseMatch.call(nlp, p),
    configFacts: [...(await catalogFactKeys()), ...(await configFactKeys(cat.config))],
  };
}

/** Keys of the facts catalog the rewrites know (rules/lexicon/facts.yaml), when present. */
async function catalogFactKeys(): Promise<string[]> {
  const file = join(lexiconDir(), 'facts.yaml');
  try {
    const value = parseYaml(await readFile(file, 'utf8'), file).value;
    return value && typeof value === 'object' ? Object.keys(value) : [];
  } catch {
    return [];
  }
}

export async function rulesValidate(paths: string[], o: CommonOptions & { strict?: boolean }, io: IO): Promise<number> {
  const c = paint(io);
  const packProblems: Array<{ where: string; message: string }> = [];
  const cat = await loadCatalog(catalogOptions(o, paths), true, packProblems);
  const problems: RuleProblem[] = packProblems.map((p) => ({ ...p, severity: 'error' as const }));
  const ctx = { ...(await checkContext(cat)), ...(o.strict ? { strict: true } : {}) };
  const checked: CheckedFile[] = [];
  for (const f of cat.files) checked.push(await checkRuleFile(f.file, f.pack, ctx));
  for (const f of checked) problems.push(...f.problems);
  problems.push(...duplicateIdProblems(checked, (w) => displayWhere(w, o.cwd)));
  const unique = sortProblems(problems).filter(
    (p, i, all) => i === 0 || p.where !== all[i - 1]!.where || p.message !== all[i - 1]!.message,
  );
  const errors = unique.filter((p) => p.severity === 'error');
  const warnings = unique.filter((p) => p.severity === 'warning');
  for (const p of unique) {
    const label = p.severity === 'warning' ? `${c.yellow('warning')}: ` : '';
    (p.severity === 'error' ? io.err : io.out)(`${displayWhere(p.where, o.cwd)}: ${label}${p.message}\n`);
  }
  const n = cat.files.length;
  if (errors.length) {
    const ruleFiles = new Set(cat.files.map((f) => f.file));
    const bad = new Set(errors.map((p) => p.where.replace(/:\d+:\d+$/, '')));
    const badRules = [...bad].filter((f) => ruleFiles.has(f)).length;
    const badOther = bad.size - badRules;
    io.err(
      `${c.red('✖')} ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${badRules} of ${n} rule file${n === 1 ? '' : 's'}${badOther ? ` and ${badOther} pack file${badOther === 1 ? '' : 's'}` : ''}${warnings.length ? `, and ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}\n`,
    );
    return EXIT_USAGE;
  }
  if (warnings.length) io.out(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}\n`);
  io.out(`${n} rule file${n === 1 ? '' : 's'} valid\n`);
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// rules list

export async function rulesList(paths: string[], o: CommonOptions & { format?: string }, io: IO): Promise<number> {
  const format = o.format ?? 'table';
  if (!['table', 'json', 'stylish'].includes(format))
    throw new ConfigError(
      `rules list: unknown format "${format}"${didYouMean(format, ['table', 'json'])}; formats: table, json`,
    );
  const cat = await loadCatalog(catalogOptions(o, paths), false);
  const sources = await loadSources(cat);
  const severities = cat.fromConfig ? cat.config.rules : {};
  const rows = sources.map((s) => ({
    id: s.definition.id,
    kind: s.definition.kind,
    severity: severities[s.definition.id] ?? s.definition.severity,
    category: s.definition.category,
    pack: s.pack,
    file: displayPath(s.file, o.cwd),
    description: s.definition.description,
  }));
  if (format === 'json') {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const c = paint(io);
  const cols = ['id', 'kind', 'severity', 'category', 'pack'] as const;
  const width = Object.fromEntries(cols.map((k) => [k, Math.max(k.length, ...rows.map((r) => r[k].length))])) as Record<
    (typeof cols)[number],
    number
  >;
  const line = (r: Record<(typeof cols)[number], string>): string =>
    cols
      .map((k, i) => (i === cols.length - 1 ? r[k] : r[k].padEnd(width[k])))
      .join('  ')
      .trimEnd();
  io.out(`${c.bold(line({ id: 'ID', kind: 'KIND', severity: 'SEVERITY', category: 'CATEGORY', pack: 'PACK' }))}\n`);
  for (const r of rows) io.out(`${line(r)}\n`);
  io.out(`\n${rows.length} rule${rows.length === 1 ? '' : 's'}\n`);
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// rules explain ID

async function findRule(
  id: string,
  o: CommonOptions,
  extraPaths: string[],
): Promise<{ source?: RuleSource; ids: string[] }> {
  const ids: string[] = [];
  const cats: Catalog[] = [await loadCatalog(catalogOptions(o, extraPaths), true)];
  // Not configured? Every built-in pack can still be explained.
  cats.push(await loadCatalog(catalogOptions({ cwd: o.cwd }, builtinPackNames()), true));
  for (const cat of cats) {
    for (const f of cat.files) {
      let s: RuleSource;
      try {
        s = await loadRuleFile(f.file, f.pack.name);
      } catch {
        continue;
      }
      if (s.definition.id === id) return { source: s, ids };
      ids.push(s.definition.id);
    }
  }
  return { ids };
}

export async function rulesExplain(
  id: string,
  o: CommonOptions & { format?: string; paths?: string[] },
  io: IO,
): Promise<number> {
  const { source, ids } = await findRule(id, o, o.paths ?? []);
  if (!source) {
    io.err(`pitchlint: no rule "${id}"${didYouMean(id, ids)}; run \`pitchlint rules list\` to see the rules\n`);
    return EXIT_USAGE;
  }
  const d = source.definition;
  if (o.format === 'json') {
    io.out(`${JSON.stringify({ ...d, pack: source.pack, file: displayPath(source.file, o.cwd) }, null, 2)}\n`);
    return EXIT_OK;
  }
  const c = paint(io);
  const out: string[] = [];
  out.push(`${c.bold(d.id)}  ${c.dim(`${source.pack} · ${d.kind} · ${d.severity} · ${d.category}`)}`);
  out.push(c.dim(displayPath(source.file, o.cwd)), '');
  if (d.description) out.push(d.description, '');
  if (d.rationale) out.push(`${c.bold('Why:')} ${d.rationale.trim()}`);
  if (d.suggestion) out.push(`${c.bold('Instead:')} ${d.suggestion.trim()}`);
  out.push(`${c.bold('Message:')} ${d.message}`, '');
  out.push(c.bold('Matches:'));
  if (d.kind === 'phrase')
    out.push(`  phrases: ${(d.phrases ?? []).join(', ')}${d.inflect === false ? '' : ' (and their inflections)'}`);
  if (d.kind === 'substitute')
    for (const [a, b] of Object.entries(d.replacements ?? {})) out.push(`  "${a}" -> "${b}"`);
  if (d.kind === 'pattern') out.push(`  pattern: ${d.pattern}`, `  triggers: ${(d.triggers ?? []).join(', ')}`);
  if (d.kind === 'commitment')
    out.push(
      `  verbs: ${(d.verbs ?? []).join(', ')}`,
      `  subjects: ${(d.subjects ?? ['we', 'product', 'customer', 'passive']).join(', ')}`,
      `  requires: ${d.requires ?? 'none'}`,
    );
  if (d.kind === 'regex') out.push(`  regex: ${d.regex}${d.flags ? `  (flags: ${d.flags})` : ''}`);
  if (d.unless?.length) {
    out.push('', c.bold('Not flagged when:'));
    for (const g of d.unless) {
      const { name, text } = describeGuard(g);
      out.push(`  ${name}: ${text}`);
    }
  }
  if (d.examples) {
    out.push('', c.bold('Examples:'));
    for (const ex of d.examples.flag ?? []) {
      const e: FlagExample = typeof ex === 'string' ? { text: ex } : ex;
      out.push(`  ${c.red('flag')}  ${e.text}${e.match ? c.dim(`  [match: ${e.match}]`) : ''}`);
      if (e.rewrite) out.push(`        → ${e.rewrite}`);
    }
    for (const p of d.examples.pass ?? []) out.push(`  ${c.green('pass')}  ${p}`);
  }
  if (d.rewrite !== undefined) {
    out.push('', c.bold('Rewrite:'));
    out.push(
      ...stringify(d.rewrite)
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
  } else out.push('', `${c.bold('Rewrite:')} none (the finding shows the suggestion)`);
  io.out(`${out.join('\n')}\n`);
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// rules new ID --kind KIND [--pack DIR]

/** The rule schema of the pitchlint installed in the project (node_modules), when there is one. */
function projectSchema(dir: string): string | undefined {
  try {
    const pkg = createRequire(join(dir, 'noop.js')).resolve('pitchlint/package.json');
    const schema = join(dirname(pkg), 'schema', 'rule.schema.json');
    return existsSync(schema) ? schema : undefined;
  } catch {
    return undefined;
  }
}

export async function rulesNew(
  id: string,
  o: CommonOptions & { kind?: string; pack?: string; force?: boolean },
  io: IO,
): Promise<number> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) {
    io.err(
      `pitchlint: rule id "${id}" must be kebab-case: lower-case words joined by hyphens, e.g. "guarantee-uptime"\n`,
    );
    return EXIT_USAGE;
  }
  const kind = o.kind ?? 'phrase';
  if (!(RULE_KINDS as string[]).includes(kind)) {
    io.err(`pitchlint: unknown kind "${kind}"${didYouMean(kind, RULE_KINDS)}; kinds: ${RULE_KINDS.join(', ')}\n`);
    return EXIT_USAGE;
  }
  let dir: string;
  if (o.pack) dir = resolve(o.cwd, o.pack);
  else {
    const config = await configFor(o);
    const own = config.raw.rulesDirs?.[0];
    dir = own ? resolve(config.dir, own) : resolve(o.cwd, 'rules');
  }
  const file = join(dir, `${id}.yaml`);
  if (existsSync(file) && !o.force) {
    io.err(`pitchlint: ${displayPath(file, o.cwd)} already exists (use --force to overwrite it)\n`);
    return EXIT_USAGE;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(
    file,
    ruleTemplate(id, await loadKind(kind), schemaRef(file, projectSchema(dir) ?? schemaPath('rule.schema.json'))),
  );
  const shown = displayPath(file, o.cwd);
  io.out(
    `Created ${shown}\n\nNext:\n  1. fill in every TODO (the examples are the rule's tests)\n  2. pitchlint rules validate ${shown}\n  3. pitchlint rules test ${shown}\n`,
  );
  if (!o.pack && !existsSync(join(dir, 'pack.yaml'))) {
    io.out(`  4. to lint with it, add to .pitchlintrc.yaml:  rulesDirs: [${displayPath(dir, o.cwd)}]\n`);
  }
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// rules docs --out DIR

export async function rulesDocs(paths: string[], o: CommonOptions & { out?: string }, io: IO): Promise<number> {
  if (!o.out) {
    io.err('pitchlint: rules docs needs --out DIR\n');
    return EXIT_USAGE;
  }
  const cat = await loadCatalog(catalogOptions(o, paths), true);
  const rules = await loadSources(cat);
  // A page without what the rule flags and why is no doc: name each rule that lacks them.
  const missing = rules.flatMap((r) =>
    docKeyProblems(r.definition, `${r.file}:${r.keyLines.id ?? 1}:1`, 'rules docs').map(
      (p) => `${displayWhere(p.where, o.cwd)}: ${p.message}`,
    ),
  );
  if (missing.length) {
    for (const m of missing) io.err(`${m}\n`);
    io.err(`pitchlint: rules docs wrote nothing: ${missing.length} key${missing.length === 1 ? '' : 's'} missing\n`);
    return EXIT_USAGE;
  }
  const outDir = resolve(o.cwd, o.out);
  const { written, removed } = await writeDocs(outDir, { packs: cat.packs, rules, root: packageRoot() });
  io.out(
    `Wrote ${written} pages (${rules.length} rules and the index) to ${displayPath(outDir, o.cwd)}${removed.length ? `; removed ${removed.length} stale page${removed.length === 1 ? '' : 's'}` : ''}\n`,
  );
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// explain "sentence"

export async function explainCommand(
  text: string,
  o: CommonOptions & { format?: string; paths?: string[] },
  io: IO,
): Promise<number> {
  const cat = await loadCatalog(catalogOptions(o, o.paths ?? []), true);
  // ruleSetOfDirs loads what a lint run would: the packs and the packs they extend.
  const dirs = [...new Set([...cat.packs.map((p) => p.dir), ...cat.files.map((f) => f.pack.dir)])];
  const ruleset = await ruleSetOfDirs(dirs, cat.fromConfig ? cat.config.rules : {});
  const result = await explainText(text, ruleset);
  if (o.format === 'json') {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT_OK;
  }
  io.out(renderExplanation(result, ruleset.rules.length, paint(io)));
  return EXIT_OK;
}

function renderExplanation(sentences: ExplainedSentence[], ruleCount: number, c: ChalkInstance): string {
  const out: string[] = [];
  if (sentences.length === 0) out.push('No sentences found.');
  sentences.forEach((s, i) => {
    if (i > 0) out.push('');
    out.push(c.bold(`Sentence ${i + 1}: ${s.text}`), '');
    out.push(c.bold('Tokens and tags'));
    const w = Math.max(...s.tokens.map((t) => t.text.length), 4);
    for (const t of s.tokens) {
      const norm = t.norm !== t.text.toLowerCase() ? c.dim(` (${t.norm})`) : '';
      out.push(`  ${t.text.padEnd(w)}  ${t.tags.length ? t.tags.join(', ') : c.dim(t.type)}${norm}`);
    }
    out.push('', c.bold(`Prefilter: ${s.candidates.length} of ${ruleCount} rules are candidates`));
    const rw = Math.max(0, ...s.candidates.map((x) => x.rule.length));
    for (const cand of s.candidates)
      out.push(
        `  ${cand.rule.padEnd(rw)}  ${c.dim(`trigger words: ${cand.triggers.map((x) => `"${x}"`).join(', ')}`)}`,
      );
    if (s.skipped.length) out.push(c.dim(`  not tried (none of their trigger words): ${s.skipped.join(', ')}`));
    out.push('', c.bold('Claims (commitment detector, all verb and subject classes)'));
    if (s.claims.length === 0) out.push(c.dim('  none: no subject + will/going to/guaranteed to + outcome verb'));
    for (const cl of s.claims) {
      const dash = (v: string): string => v || '—';
      out.push(
        `  "${cl.match}"`,
        `    who: ${dash(cl.who)} · modal: ${dash(cl.modal)} · verb: ${dash(cl.verb)} · deadline: ${dash(cl.deadline)} · quantity: ${dash(cl.quantity)}`,
      );
    }
    out.push('', c.bold('Hedges, negations and other signals'));
    for (const [name, found] of Object.entries(s.signals)) {
      // Hedges and negations are always shown; other signals only when present.
      if (!found.length && name !== 'hedges' && name !== 'negations') continue;
      out.push(`  ${(name + ':').padEnd(19)} ${found.length ? found.map((x) => `"${x}"`).join(', ') : c.dim('none')}`);
    }
    out.push('', c.bold('Rules'));
    if (s.matches.length === 0 && s.noMatch.length === 0) out.push(c.dim('  no rule was tried'));
    for (const m of s.matches) {
      if (m.outcome === 'fired') {
        out.push(`  ${c.red('✖')} ${m.rule} fired on "${m.match}"`, `      ${m.message}`);
        if (m.rewrite)
          out.push(
            `      rewrite: ${m.rewrite}${m.missingFacts?.length ? c.dim(`  (missing facts: ${m.missingFacts.join(', ')})`) : ''}`,
          );
      } else if (m.outcome === 'merged') {
        out.push(
          `  ${c.dim('=')} ${m.rule} matched "${m.match}", merged into a finding of another ${'rule'} of its category on the same words (one claim, one finding)`,
        );
      } else {
        out.push(`  ${c.green('○')} ${m.rule} matched "${m.match}" but was suppressed by guard "${m.guard}": ${m.why}`);
        const others = m.guards.filter((g) => g !== m.guard);
        if (others.length) out.push(c.dim(`      (also applies: ${others.join(', ')})`));
      }
    }
    for (const id of s.noMatch) out.push(c.dim(`  · ${id}: candidate, but its ${'matcher'} found no match`));
  });
  return `${out.join('\n')}\n`;
}
