// End to end through the CLI (in-process main(), on temporary copies): --fix on Markdown and
// plain text with BOM and CRLF, --fix-dry-run, --fix-type, formats that cannot be written back,
// the race guard, `pitchlint rewrite` (file, stdin, --diff), `pitchlint init`, expired facts, and
// the JSON report's rewrite / fix / missingFacts.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BEST_RULE } from '../helpers/rules.js';

let stdinBytes = Buffer.alloc(0);
vi.mock('../../src/cli/stdin.js', () => ({ readStdin: async () => stdinBytes }));

const { runMain } = await import('../authoring/helpers.js');
const { lintFiles } = await import('../../src/runner/lint-files.js');
const { runFixes } = await import('../../src/runner/fix-files.js');
const { resetFactWarnings } = await import('../../src/config/facts/warnings.js');

async function run(args: string[], stdin?: string | Buffer): ReturnType<typeof runMain> {
  stdinBytes = Buffer.from(stdin ?? '');
  return runMain(args);
}

function tree(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'pitchlint-fix-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(d, p)), { recursive: true });
    writeFileSync(join(d, p), c);
  }
  return d;
}

// Rules written for these tests, so the expected output does not move with the built-in packs.
const RULES = {
  'rules/always.yaml': `id: t-always
kind: phrase
severity: warning
category: absolute
message: '"{match}" is absolute.'
description: d
rationale: r
phrases: [always, never]
inflect: false
unless: [hedged, negated, courtesy]
rewrite:
  replace: { always: typically, never: rarely }
`,
  'rules/overnight.yaml': `id: t-overnight
kind: phrase
severity: error
category: speed
message: '"{match}" states a speed as certain.'
description: d
rationale: r
phrases: [overnight]
inflect: false
unless: [hedged]
rewrite:
  replace: { overnight: "within {facts.delivery.typical}" }
  hedge: typically
`,
  'rules/best.yaml': BEST_RULE,
};
const CONFIG =
  'root: true\nextends: []\nrulesDirs: [rules]\nfacts:\n  delivery:\n    typical: { value: 2 business days, source: Q3 ops report }\n';

const PROPOSAL = [
  '# Racking proposal: we always deliver',
  '',
  'We always ship on time. Our crews **always** finish on schedule.',
  '',
  '| Phase   | What happens                  |',
  '| ------- | ----------------------------- |',
  '| Install | We always install overnight.  |',
  '',
  'See [how we always deliver overnight](https://example.com/always-overnight) for details.',
  '',
  '```yaml',
  '# code is never touched: we always deliver overnight',
  '```',
  '',
  'We are the best racking partner in the Midwest.',
  '',
].join('\n');

const EMAIL =
  '\ufeffHi Dana,\r\n\r\nThanks for the call. We always deliver\r\novernight, and our crews never miss a date.\r\n\r\nJo\r\n';

