#!/usr/bin/env node
// Replays the hostile cases of issue 17 on the built CLI (`npm run build` first): data loss,
// secrets from outside the repository, ReDoS, prototype keys, crashes, resource exhaustion,
// silent wrong results, quadratic time, and `--fix` edits outside what it reports. Each case
// runs in a fresh temporary repository and must exit 0, 1 or 2 with clear lines (no stack trace,
// no "internal error"), in at most 10 s and 1 GiB, print no secret from outside the repository,
// and leave the file system as the case says (links, read-only files and devices untouched).
//
//   node scripts/hostile.mjs                 # every case
//   node scripts/hostile.mjs --only pdf,fix  # the cases whose name contains one of these
//   node scripts/hostile.mjs --seconds 10 --mib 1024
//
// Time is CPU seconds of the CLI process (user + system, from time(1)), so that a busy machine
// does not fail a case; the wall clock is printed next to it.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflateRaw } from 'node:zlib';
import { readOptions } from './lib/options.mjs';
import { buildPdf, buildZip, docxXml, fill, sentence, word } from '../test/fuzz/documents.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'pitchlint.js');
const {
  only,
  seconds: maxSeconds,
  mib: maxMib,
} = readOptions(
  {
    only: { default: '', list: true, help: 'run the cases whose name contains one of these' },
    seconds: { default: '10', number: true, help: 'CPU seconds a case may take' },
    mib: { default: '1024', number: true, help: 'peak RSS a case may reach, MiB' },
  },
  { usage: 'node scripts/hostile.mjs [--only pdf,fix] [--seconds 10] [--mib 1024]' },
);
const TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t));

const SECRET = 'tok_live_51HostileSecret9f8e7d';
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const BAD =
  /internal error|this is a bug|UnhandledPromiseRejection|\[native code\]|Maximum call stack|heap out of memory/i;

/** A fresh repository (`.git` marks its root) with the given files; a secret sits outside it. */
function repo(files = {}) {
  const top = mkdtempSync(join(tmpdir(), 'pitchlint-hostile-'));
  mkdirSync(join(top, 'outside'));
  writeFileSync(join(top, 'outside', 'credentials.yaml'), `delivery:\n  typical: ${SECRET}\n`);
  writeFileSync(join(top, 'outside', 'rule.yaml'), rule('leaky', { message: SECRET, phrases: ['always'] }));
  const dir = join(top, 'repo');
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return { top, dir, outside: join(top, 'outside') };
}

function rule(id, { kind = 'phrase', message = 'A test rule flagged "{match}".', phrases, extra = '' } = {}) {
  return [
    `id: ${id}`,
    `kind: ${kind}`,
    'severity: error',
    'category: absolute',
    `message: ${JSON.stringify(message)}`,
    ...(phrases ? [`phrases: ${JSON.stringify(phrases)}`] : []),
    extra,
  ]
    .filter(Boolean)
    .join('\n')
    .concat('\n');
}

