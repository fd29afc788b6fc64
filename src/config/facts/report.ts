// The CLI's warnings for expired facts: the configurations of the linted files are resolved in
// the main thread (worker threads report nothing back) and each expired fact is named once.
import { ConfigFinder } from '../load.js';
import { factsForConfig } from './load.js';
import { takeFactWarnings } from './warnings.js';

export async function expiredFactWarnings(files: readonly string[], cwd: string, configFile?: string): Promise<string[]> {
  const finder = new ConfigFinder(cwd, configFile);
  const dirs = new Set<string>();
  for (const f of files) {
    try {
      const config = await finder.forFile(f);
      if (config.file && dirs.has(config.file)) continue;
      if (config.file) dirs.add(config.file);
      await factsForConfig(config);
    } catch {
      /* configuration errors are reported by the lint run itself */
    }
  }
  return takeFactWarnings();
}
