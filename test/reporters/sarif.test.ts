import { readFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import sarif from '../../src/reporters/sarif.js';
import type { FileResult } from '../../src/shared/types.js';
import { allResults, cleanFile, context, CWD, proposal, quoteDocx, unreadablePdf } from './fixtures.js';

// The official OASIS schema is draft-04, which only ajv-draft-04 reads.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-2.1.0.json', import.meta.url), 'utf8')) as object;
// Both are CommonJS; `.default` is how NodeNext types (and Node at run time) reach the export.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

interface Log {
  runs: [Run];
  [k: string]: unknown;
}
interface Run {
  tool: { driver: { rules: Rule[]; [k: string]: unknown } };
  results: SarifResult[];
  invocations: [{ executionSuccessful: boolean; toolExecutionNotifications: Notification[] }];
  [k: string]: unknown;
}
interface Rule {
  id: string;
  [k: string]: unknown;
}
interface Notification {
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown> };
  }[];
  partialFingerprints: Record<string, string>;
  fixes?: unknown[];
}

function run(results: FileResult[]): { log: Log; run: Run } {
  const text = sarif(results, context());
  const log = JSON.parse(text) as Log;
  const ok = validate(log);
  expect(ok, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  return { log, run: log.runs[0] };
}

describe('sarif', () => {
  let log: Log;
  let r: Run;
  beforeAll(() => {
    ({ log, run: r } = run(allResults()));
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    // The validator is not vacuous: a wrong level is rejected.
    const broken = structuredClone(log);
    (broken.runs[0].results[0] as { level: string }).level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('describes the tool and every active rule', () => {
    expect(r.tool.driver).toMatchObject({
      name: 'pitchlint',
      version: '0.1.0',
      informationUri: expect.stringMatching(/^https:/),
    });
    const rules = r.tool.driver.rules;
    expect(rules.map((x) => x.id)).toEqual([
      'absolute-always',
      'commitment-deadline',
      'guarantee-uptime',
      'superlative-best',
    ]);
    expect(rules[1]).toEqual({
      id: 'commitment-deadline',
      name: 'CommitmentDeadline',
      shortDescription: { text: 'Firm delivery date promised' },
      fullDescription: { text: 'Flags promises to finish work by a fixed date.' },
      help: {
        text: 'Flags promises to finish work by a fixed date.\n\nA date you do not control becomes a broken promise when the carrier is late.\n\nInstead: Say what the date depends on, or give a target instead of a promise.',
        markdown:
          'Flags promises to finish work by a fixed date.\n\nA date you do not control becomes a broken promise when the carrier is late.\n\n**Instead:** Say what the date depends on, or give a target instead of a promise.',
      },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'commitment', pack: 'recommended', tags: ['sales-writing', 'commitment'] },
    });
    expect(rules.map((x) => (x.defaultConfiguration as { level: string }).level)).toEqual([
      'warning',
      'error',
      'error',
      'note',
    ]);
  });

  it('maps severities to levels and points ruleIndex at the right rule', () => {
    expect(r.results.map((x) => [x.ruleId, x.level])).toEqual([
      ['commitment-deadline', 'error'],
      ['absolute-always', 'warning'],
      ['superlative-best', 'note'],
      ['guarantee-uptime', 'error'],
    ]);
    for (const x of r.results) expect(r.tool.driver.rules[x.ruleIndex]!.id).toBe(x.ruleId);
  });

  it('gives regions with the flagged words as snippet, relative to %SRCROOT%', () => {
    const loc = r.results[0]!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'proposals/rack-install.md', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({
      startLine: 3,
      startColumn: 14,
      endLine: 3,
      endColumn: 53,
      snippet: { text: 'will have the racks installed by Friday' },
    });
    expect(r.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${CWD}/` } });
  });

  it('percent-encodes file names and keeps the docx paragraph', () => {
    const docx = r.results[3]!.locations[0]!.physicalLocation;
    expect(docx.artifactLocation.uri).toBe('quotes/Q-1042%20Acme%2C%20final.docx');
    expect(docx.region.properties).toEqual({ paragraph: 12 });
  });

  it('uses an absolute file URI for a file outside cwd', () => {
    const outside = {
      ...cleanFile(),
      filePath: path.resolve(CWD, '..', 'other', 'draft #1.md'),
      findings: proposal().findings,
    };
    const { run: o } = run([outside]);
    expect(o.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: `file://${path.resolve(CWD, '..')}/other/draft%20%231.md`,
    });
  });

  it('carries the suggestion and rewrite in the message', () => {
    expect(r.results[0]!.message.text).toBe(
      'Firm delivery date promised\nSuggestion: Say what the date depends on.\nRewrite: We plan to have the racks installed by Friday, provided the hardware arrives by [date].\nMissing facts: hardware delivery date',
    );
  });

  it('turns a fix into a replacement by character offset', () => {
    const p = proposal();
    const fix = p.findings[2]!.fix!;
    expect(r.results[2]!.fixes).toEqual([
      {
        description: { text: 'Rewrite: We are an experienced integrator in the region.' },
        properties: { kind: 'safe' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'proposals/rack-install.md', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { charOffset: fix.range[0], charLength: 8 },
                insertedContent: { text: 'an experienced' },
              },
            ],
          },
        ],
      },
    ]);
    expect(p.source!.text.substr(fix.range[0], 8)).toBe('the best');
    expect(r.results[0]!.fixes).toBeUndefined();
  });

  it('fingerprints by rule and phrase: stable when lines move, distinct for a repeated phrase', () => {
    const print = (x: SarifResult): string => x.partialFingerprints['pitchlintPhrase/v1']!;
    const moved = proposal();
    moved.findings = moved.findings.map((f) => ({
      ...f,
      start: { ...f.start, line: f.start.line + 10 },
      end: { ...f.end, line: f.end.line + 10 },
    }));
    expect(run([moved]).run.results.map(print)).toEqual(r.results.slice(0, 3).map(print));
    const twice = proposal();
    twice.findings = [twice.findings[1]!, twice.findings[1]!];
    const [a, b] = run([twice]).run.results.map(print);
    expect(a).not.toBe(b);
    expect(new Set(r.results.map(print)).size).toBe(r.results.length);
  });

  it('reports unreadable files and notices as tool notifications', () => {
    const inv = r.invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'note',
        message: { text: 'tracked changes were accepted before linting' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'quotes/Q-1042%20Acme%2C%20final.docx', uriBaseId: '%SRCROOT%' },
            },
          },
        ],
      },
      {
        level: 'error',
        message: { text: 'not a PDF file (no %PDF header)' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'scans/contract.pdf', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
    expect(run([proposal(), quoteDocx()]).run.invocations[0].executionSuccessful).toBe(true);
  });

  it('is valid with no files, only clean files, or only an unreadable one', () => {
    expect(run([]).run.results).toEqual([]);
    expect(run([cleanFile()]).run.results).toEqual([]);
    expect(run([unreadablePdf()]).run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('describes a rule a finding uses even when the run did not list it', () => {
    const p = proposal();
    p.findings = [{ ...p.findings[0]!, ruleId: 'custom/overnight' }];
    const { run: o } = run([p]);
    const rule = o.tool.driver.rules[o.results[0]!.ruleIndex]!;
    expect(rule).toMatchObject({
      id: 'custom/overnight',
      name: 'CustomOvernight',
      defaultConfiguration: { level: 'error' },
    });
  });
});

describe('sarif rule text', () => {
  it('turns message templates into generic text (a rule has no match of its own)', () => {
    const meta = {
      ...context().rules.get('commitment-deadline')!,
      message: '"{match}" commits to a date.',
      suggestion: 'Say "we expect to {verb} by {deadline}".',
    };
    const log = JSON.parse(sarif([], context({ rules: new Map([[meta.id, meta]]) }))) as Log;
    const rule = log.runs[0].tool.driver.rules[0]!;
    expect(rule.shortDescription).toEqual({ text: '"…" commits to a date.' });
    expect((rule.help as { text: string }).text).toMatch(/Instead: Say "we expect to … by …"\.$/);
  });
});
