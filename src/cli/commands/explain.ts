// `pitchlint explain "sentence"`: how the engine sees a sentence — tokens and tags, the
// prefilter's candidate rules, the claims, hedges and negations it found, and which rules fired
// or were suppressed by which guard. How an author debugs a rule.
import type { Command } from 'commander';
import type { Registrar } from '../program.js';
import { commonOptions, io } from './rules.js';

export const registerExplain: Registrar = (program, setExit) => {
  program
    .command('explain')
    .description('show how the engine sees a sentence: tokens, tags, candidate rules, claims, hedges, guards')
    .argument('<text...>', 'the sentence(s) to explain (quote them), or - to read standard input')
    .option('-c, --config <file>', 'use this configuration file (default: the nearest .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--pack <name>', 'explain with these packs instead of the configured ones (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('-f, --format <name>', 'text or json', 'text')
    .option('--color', 'force colored output')
    .option('--no-color', 'disable colored output')
    .addHelpText('after', '\nExamples:\n  $ pitchlint explain "We will have the racks installed by Friday."\n  $ pitchlint explain --pack finance "Your principal is protected."')
    .action(async (words: string[], opts: { pack: string[] }, cmd: Command) => {
      const o = commonOptions(cmd);
      const out = io(o.color);
      let text = words.join(' ');
      if (text === '-') {
        const { readStdin } = await import('../stdin.js');
        text = (await readStdin()).toString('utf8');
      }
      const impl = await import('../../authoring/commands.js');
      setExit(await impl.reportingLoadErrors(out, o.cwd, () => impl.explainCommand(text, { ...o, paths: opts.pack }, out)));
    });
};
