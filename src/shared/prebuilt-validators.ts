// Schema validators generated at build time (Ajv standalone code in dist/validators.mjs):
// compiling the schemas with Ajv at run time cost a third of a second of every cold start.
// A schema edited since the build (a developer at work) is compiled afresh by the caller.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { packageRoot, schemaPath } from './paths.js';

type PrebuiltModule = Record<string, ValidateFunction> & { stamps?: Record<string, string> };
let prebuiltModule: PrebuiltModule | undefined;

/** The start-up snapshot has no dynamic import(): it hands over the validators it bundled. */
export function registerPrebuiltValidators(mod: PrebuiltModule): void {
  prebuiltModule = mod;
}

export async function prebuiltValidator(name: string): Promise<ValidateFunction | undefined> {
  try {
    const file = join(packageRoot(), 'dist', 'validators.mjs');
    const mod = prebuiltModule ?? ((await import(pathToFileURL(file).href)) as PrebuiltModule);
    const schemaFile = schemaPath(`${name}.schema.json`);
    const st = statSync(schemaFile);
    if (mod.stamps?.[name] !== `${st.size}:${Math.floor(st.mtimeMs)}`) return undefined;
    const fn = mod[name];
    if (fn) (fn as { schema?: unknown }).schema ??= JSON.parse(readFileSync(schemaFile, 'utf8')) as unknown;
    return fn;
  } catch {
    return undefined;
  }
}
