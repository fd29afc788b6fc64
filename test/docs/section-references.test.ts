// Every "see docs/<file>.md, "Section"" (or README) reference that the code, the rule files and
// the schemas show a user resolves to a real heading, and every docs/<file>.md#anchor to a real
// anchor. The README's sections moved to docs/ once; a message pointing at the old place is a
// dead end for the user who follows it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../authoring/helpers.js';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(name) ? [p] : [];
  });
}

/** The headings of a Markdown file (outside code fences), without their backticks. */
function headings(doc: string): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of readFileSync(join(ROOT, doc), 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) out.push((m[1] ?? '').replace(/`/g, ''));
  }
  return out;
}

/** GitHub's anchor of a heading. */
const slug = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const DOC = String.raw`(README(?:\.md)?|docs/[\w-]+\.md)`;
const QUOTED = new RegExp(String.raw`\b${DOC}\s*,\s*\\?"([^"\\]+)\\?"`, 'g');
const ANCHOR = new RegExp(String.raw`\b${DOC}#([\w-]+)`, 'g');
/** "README, Writing rules": a section named without quotes cannot be checked; name it in quotes. */
const UNQUOTED = new RegExp(String.raw`\b${DOC}\s*,\s*(?!\\?")[A-Z]`, 'g');

interface Ref {
  at: string;
  doc: string;
  section?: string;
  anchor?: string;
  unquoted?: boolean;
}

export function referencesIn(at: string, text: string): Ref[] {
  const refs: Ref[] = [];
  const docOf = (d: string): string => (d.startsWith('README') ? 'README.md' : d);
  for (const m of text.matchAll(QUOTED)) refs.push({ at, doc: docOf(m[1] ?? ''), section: m[2] ?? '' });
  for (const m of text.matchAll(ANCHOR)) refs.push({ at, doc: docOf(m[1] ?? ''), anchor: m[2] ?? '' });
  for (const m of text.matchAll(UNQUOTED)) refs.push({ at, doc: docOf(m[1] ?? ''), unquoted: true });
  return refs;
}

function broken(ref: Ref): string | undefined {
  if (ref.unquoted) return `${ref.at}: name the section of ${ref.doc} in quotes, so it can be checked`;
  if (!existsSync(join(ROOT, ref.doc))) return `${ref.at}: ${ref.doc} does not exist`;
  const hs = headings(ref.doc);
  if (ref.section !== undefined && !hs.includes(ref.section)) return `${ref.at}: ${ref.doc} has no section "${ref.section}"`;
  if (ref.anchor !== undefined && !hs.map(slug).includes(ref.anchor)) return `${ref.at}: ${ref.doc} has no anchor #${ref.anchor}`;
  return undefined;
}

describe('"see <doc>, <section>" references resolve', () => {
  it('the checker catches a moved section, a missing file and an unquoted name', () => {
    const refs = [
      ...referencesIn('a', 'see README, "Rewrites and --fix"'),
      ...referencesIn('b', 'see docs/writing-rules.md, "Standard fact keys"'),
      ...referencesIn('c', 'see docs/nowhere.md, "X"'),
      ...referencesIn('d', 'Standard keys: see README, Writing rules.'),
      ...referencesIn('e', 'docs/rewrites.md#the-facts-sheet and docs/rewrites.md#no-such'),
    ];
    expect(refs.map(broken)).toEqual([
      'a: README.md has no section "Rewrites and --fix"',
      undefined,
      'c: docs/nowhere.md does not exist',
      'd: name the section of README.md in quotes, so it can be checked',
      undefined,
      'e: docs/rewrites.md has no anchor #no-such',
    ]);
  });

  it('in the code, the rule files, the schemas and the build scripts', () => {
    const sources = [
      ...files(join(ROOT, 'src'), /\.(ts|js|mjs)$/),
      ...files(join(ROOT, 'rules'), /\.ya?ml$/),
      ...files(join(ROOT, 'schema'), /\.json$/),
      ...files(join(ROOT, 'scripts'), /\.(mjs|js|ts)$/),
    ];
    const refs = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, k) => referencesIn(`${relative(ROOT, f)}:${k + 1}`, line)),
    );
    // The messages this issue is about are among them.
    for (const f of ['src/authoring/scaffold.ts', 'src/authoring/check.ts', 'src/config/facts/init-template.ts'])
      expect(refs.some((r) => r.at.startsWith(`${f}:`)), f).toBe(true);
    expect(refs.map(broken).filter(Boolean)).toEqual([]);
  });
});