describe('--fix', () => {
  it('fixes Markdown and plain text in place: markup, code, BOM, CRLF, trailing newline and mode kept', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': CONFIG,
      'proposal.md': PROPOSAL,
      'email.txt': Buffer.from(EMAIL, 'utf8'),
    });
    chmodSync(join(d, 'email.txt'), 0o600);
    // The categories named: their suggested fixes are applied too (plain --fix applies safe ones).
    const r = await run(['--fix', '--fix-type', 'absolute,speed', join(d, 'proposal.md'), join(d, 'email.txt')]);
    expect(readFileSync(join(d, 'proposal.md'), 'utf8')).toBe(
      PROPOSAL.replace('We always ship', 'We typically ship')
        .replace('**always**', '**typically**')
        .replace('We always install overnight.  |', 'We typically install within 2 business days.  |')
        .replace('how we always deliver overnight]', 'how we typically deliver within 2 business days]')
        .replace('# Racking proposal: we always deliver', '# Racking proposal: we typically deliver'),
    );
    const email = readFileSync(join(d, 'email.txt'));
    expect(email.toString('utf8')).toBe(
      '\ufeffHi Dana,\r\n\r\nThanks for the call. We typically deliver\r\nwithin 2 business days, and our crews rarely miss a date.\r\n\r\nJo\r\n',
    );
    expect(statSync(join(d, 'email.txt')).mode & 0o777).toBe(0o600);
    // What is left is reported: the superlative needs a source, which no fix can invent.
    expect(r.out).toContain('t-best');
    expect(r.out).toContain('↳ rewrite: We are a leading racking partner in the Midwest [cite a source].');
    expect(r.err).toMatch(/fixed \d+ problems in 2 files/);
    expect(r.code).toBe(0);
    // Fixing twice changes nothing more.
    const before = readFileSync(join(d, 'proposal.md'), 'utf8');
    const again = await run(['--fix', '--fix-type', 'absolute,speed', join(d, 'proposal.md'), join(d, 'email.txt')]);
    expect(readFileSync(join(d, 'proposal.md'), 'utf8')).toBe(before);
    expect(again.err).toContain('fixed 0 problems in 0 files');
  });

  it('--fix-dry-run prints a unified diff and changes nothing', async () => {
    const d = tree({ ...RULES, '.pitchlintrc.yaml': CONFIG, 'email.txt': 'We always deliver overnight.\n' });
    const file = join(d, 'email.txt');
    const mtime = statSync(file).mtimeMs;
    const r = await run(['--fix-dry-run', '--fix-type', 'absolute,speed', file]);
    expect(r.out).toMatch(
      /^--- a\/.*email\.txt\n\+\+\+ b\/.*email\.txt\n@@ -1,1 \+1,1 @@\n-We always deliver overnight\.\n\+We typically deliver within 2 business days\.\n$/,
    );
    expect(readFileSync(file, 'utf8')).toBe('We always deliver overnight.\n');
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(r.err).toContain('would fix');
    expect(r.err).toContain('nothing was written');
    // The exit code is that of what would be left: no error-level finding once fixed.
    expect(r.code).toBe(0);
  });

  it('--fix-type fixes only the named categories; an unknown one is a usage error', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': CONFIG,
      'a.txt': 'We deliver overnight. Our crews never miss a date.\n',
    });
    await run(['--fix', '--fix-type', 'absolute', join(d, 'a.txt')]);
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe('We deliver overnight. Our crews rarely miss a date.\n');
    const bad = await run(['--fix', '--fix-type', 'absolut', join(d, 'a.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--fix-type: unknown category "absolut"/);
  });

  it('names formats that cannot be written back and leaves them untouched', async () => {
    const html = '<html><body><p>We always ship on time.</p></body></html>\n';
    const d = tree({ ...RULES, '.pitchlintrc.yaml': CONFIG, 'page.html': html });
    const r = await run(['--fix', '--format', 'json', join(d, 'page.html')]);
    expect(readFileSync(join(d, 'page.html'), 'utf8')).toBe(html);
    expect(r.err).toMatch(/page\.html: html files cannot be written back; 1 problem not fixed/);
    const [result] = JSON.parse(r.out) as Array<{ messages: Array<{ rewrite?: string; fix?: unknown }> }>;
    expect(result!.messages[0]).toMatchObject({ rewrite: 'We typically ship on time.' });
    expect(result!.messages[0]!.fix).toBeUndefined();
  });

  it('does not overwrite a file that changed on disk after it was linted', async () => {
    const d = tree({ ...RULES, '.pitchlintrc.yaml': CONFIG, 'a.txt': 'We always ship.\n' });
    const file = join(d, 'a.txt');
    const lint = await lintFiles({ cwd: d, patterns: [file] });
    writeFileSync(file, 'We always ship. A colleague edited this meanwhile.\n');
    const outcome = await runFixes(lint, { format: 'stylish', rules: [], fix: true }, d);
    expect(readFileSync(file, 'utf8')).toBe('We always ship. A colleague edited this meanwhile.\n');
    expect(outcome.notes.join('\n')).toContain('a.txt: changed on disk since it was linted; not overwritten');
  });
});

