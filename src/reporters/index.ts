// The reporter registry. Formatters are imported only when asked for, so a run pays for the
// one it prints (SARIF pulls in node:crypto, stylish pulls in chalk and string-width).
import { ConfigError } from '../shared/errors.js';
import type { Formatter } from '../shared/types.js';

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
