// File discovery (issue 17): the ignore files of the folders above a named folder count, a
// symlink loop gives each file once, and a symlink out of the project is not walked into.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/runner/discover.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pitchlint-discover-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const DRAFT = 'We always deliver overnight.\n';
const rel = (root: string, files: string[]): string[] => files.map((f) => relative(root, f));

describe('discoverFiles', () => {
  it("reads the parent folders' .gitignore when a subfolder is named", async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'drafts/\n*.generated.md\n',
      'templates/.pitchlintignore': 'old/\n',
      'templates/sales/quote.md': DRAFT,
      'templates/sales/drafts/wip.md': DRAFT,
      'templates/sales/old/2019.md': DRAFT,
      'templates/sales/list.generated.md': DRAFT,
    });
    const expected = ['templates/sales/quote.md'];
    for (const named of ['.', 'templates', 'templates/sales', 'templates/sales/**/*.md']) {
      const { files } = await discoverFiles([named], { cwd: root, extensions: ['.md'] });
      expect(rel(root, files), named).toEqual(expected);
    }
    // From inside the subfolder too (the repository root is found above the working folder).
    const { files } = await discoverFiles(['.'], { cwd: join(root, 'templates/sales'), extensions: ['.md'] });
    expect(rel(root, files)).toEqual(expected);
  });

  it('a symlink loop gives each file once', async () => {
    const root = tree({ 'docs/quote.md': DRAFT, 'docs/sub/terms.md': DRAFT });
    symlinkSync('..', join(root, 'docs/sub/loop'));
    const { files } = await discoverFiles(['docs'], { cwd: root, extensions: ['.md'] });
    expect(rel(root, files)).toEqual(['docs/quote.md', 'docs/sub/terms.md']);
  });

  it('does not follow a symlink out of the project, but lints a file named on the command line', async () => {
    const outside = tree({ 'private/notes.md': 'Our secret roadmap always ships on time.\n' });
    const root = tree({ '.git/HEAD': 'x\n', 'docs/quote.md': DRAFT });
    symlinkSync(join(outside, 'private'), join(root, 'docs/private'));
    symlinkSync(join(outside, 'private/notes.md'), join(root, 'docs/notes.md'));
    const { files } = await discoverFiles(['.'], { cwd: root, extensions: ['.md'] });
    expect(rel(root, files)).toEqual(['docs/quote.md']);
    const named = await discoverFiles(['docs/notes.md'], { cwd: root, extensions: ['.md'] });
    expect(rel(root, named.files)).toEqual(['docs/notes.md']);
  });
});
