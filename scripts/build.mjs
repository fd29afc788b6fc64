// Build the shipped CLI (run by `npm run build` and by `npm install` through `prepare`):
//   1. one esbuild bundle, code-split so heavy parts (NLP, parsers, formats) load only when used;
//   2. the JSON Schema validators as standalone code (no Ajv compile at run time);
//   3. dist/builtins.json: the built-in packs and lexicon, validated once (no YAML at run time);
//   4. type declarations for the API (skipped with --no-types).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const SERVER_PACKAGES = [
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageserver-textdocument',
  '@modelcontextprotocol/sdk',
  '@modelcontextprotocol/sdk/*',
  'zod',
];
// The servers' libraries (pitchlint lsp|serve|mcp) are required from node_modules when a server
// starts, not held in the snapshot every run deserializes.
const SNAPSHOT_EXTERNAL = [
  'pdfjs-dist',
  'pdfjs-dist/*',
  'mailparser',
  'jszip',
  'csv-parse',
  'csv-parse/*',
  'ajv',
  'fast-check',
  ...SERVER_PACKAGES,
];
// Node flags of every run from the snapshot (V8 refuses a snapshot built with other V8 flags, so
// the build uses them too). Measured on the 2,000-document benchmark: a young generation of 8 MB
// semi-spaces instead of 16 (peak memory -20 MB; GC time 165 ms, against 200-280 ms at 4 MB and
// ~170 ms at 16), an old generation that grows by a fifth at a time (--heap-growing-percent=20:
// V8's own factor, up to 4x, let the heap of a 16,000-file run reach 90 MB around 35 MB of live
// data; peak RSS 143 MB against 162 at no measurable cost in CPU on the distinct-sentence
// corpus), and one V8 helper thread instead of four (-7 MB, same speed on two cores). The
// launcher also caps glibc's malloc arenas (MALLOC_ARENA_MAX=2, -8 MB). Regular expressions are
// interpreted for their first 100 runs (V8's default: 1) so the warm-up lint in the snapshot
// leaves none compiled to machine code, which a snapshot cannot hold.
// The hash seed is fixed for the snapshot and its runs, so V8 need not rehash every table of the
// deserialized heap (the tagger's lexicon is large): ~35 ms of each start. It is drawn at random
// by each build, so nobody can craft colliding input for a machine's seed.
const HASH_SEED = randomInt(1, 2 ** 31);
const SNAPSHOT_NODE_FLAGS = (
  process.env.PITCHLINT_SNAPSHOT_FLAGS ??
  `--max-semi-space-size=8 --heap-growing-percent=20 --v8-pool-size=1 --regexp-tier-up-ticks=100 --hash-seed=${HASH_SEED} --no-rehash-snapshot`
)
  .split(' ')
  .filter(Boolean);
const SNAPSHOT_EXTERNAL_MINIMAL = ['pdfjs-dist', 'pdfjs-dist/*', ...SERVER_PACKAGES];
// In a snapshot, require() only knows Node's built-in modules; resolve the rest from the package.
const SNAPSHOT_REQUIRE_SHIM = `var __plBuiltinRequire = require, __plRequire;
require = function (id) {
  if (id.startsWith('node:') || __plBuiltinRequire('node:module').isBuiltin(id)) return __plBuiltinRequire(id);
  __plRequire = __plRequire || __plBuiltinRequire('node:module').createRequire(process.env.PITCHLINT_ROOT + '/package.json');
  return __plRequire(id);
};`;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  // Bundled CommonJS dependencies call require(); give them one.
  banner: {
    js: "import { createRequire as __pitchlintCreateRequire } from 'node:module'; const require = __pitchlintCreateRequire(import.meta.url);",
  },
};

// 1. The CLI and API bundle.
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts', api: 'src/api.ts', ...extraEntries() },
  outdir: 'dist',
  splitting: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // pdf.js is large and only needed for .pdf files; it stays a runtime import.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
});

// 2. The schema's `kind` and `unless` enums come from the kind and guard registries
// (src/engine/kinds/index.ts, src/engine/guards/index.ts): schema/rule.schema.json is brought in
// line with them (only those two lists change), so a new kind or guard needs no schema edit.
await syncRuleSchemaEnums();

// The review page of `pitchlint serve` (static files, read when the server starts).
if (existsSync(join(root, 'src/servers/serve/page')))
  cpSync(join(root, 'src/servers/serve/page'), join(dist, 'serve-page'), { recursive: true });

// 3. Standalone validators for every schema in schema/.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, esm: true } });
const refs = {};
const stamps = {};
for (const f of readdirSync(join(root, 'schema'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort()) {
  const name = f.replace('.schema.json', '');
  const file = join(root, 'schema', f);
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  ajv.addSchema(schema, name);
  refs[name] = name;
  const st = statSync(file);
  stamps[name] = `${st.size}:${Math.floor(st.mtimeMs)}`;
}
const generated = join(dist, 'validators.src.mjs');
writeFileSync(generated, `${standaloneCode(ajv, refs)}\nexport const stamps = ${JSON.stringify(stamps)};\n`);
await build({ ...common, entryPoints: [generated], outfile: join(dist, 'validators.mjs') });
rmSync(generated);

// 3. The built-in packs and lexicon as JSON.
const pre = join(dist, 'precompile.tmp.mjs');
await build({ ...common, entryPoints: ['src/rules/precompile.ts'], outfile: pre });
const { precompileBuiltins } = await import(pathToFileURL(pre).href);
await precompileBuiltins();
rmSync(pre);

// 4. The V8 start-up snapshot: the CLI and the tagger preloaded (see src/cli/snapshot-entry.ts).
if (!process.argv.includes('--no-snapshot') && !process.env.PITCHLINT_NO_SNAPSHOT) await buildSnapshot();

// 5. Type declarations for the API.
if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], {
    stdio: 'inherit',
  });
}
console.log('pitchlint: built dist/');