/** Run the CLI in `cwd`; wall seconds and peak RSS measured from outside. */
function run(cwd, argv, { env = {}, input, shell } = {}) {
  const t = process.hrtime.bigint();
  const quote = (a) => `'${a.replace(/'/g, `'\\''`)}'`;
  // GNU timeout kills the whole process group (the CLI's Node process too, not only the shell).
  // A shell case (pipes, redirections, a kill -9) runs as written, in a shell of its own, and is
  // not timed by time(1): its CPU is not measured.
  const timed = shell
    ? `timeout -s KILL ${maxSeconds + 20} /bin/sh -c ${quote(shell)}`
    : `timeout -s KILL ${maxSeconds + 20} ${TIME ? `${TIME} -f 'HOSTILE-RSS %M %U %S' -o "$HOSTILE_TIME" ` : ''}${[cli, ...argv].map(quote).join(' ')}`;
  const timeFile = join(cwd, '..', `time-${process.hrtime.bigint()}`);
  const r = spawnSync('/bin/sh', ['-c', timed], {
    cwd,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: (maxSeconds + 20) * 1000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', HOSTILE_TIME: timeFile, ...env },
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  let rssMib = NaN;
  let cpu = shell ? 0 : wall;
  try {
    const m = /HOSTILE-RSS (\d+) (\S+) (\S+)/.exec(readFileSync(timeFile, 'utf8'));
    if (m) {
      rssMib = Number(m[1]) / 1024;
      cpu = Number(m[2]) + Number(m[3]);
    }
    // time(1) reports "Command exited with non-zero status N" before the figures: not ours.
  } catch {
    // no time(1)
  }
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', wall, cpu, rssMib };
}

const cases = [];
let worstCpu = 0;
let worstRss = 0;
const hostile = (name, fn) => cases.push({ name, fn });

// A check inside a case: throws with a message when it fails.
function must(cond, what) {
  if (!cond) throw new Error(what);
}
/** The shared checks of every run: exit 0/1/2, clear lines, time, memory, no secret. */
function clean(r, { exits = [0, 1, 2], lines } = {}) {
  must(exits.includes(r.status), `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}, expected ${exits.join('/')}`);
  must(!STACK.test(r.stderr) && !STACK.test(r.stdout), `stack trace: ${r.stderr.slice(0, 300)}`);
  must(!BAD.test(r.stderr) && !BAD.test(r.stdout), `bad text: ${(r.stderr + r.stdout).match(BAD)?.[0]}`);
  must(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), 'the secret reached the output');
  // CPU seconds (user + system): on a shared machine the wall clock measures the neighbours.
  must(r.cpu <= maxSeconds, `took ${r.cpu.toFixed(1)} s of CPU (${r.wall.toFixed(1)} s wall)`);
  worstCpu = Math.max(worstCpu, r.cpu);
  worstRss = Math.max(worstRss, r.rssMib || 0);
  must(!(r.rssMib > maxMib), `peak RSS ${r.rssMib.toFixed(0)} MiB`);
  if (lines !== undefined) {
    const n = r.stderr.split('\n').filter((l) => l.trim()).length;
    must(n <= lines, `${n} lines on standard error, expected at most ${lines}: ${r.stderr.slice(0, 300)}`);
  }
  if (r.status === 2)
    must(/^pitchlint: /m.test(r.stderr), `exit 2 without a "pitchlint:" line: ${r.stderr.slice(0, 200)}`);
  return r;
}

// Plain --fix applies only safe word swaps; every category is named so that the suggested
// rewrites are written too and the write path (links, modes, temp files, line shape) is exercised.
const FIX = ['--fix', '--fix-type', 'absolute,guarantee,commitment,speed,superlative,roadmap,pricing,pressure'];
const DRAFT =
  '# Proposal\n\n- We always ship on time.\n- Our crew guarantees the best results.\n\n> We never miss a deadline.\n';

// ---------------------------------------------------------------------------------------------
// Data loss.

hostile('fix: a symlink stays a link, its target is fixed', () => {
  const { dir } = repo({ 'real.md': DRAFT });
  symlinkSync('real.md', join(dir, 'link.md'));
  clean(run(dir, [...FIX, 'link.md']));
  must(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'the link was replaced');
  must(readlinkSync(join(dir, 'link.md')) === 'real.md', 'the link points elsewhere');
  must(readFileSync(join(dir, 'real.md'), 'utf8') !== DRAFT, 'the target was not fixed');
});
hostile('fix: a read-only file is refused in one line', () => {
  const { dir } = repo({ 'ro.md': DRAFT });
  chmodSync(join(dir, 'ro.md'), 0o444);
  const r = clean(run(dir, [...FIX, 'ro.md']));
  must(/ro\.md: read-only; not changed/.test(r.stderr), `no read-only line: ${r.stderr}`);
  must(
    readFileSync(join(dir, 'ro.md'), 'utf8') === DRAFT && (statSync(join(dir, 'ro.md')).mode & 0o777) === 0o444,
    'changed',
  );
});
hostile('fix: hard links are kept (refused, one line)', () => {
  const { dir } = repo({ 'a.md': DRAFT });
  linkSync(join(dir, 'a.md'), join(dir, 'b.md'));
  const r = clean(run(dir, [...FIX, 'a.md']));
  must(/a\.md: has 2 hard links; not changed/.test(r.stderr), `no hard-link line: ${r.stderr}`);
  must(statSync(join(dir, 'a.md')).nlink === 2 && readFileSync(join(dir, 'b.md'), 'utf8') === DRAFT, 'links split');
});
hostile('baseline: a symlinked baseline stays a link', () => {
  const { dir } = repo({ 'a.md': DRAFT, 'state/base.json': '' });
  rmSync(join(dir, 'state/base.json'));
  symlinkSync('state/real.json', join(dir, 'base.json'));
  writeFileSync(join(dir, 'state/real.json'), '{"pitchlint":"baseline","version":1,"files":{}}');
  clean(run(dir, ['--update-baseline', '--baseline', 'base.json', 'a.md']));
  must(lstatSync(join(dir, 'base.json')).isSymbolicLink(), 'the baseline link was replaced');
  must(readFileSync(join(dir, 'state/real.json'), 'utf8').includes('a.md'), 'the target was not written');
});
hostile('baseline, -o, cache: a device node is never replaced', () => {
  const { dir } = repo({ 'a.md': DRAFT });
  const dev = join(dir, 'full');
  const mk = spawnSync('mknod', [dev, 'c', '1', '7']);
  if (mk.status !== 0) return 'skipped: mknod needs root';
  for (const argv of [
    ['--update-baseline', '--baseline', 'full', 'a.md'],
    ['-o', 'full', 'a.md'],
    ['--cache', '--cache-location', 'full', 'a.md'],
  ]) {
    const r = clean(run(dir, argv));
    must(lstatSync(dev).isCharacterDevice(), `${argv.join(' ')} replaced the device`);
    if (argv[0] !== '--cache') must(r.status === 2, `${argv.join(' ')}: exit ${r.status}`);
  }
});
hostile('fix: a temp file left by a killed run is removed by the next', () => {
  const { dir } = repo({ 'a.md': DRAFT });
  const stale = join(dir, '.a.md.pitchlint-999999-0123abcd.tmp');
  writeFileSync(stale, 'half-written');
  clean(run(dir, [...FIX, 'a.md']));
  must(!existsSync(stale), 'the stale temp file is still there');
});
hostile('fix: kill -9 in the middle of 300 files leaves the files whole', () => {
  const files = {};
  for (let i = 0; i < 300; i++) files[`d/f${i}.md`] = DRAFT;
  const { dir } = repo(files);
  const r = run(dir, [], {
    shell: `'${cli}' ${FIX.join(' ')} d & p=$!; sleep 0.8; kill -9 $p 2>/dev/null; wait $p 2>/dev/null; exit 0`,
  });
  must(r.status === 0, 'shell');
  for (const f of readdirSync(join(dir, 'd'))) {
    if (f.endsWith('.tmp')) continue; // removed by the next run (case above)
    const t = readFileSync(join(dir, 'd', f), 'utf8');
    must(t.split('\n').length === DRAFT.split('\n').length && t.startsWith('# Proposal'), `${f} damaged`);
  }
  clean(run(dir, [...FIX, 'd']));
  must(!readdirSync(join(dir, 'd')).some((f) => f.endsWith('.tmp')), 'temp files left after the next run');
});

// ---------------------------------------------------------------------------------------------
// Security.

for (const [name, cfg] of [
  ['factsFile absolute', (o) => `factsFile: ${o}/credentials.yaml\n`],
  ['factsFile ../', () => 'factsFile: ../outside/credentials.yaml\n'],
  ['extends ../ folder', () => 'extends: [recommended, ../outside]\n'],
  ['rulesDirs absolute', (o) => `rulesDirs: [${o}]\n`],
]) {
  hostile(`boundary: ${name} is refused, the secret never printed`, () => {
    const { dir, outside } = repo({ 'q.txt': 'Delivery is always overnight.\n' });
    writeFileSync(join(dir, '.pitchlintrc.yaml'), cfg(outside));
    for (const format of ['stylish', 'json', 'sarif']) {
      const r = clean(run(dir, ['--format', format, 'q.txt']), { exits: [2], lines: 1 });
      must(/outside the project/.test(r.stderr), r.stderr);
    }
  });
}
hostile('boundary: a rule file symlinked out of a rules folder is refused', () => {
  const { dir, outside } = repo({ 'q.txt': 'We always ship.\n', '.pitchlintrc.yaml': 'rulesDirs: [team]\n' });
  mkdirSync(join(dir, 'team'));
  symlinkSync(join(outside, 'rule.yaml'), join(dir, 'team', 'rule.yaml'));
  const r = clean(run(dir, ['q.txt']), { exits: [2], lines: 1 });
  must(/file rule\.yaml: .*outside the project/.test(r.stderr), r.stderr);
});
hostile('ReDoS: a /regex/ term in kind: pattern', () => {
  const { dir } = repo({
    'q.txt': `We always ${'a'.repeat(60)}c ship.\n`,
    '.pitchlintrc.yaml': 'rulesDirs: [team]\n',
    'team/evil.yaml': rule('evil-pattern', {
      kind: 'pattern',
      extra: "pattern: 'always /^(a+)+b$/'\ntriggers: [always]",
    }),
  });
  clean(run(dir, ['q.txt']));
});
hostile('ReDoS: a csvColumns regex', () => {
  const { dir } = repo({
    'q.csv': `${'a'.repeat(60)}c,Notes\n1,We always ship on time.\n`,
    '.pitchlintrc.yaml': 'csvColumns: ["/^(a+)+b$/"]\n',
  });
  clean(run(dir, ['q.csv']));
});
hostile('prototype keys: a rule id "constructor"', () => {
  const { dir } = repo({
    'q.txt': 'We always ship.\n',
    '.pitchlintrc.yaml': 'rulesDirs: [team]\nrules:\n  constructor: error\n',
    'team/c.yaml': rule('constructor', { phrases: ['always'] }).replace(/^message: .*$/m, ''),
  });
  clean(run(dir, ['q.txt']));
});
hostile('prototype keys: a baseline keyed "constructor" swallows nothing', () => {
  const { dir } = repo({
    'q.txt': 'We always ship.\n',
    'b.json':
      '{"pitchlint":"baseline","version":1,"files":{"constructor":{"constructor":{"x":1}},"__proto__":{"a":{"b":1}}}}',
  });
  const r = clean(run(dir, ['--format', 'json', '--baseline', 'b.json', 'q.txt']));
  must(r.status === 2 || JSON.parse(r.stdout)[0].messages.length > 0, 'findings swallowed');
});

// ---------------------------------------------------------------------------------------------
// Crashes and resource exhaustion.

const goodPdf = () => buildPdf([['We always ship on time.', 'Our crew guarantees the best results.']]);
hostile('pdf: truncated and malformed PDFs, with -o report.sarif', () => {
  const pdf = goodPdf();
  const { dir } = repo({
    'cut.pdf': pdf.subarray(0, Math.floor(pdf.length * 0.6)),
    'dict.pdf': Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n'),
    'junk.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x41)]),
    'ok.txt': 'We always ship.\n',
  });
  clean(run(dir, ['-f', 'sarif', '-o', 'report.sarif', 'cut.pdf', 'dict.pdf', 'junk.pdf', 'ok.txt']), { lines: 3 });
  must(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).runs, 'no SARIF written');
});

/** Raw deflate of `bytes` zeros, streamed (a bomb without holding it in memory). */
async function deflatedZeros(bytes) {
  const z = createDeflateRaw({ level: 9 });
  const out = [];
  z.on('data', (c) => out.push(c));
  const done = new Promise((res) => z.on('end', res));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let n = 0; n < bytes; n += chunk.length) {
    if (!z.write(chunk)) await new Promise((res) => z.once('drain', res));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}
hostile('docx: document.xml inflating to gigabytes', async () => {
  const packed = await deflatedZeros(2_000 * (1 << 20));
  const { dir } = repo({ 'bomb.docx': buildZip({ 'word/document.xml': packed }, { prePacked: true }) });
  // The stylish report names the skipped file on standard output; machine formats on stderr.
  const r = clean(run(dir, ['bomb.docx']), { lines: 1 });
  must(/inflates to more than/.test(r.stdout), `no limit line: ${r.stdout.slice(0, 300)}`);
  const j = clean(run(dir, ['--format', 'json', 'bomb.docx']), { lines: 1 });
  must(/^pitchlint: bomb\.docx: inflates to more than 200 MB \(skipped\)$/m.test(j.stderr), j.stderr);
});
hostile('pdf: a flate bomb stream', async () => {
  const raw = await deflatedZeros(600 * (1 << 20));
  // FlateDecode is zlib-wrapped: a 2-byte header and (unchecked here) no trailer.
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), raw]);
  const { dir } = repo({ 'bomb.pdf': buildPdf([['We always ship.']], { extraStream: stream }) });
  clean(run(dir, ['bomb.pdf']), { lines: 1 });
});
hostile('docx: 100,000 empty paragraphs', () => {
  const xml = docxXml([]).replace(
    '<w:body>',
    `<w:body>${'<w:p/>'.repeat(100_000)}<w:p><w:r><w:t>We always ship.</w:t></w:r></w:p>`,
  );
  const { dir } = repo({ 'empty.docx': buildZip({ 'word/document.xml': xml }) });
  clean(run(dir, ['empty.docx']));
});
hostile('yaml: an alias bomb in a rule file', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++)
    bomb.push(
      `${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(9)
        .fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`)
        .join(',')}]`,
    );
  const { dir } = repo({
    'q.txt': 'x\n',
    '.pitchlintrc.yaml': 'rulesDirs: [team]\n',
    'team/bomb.yaml': `${bomb.join('\n')}\n`,
  });
  clean(run(dir, ['q.txt']), { exits: [2], lines: 1 });
});
hostile('cache: entries null, then garbage', () => {
  const { dir } = repo({ 'q.txt': 'We always ship.\n', '.pitchlintcache': '{"entries":null}' });
  clean(run(dir, ['--cache', 'q.txt']), { lines: 1 });
  writeFileSync(join(dir, '.pitchlintcache'), '\u0000\u0001garbage');
  clean(run(dir, ['--cache', 'q.txt']), { lines: 1 });
});
for (const [name, body] of [
  ['a rule entry null', '{"pitchlint":"baseline","version":1,"files":{"q.txt":{"absolute-always-never":null}}}'],
  ['a count "x"', '{"pitchlint":"baseline","version":1,"files":{"q.txt":{"absolute-always-never":{"always":"x"}}}}'],
  ['a count true', '{"pitchlint":"baseline","version":1,"files":{"q.txt":{"absolute-always-never":{"always":true}}}}'],
  [
    'a count 1e309',
    '{"pitchlint":"baseline","version":1,"files":{"q.txt":{"absolute-always-never":{"always":1e309}}}}',
  ],
  ['not JSON', '{"pitchlint":'],
]) {
  hostile(`baseline: ${name} is exit 2, one line`, () => {
    const { dir } = repo({ 'q.txt': 'We always ship.\n', 'b.json': body });
    clean(run(dir, ['--baseline', 'b.json', 'q.txt']), { exits: [2], lines: 1 });
  });
}
hostile('io: -o into a missing folder, -o a folder', () => {
  const { dir } = repo({ 'q.txt': 'We always ship.\n' });
  mkdirSync(join(dir, 'out'));
  clean(run(dir, ['-o', 'missing/dir/x.json', 'q.txt']), { exits: [2], lines: 1 });
  clean(run(dir, ['-o', 'out', 'q.txt']), { exits: [2], lines: 1 });
});
hostile('io: standard output to /dev/full, and a closed pipe', () => {
  const { dir } = repo({ 'q.txt': 'We always ship on time.\n'.repeat(2_000) });
  clean(run(dir, [], { shell: `'${cli}' q.txt > /dev/full` }), { exits: [2], lines: 1 });
  const r = run(dir, [], { shell: `'${cli}' q.txt | head -c 10 >/dev/null; exit 0` });
  must(!STACK.test(r.stderr) && !BAD.test(r.stderr), `closed pipe: ${r.stderr.slice(0, 300)}`);
});
hostile('rules: a rule file of 100,000 phrases', () => {
  const phrases = Array.from({ length: 100_000 }, (_, i) => `${word(i)} ${word(i * 7 + 3)} ${i.toString(36)}`);
  const { dir } = repo({
    'q.txt': 'We always ship.\n',
    '.pitchlintrc.yaml': 'rulesDirs: [team]\n',
    'team/big.yaml': rule('big-list', { phrases }),
  });
  clean(run(dir, ['q.txt']));
});
hostile('stdin: /dev/zero is bounded', () => {
  const { dir } = repo();
  clean(run(dir, [], { shell: `'${cli}' --stdin-filename a.txt - < /dev/zero` }), { exits: [2], lines: 1 });
});

