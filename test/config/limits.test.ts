// Bounded configuration input (issue 17): a YAML alias bomb, an oversized file and a FIFO in
// place of a config or rule file are one clear error naming the file, never a hang or a crash.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/load.js';
import { loadRuleFile } from '../../src/rules/loader.js';
import { ConfigError } from '../../src/shared/errors.js';
import { MAX_CONFIG_BYTES, MAX_RULE_FILE_BYTES } from '../../src/shared/limits.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'pitchlint-limits-'));

/** Nine aliases of nine aliases ... : a few hundred bytes that expand to billions of nodes. */
function aliasBomb(head: string): string {
  const lines = [head, 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 12; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

async function errorOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  const msg = (e as Error).message;
  expect(msg.split('\n')).toHaveLength(1);
  return msg;
}

describe('configuration and rule file limits', () => {
  it('a YAML alias bomb in a config file or a rule file is a clear error', async () => {
    const dir = scratch();
    writeFileSync(join(dir, '.pitchlintrc.yaml'), aliasBomb('extends: recommended'));
    expect(await errorOf(loadConfigFile(join(dir, '.pitchlintrc.yaml')))).toMatch(
      /\.pitchlintrc\.yaml:1:1: invalid YAML: too many alias expansions/,
    );
    writeFileSync(join(dir, 'bomb.yaml'), aliasBomb('id: bomb'));
    expect(await errorOf(loadRuleFile(join(dir, 'bomb.yaml'), 'team'))).toMatch(
      /bomb\.yaml:1:1: invalid YAML: too many alias/,
    );
  });

  it('files over the size limits are refused before they are parsed', async () => {
    const dir = scratch();
    writeFileSync(join(dir, '.pitchlintrc.yaml'), `# ${'x'.repeat(MAX_CONFIG_BYTES)}\nextends: recommended\n`);
    expect(await errorOf(loadConfigFile(join(dir, '.pitchlintrc.yaml')))).toMatch(/is larger than 1 MiB, the limit/);
    writeFileSync(join(dir, 'big.yaml'), `# ${'x'.repeat(MAX_RULE_FILE_BYTES)}\nid: big\n`);
    expect(await errorOf(loadRuleFile(join(dir, 'big.yaml'), 'team'))).toMatch(
      /big\.yaml: is larger than 8 MiB, the limit/,
    );
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO named like a config or rule file is refused, not opened',
    async () => {
      const dir = scratch();
      mkdirSync(join(dir, 'rules'));
      execFileSync('mkfifo', [join(dir, '.pitchlintrc.yaml'), join(dir, 'rules', 'r.yaml')]);
      expect(await errorOf(loadConfigFile(join(dir, '.pitchlintrc.yaml')))).toMatch(/is not a regular file/);
      expect(await errorOf(loadRuleFile(join(dir, 'rules', 'r.yaml'), 'team'))).toMatch(/is not a regular file/);
    },
  );
});