async function buildSnapshot() {
  // Heavy parsers for other formats stay outside the snapshot when they can (a smaller blob
  // deserializes faster); if a module imports one at load time, the snapshot must bundle it.
  for (const external of [SNAPSHOT_EXTERNAL, SNAPSHOT_EXTERNAL_MINIMAL]) {
    const problem = await trySnapshot(external);
    if (!problem) return;
    if (external === SNAPSHOT_EXTERNAL_MINIMAL) {
      // The CLI works without it, only slower to start.
      console.warn(`pitchlint: start-up snapshot not built (${problem}); the CLI will load the tagger on demand`);
    }
  }
}

async function trySnapshot(external) {
  const entry = join(dist, 'snapshot-entry.cjs');
  const blob = join(dist, 'snapshot.blob');
  await build({
    ...common,
    // In a snapshot, require() only knows Node's built-in modules; the shim resolves the rest.
    banner: { js: SNAPSHOT_REQUIRE_SHIM },
    format: 'cjs',
    // A snapshot has no import(): esbuild turns every dynamic import into require().
    supported: { 'dynamic-import': false },
    entryPoints: ['src/cli/snapshot-entry.ts'],
    outfile: entry,
    // import.meta is empty in CommonJS; our code only uses it to find the package root, which
    // the snapshot sets from PITCHLINT_ROOT.
    define: { 'import.meta.url': '"file:///pitchlint/snapshot/entry.cjs"' },
    external,
    // Less source text in the heap: a smaller blob deserializes faster.
    minify: !process.env.PITCHLINT_BUILD_DEBUG,
    logLevel: 'error',
  });
  writeFileSync(entry, asciiSource(readFileSync(entry, 'utf8')));
  const env = { ...process.env, PITCHLINT_ROOT: root };
  try {
    execFileSync(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', blob, '--build-snapshot', entry], {
      cwd: dist,
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    // Smoke test: the blob must start and answer.
    const out = execFileSync(process.execPath, [...SNAPSHOT_NODE_FLAGS, '--snapshot-blob', blob, '--', '--version'], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    if (out.trim() !== version) throw new Error(`smoke test printed ${JSON.stringify(out.slice(0, 80))}`);
    writeFileSync(
      join(dist, 'snapshot.json'),
      JSON.stringify({
        node: process.version,
        arch: process.arch,
        platform: process.platform,
        flags: SNAPSHOT_NODE_FLAGS,
      }),
    );
    // The same for the shell part of bin/pitchlint.js, which reads it without starting Node: the
    // Node binary that built the snapshot (it runs the snapshot while unchanged), then the flags.
    if (process.platform !== 'win32')
      writeFileSync(join(dist, 'snapshot.stamp'), `${process.execPath}\n${SNAPSHOT_NODE_FLAGS.join(' ')}\n`);
    return undefined;
  } catch (e) {
    rmSync(blob, { force: true });
    return (
      String(e.stderr || e.message)
        .split('\n')
        .find((l) => /Error|error/.test(l)) ?? String(e.message).split('\n')[0]
    );
  } finally {
    if (!process.env.PITCHLINT_BUILD_DEBUG) rmSync(entry, { force: true });
  }
}

/**
 * The bundle with every non-ASCII character written as a \\u escape. esbuild leaves them in
 * regular expression literals ("/[-–—]/"), and one character past Latin-1 makes V8 hold the whole
 * script source as UTF-16: twice its size in every run's heap and in the blob it deserializes
 * (1.6 MB more). An escape means the same character in a string, a template, an identifier and a
 * regular expression (with or without the u and v flags; astral characters as surrogate pairs,
 * which those flags read as one). A character after a backslash would change meaning: the build
 * stops rather than guess.
 */
function asciiSource(code) {
  return code.replace(/[\u0080-\uffff]/g, (ch, at) => {
    let slashes = 0;
    while (code[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2) throw new Error(`snapshot bundle: an escaped non-ASCII character at ${at}`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Extra entry points other parts of the build add (e.g. the worker of the worker pool). */
async function syncRuleSchemaEnums() {
  const out = join(dist, 'registries.tmp.mjs');
  await build({
    ...common,
    stdin: {
      contents:
        "export { GUARD_NAMES } from './src/engine/guards/index.ts'; export { KIND_NAMES } from './src/engine/kinds/index.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    outfile: out,
  });
  const { GUARD_NAMES, KIND_NAMES } = await import(pathToFileURL(out).href);
  rmSync(out);
  const file = join(root, 'schema', 'rule.schema.json');
  const text = readFileSync(file, 'utf8');
  const list = (names) => names.map((n) => JSON.stringify(n)).join(', ');
  const synced = text
    .replace(/("kind": \{ "enum": \[)[^\]]*(\])/, `$1${list(KIND_NAMES)}$2`)
    .replace(/("unless": \{[^]*?\{ "enum": \[)[^\]]*(\])/, `$1${list(GUARD_NAMES)}$2`);
  const check = JSON.parse(synced);
  if (JSON.stringify(check.properties.kind.enum) !== JSON.stringify(KIND_NAMES))
    throw new Error('schema/rule.schema.json: the kind enum was not found');
  if (JSON.stringify(check.properties.unless.items.oneOf[0].enum) !== JSON.stringify(GUARD_NAMES))
    throw new Error('schema/rule.schema.json: the unless enum was not found');
  if (synced !== text) writeFileSync(file, synced);
}

function extraEntries() {
  const entries = {};
  if (existsSync(join(root, 'src/runner/worker.ts'))) entries.worker = 'src/runner/worker.ts';
  return entries;
}
