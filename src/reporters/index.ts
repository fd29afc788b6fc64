// The reporter registry. Formatters are imported only when asked for, so a run pays for the
// one it prints (SARIF pulls in node:crypto, stylish pulls in chalk and string-width).
import { ConfigError } from '../shared/errors.js';
import type { FileResult, FormatContext, Formatter } from '../shared/types.js';

/**
 * A report written as the run goes: `file` gives the text for one file's result (called in file
 * order), `end` the rest once every file is done (with the run's final context: its rules). The
 * concatenation is exactly what the format's Formatter prints for the same results, so a run over
 * any number of files holds one file's result at a time.
 */
export interface ReportStream {
  file(result: FileResult): string;
  end(context: FormatContext): string;
}
export type StreamingFormatter = (context: FormatContext) => ReportStream;

const STREAMS: Partial<Record<FormatterName, () => Promise<{ stream: StreamingFormatter }>>> = {
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
};

/** The format's streaming form, when it has one (the others are given every result at the end). */
export async function loadStreamingFormatter(name: string): Promise<StreamingFormatter | undefined> {
  return isFormatterName(name) ? (await STREAMS[name]?.())?.stream : undefined;
}

export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'checkstyle', 'compact'] as const;
export type FormatterName = (typeof FORMATTER_NAMES)[number];

const LOADERS: Record<FormatterName, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  junit: () => import('./junit.js'),
  checkstyle: () => import('./checkstyle.js'),
  compact: () => import('./compact.js'),
};

/**
 * Formats that show rewrites without being asked: the ones a person reads (stylish, GitHub
 * annotations, JUnit failure text). The machine formats get rewrites and fixes with --rewrites,
 * so a CI run that only counts findings does not pay for them (computing rewrites took about
 * 40% of a run).
 */
const SHOWS_REWRITES: ReadonlySet<string> = new Set<FormatterName>(['stylish', 'github', 'junit']);

export const formatShowsRewrites = (name: string): boolean => SHOWS_REWRITES.has(name);

export function isFormatterName(name: string): name is FormatterName {
  // hasOwn: "constructor" or "__proto__" must not pass as a format name.
  return Object.hasOwn(LOADERS, name);
}

export async function loadFormatter(name: string): Promise<Formatter> {
  if (!isFormatterName(name)) {
    throw new ConfigError(`unknown format "${name}"; valid formats: ${FORMATTER_NAMES.join(', ')}`);
  }
  return (await LOADERS[name]()).default;
}