// ---------------------------------------------------------------------------------------------
// Silent wrong results.

hostile('cache: a forged entry with findings [] is never served', () => {
  const { dir } = repo({ 'q.txt': 'We always ship on time.\n' });
  clean(run(dir, ['--cache', 'q.txt']));
  const cache = JSON.parse(readFileSync(join(dir, '.pitchlintcache'), 'utf8'));
  for (const e of Object.values(cache.entries ?? {})) {
    if (e && typeof e === 'object' && e.result) {
      e.result.findings = [];
      e.result.warningCount = 0;
      e.result.errorCount = 0;
    }
  }
  writeFileSync(join(dir, '.pitchlintcache'), JSON.stringify(cache));
  const r = clean(run(dir, ['--cache', '--format', 'json', 'q.txt']));
  must(JSON.parse(r.stdout)[0].messages.length > 0, 'the forged entry hid the findings');
});
hostile('config: extends "" and [""] are errors', () => {
  const { dir } = repo({ 'q.txt': 'We always ship.\n', '.pitchlintrc.yaml': 'extends: [""]\n' });
  clean(run(dir, ['q.txt']), { exits: [2], lines: 1 });
  writeFileSync(join(dir, '.pitchlintrc.yaml'), 'extends: ""\n');
  clean(run(dir, ['q.txt']), { exits: [2], lines: 1 });
});
for (const [name, nest] of [
  ['a list nested 150 deep', (i) => `${'  '.repeat(i)}- item ${i}\n`],
  ['a quote nested 150 deep', (i) => `${'> '.repeat(i + 1)}line ${i}\n`],
  ['a list nested 10,000 deep', null],
]) {
  hostile(`markdown: ${name} hides nothing after it`, () => {
    const body = nest
      ? Array.from({ length: 150 }, (_, i) => nest(i)).join('')
      : Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i * 2)}- x\n`).join('');
    const { dir } = repo({ 'n.md': `${body}\nWe always ship on time.\n` });
    const r = clean(run(dir, ['--format', 'json', 'n.md']));
    const msgs = JSON.parse(r.stdout)[0].messages;
    must(
      msgs.some((m) => m.ruleId === 'absolute-always-never' && m.line > 150),
      'the claim after the nesting was hidden',
    );
  });
}
hostile('discovery: a parent .gitignore counts when a subfolder is named', () => {
  const { dir } = repo({ '.gitignore': 'drafts/private.md\n', 'drafts/private.md': DRAFT, 'drafts/public.md': DRAFT });
  const r = clean(run(dir, ['--format', 'json', 'drafts']));
  const files = JSON.parse(r.stdout).map((x) => x.filePath);
  must(files.length === 1 && files[0].endsWith('public.md'), `linted ${files.join(', ')}`);
});
hostile('discovery: a symlink loop lints each file once', () => {
  const { dir } = repo({ 'docs/a.md': DRAFT });
  symlinkSync('..', join(dir, 'docs', 'loop'));
  const r = clean(run(dir, ['--format', 'json', 'docs']));
  must(JSON.parse(r.stdout).length === 1, `linted ${JSON.parse(r.stdout).length} times`);
});

// ---------------------------------------------------------------------------------------------
// Time (the sizes of the issue; each well under 10 s).

const quadratic = {
  'a 6 KB run-on sentence (stylish)': [
    '.txt',
    () => fill(6_000, (i) => (i % 4 === 0 ? `and we always ship ${word(i)} ` : `${word(i)}, `)),
  ],
  'a 51 KB single sentence': [
    '.txt',
    () => fill(51_000, (i) => (i % 4 === 0 ? `and we always ship ${word(i)} ` : `${word(i)}, `)),
  ],
  'one 900 KB HTML paragraph': ['.html', () => fill(900_000, (i) => `${sentence(i)} `, '<p>', '</p>')],
  'a 900 KB CSV cell': ['.csv', () => fill(900_000, (i) => `${sentence(i)} ""q"" `, 'Item,Description\n1,"', '"\n')],
  'a 1.4 MB HTML file of entities': [
    '.html',
    () => fill(1_400_000, (i) => (i % 6 === 0 ? `we always ${word(i)} ` : '&amp;&nbsp;&#8212;'), '<p>', '</p>'),
  ],
  '140 KB of unclosed emphasis': ['.md', () => fill(140_000, (i) => `*we always ${word(i)} _ships ** `)],
  '120 KB of unclosed links': ['.md', () => fill(120_000, (i) => `[we always ${word(i)} ![x `)],
  '64 K unclosed {{': ['.txt', () => '{{ '.repeat(64_000) + 'We always ship.\n'],
  '8 K disable-next-line directives': [
    '.txt',
    () => fill(8_000 * 70, (i) => `# pitchlint-disable-next-line -- r${i}\nWe always ship ${word(i)}.\n`),
  ],
  'an mbox of 20,000 messages': [
    '.mbox',
    () =>
      Array.from(
        { length: 20_000 },
        (_, i) =>
          `From a@example.com Mon Jan  1 00:00:00 2024\nFrom: a@example.com\nSubject: Re ${i}\n\n${sentence(i)}\n\n`,
      ).join(''),
  ],
};
for (const [name, [ext, gen]] of Object.entries(quadratic)) {
  hostile(`time: ${name}`, () => {
    const { dir } = repo({ [`big${ext}`]: gen() });
    clean(run(dir, ['big' + ext]));
  });
}

// ---------------------------------------------------------------------------------------------
// --fix touches only what it reports.

const lineShape = (t) =>
  t.split(/\r\n|\r|\n/).map((l) => `${/^\s*(?:[-*+]|\d+[.)]|>|#+)?\s*/.exec(l)[0]}|${l.length > 0}`);
const endings = (t) => (t.match(/\r\n|\r|\n/g) ?? []).join('');
for (const [name, text] of [
  ['a hard-wrapped sentence', 'We always ship\non time, and our crew will have it\ninstalled by Friday.\n\nThanks.\n'],
  ['CRLF and a trailing space', 'We always ship \r\non time, and we never miss\r\na deadline.\r\n'],
  [
    'CR-only lines with list markers',
    '- We always ship on time.\r- Our crew never misses a deadline.\r1. We guarantee the best price.\r',
  ],
  [
    'markers of every kind',
    '# We always ship\n\n> We never miss a deadline.\n\n* We guarantee the best results.\n\n  1. We always answer.\n',
  ],
  ['U+2028 inside a line', 'We always ship.\u2028We never miss a deadline.\nOk.\n'],
]) {
  hostile(`fix: ${name} keeps its line structure and markers`, () => {
    const ext = name.startsWith('markers') ? '.md' : '.txt';
    const { dir } = repo({ [`d${ext}`]: text });
    clean(run(dir, [...FIX, `d${ext}`]));
    const after = readFileSync(join(dir, `d${ext}`), 'utf8');
    must(after !== text, 'nothing was fixed, so the case checks nothing');
    must(endings(after) === endings(text), `line endings changed: ${JSON.stringify(after)}`);
    must(
      JSON.stringify(lineShape(after)) === JSON.stringify(lineShape(text)),
      `markers changed: ${JSON.stringify(after)}`,
    );
  });
}
hostile('directives: a .txt disable-next-line silences only the next line', () => {
  const { dir } = repo({
    'd.txt': '# pitchlint-disable-next-line -- quoted\nWe always ship.\nWe never miss a deadline.\n',
  });
  const r = clean(run(dir, ['--format', 'json', 'd.txt']));
  must(
    JSON.parse(r.stdout)[0].messages.some((m) => m.line === 3),
    'the line after the next was silenced',
  );
});
hostile('cache: a rule changed through a pack extends chain is not served stale', () => {
  const { dir } = repo({
    'q.txt': 'We always ship.\n',
    '.pitchlintrc.yaml': 'extends: [recommended, ./packs/outer]\n',
    'packs/outer/pack.yaml': 'name: outer\nextends: [../inner]\n',
    'packs/inner/pack.yaml': 'name: inner\n',
    'packs/inner/r.yaml': rule('inner-rule', { phrases: ['nothing here'] }),
  });
  clean(run(dir, ['--cache', '--format', 'json', 'q.txt']));
  writeFileSync(join(dir, 'packs/inner/r.yaml'), rule('inner-rule', { phrases: ['ship'] }));
  const r = clean(run(dir, ['--cache', '--format', 'json', 'q.txt']));
  must(
    JSON.parse(r.stdout)[0].messages.some((m) => m.ruleId === 'inner-rule'),
    'stale cache served',
  );
});

// ---------------------------------------------------------------------------------------------

const results = [];
let failed = 0;
for (const c of cases) {
  if (only.length && !only.some((o) => c.name.includes(o))) continue;
  const t = Date.now();
  let status = 'ok';
  try {
    const note = await c.fn();
    if (typeof note === 'string') status = note;
  } catch (e) {
    status = `FAIL: ${e.message.split('\n')[0].slice(0, 300)}`;
    failed++;
  }
  results.push([c.name, status, ((Date.now() - t) / 1000).toFixed(1)]);
  console.log(
    `${status.startsWith('FAIL') ? '✗' : '✓'} ${c.name} (${results.at(-1)[2]} s)${status === 'ok' ? '' : `: ${status}`}`,
  );
}
console.log(
  `\n${results.length} cases, ${failed} failed (limits: ${maxSeconds} CPU s, ${maxMib} MiB per run; worst ${worstCpu.toFixed(1)} CPU s, ${worstRss.toFixed(0)} MiB)`,
);
for (const d of readdirSync(tmpdir()))
  if (d.startsWith('pitchlint-hostile-')) rmSync(join(tmpdir(), d), { recursive: true, force: true });
process.exit(failed ? 1 : 0);
