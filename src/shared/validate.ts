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

/** "guard" for an item of `unless` (the only enum list whose items need naming). */
function enumNoun(path: Array<string | number>): string | undefined {
  return typeof path.at(-1) === 'number' && path.at(-2) === 'unless' ? 'guard' : undefined;
}

function allowedKeys(e: ErrorObject, schema: Record<string, unknown>): string[] {
  const own = (e.parentSchema as { properties?: object } | undefined)?.properties;
  if (own) return Object.keys(own);
  let node: unknown = schema;
  for (const seg of e.schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
    if (!seg) continue;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  const props = (node as { properties?: object } | undefined)?.properties ?? (e.parentSchema as { properties?: object } | undefined)?.properties;
  return Object.keys(props ?? {});
}

function describe(e: ErrorObject, schema: Record<string, unknown>, data: unknown, src?: YamlSource): string {
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
      // A guard in `unless` is named as such; a key's value keeps the key's name ("severity" must be ...).
      if (enumNoun(path) === 'guard' && (typeof value === 'string' || typeof value === 'number')) {
        const v = String(value);
        return `unknown guard "${v}"${didYouMean(v, allowed)}; guards: ${allowed.join(', ')}`;
      }
      return `${at} must be one of: ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
    }
    case 'type': {
      const t = String((e.params as { type: string | string[] }).type).split(',').join(' or ');
      if (t === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        const node = src?.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        const raw = node?.range && src ? src.text.slice(node.range[0], node.range[1]).trim() : String(value);
        return `${at} must be a string: write it in quotes ("${raw}")`;
      }
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
  const alternative = (e: ErrorObject): boolean => e.schemaPath.includes('/oneOf/') || e.schemaPath.includes('/anyOf/');
  const typeSeen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if' || e.keyword === 'oneOf' || e.keyword === 'anyOf') return false;
    // One "must be ..." per place, whatever the number of branches that said it.
    if (e.keyword === 'type') {
      if (typeSeen.has(e.instancePath)) return false;
      typeSeen.add(e.instancePath);
    }
    if (!alternative(e)) return true;
    // A branch that failed deeper down explains the problem better than "must be a string" here.
    if (errors.some((o) => o.instancePath.startsWith(`${e.instancePath}/`))) return false;
    // "must be false" or "must be a list" from a branch the value was not meant for, when another
    // branch has something specific to say about the same value.
    const specific = errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type' && o.keyword !== 'const' && !/Of$/.test(o.keyword));
    if ((e.keyword === 'const' || e.keyword === 'type') && specific) return false;
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

type AjvLike = { addSchema(s: object, key?: string): unknown; compile(s: object): ValidateFunction };
let branchAjv: Promise<AjvLike> | undefined;
const branchValidators = new Map<string, ValidateFunction>();

/** Local "#/..." references made absolute, so a branch compiles on its own against its document. */
function absoluteRefs(node: unknown, id: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absoluteRefs(n, id));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${id}${v}` : absoluteRefs(v, id)]),
  );
}

/** A validator for one branch of a oneOf/anyOf, compiled on demand. */
async function branchValidator(schema: Record<string, unknown>, branch: unknown): Promise<ValidateFunction> {
  const id = String(schema.$id ?? 'pitchlint-schema');
  const key = `${id}|${JSON.stringify(branch)}`;
  let v = branchValidators.get(key);
  if (v) return v;
  branchAjv ??= (import('ajv') as Promise<unknown>).then((m) => {
    const Ajv = (m as { default: new (o: object) => AjvLike }).default;
    return new Ajv({ allErrors: true, strict: false, verbose: true });
  });
  const ajv = await branchAjv;
  if (!branchValidators.has(`${id}#`)) {
    ajv.addSchema(schema, id);
    branchValidators.set(`${id}#`, (() => true) as unknown as ValidateFunction);
  }
  v = ajv.compile(absoluteRefs(branch, id) as object);
  branchValidators.set(key, v);
  return v;
}

