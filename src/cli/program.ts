// The command line: `pitchlint [options] [paths...]` lints; subcommands live in cli/commands/.
// Only commander is imported here, so --help and --version stay instant: every heavy module
// (rules, NLP, parsers) is imported by the action that needs it.
import { Command, InvalidArgumentError, Option } from 'commander';
import { version } from '../shared/version.js';

export interface LintCliOptions {
  format: string;
  outputFile?: string;
  config?: string;
  rules: string[];
  ext?: string[];
  quiet?: boolean;
  verbose?: boolean;
  /** false with --no-ignore. */
  ignore?: boolean;
  maxWarnings?: number;
  color?: boolean;
  stdinFilename?: string;
  includeQuoted?: boolean;
  emailDetection?: boolean;
  // Teams and CI (issue 5).
  reportUnusedDisableDirectives?: boolean;
  printConfig?: string;
  baseline?: string;
  updateBaseline?: boolean;
  concurrency?: string;
  cache?: boolean;
  cacheLocation?: string;
  shard?: string;
  progress?: boolean;
  // Rewrites (issue 3).
  fix?: boolean;
  fixDryRun?: boolean;
  rewrites?: boolean;
  fixType?: string;
}

const EXAMPLES = `
Examples:
  $ pitchlint fixtures/                         lint the drafts, emails and quotes in a folder
  $ pitchlint proposal.md email.txt 'templates/**/*.md'
  $ cat draft.txt | pitchlint --stdin-filename draft.txt -
  $ pitchlint --format json drafts/ > report.json
  $ pitchlint --config team.pitchlintrc.yaml --rules ./our-rules drafts/
  $ pitchlint --fix-dry-run drafts/proposal.md   show the safe rewrites as a diff; --fix applies them
  $ pitchlint rewrite drafts/email.txt          print the draft with every rewrite applied
  $ pitchlint --format sarif -o pitchlint.sarif --concurrency auto --cache --baseline .pitchlint-baseline.json templates/

Exit codes: 0 no errors; 1 error-level findings, a file that could not be linted, or more
warnings than --max-warnings; 2 usage, configuration or rule errors, or a path that matched nothing.`;

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const int = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return n;
};
const extList = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()),
];

export type LintAction = (paths: string[], options: LintCliOptions) => Promise<number>;

/** Subcommands register themselves here; each file in cli/commands/ exports one registrar. */
export type Registrar = (program: Command, setExit: (code: number) => void) => void;

export function buildProgram(lint: LintAction, registrars: Registrar[], setExit: (code: number) => void): Command {
  const program = new Command('pitchlint')
    .description('Lint sales writing for overpromises, and say the conservative truth instead.')
    .version(version(), '-v, --version')
    .argument('[paths...]', 'files, folders or globs to lint; - reads standard input')
    .addOption(
      new Option(
        '-f, --format <name>',
        'output format: stylish, json, sarif, github, junit, checkstyle, compact',
      ).default('stylish'),
    )
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'use this configuration file (no search for .pitchlintrc.yaml)')
    .option('--rules <dir>', 'an extra folder of rule files (repeatable)', collect, [])
    .option('--ext <list>', 'extensions to lint in folders, comma-separated (default: .txt,.md,.markdown,...)', extList)
    .option('-q, --quiet', 'report errors only')
    .option('--verbose', 'stylish: also print notes on how each file was read (email detection, decoded parts)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', int)
    .option('--color', 'force colored output')
    .option('--no-color', 'disable colored output (also NO_COLOR=1)')
    .option('--stdin-filename <name>', 'the file name to use for text read from standard input')
    .option('--include-quoted', 'also lint quoted replies, forwarded messages and signatures in emails')
    .option('--no-email-detection', 'do not treat .txt files that look like emails as emails')
    .option('--no-ignore', "lint files that .pitchlintignore or the config's ignore: match")
    .option(
      '--report-unused-disable-directives',
      'report pitchlint-disable directives that suppress nothing (as errors)',
    )
    .option(
      '--print-config <file>',
      'print the configuration that applies to a file (YAML; JSON with --format json) and exit',
    )
    .option('--baseline <file>', 'report only findings that this baseline file does not record')
    .option('--update-baseline', 'write the current findings to the baseline file (default .pitchlint-baseline.json)')
    .option('--concurrency <n>', 'lint in N threads (main thread + N-1 workers): auto, or a number (default 1)')
    .option('--cache', 'reuse the results of unchanged files')
    .option('--cache-location <path>', 'cache file, or folder for it (default .pitchlintcache)')
    .option('--shard <i/n>', 'lint only part i of n of the files, for CI matrix jobs')
    .option('--no-progress', 'never show a progress bar on stderr')
    .option('--fix', 'apply the safe rewrites (no placeholders left) to the files, then report what is left')
    .option('--fix-dry-run', 'print the --fix changes as a unified diff; change nothing')
    .option(
      '--rewrites',
      'give findings their rewrites and fixes in every format (json, sarif, compact, checkstyle skip them by default)',
    )
    .option(
      '--fix-type <list>',
      'fix only these categories, comma-separated (absolute,guarantee,commitment,speed,superlative,roadmap,pricing,pressure)',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], options: LintCliOptions) => setExit(await lint(paths, options)));
  // Before the subcommands exist: commander copies these settings into each one when it is
  // created, so a usage error anywhere throws (main() turns it into exit code 2) instead of
  // calling process.exit(1) from inside commander.
  program
    .exitOverride()
    .configureOutput({ outputError: (message, write) => write(oneLineError(message)) })
    .helpCommand('help [command]', 'show the help of pitchlint or of a command');
  for (const register of registrars) register(program, setExit);
  for (const cmd of allCommands(program)) {
    cmd.exitOverride();
    // After the one-line error, the command's usage and where to read more.
    cmd.showHelpAfterError(`Usage: ${commandPath(cmd)} ${cmd.usage()}\n(run ${commandPath(cmd)} --help for more)`);
  }
  return program;
}

/** commander's "error: unknown option '--x'\n" as the house's one line, "pitchlint: unknown option '--x'". */
export function oneLineError(message: string): string {
  const text = message
    .replace(/^error:\s*/, '')
    .trim()
    .split('\n')
    .join(' ');
  return `pitchlint: ${text}\n`;
}

/**
 * `pitchlint help [command...]` as `pitchlint [command...] --help`: commander's own help command
 * takes one word, so `help rules explain` would show the help of `rules`. An unknown command is
 * a usage error.
 */
export function helpArgv(program: Command, argv: string[]): string[] {
  const [node = 'node', script = 'pitchlint', first, ...words] = argv;
  if (first !== 'help') return argv;
  let cmd = program;
  for (const word of words) {
    if (word.startsWith('-')) break;
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    // One line, the usage, and (exitOverride) a CommanderError that main() turns into exit 2.
    if (!sub) return cmd.error(`unknown command '${word}'`, { code: 'commander.unknownCommand', exitCode: 2 });
    cmd = sub;
  }
  return [node, script, ...words.filter((w) => !w.startsWith('-')), '--help'];
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
