// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, rule metadata in
// tool.driver.rules, one result per finding, and unreadable files as tool notifications.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileResult, Finding, FormatContext, Formatter, RuleMeta, Severity } from '../shared/types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/pitchlint';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', suggestion: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** Files under cwd are relative to %SRCROOT% (portable across checkouts); others get a file: URI. */
function artifactLocation(cwd: string, filePath: string): ArtifactLocation {
  const abs = path.resolve(cwd, filePath);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** "commitment-deadline" -> "CommitmentDeadline": SARIF wants a name that reads as an identifier. */
function ruleName(id: string): string {
  return id.replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, ch: string) => ch.toUpperCase());
}

/** Rule messages are templates ('"{match}" states a speed as certain.'); a rule's text has no match. */
function generic(template: string): string {
  return template.replace(/\{\w+\}/g, '…');
}

function ruleDescriptor(meta: RuleMeta): Record<string, unknown> {
  const advice = meta.suggestion ? generic(meta.suggestion) : '';
  const suggestion = advice ? `\n\nInstead: ${advice}` : '';
  const mdSuggestion = advice ? `\n\n**Instead:** ${advice}` : '';
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: generic(meta.message) },
    fullDescription: { text: meta.description || generic(meta.message) },
    help: {
      text: `${meta.description}\n\n${meta.rationale}${suggestion}`.trim(),
      markdown: `${meta.description}\n\n${meta.rationale}${mdSuggestion}`.trim(),
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { category: meta.category, pack: meta.pack, tags: ['sales-writing', meta.category] },
  };
}

/** Rules of the run, plus a bare descriptor for any rule id a finding has but ctx.rules lacks. */
function collectRules(results: FileResult[], ctx: FormatContext): RuleMeta[] {
  const rules = new Map(ctx.rules);
  for (const r of results) {
    for (const f of r.findings) {
      if (!rules.has(f.ruleId)) {
        rules.set(f.ruleId, {
          id: f.ruleId, kind: 'unknown', severity: f.severity, category: f.category, pack: 'unknown',
          file: '', message: f.message, description: f.message, rationale: '',
        });
      }
    }
  }
  return [...rules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The flagged words, case and spacing normalised, so a re-wrapped line keeps its identity. */
function phraseKey(f: Finding): string {
  return `${f.ruleId}\0${f.sentence.slice(f.span[0], f.span[1]).toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/**
 * Identifies a finding across runs while lines move: file + rule + flagged words + which
 * occurrence of that pair in the file it is (the same phrase twice must not collide).
 */
function fingerprint(uri: string, key: string, occurrence: number): string {
  return createHash('sha256').update(`${uri}\0${key}\0${occurrence}`).digest('hex').slice(0, 32);
}

function messageText(f: Finding): string {
  let text = f.message;
  if (f.suggestion) text += `\nSuggestion: ${f.suggestion}`;
  if (f.rewrite) text += `\nRewrite: ${f.rewrite}`;
  if (f.missingFacts?.length) text += `\nMissing facts: ${f.missingFacts.join('; ')}`;
  return text;
}

function locationExtras(f: Finding): Record<string, unknown> | undefined {
  const { paragraph, page, row, field, part, decoded } = f.start;
  const extras = Object.fromEntries(
    Object.entries({ paragraph, page, row, field, part, decoded }).filter(([, v]) => v !== undefined),
  );
  return Object.keys(extras).length > 0 ? extras : undefined;
}

function result(f: Finding, artifact: ArtifactLocation, ruleIndex: number, print: string): Record<string, unknown> {
  const res: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: messageText(f) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact,
          region: {
            startLine: f.start.line,
            startColumn: f.start.column,
            endLine: f.end.line,
            endColumn: f.end.column,
            snippet: { text: f.sentence.slice(f.span[0], f.span[1]) },
            // docx/pdf/csv positions: line/column are paragraph, page line or row coordinates.
            properties: locationExtras(f),
          },
        },
      },
    ],
    partialFingerprints: { 'pitchlintPhrase/v1': print },
    properties: { category: f.category, sentence: f.sentence, missingFacts: f.missingFacts },
  };
  if (f.fix) {
    res.fixes = [
      {
        description: { text: f.rewrite ? `Rewrite: ${f.rewrite}` : `Replace with "${f.fix.text}"` },
        artifactChanges: [
          {
            artifactLocation: artifact,
            replacements: [
              {
                deletedRegion: { charOffset: f.fix.range[0], charLength: f.fix.range[1] - f.fix.range[0] },
                insertedContent: { text: f.fix.text },
              },
            ],
          },
        ],
      },
    ];
  }
  return res;
}

export const sarif: Formatter = (results, ctx) => {
  const rules = collectRules(results, ctx);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const artifact = artifactLocation(ctx.cwd, r.filePath);
    const where = [{ physicalLocation: { artifactLocation: artifact } }];
    if (r.fatal !== undefined) notifications.push({ level: 'error', message: { text: r.fatal }, locations: where });
    for (const n of r.notices) notifications.push({ level: 'note', message: { text: n }, locations: where });
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const key = phraseKey(f);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      sarifResults.push(result(f, artifact, ruleIndex.get(f.ruleId) ?? -1, fingerprint(artifact.uri, key, occurrence)));
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pitchlint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        // Trailing slash: a base URI must name a directory for relative URIs to resolve inside it.
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            // Not every file asked for was linted: the results are incomplete.
            executionSuccessful: !results.some((r) => r.fatal !== undefined),
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log);
};

export default sarif;
