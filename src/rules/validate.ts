// Validation of rule, pack and config files against their JSON schemas (schema/*.schema.json),
// with errors a sales-ops author can act on: the file, line and column of the offending YAML
// node, and "did you mean" for typos in keys, kinds, severities, categories and guard names.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest, didYouMean } from './did-you-mean.js';
import { schemaPath } from './paths.js';
import { prebuiltValidator } from './prebuilt-validators.js';
import { positionOf, whereIs, type YamlSource } from './yaml-source.js';

export interface SchemaProblem {
  where: string;
  message: string;
}

export type SchemaName = 'rule' | 'config' | 'pack';

const validators = new Map<string, ValidateFunction>();

async function validator(name: SchemaName): Promise<ValidateFunction> {
  let v = validators.get(name) ?? (await prebuiltValidator(name));
  if (v) validators.set(name, v);
  if (!v) {
    const { default: Ajv } = (await import('ajv')) as unknown as { default: new (o: object) => { compile(s: object): ValidateFunction } };
    const require = createRequire(import.meta.url);
    const schema = require(schemaPath(`${name}.schema.json`)) as object;
    v = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
    validators.set(name, v);
  }
  return v;
}

function pathOf(e: ErrorObject): Array<string | number> {
  return e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** "examples.flag[2]" */
export function showPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** What an enum value is called, by the key that holds it, for "unknown kind ..." messages. */
function enumNoun(path: Array<string | number>): string | undefined {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (typeof last === 'number' && parent === 'unless') return 'guard';
  if (last === 'kind' || last === 'severity' || last === 'category' || last === 'requires' || last === 'where') return last === 'where' ? '"where" value' : last;
  return undefined;
}

/** Property names allowed where an additionalProperties error occurred (from the error's schema path). */
function allowedKeys(e: ErrorObject, schema: Record<string, unknown>): string[] {
  let node: unknown = schema;
  for (const seg of e.schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    if (!seg) continue;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  const props = (node as { properties?: object } | undefined)?.properties ?? (e.parentSchema as { properties?: object } | undefined)?.properties;
  return Object.keys(props ?? {});
}

function describe(e: ErrorObject, schema: Record<string, unknown>, data: unknown): string {
  const path = pathOf(e);
  const at = path.length ? `"${showPath(path)}"` : 'the file';
  const value = valueAt(data, path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const props = allowedKeys(e, schema);
      return `unknown key "${key}"${path.length ? ` in ${at}` : ''}${didYouMean(key, props)}`;
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const kind = (data as { kind?: unknown } | null)?.kind;
      const because = e.schemaPath.includes('/then/') && typeof kind === 'string' ? ` (a ${kind} rule needs it)` : '';
      return `missing required key "${missing}"${path.length ? ` in ${at}` : ''}${because}`;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const noun = enumNoun(path);
      if (noun && (typeof value === 'string' || typeof value === 'number')) {
        const v = String(value);
        const plural = noun === 'category' ? 'categories' : noun === 'severity' ? 'severities' : noun === '"where" value' ? '"where" values' : `${noun}s`;
        return `unknown ${noun} "${v}"${didYouMean(v, allowed)}; ${plural}: ${allowed.join(', ')}`;
      }
      return `${at} must be one of: ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
    }
    case 'type': {
      const t = (e.params as { type: string }).type;
      return `${at} must be ${t === 'array' ? 'a list' : t === 'object' ? 'a mapping (key: value)' : `a ${t}`}`;
    }
    case 'pattern':
      if (path.at(-1) === 'id' && path.length === 1) return `"id" must be kebab-case: lower-case words joined by hyphens, e.g. "guarantee-outcome"`;
      return `${at} has an invalid format (expected ${(e.params as { pattern: string }).pattern})`;
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return `${at} must not be empty`;
    case 'minimum':
      return `${at} must be ${(e.params as { limit: number }).limit} or more`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

function valueAt(root: unknown, path: Array<string | number>): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** Drop the errors of oneOf branches that do not fit the value's type (a guard name vs a guard object). */
function relevant(errors: ErrorObject[], root: unknown): ErrorObject[] {
  return errors.filter((e) => {
    if (e.keyword === 'if' || e.keyword === 'oneOf') return false;
    if (!e.schemaPath.includes('/oneOf/')) return true;
    const v = valueAt(root, pathOf(e));
    const isObject = v !== null && typeof v === 'object' && !Array.isArray(v);
    if (e.keyword === 'type') {
      const t = (e.params as { type: string }).type;
      // "must be object" for a string, "must be string" for an object: the other branch explains it.
      if (t === 'object' && !isObject && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type')) return false;
      if (t === 'string' && isObject) return false;
    }
    if (e.keyword === 'enum' && isObject) return false;
    return true;
  });
}

/** Validate a parsed YAML file; returns problems sorted by position. */
export async function validateAgainstSchema(src: YamlSource, name: SchemaName): Promise<SchemaProblem[]> {
  const validate = await validator(name);
  if (validate(src.value)) return [];
  const all = validate.errors ?? [];
  const errors = relevant(all, src.value);
  const schema = validate.schema as Record<string, unknown>;
  // A misspelled key ("mesage") also makes the real key "missing": say it once, on the typo.
  const typoFor = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const fix = closest(key, allowedKeys(e, schema));
    if (fix) typoFor.add(`${e.instancePath}|${fix}`);
  }
  const seen = new Set<string>();
  const out: Array<SchemaProblem & { pos: [number, number] }> = [];
  for (const e of errors) {
    if (e.keyword === 'required' && typoFor.has(`${e.instancePath}|${(e.params as { missingProperty: string }).missingProperty}`)) continue;
    const message = describe(e, schema, src.value);
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = pathOf(e);
    if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
    const preferKey = e.keyword === 'additionalProperties';
    out.push({ where: whereIs(src, path, preferKey), message, pos: positionOf(src, path, preferKey) });
  }
  // Nothing more specific: say what Ajv said, once.
  if (out.length === 0 && all[0]) {
    const path = pathOf(all[0]);
    out.push({ where: whereIs(src, path), message: describe(all[0], schema, src.value), pos: positionOf(src, path) });
  }
  out.sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1]);
  return out.map(({ where, message }) => ({ where, message }));
}
