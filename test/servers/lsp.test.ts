// `pitchlint lsp` end to end: the server started as an editor starts it, driven over stdio by a
// real JSON-RPC client (vscode-jsonrpc): initialize, open, change, diagnostics, code actions,
// applying their edits, hover, the suppress command, config/facts/rule changes, shutdown.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';
import { BIN, TEAM_CONFIG, TEAM_RULE, until, workspace } from './helpers.js';

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, TextEdit[]> };
  command?: { command: string; arguments: unknown[] };
}

const DRAFT = [
  '# Racking for the Dayton site',
  '',
  'Hi Priya,',
  '',
  'We will have the racks installed by Friday. Our crews always finish on schedule.',
  '',
  'We guarantee fast delivery. We deliver overnight. The rollout is turnkey.',
  '',
].join('\n');

describe('pitchlint lsp', () => {
  const ws = workspace({
    '.pitchlintrc.yaml': TEAM_CONFIG,
    'team-rules/team-turnkey.yaml': TEAM_RULE,
    'facts.yaml': 'facts: {}\n',
    'drafts/dayton.md': DRAFT,
  });
  const uri = pathToFileURL(join(ws.dir, 'drafts/dayton.md')).href;
  let child: ChildProcessWithoutNullStreams;
  let conn: MessageConnection;
  let doc = TextDocument.create(uri, 'markdown', 1, DRAFT);
  const diagnostics = new Map<string, { version?: number; diagnostics: Diag[] }>();
  const published: string[] = [];
  let reasonAsked = '';
  let stderr = '';

  /** Apply edits to our copy and tell the server, as an editor does (incremental changes). */
  const edit = (edits: TextEdit[]): void => {
    const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
    const changes = sorted.map((e) => ({ range: e.range, text: e.newText }));
    doc = TextDocument.create(uri, 'markdown', doc.version + 1, TextDocument.applyEdits(doc, edits));
    void conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
  };
  /** Diagnostics for the current version of the draft. */
  const current = (): Diag[] | undefined => {
    const d = diagnostics.get(uri);
    return d && d.version === doc.version ? d.diagnostics : undefined;
  };
  const codes = (ds: Diag[]): string[] => ds.map((d) => d.code).sort();
  const rangeOf = (needle: string): Diag['range'] => {
    const at = doc.getText().indexOf(needle);
    if (at < 0) throw new Error(`"${needle}" not in the draft`);
    return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
  };

  beforeAll(async () => {
    child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], {
      cwd: ws.dir,
      detached: true,
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; version?: number; diagnostics: Diag[] }) => {
        diagnostics.set(p.uri, p);
        published.push(p.uri);
      },
    );
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/showMessageRequest', (p: { message: string; actions: Array<{ title: string }> }) => {
      reasonAsked = p.message;
      return p.actions.find((a) => a.title === 'Approved by legal') ?? null;
    });
    conn.onRequest('window/showDocument', () => ({ success: true }));
    conn.onRequest('workspace/applyEdit', (p: { edit: { changes: Record<string, TextEdit[]> } }) => {
      edit(p.edit.changes[uri] ?? []);
      return { applied: true };
    });
    conn.listen();
    const init = await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }],
      capabilities: {
        window: { showDocument: { support: true } },
        workspace: { applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      initializationOptions: { debounceMs: 30 },
    });
    expect(init.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(init.capabilities.hoverProvider).toBe(true);
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: doc.version, text: DRAFT },
    });
  });

  afterAll(async () => {
    // A test that failed before `exit`: stop the launcher and the server it started.
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    ws.cleanup();
  });

  it('publishes the CLI’s findings on open, at the exact positions, with severity and rule id', async () => {
    const ds = await until('diagnostics on open', current);
    expect(codes(ds)).toEqual([
      'absolute-always-never',
      'commitment-deadline',
      'guarantee-unbacked',
      'speed-certain',
      'team-turnkey',
    ]);
    const always = ds.find((d) => d.code === 'absolute-always-never')!;
    expect(always.range).toEqual(rangeOf('always'));
    expect(always.source).toBe('pitchlint');
    expect(ds.find((d) => d.code === 'guarantee-unbacked')!.severity).toBe(1); // error
    expect(always.severity).toBe(2); // warning
    expect(ds.find((d) => d.code === 'team-turnkey')!.range).toEqual(rangeOf('turnkey'));
  });

  it('follows incremental changes (debounced): a fixed word drops its diagnostic', async () => {
    edit([{ range: rangeOf('always'), newText: 'usually' }]);
    const ds = await until('diagnostics after the change', current);
    expect(codes(ds)).not.toContain('absolute-always-never');
    expect(codes(ds)).toContain('commitment-deadline');
    expect(doc.getText()).toContain('Our crews usually finish on schedule.');
  });

  it('offers the sentence’s rewrite as a code action whose edit the editor applies', async () => {
    const d = current()!.find((x) => x.code === 'commitment-deadline')!;
    const actions = await conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const rewrite = actions.find((a) => a.title.startsWith('Rewrite this sentence'))!;
    expect(rewrite.title).toContain('We expect to have the racks installed by Friday.');
    // A judgement call (--fix leaves it alone), so not the preferred action an editor applies on its own.
    expect(rewrite.title).toMatch(/\(suggested\)$/);
    expect(rewrite.isPreferred).toBe(false);
    // The edit is the one --fix --fix-type would make: only the words that change.
    expect(rewrite.edit!.changes[uri]!).toHaveLength(1);
    expect(rewrite.edit!.changes[uri]![0]!.newText).not.toContain('racks');
    expect(actions.map((a) => a.title)).toEqual(
      expect.arrayContaining(['Suppress commitment-deadline here, with a reason…', 'Explain rule commitment-deadline']),
    );
    edit(rewrite.edit!.changes[uri]!);
    const ds = await until('diagnostics after the rewrite', current);
    expect(doc.getText()).toContain(
      'We expect to have the racks installed by Friday. Our crews usually finish on schedule.',
    );
    expect(codes(ds)).toEqual(['guarantee-unbacked', 'speed-certain', 'team-turnkey']);
  });

  it('hovers with the message, the rule’s rationale and the missing facts', async () => {
    const r = rangeOf('guarantee');
    const hover = await conn.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: r.start,
    });
    expect(hover.contents.kind).toBe('markdown');
    expect(hover.contents.value).toContain('guarantee-unbacked');
    expect(hover.contents.value).toContain('"guarantee" promises an outcome with no terms behind it.');
    expect(hover.contents.value).toMatch(/\*\*Why it matters:\*\* \S+/);
    // The speed claim's rewrite needs a fact the facts file does not have yet.
    const speed = await conn.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: rangeOf('deliver overnight').start,
    });
    expect(speed.contents.value).toContain('speed-certain');
    expect(speed.contents.value).toContain('**Missing facts:** `delivery.typical` (typical delivery time)');
    const nothing = await conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 2 },
    });
    expect(nothing).toBeNull();
  });

  it('re-lints when the facts file changes: the rewrite quotes the new fact', async () => {
    ws.write('facts.yaml', 'facts:\n  delivery:\n    typical: 2 business days\n');
    const ds = await until('diagnostics with the new fact', () => {
      const d = current()?.find((x) => x.code === 'speed-certain');
      return d?.message.includes('2 business days') ? current() : undefined;
    });
    expect(ds.find((x) => x.code === 'speed-certain')!.message).toContain('Rewrite: ');
    const hover = await conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: rangeOf('deliver overnight').start,
    });
    expect(hover.contents.value).toContain('**Facts used:** `delivery.typical` = 2 business days');
  });

  it('suppresses a finding with a reason it asks for', async () => {
    const d = current()!.find((x) => x.code === 'team-turnkey')!;
    const actions = await conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const suppress = actions.find((a) => a.title === 'Suppress team-turnkey here, with a reason…')!;
    await conn.sendRequest('workspace/executeCommand', suppress.command);
    expect(reasonAsked).toContain('team-turnkey');
    await until('the directive in the text', () =>
      doc.getText().includes('pitchlint-disable-line') ? true : undefined,
    );
    expect(doc.getText()).toContain(
      'The rollout is turnkey. <!-- pitchlint-disable-line team-turnkey -- Approved by legal -->',
    );
    const ds = await until('diagnostics without the suppressed finding', () => {
      const c = current();
      return c && !codes(c).includes('team-turnkey') ? c : undefined;
    });
    expect(codes(ds)).toEqual(['guarantee-unbacked', 'speed-certain']);
  });

  it('applies all safe rewrites in the file with one action', async () => {
    // A claim whose rewrite is a safe word swap ("always" -> "typically"); the guarantee's and the
    // speed claim's rewrites are suggestions, which the action leaves alone.
    const end = doc.positionAt(doc.getText().length);
    edit([{ range: { start: end, end }, newText: '\nThe crew always cleans up after the install.\n' }]);
    await until('diagnostics of the new sentence', () =>
      current()?.some((d) => d.code === 'absolute-always-never') ? true : undefined,
    );
    // Its own quick fix is the preferred one: plain --fix applies it, and it edits only "always".
    const own = await conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rangeOf('always'),
      context: { diagnostics: [] },
    });
    const swap = own.find((a) => a.title.startsWith('Rewrite this sentence'))!;
    expect(swap.isPreferred).toBe(true);
    expect(swap.edit!.changes[uri]).toEqual([{ range: rangeOf('always'), newText: 'typically' }]);
    const actions = await conn.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: rangeOf('guarantee'),
      context: { diagnostics: [] },
    });
    const all = actions.find((a) => a.kind === 'source.fixAll')!;
    expect(all.title).toMatch(/^Apply all safe rewrites in this file \(\d+ findings?\)$/);
    edit(all.edit!.changes[uri]!);
    const ds = await until('diagnostics after fix-all', current);
    expect(all.title).toBe('Apply all safe rewrites in this file (1 finding)');
    expect(codes(ds)).toEqual(['guarantee-unbacked', 'speed-certain']);
    expect(doc.getText()).toContain('The crew typically cleans up after the install.');
    expect(doc.getText()).toContain('We guarantee fast delivery. We deliver overnight.'); // suggestions: not applied
    expect(doc.getText()).toContain('Hi Priya,'); // the rest of the draft is untouched
  });

  it('re-lints when the configuration changes', async () => {
    const end = doc.positionAt(doc.getText().length);
    edit([
      {
        range: { start: end, end },
        newText: '\nThe rollout is plug-and-play, and we always answer within the hour.\n',
      },
    ]);
    const before = codes(
      await until('diagnostics of the new paragraph', () => (current()?.length ? current() : undefined)),
    );
    expect(before).toEqual(expect.arrayContaining(['absolute-always-never', 'team-turnkey']));
    expect(before.length).toBeGreaterThan(0);
    ws.write(
      '.pitchlintrc.yaml',
      `${TEAM_CONFIG}rules:\n${[...new Set(before)].map((c) => `  ${c}: "off"`).join('\n')}\n`,
    );
    await until('no diagnostics after turning the rules off', () => (current()?.length === 0 ? true : undefined));
    ws.write('.pitchlintrc.yaml', TEAM_CONFIG);
    await until('diagnostics back', () => (current()?.length ? true : undefined));
  });

  it('turns a broken rule file into one diagnostic on that file, and recovers', async () => {
    const bad = join(ws.dir, 'team-rules/broken.yaml');
    const badUri = pathToFileURL(bad).href;
    ws.write('team-rules/broken.yaml', 'id: team-broken\nkind: phrase\nseverity: loud\n');
    const ds = await until('a diagnostic on the broken rule file', () =>
      diagnostics.get(badUri)?.diagnostics.length ? diagnostics.get(badUri)!.diagnostics : undefined,
    );
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe(1);
    expect(ds[0]!.message).toMatch(/\S/);
    // Still alive: the next change is answered once the file is gone.
    rmSync(bad);
    await until('the broken file’s diagnostic cleared', () =>
      diagnostics.get(badUri)?.diagnostics.length === 0 ? true : undefined,
    );
    edit([
      {
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
        newText: 'Our installs are always on time. ',
      },
    ]);
    const after = await until('diagnostics after recovery', current);
    expect(after.find((d) => d.code === 'absolute-always-never')?.range).toEqual(rangeOf('always'));
  });

  it('shuts down and exits cleanly', async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    const code = await new Promise<number | null>((r) =>
      child.exitCode !== null ? r(child.exitCode) : child.once('exit', (c) => r(c)),
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
