// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run, rule metadata in
// tool.driver.rules, one result per finding, and unreadable files as tool notifications.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, FormatContext, Formatter, RuleMeta, Severity } from '../shared/types.js';
import type { StreamingFormatter } from './index.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/pitchlint';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  suggestion: 'note',
};

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

/** A bare descriptor for a rule id a finding has but the run's rules lack. */
function unknownRule(f: Finding): RuleMeta {
  return {
    id: f.ruleId,
    kind: 'unknown',
    severity: f.severity,
    category: f.category,
    pack: 'unknown',
    file: '',
    message: f.message,
    description: f.message,
    rationale: '',
  };
}

/** Rules of the run, plus the bare descriptors of rule ids only findings named, sorted by id. */
function collectRules(found: Map<string, RuleMeta>, ctx: FormatContext): RuleMeta[] {
  const rules = new Map(ctx.rules);
  for (const [id, meta] of found) if (!rules.has(id)) rules.set(id, meta);
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
        // 'safe': plain --fix applies it; 'suggested': only --fix-type and review do.
        properties: { kind: f.fix.kind ?? 'safe' },
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

/** Stands for the results in the log until they are spliced in. */
const RESULTS_MARK = '\u0000pitchlint-results\u0000';

/**
 * SARIF written per file: each file's results are turned into their text as the file comes (its
 * FileResult is then let go), and the log is put together at the end, when the rules (whose
 * index every result carries) are known. Output is identical to formatting every result at once.
 */
export const stream: StreamingFormatter = (start) => {
  // One entry per result: its rule id and its JSON without ruleId and ruleIndex.
  const parts: Array<{ ruleId: string; rest: string }> = [];
  const notifications: unknown[] = [];
  const found = new Map<string, RuleMeta>();
  let fatal = false;
  return {
    file(r) {
      const artifact = artifactLocation(start.cwd, r.filePath);
      const where = [{ physicalLocation: { artifactLocation: artifact } }];
      if (r.fatal !== undefined) {
        fatal = true;
        notifications.push({ level: 'error', message: { text: r.fatal }, locations: where });
      }
      for (const n of r.notices) notifications.push({ level: 'note', message: { text: n }, locations: where });
      const seen = new Map<string, number>();
      for (const f of r.findings) {
        if (!found.has(f.ruleId)) found.set(f.ruleId, unknownRule(f));
        const key = phraseKey(f);
        const occurrence = (seen.get(key) ?? 0) + 1;
        seen.set(key, occurrence);
        const {
          ruleId: _id,
          ruleIndex: _index,
          ...rest
        } = result(f, artifact, -1, fingerprint(artifact.uri, key, occurrence));
        parts.push({ ruleId: f.ruleId, rest: JSON.stringify(rest) });
      }
      return '';
    },
    end(ctx) {
      const rules = collectRules(found, ctx);
      const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
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
                executionSuccessful: !fatal,
                toolExecutionNotifications: notifications,
              },
            ],
            columnKind: 'utf16CodeUnits',
            results: RESULTS_MARK,
          },
        ],
      };
      const results = parts
        .map(({ ruleId, rest }) =>
          rest === '{}'
            ? `{"ruleId":${JSON.stringify(ruleId)},"ruleIndex":${ruleIndex.get(ruleId) ?? -1}}`
            : `{"ruleId":${JSON.stringify(ruleId)},"ruleIndex":${ruleIndex.get(ruleId) ?? -1},${rest.slice(1)}`,
        )
        .join(',');
      return JSON.stringify(log).replace(JSON.stringify(RESULTS_MARK), () => `[${results}]`);
    },
  };
};

export const sarif: Formatter = (results, ctx) => {
  const s = stream(ctx);
  for (const r of results) s.file(r);
  return s.end(ctx);
};

export default sarif;
