// Validation of rule files against schema/rule.schema.json, with errors a sales-ops author can
// act on: the file, line and column of the offending YAML node, and "did you mean" for typos.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from './did-you-mean.js';
import { schemaPath } from './paths.js';
import { whereIs, type YamlSource } from './yaml-source.js';

export interface SchemaProblem {
  where: string;
  message: string;
}

const validators = new Map<string, ValidateFunction>();

async function validator(name: 'rule' | 'config' | 'pack'): Promise<ValidateFunction> {
  let v = validators.get(name);
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

function describe(e: ErrorObject, schema: Record<string, unknown>): string {
  const path = pathOf(e);
  const at = path.length ? `"${path.join('.')}"` : 'the file';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const props = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties as object) ?? (schema.properties as object) ?? {});
      return `unknown key "${key}"${path.length ? ` in ${at}` : ''}${didYouMean(key, props)}`;
    }
    case 'required':
      return `missing required key "${(e.params as { missingProperty: string }).missingProperty}"${path.length ? ` in ${at}` : ''}`;
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return `${at} must be one of: ${allowed.join(', ')}${typeof e.data === 'string' ? didYouMean(e.data, allowed) : ''}`;
    }
    case 'type':
      return `${at} must be ${(e.params as { type: string }).type}`;
    case 'pattern':
      return `${at} has an invalid format (expected ${(e.params as { pattern: string }).pattern})`;
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return `${at} must not be empty`;
    default:
      return `${at} ${e.message ?? 'is invalid'}`;
  }
}

/** Validate a parsed YAML file; returns problems sorted by line. */
export async function validateAgainstSchema(src: YamlSource, name: 'rule' | 'config' | 'pack'): Promise<SchemaProblem[]> {
  const validate = await validator(name);
  if (validate(src.value)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if' && e.keyword !== 'oneOf');
  // oneOf alternatives produce one error per branch; keep the most specific per path.
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    const message = describe(e, validate.schema as Record<string, unknown>);
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = pathOf(e);
    if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
    out.push({ where: whereIs(src, path, e.keyword === 'additionalProperties'), message });
  }
  // oneOf over guards: when every branch failed and nothing else explains it, say so once.
  if (out.length === 0) {
    for (const e of validate.errors ?? []) {
      out.push({ where: whereIs(src, pathOf(e)), message: describe(e, validate.schema as Record<string, unknown>) });
      break;
    }
  }
  return out;
}
