// The option reader of the measurement scripts (bench-inputs, hostile, fuzz): `--name value`,
// `--name=value`, flags (`--list`), and `--help`. Each script declares its options once (name, default, what it
// means); an unknown option or a missing value is one clear line and exit 2, as the CLI does.

/**
 * Read `argv` against `spec` ({ name: { default, help, list?, number? } }, names without "--").
 * Returns { name: value } with defaults filled in: strings, numbers (`number: true`), booleans
 * (`flag: true`: no value) or, with `list: true`, the comma-separated items (empty items dropped).
 */
export function readOptions(spec, { argv = process.argv.slice(2), usage = '' } = {}) {
  const raw = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      printHelp(spec, usage);
      process.exit(0);
    }
    const m = /^--([a-z][\w-]*)(?:=(.*))?$/s.exec(arg);
    if (!m || !Object.hasOwn(spec, m[1])) fail(`unknown option "${arg}" (known: ${known(spec)})`);
    if (spec[m[1]].flag) {
      if (m[2] !== undefined) fail(`option --${m[1]} takes no value`);
      raw[m[1]] = true;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) fail(`option --${m[1]} needs a value`);
    raw[m[1]] = value;
  }
  const out = {};
  for (const [name, s] of Object.entries(spec)) {
    const value = Object.hasOwn(raw, name) ? raw[name] : s.default;
    out[name] = convert(name, s, value);
  }
  return out;
}

/** A parsed option value: a number, a list, or the string itself (undefined stays undefined). */
export function convert(name, s, value) {
  if (s.flag) return value === true;
  if (value === undefined) return s.list ? [] : undefined;
  if (s.list) {
    const items = String(value).split(',').filter(Boolean);
    if (!s.number) return items;
    return items.map((item) => toNumber(name, item));
  }
  return s.number ? toNumber(name, value) : String(value);
}

function toNumber(name, value) {
  const n = Number(value);
  if (String(value).trim() === '' || !Number.isFinite(n)) fail(`option --${name}: "${value}" is not a number`);
  return n;
}

const known = (spec) =>
  Object.keys(spec)
    .map((k) => `--${k}`)
    .join(', ');

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function printHelp(spec, usage) {
  if (usage) process.stdout.write(`${usage}\n\n`);
  for (const [name, s] of Object.entries(spec)) {
    const def = s.default === undefined || s.default === '' ? '' : ` (default ${s.default})`;
    process.stdout.write(`  --${name.padEnd(12)} ${s.help ?? ''}${def}\n`);
  }
}
