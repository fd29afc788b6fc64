// Whole files, not only sentences (issue 16, item 5): front matter in every format, heading
// anchors, code and signatures never produce findings; the prose around them still does, at its
// exact position.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/api.js';
import { blankFrontMatter, frontMatterEnd } from '../../src/inputs/prose/front-matter.js';

const found = async (text: string, filePath: string): Promise<string[]> =>
  (await lintText(text, { filePath })).findings.map((f) => `${f.start.line}:${f.start.column}:${f.ruleId}`);

const YAML = [
  '---',
  'title: We always ship on time',
  "description: 'The best installers in the region, guaranteed.'",
  '---',
  '',
].join('\n');
const TOML = ['+++', 'title = "Results guaranteed within a week"', '+++', ''].join('\n');

describe('front matter is metadata in every format', () => {
  it('plain text: YAML front matter is skipped, the body is linted at its own lines', async () => {
    expect(await found(`${YAML}Our crew always arrives on time.\n`, 'page.txt')).toEqual([
      '5:10:absolute-always-never',
    ]);
  });

  it('plain text: TOML front matter too, with CRLF line endings', async () => {
    const text = `${TOML}Our crew always arrives on time.\n`.replace(/\n/g, '\r\n');
    expect(await found(text, 'page.txt')).toEqual(['4:10:absolute-always-never']);
  });

  it('HTML: front matter above the markup is skipped, positions below it unchanged', async () => {
    const text = `${YAML}<h1>Racking</h1>\n<p>Our crew always arrives on time.</p>\n`;
    expect(await found(text, 'page.html')).toEqual(['6:13:absolute-always-never']);
  });

  it('Markdown keeps skipping it', async () => {
    expect(await found(`${YAML}Our crew always arrives on time.\n`, 'page.md')).toEqual(['5:10:absolute-always-never']);
  });

  it('a "---" that is never closed is not front matter', async () => {
    expect(await found('---\nWe always ship on time.\n', 'page.txt')).toEqual(['2:4:absolute-always-never']);
    expect(frontMatterEnd('---\nnot closed\n')).toBe(0);
  });

  it('blanking keeps every offset and line break', () => {
    const text = `${YAML}body`;
    const blank = blankFrontMatter(text);
    expect(blank.length).toBe(text.length);
    expect(blank.split('\n').length).toBe(text.split('\n').length);
    expect(blank.endsWith('body')).toBe(true);
    expect(blank.slice(0, frontMatterEnd(text)).trim()).toBe('');
  });
});

describe('heading anchors are not prose', () => {
  it('an anchor named after a claim word is skipped; the heading text is still linted', async () => {
    const text = '# Racking\n\n## Always end well {#always}\n\n## We always ship on time {#shipping .big}\n';
    expect(await found(text, 'page.md')).toEqual(['5:7:absolute-always-never']);
  });

  it('an attribute block in the middle of a heading is text', async () => {
    const text = '## Pick {#id} and we always ship\n';
    expect(await found(text, 'page.md')).toEqual(['1:22:absolute-always-never']);
  });
});

describe('code and signatures', () => {
  it('fenced and inline code in Markdown, code in HTML, are not linted', async () => {
    expect(await found('```\nWe always ship on time.\n```\n\nRun `always-on` to start.\n', 'a.md')).toEqual([]);
    expect(await found('<pre>We always ship on time.</pre><p><code>we never fail</code></p>', 'a.html')).toEqual([]);
  });

  it('an email signature is not linted', async () => {
    const text =
      'From: a@example.com\nSubject: Your quote\n\nThe quote is attached.\n\n-- \nJo Smith\nWe always answer within the hour.\n';
    expect(await found(text, 'a.eml')).toEqual([]);
  });
});
