// `pitchlint rules test|validate|list|explain|new|docs`: the rule author's tools. Only commander
// types are imported here; each action loads its implementation (src/rules/commands.ts).
import type { Command } from 'commander';
import type { Registrar } from '../program.js';
import { useColor } from '../color.js';

type Io = { out(t: string): void; err(t: string): void; color: boolean };

/** The root program also defines -c/--config, --rules, -f/--format and --color, and consumes them
 * wherever they appear on the line; take a value from the root when the user gave it there. */
export function commonOptions(cmd: Command): {
  cwd: string;
  config?: string;
  rules: string[];
  format?: string;
  color?: boolean;
} {
  let top = cmd;
  while (top.parent) top = top.parent;
  const own = cmd.opts<Record<string, unknown>>();
  const rootOpts = top.opts<Record<string, unknown>>();
  const pick = <T>(name: string): T | undefined => {
    if (cmd.getOptionValueSource(name) === 'cli') return own[name] as T;
    if (top !== cmd && top.getOptionValueSource(name) === 'cli') return rootOpts[name] as T;
    return own[name] as T | undefined;
  };
  const config = pick<string>('config');
  const format = pick<string>('format');
  const color = pick<boolean>('color');
  const rules = [
    ...((own.rules as string[] | undefined) ?? []),
    ...(top !== cmd ? ((rootOpts.rules as string[] | undefined) ?? []) : []),
  ];
  return {
    cwd: process.cwd(),
    rules: [...new Set(rules)],
    ...(config ? { config } : {}),
    ...(format ? { format } : {}),
    ...(color !== undefined ? { color } : {}),
  };
}

export function io(color: boolean | undefined): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: useColor(color),
  };
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function shared(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'use this configuration file (default: the nearest .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', collect, [])
    .option('--color', 'force colored output')
    .option('--no-color', 'disable colored output');
}

const PATHS_HELP =
  'rule files, pack folders, built-in packs (recommended, strict, finance) or npm packages; default: the configured packs';

export const registerRules: Registrar = (program, setExit) => {
  const rules = program
    .command('rules')
    .description('write and check rules: test, validate, list, explain, new, docs')
    .addHelpText(
      'after',
      `
Examples:
  $ pitchlint rules new guarantee-uptime --kind phrase --pack ./our-rules
  $ pitchlint rules validate ./our-rules
  $ pitchlint rules test ./our-rules
  $ pitchlint rules test recommended strict finance
  $ pitchlint rules list --format json
  $ pitchlint rules explain guarantee-unbacked
  $ pitchlint rules docs --out docs/rules recommended strict finance`,
    );

  const run = (
    cmd: Command,
    action: (
      impl: typeof import('../../authoring/commands.js'),
      o: ReturnType<typeof commonOptions>,
      out: Io,
    ) => Promise<number>,
  ): Promise<void> => {
    const o = commonOptions(cmd);
    const out = io(o.color);
    return import('../../authoring/commands.js').then(async (impl) =>
      setExit(await impl.reportingLoadErrors(out, o.cwd, () => action(impl, o, out))),
    );
  };

  shared(rules.command('test'))
    .description(
      "run every rule's examples: flag sentences must be flagged, pass sentences must not (exit 1 on a failure)",
    )
    .argument('[paths...]', PATHS_HELP)
    .action((paths: string[], _o: unknown, cmd: Command) => run(cmd, (impl, o, out) => impl.rulesTest(paths, o, out)));

  shared(rules.command('validate'))
    .description('check rule files: schema, patterns, regexes, facts, duplicate ids (exit 2 on a problem)')
    .argument('[paths...]', PATHS_HELP)
    .option('--strict', 'also require what the docs need: description and rationale')
    .action((paths: string[], opts: { strict?: boolean }, cmd: Command) =>
      run(cmd, (impl, o, out) => impl.rulesValidate(paths, { ...o, ...(opts.strict ? { strict: true } : {}) }, out)),
    );

  shared(rules.command('list'))
    .description('list the rules: id, kind, severity, category, pack')
    .argument('[paths...]', PATHS_HELP)
    .option('-f, --format <name>', 'table or json', 'table')
    .action((paths: string[], _o: unknown, cmd: Command) => run(cmd, (impl, o, out) => impl.rulesList(paths, o, out)));

  shared(rules.command('explain'))
    .description('print a rule: what it flags, why, what to write instead, its examples and rewrite')
    .argument('<id>', 'rule id')
    .argument('[paths...]', 'where else to look for it (the configured and built-in packs are searched)')
    .option('-f, --format <name>', 'text or json', 'text')
    .action((id: string, paths: string[], _o: unknown, cmd: Command) =>
      run(cmd, (impl, o, out) => impl.rulesExplain(id, { ...o, paths }, out)),
    );

  shared(rules.command('new'))
    .description('write a commented rule file to fill in, with example sentences and a $schema line for editors')
    .argument('<id>', 'the new rule id, kebab-case (e.g. guarantee-uptime)')
    .option('-k, --kind <kind>', 'phrase, substitute, pattern, commitment or regex', 'phrase')
    .option('-p, --pack <dir>', "folder to write it in (default: the config's first rulesDirs folder, or ./rules)")
    .option('--force', 'overwrite an existing file')
    .action((id: string, opts: { kind: string; pack?: string; force?: boolean }, cmd: Command) =>
      run(cmd, (impl, o, out) =>
        impl.rulesNew(
          id,
          { ...o, kind: opts.kind, ...(opts.pack ? { pack: opts.pack } : {}), ...(opts.force ? { force: true } : {}) },
          out,
        ),
      ),
    );

  shared(rules.command('docs'))
    .description('generate Markdown docs: one page per rule and an index, grouped by pack and category')
    .argument('[paths...]', PATHS_HELP)
    .requiredOption('--out <dir>', 'output folder (generated pages no longer needed are removed)')
    .action((paths: string[], opts: { out: string }, cmd: Command) =>
      run(cmd, (impl, o, out) => impl.rulesDocs(paths, { ...o, out: opts.out }, out)),
    );
};
