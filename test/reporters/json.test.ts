import { describe, expect, it } from 'vitest';
import json from '../../src/reporters/json.js';
import { allResults, cleanFile, context, CWD, proposal } from './fixtures.js';

type Msg = Record<string, unknown>;
type Result = { filePath: string; messages: Msg[] } & Record<string, unknown>;
const parse = (text: string): Result[] => JSON.parse(text) as Result[];

describe('json', () => {
  const out = parse(json(allResults(), context()));

  it('is one ESLint-style result per file with an absolute path', () => {
    expect(out.map((r) => r.filePath)).toEqual([
      `${CWD}/proposals/rack-install.md`,
      `${CWD}/quotes/Q-1042 Acme, final.docx`,
      `${CWD}/notes.txt`,
      `${CWD}/scans/contract.pdf`,
    ]);
    expect(parse(json([{ ...cleanFile(), filePath: 'notes.txt' }], context()))[0]!.filePath).toBe(`${CWD}/notes.txt`);
  });

  it('writes a finding with ESLint fields first, then pitchlint fields, in a stable order', () => {
    const first = out[0]!.messages[0]!;
    expect(first).toEqual({
      ruleId: 'commitment-deadline',
      severity: 2,
      level: 'error',
      message: 'Firm delivery date promised',
      line: 3,
      column: 14,
      endLine: 3,
      endColumn: 53,
      category: 'commitment',
      suggestion: 'Say what the date depends on.',
      rewrite: 'We plan to have the racks installed by Friday, provided the hardware arrives by [date].',
      missingFacts: ['hardware delivery date'],
      sentence: 'We will have the racks installed by Friday.',
      span: [3, 42],
    });
    expect(Object.keys(first)).toEqual([
      'ruleId',
      'severity',
      'level',
      'message',
      'line',
      'column',
      'endLine',
      'endColumn',
      'category',
      'suggestion',
      'rewrite',
      'missingFacts',
      'sentence',
      'span',
    ]);
  });

  it('maps warnings and suggestions to ESLint severity 1, telling them apart by level', () => {
    const [, warning, suggestion] = out[0]!.messages;
    expect(warning).toMatchObject({ ruleId: 'absolute-always', severity: 1, level: 'warning', line: 3, column: 70 });
    expect(suggestion).toMatchObject({ ruleId: 'superlative-best', severity: 1, level: 'suggestion' });
  });

  it('writes a suggested fix with its kind, and the alternatives of the rewrite', () => {
    const p = proposal();
    const f = p.findings[2]!;
    p.findings[2] = {
      ...f,
      fix: { ...f.fix!, kind: 'suggested' },
      alternatives: [
        { label: 'soft', text: 'We are among the experienced integrators in the region.' },
        { label: 'strict', text: 'We are an integrator in the region.' },
      ],
    };
    const [m] = (
      JSON.parse(json([p], context())) as Array<{ messages: Array<Record<string, unknown>> }>
    )[0]!.messages.slice(2);
    expect(m!.fix).toMatchObject({ kind: 'suggested' });
    expect(m!.alternatives).toEqual(p.findings[2].alternatives);
  });

  it('writes a fix in ESLint shape, with the kind that says whether plain --fix applies it', () => {
    const p = proposal();
    const best = p.findings[2]!;
    expect(out[0]!.messages[2]!.fix).toEqual({ range: best.fix!.range, text: 'an experienced', kind: 'safe' });
    expect(p.source!.text.slice(...best.fix!.range)).toBe('the best');
  });

  it('keeps the counts and notices of each file', () => {
    expect(out[0]).toMatchObject({ errorCount: 1, warningCount: 1, suggestionCount: 1, fatalErrorCount: 0 });
    expect(out[1]).toMatchObject({ errorCount: 1, notices: ['tracked changes were accepted before linting'] });
    expect(out[2]).toMatchObject({
      messages: [],
      errorCount: 0,
      warningCount: 0,
      suggestionCount: 0,
      fatalErrorCount: 0,
    });
  });

  it('adds the docx paragraph to the message', () => {
    expect(out[1]!.messages[0]).toMatchObject({ line: 12, column: 34, paragraph: 12 });
    expect(out[1]!.messages[0]).not.toHaveProperty('page');
  });

  it('reports an unreadable file as ESLint does a parse failure', () => {
    expect(out[3]!.messages).toEqual([
      { ruleId: null, fatal: true, severity: 2, message: 'not a PDF file (no %PDF header)' },
    ]);
    expect(out[3]).toMatchObject({ errorCount: 1, fatalErrorCount: 1, warningCount: 0 });
  });

  it('round-trips: parsing the output gives back every finding', () => {
    const back = out.flatMap((r) => r.messages.filter((m) => m.ruleId !== null));
    const src = allResults().flatMap((r) => r.findings);
    expect(back.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message, m.sentence])).toEqual(
      src.map((f) => [f.ruleId, f.start.line, f.start.column, f.end.line, f.end.column, f.message, f.sentence]),
    );
  });

  it('prints an empty array for no files', () => {
    expect(json([], context())).toBe('[]');
  });
});
