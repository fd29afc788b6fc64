// End-to-end over every input format: the CLI reads each fixture, lints only the words the
// writer wrote, and reports positions in the file's own terms (line/column, ¶ paragraph, page,
// row and column name, MIME part). A probe rule keeps these tests independent of rule tuning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lintJson, positionOf, ROOT, tempTree, type JsonMessage } from '../helpers/cli.js';

const PROBE = [
  'id: probe',
  'kind: phrase',
  'severity: error',
  'category: guarantee',
  "message: 'probe: {match}'",
  'description: Test probe.',
  'rationale: Test probe.',
  'phrases: [guarantee, always, overnight, lowest]',
  '',
].join('\n');
const dir = tempTree({ 'probe/probe.yaml': PROBE, 'probe.pitchlintrc.yaml': 'extends: []\nrulesDirs: [./probe]\n' });
const CONFIG = join(dir, 'probe.pitchlintrc.yaml');

type Msg = JsonMessage & {
  paragraph?: number;
  page?: number;
  row?: number;
  field?: string;
  part?: string;
  decoded?: boolean;
  sentence?: string;
};
function probe(file: string, extra: string[] = []): Msg[] {
  const r = lintJson(['--config', CONFIG, ...extra, join('fixtures', file)]);
  expect(r.status, r.stderr).toBe(1);
  return r.results[0]!.messages as Msg[];
}

describe('input formats, end to end', () => {
  it('email (.eml): the subject and new text are linted, the quoted reply is not', () => {
    const raw = readFileSync(join(ROOT, 'fixtures/email-reply.eml'), 'utf8');
    const msgs = probe('email-reply.eml');
    const subject = positionOf(raw, 'guarantee', 'Subject:');
    expect(msgs[0]).toMatchObject({ line: subject.line, column: subject.column });
    expect(msgs[0]!.decoded).toBeUndefined();
    // Body positions are in the decoded quoted-printable text, and say so.
    const body = msgs.filter((m) => m.decoded);
    expect(body.length).toBeGreaterThan(0);
    for (const m of body) expect(m.part).toMatch(/text\/plain/);
    // "We guarantee 100% uptime" and "always deliver overnight" stand only in the quoted reply.
    expect(msgs.some((m) => /100% uptime|deliver overnight if a rack/.test(m.sentence ?? ''))).toBe(false);
    const withQuoted = lintJson(['--config', CONFIG, '--include-quoted', 'fixtures/email-reply.eml']).results[0]!
      .messages as Msg[];
    expect(withQuoted.some((m) => /100% uptime/.test(m.sentence ?? ''))).toBe(true);
  });

  it('email (.eml, HTML body): exact positions in the HTML source, hidden preheader skipped', () => {
    const raw = readFileSync(join(ROOT, 'fixtures/email-html.eml'), 'utf8');
    const msgs = probe('email-html.eml', ['--include-quoted']);
    expect(msgs.every((m) => !/lowest price on every display/.test(m.sentence ?? ''))).toBe(true);
    const q = positionOf(raw, 'guarantee it works');
    expect(msgs.some((m) => m.line === q.line && m.column === q.column)).toBe(true);
  });

  it('mbox: positions across several messages', () => {
    const raw = readFileSync(join(ROOT, 'fixtures/followups.mbox'), 'utf8');
    const msgs = probe('followups.mbox');
    const g = positionOf(raw, 'guarantee the price');
    expect(msgs.some((m) => m.line === g.line && m.column === g.column)).toBe(true);
  });

  it('Word (.docx): paragraph and column, tracked deletions not linted, shown as ¶', () => {
    const msgs = probe('proposal.docx');
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) expect(m.paragraph).toBe(m.line);
    expect(msgs.some((m) => /We always deliver overnight/.test(m.sentence ?? ''))).toBe(false);
    const stylish = cli(['--config', CONFIG, 'fixtures/proposal.docx']).stdout;
    expect(stylish).toMatch(/¶\d+:\d+/);
  });

  it('PDF: page and line on the page', () => {
    const msgs = probe('proposal.pdf');
    expect(msgs.length).toBeGreaterThan(0);
    expect(new Set(msgs.map((m) => m.page))).toContain(1);
    for (const m of msgs) expect(m.page).toBeGreaterThanOrEqual(1);
  });

  it('CSV quote: only free-text columns, with the row and the column name', () => {
    const raw = readFileSync(join(ROOT, 'fixtures/quote.csv'), 'utf8');
    const msgs = probe('quote.csv');
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) expect(m.field).toMatch(/Description|Notes|Terms/);
    const o = positionOf(raw, 'overnight');
    expect(msgs.some((m) => m.line === o.line && m.column === o.column && m.field === 'Delivery Notes')).toBe(true);
  });

  it('a file whose content does not match its extension gets a one-line error, and the run goes on', () => {
    const tree = tempTree({
      'fake.docx': 'We always deliver overnight.\n',
      'fake.pdf': Buffer.from('PK\u0003\u0004 not a pdf', 'latin1'),
      'real.txt': 'We always deliver overnight.\n',
    });
    const r = cli(['--config', CONFIG, '--format', 'json', tree]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/fake\.docx: .*not a valid \.docx/);
    expect(r.stderr).toMatch(/fake\.pdf: /);
    expect(r.stderr.split('\n').filter(Boolean).length).toBe(2);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Msg[] }>;
    expect(results.find((x) => x.filePath.endsWith('real.txt'))!.messages.length).toBe(2);
  });

  it('template placeholders are opaque words: no finding inside one, positions stay exact', () => {
    const text = 'Hi {{first_name}}, we {{#if rush}}always{{/if}} deliver to [Customer Name] overnight.\n';
    const tree = tempTree({ 't.md': text });
    const r = lintJson(['--config', CONFIG, join(tree, 't.md')]);
    const msgs = r.results[0]!.messages;
    const overnight = positionOf(text, 'overnight');
    expect(msgs.some((m) => m.line === overnight.line && m.column === overnight.column)).toBe(true);
  });
});
