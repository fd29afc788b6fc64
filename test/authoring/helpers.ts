// Helpers for the rule-authoring tests: run the `rules` commands in-process with captured output.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IO } from '../../src/authoring/commands.js';
import { main } from '../../src/cli/main.js';
import { tempTree as scratchTree } from '../helpers/tree.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BROKEN = 'test/fixtures/broken-rules';

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Run one command implementation (src/rules/commands.ts) with output captured, colour off. */
export async function capture(action: (io: IO) => Promise<number>): Promise<Captured> {
  let out = '';
  let err = '';
  const io: IO = { out: (t) => void (out += t), err: (t) => void (err += t), color: false };
  const code = await action(io);
  return { code, out, err };
}

/** Run the CLI's main() in-process (commander wiring included), capturing stdout and stderr. */
export async function runMain(args: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const so = process.stdout.write.bind(process.stdout);
  const se = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((t: string | Uint8Array) => ((out += String(t)), true)) as typeof process.stdout.write;
  process.stderr.write = ((t: string | Uint8Array) => ((err += String(t)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'pitchlint', ...args, '--no-color']);
    return { code, out, err };
  } finally {
    process.stdout.write = so;
    process.stderr.write = se;
  }
}

/** A temporary folder with the given files (path -> content). */
export const tempTree = (files: Record<string, string>): string => scratchTree(files, 'pitchlint-authoring-');

/** A minimal valid rule file. */
export function ruleYaml(
  id: string,
  extra = '',
  examples = 'examples:\n  flag: [Guaranteed results for every client.]\n  pass: [Results vary by client.]\n',
): string {
  return `id: ${id}
kind: phrase
severity: warning
category: guarantee
message: '"{match}" promises too much.'
description: Test rule.
rationale: Test rule.
phrases: [guaranteed]
${extra}${examples}`;
}
