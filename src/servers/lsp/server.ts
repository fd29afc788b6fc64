// `pitchlint lsp`: a Language Server over stdio. Diagnostics follow the typing (incremental sync,
// debounced), with code actions (rewrite this sentence, apply all safe rewrites, suppress with a
// reason, explain the rule) and hovers (message, rationale, facts). Everything goes through the
// public API (lintText, rewriteText, fixText), so the editor sees exactly what the CLI reports,
// with the same configuration, facts and rule packs; they are re-read when they change on disk.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type CodeAction,
  CodeActionKind,
  Command,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigError,
  fixText,
  lintText,
  loadConfig,
  rewriteText,
  type Finding,
  type LintTextResult,
  type RuleMeta,
} from '../../api.js';

export interface LspOptions {
  /** --config: one configuration file for every draft. */
  config?: string;
  rules?: string[];
}

/** Languages the server lints, and the extension each is linted as when the file has none we know. */
const LANGUAGE_EXT: Record<string, string> = {
  markdown: '.md',
  plaintext: '.txt',
  text: '.txt',
  html: '.html',
  email: '.eml',
  eml: '.eml',
  mail: '.eml',
};
const KNOWN_EXT = new Set(['.md', '.markdown', '.txt', '.text', '.html', '.htm', '.eml']);
const CONFIG_FILE = /^(\.pitchlintrc\.ya?ml|pitchlint\.config\.yaml)$/;

const COMMAND_SUPPRESS = 'pitchlint.suppress';
const COMMAND_EXPLAIN = 'pitchlint.explainRule';
const REASONS = [
  'Backed by a signed contract or SLA',
  'Quoting the customer’s own words',
  'Approved by legal',
  'Write my own reason…',
];

interface DocState {
  version: number;
  result?: LintTextResult;
  /** The offset in the editor's text of offset 0 in the linted text (1 when a BOM was dropped). */
  shift: number;
}

export async function startLanguageServer(options: LspOptions = {}): Promise<void> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const server = new PitchlintLanguageServer(connection, options);
  server.listen();
  await new Promise<void>((done) => connection.onExit(() => done()));
}

class PitchlintLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly state = new Map<string, DocState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly watchers = new Map<string, FSWatcher>();
  /** Drafts whose configuration's folders are watched. */
  private readonly watched = new Set<string>();
  /** Files (config, rule files) that currently carry a load-error diagnostic. */
  private readonly brokenFiles = new Set<string>();
  private root = process.cwd();
  private debounceMs = 200;
  private canShowDocument = false;
  private relintTimer: NodeJS.Timeout | undefined;
  private readonly collector = new Collector();
  private shuttingDown = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: LspOptions,
  ) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((p) => this.initialize(p));
    c.onInitialized(() => {
      // Editors that can watch files for us do; our own fs watchers cover the others.
      void c.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
        .catch(() => undefined);
    });
    c.onDidChangeWatchedFiles(() => this.relintAllSoon());
    c.onShutdown(() => {
      this.shuttingDown = true;
      for (const t of this.timers.values()) clearTimeout(t);
      this.collector.stop();
      if (this.relintTimer) clearTimeout(this.relintTimer);
      for (const w of this.watchers.values()) w.close();
      this.watchers.clear();
    });
    this.documents.onDidOpen((e) => this.schedule(e.document.uri, 0));
    this.documents.onDidChangeContent((e) => this.schedule(e.document.uri, this.debounceMs));
    this.documents.onDidClose((e) => {
      clearTimeout(this.timers.get(e.document.uri));
      this.timers.delete(e.document.uri);
      this.state.delete(e.document.uri);
      void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    c.onCodeAction((p) => this.codeActions(p.textDocument.uri, p.range));
    c.onExecuteCommand((p) => this.execute(p.command, p.arguments ?? []));
    c.onHover((p) => this.hover(p.textDocument.uri, p.position));
    this.documents.listen(c);
    c.listen();
  }

  private initialize(p: InitializeParams): InitializeResult {
    const folder = p.workspaceFolders?.[0]?.uri ?? p.rootUri;
    if (folder?.startsWith('file:')) this.root = fileURLToPath(folder);
    const init = (p.initializationOptions ?? {}) as { debounceMs?: unknown };
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0 && init.debounceMs <= 5000)
      this.debounceMs = init.debounceMs;
    this.canShowDocument = !!p.capabilities.window?.showDocument?.support;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
        hoverProvider: true,
        executeCommandProvider: { commands: [COMMAND_SUPPRESS, COMMAND_EXPLAIN] },
      },
      serverInfo: { name: 'pitchlint' },
    };
  }

  // ---- linting -------------------------------------------------------------------------------

  /** The file a document is linted as (its extension picks the format; its folder the config). */
  private lintPath(doc: TextDocument): string | undefined {
    let path: string | undefined;
    if (doc.uri.startsWith('file:')) {
      try {
        path = fileURLToPath(doc.uri);
      } catch {
        path = undefined;
      }
    }
    const ext = path ? extname(path).toLowerCase() : '';
    if (path && KNOWN_EXT.has(ext)) return path;
    const byLanguage = LANGUAGE_EXT[doc.languageId];
    if (!byLanguage) return undefined;
    return path ? `${path}${byLanguage}` : join(this.root, `untitled${byLanguage}`);
  }

  private lintOptions(filePath: string) {
    return {
      filePath,
      cwd: this.root,
      ...(this.options.config ? { configFile: resolve(this.root, this.options.config) } : {}),
      ...(this.options.rules?.length ? { rulesDirs: this.options.rules.map((d) => resolve(this.root, d)) } : {}),
    };
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    if (delay <= 0) {
      this.timers.delete(uri);
      void this.lint(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.lint(uri);
      }, delay),
    );
  }

  private relintAllSoon(): void {
    if (this.relintTimer) clearTimeout(this.relintTimer);
    this.relintTimer = setTimeout(() => {
      this.relintTimer = undefined;
      this.watched.clear();
      for (const d of this.documents.all()) void this.lint(d.uri);
    }, 50);
  }

  private async lint(uri: string): Promise<void> {
    if (this.shuttingDown) return;
    const doc = this.documents.get(uri);
    if (!doc) return;
    const filePath = this.lintPath(doc);
    if (!filePath) return;
    const version = doc.version;
    const text = doc.getText();
    let result: LintTextResult;
    try {
      result = await lintText(text, this.lintOptions(filePath));
    } catch (e) {
      await this.reportLoadError(e);
      return;
    }
    await this.clearLoadErrors();
    const current = this.documents.get(uri);
    // A newer version is linted (or about to be): this result is stale.
    if (!current || current.version !== version) return;
    const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.state.set(uri, { version, result, shift });
    this.watchFor(filePath);
    const diagnostics = result.findings.map((f) => this.diagnostic(f, result.rules.get(f.ruleId)));
    if (result.fatal)
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'pitchlint',
        message: `pitchlint could not read this draft: ${result.fatal}`,
      });
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.collector.afterLint();
  }

  private diagnostic(f: Finding, meta: RuleMeta | undefined): Diagnostic {
    const severity =
      f.severity === 'error'
        ? DiagnosticSeverity.Error
        : f.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information;
    const d: Diagnostic = {
      range: findingRange(f),
      severity,
      code: f.ruleId,
      source: 'pitchlint',
      message:
        f.rewrite !== undefined
          ? `${f.message}\nRewrite: ${f.rewrite === '' ? '(remove the sentence)' : f.rewrite}`
          : f.message,
    };
    const page = meta ? rulePage(meta) : undefined;
    if (page) d.codeDescription = { href: pathToFileURL(page).href };
    return d;
  }

  /** A configuration or rule file that does not load: one diagnostic on that file, and the server goes on. */
  private async reportLoadError(e: unknown): Promise<void> {
    if (!(e instanceof ConfigError)) {
      this.connection.console.error(`pitchlint: ${(e as Error)?.message ?? String(e)}`);
      return;
    }
    const problems = (e as ConfigError & { problems?: Array<{ where: string; message: string }> }).problems ?? [
      { where: e.where ?? '', message: e.where ? e.message.slice(e.where.length + 2) : e.message },
    ];
    const byFile = new Map<string, Diagnostic>();
    for (const p of problems) {
      const m = /^(.*):(\d+):(\d+)$/.exec(p.where);
      const file = m ? m[1]! : p.where;
      if (!file || !isAbsolute(file) || byFile.has(file)) continue;
      const line = m ? Number(m[2]) - 1 : 0;
      const character = m ? Number(m[3]) - 1 : 0;
      byFile.set(file, {
        range: { start: { line, character }, end: { line, character: character + 1 } },
        severity: DiagnosticSeverity.Error,
        source: 'pitchlint',
        message: `${p.message} (pitchlint cannot lint until this file loads)`,
      });
    }
    if (byFile.size === 0) this.connection.window.showErrorMessage(`pitchlint: ${e.message.split('\n')[0]}`);
    for (const [file, d] of byFile) {
      this.brokenFiles.add(file);
      this.watchDir(dirname(file));
      await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [d] });
    }
  }

  private async clearLoadErrors(): Promise<void> {
    for (const file of this.brokenFiles)
      await this.connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics: [] });
    this.brokenFiles.clear();
  }

  // ---- watching config, facts and rules --------------------------------------------------------

  private watchFor(filePath: string): void {
    // Once per file until the configuration changes (a change re-lints every draft).
    if (this.watched.has(filePath)) return;
    this.watched.add(filePath);
    // Config files are searched upward from the draft: watch each folder up to the workspace.
    let dir = dirname(filePath);
    for (let i = 0; i < 32; i++) {
      this.watchDir(dir);
      const up = dirname(dir);
      if (up === dir || !dir.startsWith(this.root)) break;
      dir = up;
    }
    // The rule folders of the configuration (the built-in packs never change under us).
    void loadConfig(filePath, {
      cwd: this.root,
      ...(this.options.config ? { configFile: resolve(this.root, this.options.config) } : {}),
    }).then(
      (c) => {
        for (const d of c.ruleDirs) if (!d.endsWith('(built-in)')) this.watchDir(resolve(this.root, d));
        for (const d of this.options.rules ?? []) this.watchDir(resolve(this.root, d));
        if (this.options.config) this.watchDir(dirname(resolve(this.root, this.options.config)));
      },
      () => undefined,
    );
  }

  private watchDir(dir: string): void {
    if (this.watchers.has(dir) || this.watchers.size >= 256 || !existsSync(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        const n = String(name ?? '');
        if (n === '' || /\.ya?ml$/i.test(n) || CONFIG_FILE.test(n)) this.relintAllSoon();
      });
      w.on('error', () => {
        w.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, w);
    } catch {
      // A folder we may not watch: the client's file events still re-lint.
    }
  }

  // ---- code actions ------------------------------------------------------------------------------

  private findingsAt(uri: string, range: Range): { doc: TextDocument; st: DocState; findings: Finding[] } | undefined {
    const doc = this.documents.get(uri);
    const st = this.state.get(uri);
    if (!doc || !st?.result) return undefined;
    const findings = st.result.findings.filter((f) => overlaps(findingRange(f), range));
    return { doc, st, findings };
  }

  private async codeActions(uri: string, range: Range): Promise<CodeAction[]> {
    const at = this.findingsAt(uri, range);
    if (!at) return [];
    const { doc, st } = at;
    const filePath = this.lintPath(doc)!;
    const actions: CodeAction[] = [];
    const rules = st.result!.rules;
    if (at.findings.length && st.result!.source) {
      // Sentence rewrites, placeholders included (the rep fills them in).
      const rw = await rewriteText(doc.getText(), this.lintOptions(filePath)).catch(() => undefined);
      const done = new Set<number>();
      for (const f of at.findings) {
        const twin = rw?.findings.find(
          (g) => g.ruleId === f.ruleId && g.start.offset === f.start.offset && g.edit !== undefined,
        );
        if (!rw || twin?.edit === undefined || done.has(twin.edit)) continue;
        done.add(twin.edit);
        const e = rw.edits[twin.edit]!;
        // With a fix, the action makes exactly the edit --fix makes (bounded to the changed
        // words); without one, the sentence's rewrite, for the rep to finish.
        const fix = f.fix ?? twin.fix;
        const [from, to, newText] = fix ? [fix.range[0], fix.range[1], fix.text] : [e.start, e.end, e.text];
        const edit: TextEdit = {
          range: { start: doc.positionAt(from + st.shift), end: doc.positionAt(to + st.shift) },
          newText,
        };
        const note = !e.complete ? ' (fill in the [placeholders])' : e.fixKind === 'suggested' ? ' (suggested)' : '';
        actions.push({
          title: `Rewrite this sentence: “${e.rewrite === '' ? '(remove the sentence)' : e.rewrite}”${note}`,
          kind: CodeActionKind.QuickFix,
          // Preferred (applied without asking by "auto fix") only when plain --fix would apply it.
          isPreferred: e.fixKind === 'safe',
          diagnostics: [],
          edit: { changes: { [uri]: [edit] } },
        });
      }
    }
    // Only safe fixes qualify (fixText applies them, bounded to the words that change); a
    // suggested rewrite is offered on its own finding above.
    if (st.result!.findings.some((f) => f.fix && f.fix.kind !== 'suggested')) {
      actions.push({
        title: 'Apply all safe rewrites in this file (pitchlint)',
        kind: CodeActionKind.SourceFixAll,
        data: { uri, version: st.version },
      });
    }
    for (const id of new Set(at.findings.map((f) => f.ruleId))) {
      if (id.startsWith('pitchlint/')) continue;
      const f = at.findings.find((g) => g.ruleId === id)!;
      actions.push({
        title: `Suppress ${id} here, with a reason…`,
        kind: CodeActionKind.QuickFix,
        command: Command.create(`Suppress ${id}`, COMMAND_SUPPRESS, uri, f.start.line - 1, id),
      });
      if (rules.get(id))
        actions.push({
          title: `Explain rule ${id}`,
          kind: CodeActionKind.QuickFix,
          command: Command.create(`Explain ${id}`, COMMAND_EXPLAIN, uri, id),
        });
    }
    // The fix-all edit is computed here (not lazily): most clients do not resolve code actions.
    const fixAll = actions.find((a) => a.kind === CodeActionKind.SourceFixAll);
    if (fixAll) {
      const fixed = await fixText(doc.getText(), this.lintOptions(filePath)).catch(() => undefined);
      if (fixed && fixed.fixed > 0) {
        fixAll.title = `Apply all safe rewrites in this file (${fixed.fixed} finding${fixed.fixed === 1 ? '' : 's'})`;
        fixAll.edit = { changes: { [uri]: [minimalEdit(doc, fixed.text)] } };
        delete fixAll.data;
      } else actions.splice(actions.indexOf(fixAll), 1);
    }
    return actions;
  }

  private async execute(command: string, args: unknown[]): Promise<void> {
    if (command === COMMAND_SUPPRESS) return this.suppress(String(args[0]), Number(args[1]), String(args[2]));
    if (command === COMMAND_EXPLAIN) return this.explain(String(args[0]), String(args[1]));
  }

  /** Ask for the reason, then insert the directive (a directive without a reason is itself reported). */
  private async suppress(uri: string, line: number, ruleId: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !Number.isInteger(line) || line < 0 || line >= doc.lineCount) return;
    const picked = await this.connection.window.showInformationMessage(
      `Why may this ${ruleId} claim stand? pitchlint records the reason next to the exception.`,
      ...REASONS.map((title) => ({ title })),
    );
    if (!picked) return;
    const own = picked.title === REASONS.at(-1);
    const reason = own ? '' : picked.title;
    const format = this.state.get(uri)?.result?.format ?? 'text';
    const lineText = doc
      .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
      .replace(/\r?\n$/, '');
    let edit: TextEdit;
    let cursor: { line: number; character: number };
    if (format === 'text') {
      const indent = /^[ \t]*/.exec(lineText)![0];
      const before = `${indent}pitchlint-disable-next-line ${ruleId} -- `;
      edit = {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        newText: `${before}${reason}${eolOf(doc)}`,
      };
      cursor = { line, character: before.length + reason.length };
    } else {
      // Markdown and HTML: an inline comment at the end of the line keeps the paragraph whole.
      const before = ` <!-- pitchlint-disable-line ${ruleId} -- `;
      edit = {
        range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } },
        newText: `${before}${reason} -->`,
      };
      cursor = { line, character: lineText.length + before.length + reason.length };
    }
    const applied = await this.connection.workspace.applyEdit({
      label: `Suppress ${ruleId}`,
      edit: { changes: { [uri]: [edit] } },
    });
    if (applied.applied && own && this.canShowDocument) {
      await this.connection.window.showDocument({ uri, takeFocus: true, selection: { start: cursor, end: cursor } });
    }
  }

  private async explain(uri: string, ruleId: string): Promise<void> {
    const meta = this.state.get(uri)?.result?.rules.get(ruleId);
    if (!meta) {
      this.connection.window.showWarningMessage(`pitchlint: no rule ${ruleId} in this draft's configuration`);
      return;
    }
    const page = rulePage(meta);
    if (this.canShowDocument) {
      const shown = await this.connection.window
        .showDocument({ uri: pathToFileURL(page ?? meta.file).href, takeFocus: true })
        .catch(() => undefined);
      if (shown?.success) return;
    }
    this.connection.window.showInformationMessage(`${ruleId}: ${meta.description} Why: ${meta.rationale.trim()}`);
  }

  // ---- hover -------------------------------------------------------------------------------------

  private async hover(uri: string, position: { line: number; character: number }) {
    const at = this.findingsAt(uri, { start: position, end: position });
    if (!at || at.findings.length === 0) return null;
    const parts: string[] = [];
    const doc = at.doc;
    let facts: Array<{ key: string; value: string; source?: string }> = [];
    const rw = at.st.result!.source
      ? await rewriteText(doc.getText(), this.lintOptions(this.lintPath(doc)!)).catch(() => undefined)
      : undefined;
    if (rw) facts = rw.facts;
    for (const f of at.findings) {
      const meta = at.st.result!.rules.get(f.ruleId);
      const lines = [`**pitchlint · ${f.ruleId}** (${f.severity}, ${f.category})`, '', f.message];
      if (meta?.rationale) lines.push('', `**Why it matters:** ${meta.rationale.trim().replace(/\s+/g, ' ')}`);
      if (f.rewrite !== undefined)
        lines.push('', `**Rewrite:** ${f.rewrite === '' ? '(remove the sentence)' : f.rewrite}`);
      else if (f.suggestion) lines.push('', `**Instead:** ${f.suggestion}`);
      const twin = rw?.findings.find((g) => g.ruleId === f.ruleId && g.start.offset === f.start.offset);
      const used = twin?.edit !== undefined ? rw!.edits[twin.edit]!.factsUsed : [];
      if (used.length)
        lines.push(
          '',
          `**Facts used:** ${used
            .map((k) => {
              const x = facts.find((y) => y.key === k);
              return `\`${k}\` = ${x?.value ?? ''}${x?.source ? ` (${x.source})` : ''}`;
            })
            .join('; ')}`,
        );
      if (f.missingFacts?.length)
        lines.push(
          '',
          `**Missing facts:** ${f.missingFacts.map((k) => `\`${k}\`${rw?.missingFacts.find((m) => m.key === k) ? ` (${rw.missingFacts.find((m) => m.key === k)!.label})` : ''}`).join(', ')}; add them to the facts file to fill the placeholders.`,
        );
      parts.push(lines.join('\n'));
    }
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      range: findingRange(at.findings[0]!),
    };
  }
}

function findingRange(f: Finding): Range {
  return {
    start: { line: Math.max(0, f.start.line - 1), character: Math.max(0, f.start.column - 1) },
    end: { line: Math.max(0, f.end.line - 1), character: Math.max(0, f.end.column - 1) },
  };
}

const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

/** Whether two ranges touch (an empty range at a finding's edge counts). */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function eolOf(doc: TextDocument): string {
  return doc.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** One edit replacing only the part of the document that changed. */
function minimalEdit(doc: TextDocument, next: string): TextEdit {
  const prev = doc.getText();
  let s = 0;
  while (s < prev.length && s < next.length && prev[s] === next[s]) s++;
  let e = 0;
  while (e < prev.length - s && e < next.length - s && prev[prev.length - 1 - e] === next[next.length - 1 - e]) e++;
  return {
    range: { start: doc.positionAt(s), end: doc.positionAt(prev.length - e) },
    newText: next.slice(s, next.length - e),
  };
}

/** The rule's documentation page (docs/rules/<pack>/<id>.md beside the rule's package), when there is one. */
function rulePage(meta: RuleMeta): string | undefined {
  let dir = dirname(meta.file);
  for (let i = 0; i < 4; i++) {
    const page = join(dir, 'docs', 'rules', meta.pack.replace(/^@/, '').replace(/[\\/]/g, '-'), `${meta.id}.md`);
    if (existsSync(page)) return page;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/**
 * Keeps the server's memory flat over a long editing session. Every keystroke's lint leaves
 * garbage, and V8 grows its heap rather than collect it while there is room, so the process
 * would creep upward for hours. A full collection once the typing pauses (and every few hundred
 * lints while it does not) costs a few milliseconds where nobody waits for them.
 */
class Collector {
  private readonly gc: (() => void) | undefined = exposeGc();
  private lints = 0;
  private idle: NodeJS.Timeout | undefined;

  afterLint(): void {
    if (!this.gc) return;
    if (++this.lints % 100 === 0) this.gc();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.gc!(), 1500);
    this.idle.unref();
  }

  stop(): void {
    clearTimeout(this.idle);
  }
}

function exposeGc(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
