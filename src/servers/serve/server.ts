// `pitchlint serve`: the local review page and its JSON API (docs/servers.md).
//
// Safety: the server listens on 127.0.0.1 only; every request must carry the random token of
// this run (in the URL it prints, or the X-Pitchlint-Token header), so other local users' pages
// and processes cannot call it; the Host header must name the loopback address (no DNS
// rebinding); bodies are limited in size; bad input gets a 4xx with a one-line JSON error.
// Nothing is sent anywhere: the page loads nothing from outside (see its Content-Security-Policy).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, lintText, loadConfig, rewriteText, type Finding, type RuleMeta } from '../../api.js';

export interface ServeOptions {
  port: number;
  config?: string;
  rules?: string[];
  /** Print the address here (default stdout). */
  log?: (line: string) => void;
}

/** Largest request body: a .docx sent as base64 in JSON. */
export const MAX_BODY = 8 * 1024 * 1024;
/** Largest draft text, in characters. */
const MAX_TEXT = 2_000_000;
const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.eml', '.html', '.htm', '.docx']);
const ASSETS: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startReviewServer(options: ServeOptions): Promise<number> {
  const cwd = process.cwd();
  const token = randomBytes(24).toString('base64url');
  const base = {
    cwd,
    ...(options.config ? { configFile: resolve(cwd, options.config) } : {}),
    ...(options.rules?.length ? { rulesDirs: options.rules.map((d) => resolve(cwd, d)) } : {}),
  };
  const assets = loadAssets();
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return sendJson(res, e.status, { error: { code: e.code, message: e.message } });
      if (e instanceof ConfigError)
        return sendJson(res, 422, { error: { code: 'config', message: e.message.split('\n').slice(0, 5).join('; ') } });
      process.stderr.write(`pitchlint serve: internal error: ${(e as Error)?.message ?? String(e)}\n`);
      return sendJson(res, 500, { error: { code: 'internal', message: 'internal error; see the server output' } });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      throw new HttpError(403, 'host', 'requests must address 127.0.0.1 (Host header)');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token') ?? headerValue(req.headers['x-pitchlint-token']) ?? '';
    if (!sameToken(given, token))
      throw new HttpError(403, 'token', 'missing or wrong token: use the address `pitchlint serve` printed');
    const asset = ASSETS[url.pathname];
    if (asset) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new HttpError(405, 'method', `${req.method} is not allowed here; use GET`);
      const body = asset === 'index.html' ? assets[asset]!.replaceAll('__TOKEN__', token) : assets[asset]!;
      res.writeHead(200, {
        'content-type': TYPES[extname(asset)]!,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'content-security-policy':
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (!url.pathname.startsWith('/api/')) throw new HttpError(404, 'not-found', `no such page: ${url.pathname}`);
    if (req.method !== 'POST')
      throw new HttpError(405, 'method', `${req.method} is not allowed here; use POST with a JSON body`);
    const body = await readJson(req);
    switch (url.pathname) {
      case '/api/lint':
        return sendJson(res, 200, await apiLint(body));
      case '/api/rewrite':
        return sendJson(res, 200, await apiRewrite(body));
      case '/api/facts/save':
        return sendJson(res, 200, await apiSaveFacts(body));
      default:
        throw new HttpError(
          404,
          'not-found',
          `no such API: ${url.pathname} (there are /api/lint, /api/rewrite, /api/facts/save)`,
        );
    }
  }

  async function apiLint(body: Record<string, unknown>) {
    const { input, filename } = draftOf(body);
    const r = await lintText(input, { ...base, filePath: filename });
    if (r.fatal) throw new HttpError(422, 'unreadable', `${filename}: ${r.fatal}`);
    return {
      filename,
      format: r.format,
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      suggestionCount: r.suggestionCount,
      findings: r.findings.map(publicFinding),
      rules: rulesOf(r.findings, r.rules),
      notices: r.notices,
    };
  }

  async function apiRewrite(body: Record<string, unknown>) {
    const { input, filename } = draftOf(body);
    const facts = factsOf(body.facts);
    const r = await rewriteText(input, { ...base, filePath: filename, facts });
    if (r.fatal) throw new HttpError(422, 'unreadable', `${filename}: ${r.fatal}`);
    return {
      filename,
      format: r.format,
      writable: r.writable,
      original: r.original,
      text: r.text,
      edits: r.edits,
      findings: r.findings.map((f) => ({
        ...publicFinding(f),
        ...(f.range ? { range: f.range } : {}),
        ...(f.edit !== undefined ? { edit: f.edit } : {}),
      })),
      missingFacts: r.missingFacts,
      facts: r.facts,
      rules: rulesOf(r.findings, r.rules),
      notes: r.notes,
    };
  }

  /** Save facts the rep filled in: to the configuration's facts file, or its own `facts:`. */
  async function apiSaveFacts(body: Record<string, unknown>) {
    const facts = factsOf(body.facts);
    if (Object.keys(facts).length === 0)
      throw new HttpError(
        400,
        'facts',
        'body.facts must hold at least one fact: {"facts": {"delivery.typical": "2 business days"}}',
      );
    const filename = typeof body.filename === 'string' ? body.filename : 'draft.md';
    const report = await loadConfig(resolve(cwd, filename), base);
    if (!report.configFile || report.configFile.endsWith('(built-in)')) {
      throw new HttpError(
        409,
        'no-config',
        'no .pitchlintrc.yaml applies to this draft: run `pitchlint init` to create one, then save again',
      );
    }
    const configFile = resolve(cwd, report.configFile);
    const { parseDocument } = await import('yaml');
    const configDoc = parseDocument(await readFile(configFile, 'utf8'));
    const factsFile = configDoc.get('factsFile');
    let file = configFile;
    let doc = configDoc;
    let prefix = ['facts'];
    if (typeof factsFile === 'string' && factsFile) {
      file = resolve(dirname(configFile), factsFile);
      doc = parseDocument(existsSync(file) ? await readFile(file, 'utf8') : '');
      const top = doc.toJS() as Record<string, unknown> | null;
      prefix = top && typeof top === 'object' && Object.keys(top).length === 1 && 'facts' in top ? ['facts'] : [];
    }
    if (doc.errors.length)
      throw new HttpError(409, 'yaml', `${basename(file)} has YAML errors; fix it before saving facts`);
    for (const [key, value] of Object.entries(facts)) doc.setIn([...prefix, ...key.split('.')], value);
    await writeFile(file, doc.toString(), 'utf8');
    return { saved: Object.keys(facts), file: isAbsolute(file) ? file : resolve(cwd, file) };
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  }).catch((e: NodeJS.ErrnoException) => {
    throw new ConfigError(
      e.code === 'EADDRINUSE'
        ? `port ${options.port} is in use; pick another with --port, or 0 for a free one`
        : `cannot listen on 127.0.0.1:${options.port} (${e.code ?? e.message})`,
    );
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : options.port;
  const log = options.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  log(`pitchlint: review page at http://127.0.0.1:${port}/?token=${token}`);
  log('pitchlint: listening on 127.0.0.1 only; press Ctrl-C to stop');

  await new Promise<void>((done) => {
    const stop = (): void => {
      server.close(() => done());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // The launcher runs the server in a child process: if the launcher is killed, stop too
    // rather than serve on as an orphan.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && stop(), 1000).unref();
  });
  return 0;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'content-type', 'send the body as JSON (Content-Type: application/json)');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY) {
    req.resume();
    throw new HttpError(413, 'too-large', `the body is larger than ${MAX_BODY / 1024 / 1024} MiB`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'too-large', `the body is larger than ${MAX_BODY / 1024 / 1024} MiB`);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (e) {
    throw new HttpError(400, 'json', `the body is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new HttpError(400, 'json', 'the body must be a JSON object: {"text": "...", "filename": "draft.md"}');
  return value as Record<string, unknown>;
}

/** The draft of a request: `text` (a string), or `base64` (a file's bytes, e.g. .docx), and its file name. */
function draftOf(body: Record<string, unknown>): { input: string | Buffer; filename: string } {
  const filename = body.filename === undefined ? 'draft.md' : body.filename;
  if (
    typeof filename !== 'string' ||
    filename.length === 0 ||
    filename.length > 255 ||
    /[\0/\\]/.test(filename) ||
    filename.startsWith('.')
  ) {
    throw new HttpError(400, 'filename', 'filename must be a plain file name such as "draft.md" (no folders)');
  }
  const ext = extname(filename).toLowerCase();
  if (!EXTENSIONS.has(ext))
    throw new HttpError(
      400,
      'filename',
      `cannot review ${ext || 'files without an extension'}: use .txt, .md, .eml, .html or .docx`,
    );
  if (typeof body.text === 'string') {
    if (body.text.length > MAX_TEXT)
      throw new HttpError(413, 'too-large', `the text is longer than ${MAX_TEXT} characters`);
    if (ext === '.docx') throw new HttpError(400, 'base64', 'send a .docx file as "base64", not "text"');
    return { input: body.text, filename };
  }
  if (typeof body.base64 === 'string') {
    if (!/^[A-Za-z0-9+/=\s]*$/.test(body.base64)) throw new HttpError(400, 'base64', '"base64" is not base64');
    return { input: Buffer.from(body.base64, 'base64'), filename };
  }
  throw new HttpError(
    400,
    'text',
    'send the draft as "text" (a string) or "base64" (a file\'s bytes), with its "filename"',
  );
}

function factsOf(v: unknown): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v))
    throw new HttpError(400, 'facts', '"facts" must be an object of key -> value strings');
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(k) || k.length > 200)
      throw new HttpError(400, 'facts', `fact key "${k.slice(0, 60)}" is not a dotted key such as delivery.typical`);
    if (typeof x !== 'string' || x.length > 500)
      throw new HttpError(400, 'facts', `fact "${k}" must be a string of at most 500 characters`);
    if (x.trim()) out[k] = x.trim();
  }
  return out;
}

function publicFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    category: f.category,
    message: f.message,
    line: f.start.line,
    column: f.start.column,
    endLine: f.end.line,
    endColumn: f.end.column,
    sentence: f.sentence,
    flagged: f.sentence.slice(f.span[0], f.span[1]),
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
    ...(f.rewrite !== undefined ? { rewrite: f.rewrite } : {}),
    ...(f.missingFacts?.length ? { missingFacts: f.missingFacts } : {}),
    ...(f.alternatives?.length ? { alternatives: f.alternatives.map((a) => ({ label: a.label, text: a.text })) } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}

function rulesOf(findings: Finding[], rules: Map<string, RuleMeta>) {
  const out: Record<string, { description: string; rationale: string; category: string; pack: string }> = {};
  for (const f of findings) {
    const m = rules.get(f.ruleId);
    if (m && !out[m.id])
      out[m.id] = {
        description: m.description.trim(),
        rationale: m.rationale.trim().replace(/\s+/g, ' '),
        category: m.category,
        pack: m.pack,
      };
  }
  return out;
}

/** The page's files: dist/serve-page/ (copied there by the build), or the source folder in a checkout. */
function loadAssets(): Record<string, string> {
  const dirs: string[] = [];
  if (process.env.PITCHLINT_ROOT) dirs.push(join(process.env.PITCHLINT_ROOT, 'dist', 'serve-page'));
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 5; i++) {
      dirs.push(join(dir, 'serve-page'), join(dir, 'dist', 'serve-page'));
      dir = dirname(dir);
    }
  } catch {
    // import.meta.url is not a file URL (start-up snapshot): PITCHLINT_ROOT is set there.
  }
  const dir = dirs.find((d) => existsSync(join(d, 'index.html')));
  if (!dir)
    throw new ConfigError(
      'the review page files are missing (dist/serve-page); reinstall pitchlint or run npm run build',
    );
  return Object.fromEntries(['index.html', 'app.js', 'style.css'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
