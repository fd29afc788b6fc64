#!/usr/bin/env node
// Measures the rewrites (issue 3) on the labeled sentences that should be flagged (flag: true):
// how many get a rewrite, how many rewrites re-lint clean, how many need a placeholder, and the
// same with a facts sheet filled in. Not a test: it reads ../shared at run time.
//
//   node scripts/measure-rewrites.mjs [SET.jsonl] [--json] [--list]
//
// Like ../shared/eval/score.mjs, each sentence is written to its own .txt file and the built CLI
// is run once over the folder with --format json, as a user would run it. A rewrite is checked by
// linting it the same way, with its fact placeholders filled with the catalog's example values
// (what the sentence reads like once the facts are recorded; other placeholders such as
// "[cite a source]" become a neutral "…"), and also exactly as written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const list = args.includes('--list');
const setPath = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, '..', 'shared', 'eval', 'dev.jsonl'));
const bin = join(root, 'bin', 'pitchlint.js');

const items = readFileSync(setPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((it) => it.flag === true);

// The fact catalog: placeholder labels and example values (rules/lexicon/facts.yaml).
const catalog = parse(readFileSync(join(root, 'rules', 'lexicon', 'facts.yaml'), 'utf8'));
const exampleByPlaceholder = new Map(Object.values(catalog).map((e) => [`[${e.label}]`, e.example]));
const FULL_FACTS = Object.fromEntries(Object.entries(catalog).map(([k, e]) => [k, e.example]));
const PLACEHOLDER = /\[[^\][\n]{1,80}\]/g;
const placeholdersIn = (s) => s.match(PLACEHOLDER) ?? [];
const filled = (s) => s.replace(PLACEHOLDER, (p) => exampleByPlaceholder.get(p) ?? '…');
const masked = (s) => s.replace(PLACEHOLDER, '…');

/** Lint texts (id -> text), each in its own file, with a configuration; id -> messages. */
function lintAll(texts, config) {
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-measure-'));
  try {
    writeFileSync(join(dir, '.pitchlintrc.yaml'), config);
    for (const [id, text] of texts) writeFileSync(join(dir, `${id}.txt`), `${text}\n`);
    let out;
    try {
      out = execFileSync(process.execPath, [bin, '--format', 'json', '--no-email-detection', dir], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: dir });
    } catch (e) {
      if (e.status !== 1 || !e.stdout) throw e;
      out = e.stdout;
    }
    const byId = new Map();
    for (const r of JSON.parse(out)) byId.set(r.filePath.split('/').pop().replace(/\.txt$/, ''), r.messages.filter((m) => !m.fatal));
    return byId;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The item's text with each flagged sentence replaced by its rewrite. */
function rewriteOf(text, messages) {
  let out = text;
  let any = false;
  const seen = new Set();
  for (const m of messages) {
    if (typeof m.rewrite !== 'string' || seen.has(m.sentence)) continue;
    seen.add(m.sentence);
    any = true;
    out = out.includes(m.sentence) ? out.replace(m.sentence, m.rewrite) : m.rewrite;
  }
  return any ? out.replace(/\s{2,}/g, ' ').trim() : undefined;
}

function measure(config) {
  const first = lintAll(items.map((it) => [it.id, it.text]), config);
  const rows = items.map((it) => {
    const messages = first.get(it.id) ?? [];
    const rewrite = messages.length ? rewriteOf(it.text, messages) : undefined;
    const own = placeholdersIn(it.text).length;
    const ph = rewrite === undefined ? [] : placeholdersIn(rewrite).slice(own);
    return { id: it.id, category: it.category, text: it.text, rules: [...new Set(messages.map((m) => m.ruleId))], rewrite, placeholders: ph, missing: [...new Set(messages.flatMap((m) => m.missingFacts ?? []))], fixes: messages.filter((m) => m.fix).length };
  });
  const withRewrite = rows.filter((r) => r.rewrite !== undefined);
  const again = lintAll(withRewrite.map((r) => [r.id, filled(r.rewrite)]), config);
  const literal = lintAll(withRewrite.map((r) => [r.id, masked(r.rewrite)]), config);
  for (const r of withRewrite) {
    const after = again.get(r.id) ?? [];
    r.cleanSameRule = !after.some((m) => r.rules.includes(m.ruleId));
    r.cleanAll = after.length === 0;
    r.cleanLiteral = !(literal.get(r.id) ?? []).some((m) => r.rules.includes(m.ruleId));
    r.after = after.map((m) => m.ruleId);
  }
  return rows;
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
function summary(rows) {
  const detected = rows.filter((r) => r.rules.length > 0);
  const rw = rows.filter((r) => r.rewrite !== undefined);
  const needPh = rw.filter((r) => r.placeholders.length > 0);
  return {
    flagged: rows.length,
    detected: detected.length,
    rewritten: rw.length,
    cleanSameRule: rw.filter((r) => r.cleanSameRule).length,
    cleanAll: rw.filter((r) => r.cleanAll).length,
    cleanLiteral: rw.filter((r) => r.cleanLiteral).length,
    placeholder: needPh.length,
    factPlaceholder: rw.filter((r) => r.missing.length > 0).length,
    citePlaceholder: rw.filter((r) => r.placeholders.some((p) => p === '[cite a source]')).length,
    rephrasePlaceholder: rw.filter((r) => r.placeholders.some((p) => p.startsWith('[rephrase'))).length,
    autoFixable: rw.filter((r) => r.fixes > 0).length,
  };
}

const without = measure('root: true\nextends: recommended\n');
const factsYaml = `root: true\nextends: recommended\nfacts:\n${Object.entries(FULL_FACTS).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}\n`;
const withFacts = measure(factsYaml);
const a = summary(without);
const b = summary(withFacts);

if (asJson) {
  process.stdout.write(`${JSON.stringify({ set: setPath, withoutFacts: a, withFacts: b, rows: list ? { withoutFacts: without, withFacts } : undefined }, null, 2)}\n`);
} else {
  const line = (label, s) =>
    [
      `${label}:`,
      `  flagged sentences in the set       ${s.flagged}`,
      `  flagged by pitchlint               ${s.detected} (${pct(s.detected, s.flagged)})`,
      `  with a rewrite                     ${s.rewritten} (${pct(s.rewritten, s.detected)} of those flagged)`,
      `  rewrite re-lints clean (same rule) ${s.cleanSameRule} (${pct(s.cleanSameRule, s.rewritten)})   [placeholders filled with the catalog's examples]`,
      `  rewrite re-lints clean (any rule)  ${s.cleanAll} (${pct(s.cleanAll, s.rewritten)})`,
      `  clean (same rule), as written      ${s.cleanLiteral} (${pct(s.cleanLiteral, s.rewritten)})   [placeholders as a neutral "…"]`,
      `  needed a placeholder               ${s.placeholder} (${pct(s.placeholder, s.rewritten)})`,
      `    - a missing fact                 ${s.factPlaceholder}`,
      `    - [cite a source]                ${s.citePlaceholder}`,
      `    - [rephrase: ...] (manual)       ${s.rephrasePlaceholder}`,
      `  with an automatic fix              ${s.autoFixable} (${pct(s.autoFixable, s.rewritten)})`,
    ].join('\n');
  process.stdout.write(`${setPath}\n\n${line('Without a facts sheet', a)}\n\n${line('With a facts sheet filled in (every catalog fact)', b)}\n`);
  if (list) {
    for (const r of without) {
      const f = withFacts.find((x) => x.id === r.id);
      process.stdout.write(`\n${r.id} [${r.category}] ${r.rules.join(',') || '(not flagged)'}\n  before: ${r.text}\n  after:  ${r.rewrite ?? '-'}\n  facts:  ${f?.rewrite ?? '-'}${r.after?.length ? `\n  still:  ${r.after.join(',')}` : ''}\n`);
    }
  }
}
