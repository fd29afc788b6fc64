// Helpers for the server tests: every server is started as a user starts it (node
// bin/pitchlint.js lsp|serve|mcp) in a workspace of its own.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempTree, writeTree } from '../helpers/tree.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'pitchlint.js');

/** A temporary folder holding `files` (path -> content); removed by the returned cleanup. */
export function workspace(files: Record<string, string>): {
  dir: string;
  write: (path: string, text: string) => void;
  cleanup: () => void;
} {
  const dir = tempTree(files, 'pitchlint-servers-');
  const write = (path: string, text: string): void => writeTree(dir, { [path]: text });
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Poll until `check` returns a value (not undefined), or fail after `ms`. */
export async function until<T>(what: string, check: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A team configuration: the recommended pack, a rule folder of its own, and a facts file. */
export const TEAM_CONFIG = 'extends: recommended\nrulesDirs:\n  - ./team-rules\nfactsFile: facts.yaml\n';

export const TEAM_RULE = `id: team-turnkey
kind: phrase
severity: warning
category: absolute
message: '"{match}" promises the customer no work at all.'
description: Flags "turnkey" and "plug-and-play", which promise a setup with nothing for the customer to do.
rationale: Every rollout needs the customer's people, data and sign-off; promising none sets up the first missed date.
suggestion: Say what the customer will need to provide and how long setup usually takes.
phrases:
  - turnkey
  - plug-and-play
`;