describe('the JSON report', () => {
  it('carries rewrite, missingFacts and fix (source offsets, minimal)', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': 'root: true\nextends: []\nrulesDirs: [rules]\n',
      'a.md': '**Note:** we always ship on time. We deliver overnight.\n',
    });
    const r = await run(['--format', 'json', '--rewrites', join(d, 'a.md')]);
    const [res] = JSON.parse(r.out) as Array<{ messages: Array<Record<string, unknown>>; fixableWarningCount: number }>;
    const always = res!.messages.find((m) => m.ruleId === 't-always')!;
    const overnight = res!.messages.find((m) => m.ruleId === 't-overnight')!;
    expect(always.rewrite).toBe('Note: we typically ship on time.');
    expect(always.fix).toMatchObject({ range: [13, 19], text: 'typically' });
    expect(overnight.rewrite).toBe('We typically deliver within [typical delivery time].');
    expect(overnight.missingFacts).toEqual(['delivery.typical']);
    expect(overnight.fix).toBeUndefined();
    expect(res!.fixableWarningCount).toBe(1);
  });

  it('without --rewrites has the same findings, without rewrite, missingFacts or fix', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': 'root: true\nextends: []\nrulesDirs: [rules]\n',
      'a.md': '**Note:** we always deliver overnight.\n',
    });
    type Report = Array<{ messages: Array<Record<string, unknown>>; fixableWarningCount: number }>;
    const withRewrites = JSON.parse((await run(['--format', 'json', '--rewrites', join(d, 'a.md')])).out) as Report;
    const plain = await run(['--format', 'json', join(d, 'a.md')]);
    const [res] = JSON.parse(plain.out) as Report;
    const strip = ({ rewrite: _r, missingFacts: _m, fix: _f, alternatives: _a, ...rest }: Record<string, unknown>) =>
      rest;
    expect(res!.messages).toEqual(withRewrites[0]!.messages.map(strip));
    expect(res!.messages.length).toBe(2);
    for (const m of res!.messages) expect(Object.keys(m)).not.toContain('rewrite');
    expect(res!.fixableWarningCount).toBe(0);
  });
});