function schemaNode(schema: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = schema;
  for (const seg of pointer.replace(/^#\/?/, '').split('/')) {
    if (!seg) continue;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}

/**
 * When a value fails a oneOf/anyOf, Ajv reports the errors of every branch ("must be false",
 * "must be a list", "missing steps", ...). Keep only the branch the author most likely meant:
 * the one with the fewest errors, a wrong type at the top counting most.
 */
async function resolveAlternatives(errors: ErrorObject[], root: unknown, schema: Record<string, unknown>, depth = 0): Promise<ErrorObject[]> {
  if (depth > 4) return errors;
  const alts = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  let out = errors;
  const done: string[] = [];
  for (const alt of alts) {
    const at = alt.instancePath;
    if (done.some((d) => at === d || at.startsWith(`${d}/`))) continue;
    if (!alt.schemaPath.startsWith('#')) continue;
    // With verbose errors the oneOf error carries its branches; else look them up by path.
    const branches = Array.isArray(alt.schema) ? alt.schema : schemaNode(schema, alt.schemaPath);
    if (!Array.isArray(branches)) continue;
    const value = valueAt(root, pathOf(alt));
    let best: { errors: ErrorObject[]; score: number } | undefined;
    const perBranch: ErrorObject[][] = [];
    for (let i = 0; i < branches.length; i++) {
      const validate = await branchValidator(schema, branches[i]);
      if (validate(value)) {
        perBranch.length = 0;
        best = undefined;
        break;
      }
      const errs = (validate.errors ?? []).map((e) => ({ ...e, instancePath: `${at}${e.instancePath}` }));
      perBranch.push(errs);
      const top = errs.filter((e) => e.instancePath === at && (e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum')).length;
      // "needs one of the keys" counts once; a misspelled key the branch knows counts half.
      const anyRequired = errs.filter((e) => e.keyword === 'required' && e.schemaPath.includes('/anyOf/'));
      const other = errs.filter((e) => !/Of$/.test(e.keyword) && !anyRequired.includes(e));
      const typos = other.filter((e) => e.keyword === 'additionalProperties' && closest(String((e.params as { additionalProperty: string }).additionalProperty), allowedKeys(e, schema)) !== undefined);
      const score = top * 100 + other.length - typos.length / 2 + (anyRequired.length ? 1 : 0);
      if (!best || score < best.score) best = { errors: errs, score };
    }
    if (!best) continue;
    // Every branch wants another type ("hedge: 5"): one message naming what is accepted.
    const typeOnly = perBranch.every((errs) => {
      const real = errs.filter((e) => !/Of$/.test(e.keyword));
      return real.length === 1 && real[0]!.instancePath === at && (real[0]!.keyword === 'type' || real[0]!.keyword === 'const');
    });
    if (typeOnly) {
      const kinds = perBranch.map((errs) => {
        const e = errs.find((x) => !/Of$/.test(x.keyword))!;
        if (e.keyword === 'const') return JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
        return String((e.params as { type: string }).type)
          .split(',')
          .map((t) => (t === 'object' ? 'a mapping (key: value)' : t === 'array' ? 'a list' : `a ${t}`))
          .join(' or ');
      });
      const merged = { ...alt, keyword: 'alternatives', params: {}, message: `must be ${[...new Set(kinds)].join(', or ')}` } as ErrorObject;
      done.push(at);
      out = [...out.filter((e) => e.instancePath !== at && !e.instancePath.startsWith(`${at}/`)), merged];
      continue;
    }
    // "needs one of the keys ..." is said by the branches together; keep them all for that.
    const onlyRequired = perBranch.every((errs) => errs.filter((e) => !/Of$/.test(e.keyword)).every((e) => e.keyword === 'required' && e.instancePath === at));
    if (onlyRequired) continue;
    done.push(at);
    out = [...out.filter((e) => e.instancePath !== at && !e.instancePath.startsWith(`${at}/`)), ...best.errors];
  }
  return out === errors ? errors : resolveAlternatives(out, root, schema, depth + 1);
}

/** Validate a parsed YAML file; returns problems sorted by position. */
export async function validateAgainstSchema(src: YamlSource, name: SchemaName): Promise<SchemaProblem[]> {
  const validate = await validator(name);
  if (validate(src.value)) return [];
  const schema = validate.schema as Record<string, unknown>;
  const all = await resolveAlternatives(validate.errors ?? [], src.value, schema);
  const errors = relevant(all, src.value);
  // A misspelled key ("mesage") also makes the real key "missing": say it once, on the typo.
  const typoFor = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const fix = closest(key, allowedKeys(e, schema));
    if (fix) typoFor.add(`${e.instancePath}|${fix}`);
  }
  // Alternatives that each require a key ("a step needs replace, drop, hedge, ..."): one message,
  // and none at all when a misspelled key at the same place explains it.
  const anyKey = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'required' || !/\/(any|one)Of\//.test(e.schemaPath)) continue;
    anyKey.set(e.instancePath, [...(anyKey.get(e.instancePath) ?? []), (e.params as { missingProperty: string }).missingProperty]);
  }
  const typoAt = new Set([...typoFor].map((k) => k.split('|')[0]!));
  const seen = new Set<string>();
  const out: Array<SchemaProblem & { pos: [number, number] }> = [];
  for (const e of errors) {
    if (e.keyword === 'required' && typoFor.has(`${e.instancePath}|${(e.params as { missingProperty: string }).missingProperty}`)) continue;
    let message = describe(e, schema, src.value, src);
    const keys = anyKey.get(e.instancePath);
    if (e.keyword === 'required' && keys && keys.length > 1 && keys.includes((e.params as { missingProperty: string }).missingProperty)) {
      if (typoAt.has(e.instancePath)) continue;
      const path = pathOf(e);
      message = `${path.length ? `"${showPath(path)}"` : 'the file'} needs one of the keys: ${[...new Set(keys)].join(', ')}`;
    }
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
    out.push({ where: whereIs(src, path), message: describe(all[0], schema, src.value, src), pos: positionOf(src, path) });
  }
  out.sort((a, b) => a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1]);
  return out.map(({ where, message }) => ({ where, message }));
}
