// `pitchlint review FILE`: go through a draft's flagged sentences one at a time and accept the
// rewrite, pick an alternative, edit, skip or suppress with a reason; the file is written once,
// atomically, at the end. Answers come from the terminal, or line by line from standard input.
import type { Command } from 'commander';
import type { Registrar } from '../program.js';
import { commonOptions } from './rules.js';

export const registerReview: Registrar = (program, setExit) => {
  program
    .command('review')
    .description('go through the findings of a draft and accept, pick, edit, skip or suppress each (writes at the end)')
    .argument('<file>', 'the Markdown or text draft to review')
    .option('-c, --config <file>', 'use this configuration file (default: the nearest .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .option('--no-email-detection', 'do not treat .txt files that look like emails as emails')
    .addHelpText(
      'after',
      '\nKeys: a accept the rewrite, 1/2 take an alternative, e edit the sentence, s skip,\n      d suppress with a reason, w write the answers so far and stop, q quit without writing.\n\nExamples:\n  $ pitchlint review drafts/proposal.md\n  $ printf "a\\ns\\n" | pitchlint review drafts/proposal.md     (answers from standard input)',
    )
    .action(async (file: string, own: { emailDetection?: boolean }, cmd: Command) => {
      const o = commonOptions(cmd);
      const root = cmd.parent?.opts<typeof own>() ?? {};
      const { createInterface } = await import('node:readline');
      const tty = !!process.stdin.isTTY && !!process.stdout.isTTY;
      const rl = createInterface({ input: process.stdin, ...(tty ? { output: process.stdout } : {}), terminal: tty });
      const lines = rl[Symbol.asyncIterator]();
      const { reviewFile } = await import('../../runner/review.js');
      try {
        const r = await reviewFile(
          file,
          {
            cwd: o.cwd,
            rules: o.rules,
            ...(o.config ? { config: o.config } : {}),
            adapter: own.emailDetection === false || root.emailDetection === false ? { detectEmail: false } : {},
          },
          {
            out: (t) => process.stdout.write(t),
            ask: async (prompt) => {
              process.stdout.write(prompt);
              const next = await lines.next();
              if (next.done) return undefined;
              if (!tty) process.stdout.write(`${next.value}\n`);
              return next.value;
            },
          },
        );
        for (const n of r.notes) process.stderr.write(`pitchlint: ${n}\n`);
        setExit(r.code);
      } finally {
        rl.close();
      }
    });
};