describe('pitchlint rewrite', () => {
  it('prints the whole draft with every rewrite applied, placeholders included', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': 'root: true\nextends: []\nrulesDirs: [rules]\n',
      'p.md': PROPOSAL,
    });
    const r = await run(['rewrite', join(d, 'p.md')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('We typically ship on time. Our crews **typically** finish on schedule.');
    expect(r.out).toContain('| Install | We typically install within [typical delivery time].  |');
    expect(r.out).toContain('We are a leading racking partner in the Midwest [cite a source].');
    expect(r.out).toContain('# code is never touched: we always deliver overnight');
    expect(r.err).toMatch(/sentences rewritten; placeholders need facts: delivery\.typical/);
    expect(readFileSync(join(d, 'p.md'), 'utf8')).toBe(PROPOSAL);
  });

  it('--diff shows what changed; - reads standard input', async () => {
    const d = tree({ ...RULES, '.pitchlintrc.yaml': CONFIG });
    const r = await run(
      ['rewrite', '--diff', '--stdin-filename', join(d, 'draft.txt'), '-'],
      'Hi Dana.\n\nWe always deliver overnight.\n',
    );
    expect(r.out).toContain('-We always deliver overnight.\n+We typically deliver within 2 business days.\n');
    const whole = await run(
      ['rewrite', '--stdin-filename', join(d, 'draft.txt'), '-'],
      'Hi Dana.\n\nWe always deliver overnight.\n',
    );
    expect(whole.out).toBe('Hi Dana.\n\nWe typically deliver within 2 business days.\n');
  });

  it('prints HTML as HTML, its markup kept, with the rewrites made in place', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': CONFIG,
      'm.html': '<p>Hello Dana.</p><p>We <b>always</b> ship overnight &amp; on time.</p>',
    });
    const r = await run(['rewrite', join(d, 'm.html')]);
    expect(r.out).toBe('<p>Hello Dana.</p><p>We <b>typically</b> ship within 2 business days &amp; on time.</p>');
  });

  it('keeps merge fields, anchors and links in HTML, Markdown and text (issue 12)', async () => {
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml': CONFIG,
      'mail.html':
        '<html><body>\n<p>Hi {{first_name}}, we always deliver to %CITY% overnight.</p>\n<p>Your crew [[crew_lead]] never misses a date, {customer}.</p>\n</body></html>\n',
      'mail.md':
        '## Always on time {#always}\n\nHi {{first_name}}, we always deliver to %CITY% overnight.\nSee [how we always deliver](https://example.com/always) and «Region».\n',
      'mail.txt': 'Hi {{first_name}},\r\n\r\nWe always deliver to %CITY%\r\novernight, {customer}.\r\n',
    });
    const html = await run(['rewrite', join(d, 'mail.html')]);
    expect(html.out).toBe(
      '<html><body>\n<p>Hi {{first_name}}, we typically deliver to %CITY% within 2 business days.</p>\n<p>Your crew [[crew_lead]] rarely misses a date, {customer}.</p>\n</body></html>\n',
    );
    const md = await run(['rewrite', join(d, 'mail.md')]);
    // Whether the heading is rewritten is the rewrite's call; its anchor stays either way.
    expect(md.out.replace(/^## Always on time/, '## Typically on time')).toBe(
      '## Typically on time {#always}\n\nHi {{first_name}}, we typically deliver to %CITY% within 2 business days.\nSee [how we typically deliver](https://example.com/always) and «Region».\n',
    );
    const txt = await run(['rewrite', join(d, 'mail.txt')]);
    expect(txt.out).toBe(
      'Hi {{first_name}},\r\n\r\nWe typically deliver to %CITY%\r\nwithin 2 business days, {customer}.\r\n',
    );
  });

  it('names a sentence it cannot rewrite in place, with the fields as the file has them', async () => {
    const d = tree({
      ...RULES,
      'rules/assured.yaml':
        'id: t-assured\nkind: phrase\nseverity: error\ncategory: guarantee\nmessage: m\ndescription: d\nrationale: r\nphrases: [rest assured]\ninflect: false\nrewrite:\n  drop: true\n',
      '.pitchlintrc.yaml': CONFIG,
      'a.md': '# Plan\n\n*Rest assured*, we ship to {{city}} on time.\n',
    });
    const r = await run(['rewrite', join(d, 'a.md')]);
    expect(r.out).toBe('# Plan\n\n*Rest assured*, we ship to {{city}} on time.\n');
    expect(r.err).toMatch(
      /a\.md:3:2: not rewritten in place \(the change would cross markup the file has there\); write instead: We ship to \{\{city\}\}/,
    );
  });
});

describe('pitchlint init', () => {
  it('writes a commented starter config, and refuses to overwrite it unless --force', async () => {
    const d = tree({});
    const first = await run(['init', d]);
    expect(first.code).toBe(0);
    const text = readFileSync(join(d, '.pitchlintrc.yaml'), 'utf8');
    expect(text).toContain('facts:');
    expect(text).toContain('# typical: "2 business days"');
    const second = await run(['init', d]);
    expect(second.code).toBe(2);
    expect(second.err).toContain('already exists; not overwritten (use --force to replace it)');
    writeFileSync(join(d, '.pitchlintrc.yaml'), 'extends: recommended\n');
    expect((await run(['init', '--force', d])).code).toBe(0);
    expect(readFileSync(join(d, '.pitchlintrc.yaml'), 'utf8')).toBe(text);
  });
});

describe('expired facts', () => {
  it('are a warning of their own, and the rewrite shows the placeholder instead', async () => {
    resetFactWarnings();
    const d = tree({
      ...RULES,
      '.pitchlintrc.yaml':
        'root: true\nextends: []\nrulesDirs: [rules]\nfacts:\n  delivery.typical: { value: 2 business days, expires: 2020-01-31 }\n',
      'a.txt': 'We deliver overnight.\n',
    });
    const r = await run([join(d, 'a.txt')]);
    expect(r.err).toMatch(/warning: fact "delivery\.typical" in .*\.pitchlintrc\.yaml expired on 2020-01-31/);
    expect(r.out).toContain('↳ rewrite: We typically deliver within [typical delivery time].');
    expect(r.out).toContain('missing facts: delivery.typical');
  });
});
