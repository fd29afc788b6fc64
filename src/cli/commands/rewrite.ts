// `pitchlint rewrite FILE|-`: print the draft with every rewrite applied (placeholders included);
// --diff prints a unified diff instead. Nothing is written (that is --fix).
import type { Command } from 'commander';
import type { Registrar } from '../program.js';
import { commonOptions } from './rules.js';

export const registerRewrite: Registrar = (program, setExit) => {
  program
    .command('rewrite')
    .description('print the draft with every rewrite applied, placeholders included (nothing is written)')
    .argument('<file>', 'the draft to rewrite, or - to read standard input')
    .option('--diff', 'print a unified diff of the changes instead of the whole draft')
    .option('--alternatives', "also print each rewrite's soft and strict alternatives on standard error")
    .option('-c, --config <file>', 'use this configuration file (default: the nearest .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--stdin-filename <name>', 'the file name to use for text read from standard input')
    .option('--include-quoted', 'also rewrite quoted replies, forwarded messages and signatures in emails')
    .option('--no-email-detection', 'do not treat .txt files that look like emails as emails')
    .addHelpText(
      'after',
      '\nExamples:\n  $ pitchlint rewrite drafts/proposal.md > proposal.honest.md\n  $ pitchlint rewrite --diff drafts/email.txt\n  $ pbpaste | pitchlint rewrite --stdin-filename draft.txt -',
    )
    .action(
      async (
        file: string,
        own: {
          diff?: boolean;
          alternatives?: boolean;
          stdinFilename?: string;
          includeQuoted?: boolean;
          emailDetection?: boolean;
        },
        cmd: Command,
      ) => {
        const o = commonOptions(cmd);
        // Options the main command has too may land on it: read them from both.
        const root = cmd.parent?.opts<typeof own>() ?? {};
        const opts = {
          ...own,
          stdinFilename: own.stdinFilename ?? root.stdinFilename,
          includeQuoted: own.includeQuoted ?? root.includeQuoted,
          emailDetection: own.emailDetection === false || root.emailDetection === false ? false : undefined,
        };
        const stdin = file === '-' ? await (await import('../stdin.js')).readStdin() : undefined;
        const { rewriteDraft } = await import('../../runner/rewrite-file.js');
        const r = await rewriteDraft(file, {
          cwd: o.cwd,
          rules: o.rules,
          ...(o.config ? { config: o.config } : {}),
          ...(opts.diff ? { diff: true } : {}),
          ...(opts.alternatives ? { alternatives: true } : {}),
          ...(opts.stdinFilename ? { stdinFilename: opts.stdinFilename } : {}),
          ...(stdin ? { stdin } : {}),
          adapter: {
            ...(opts.includeQuoted ? { includeQuoted: true } : {}),
            ...(opts.emailDetection === false ? { detectEmail: false } : {}),
          },
        });
        if (r.output) process.stdout.write(r.output);
        for (const n of r.notes) process.stderr.write(`pitchlint: ${n}\n`);
        setExit(r.code);
      },
    );
};
