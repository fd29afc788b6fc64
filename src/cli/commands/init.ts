// `pitchlint init`: write a commented starter .pitchlintrc.yaml with a facts template. An existing
// file is never overwritten unless --force is given.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { EXIT_USAGE } from '../exit-codes.js';
import type { Registrar } from '../program.js';

export const registerInit: Registrar = (program, setExit) => {
  program
    .command('init')
    .description('write a commented starter .pitchlintrc.yaml with a facts template')
    .argument('[dir]', 'the folder to write it in', '.')
    .option('--force', 'overwrite an existing .pitchlintrc.yaml')
    .action(async (dir: string, opts: { force?: boolean }) => {
      const target = join(resolve(process.cwd(), dir), '.pitchlintrc.yaml');
      const shown = relative(process.cwd(), target) || target;
      if (existsSync(target) && !opts.force) {
        process.stderr.write(`pitchlint: ${shown} already exists; not overwritten (use --force to replace it)\n`);
        setExit(EXIT_USAGE);
        return;
      }
      const { starterConfig } = await import('../../config/facts/init-template.js');
      try {
        await writeFile(target, starterConfig());
      } catch (e) {
        process.stderr.write(`pitchlint: cannot write ${shown} (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
        setExit(EXIT_USAGE);
        return;
      }
      process.stdout.write(`Wrote ${shown}. Fill in the facts your team has measured, then run: pitchlint --fix-dry-run <files>\n`);
    });
};
