// `regex`: the escape hatch. Expressions run on RE2 (re2js), which matches in linear time, so a
// rule pack from a pull request cannot hang CI with catastrophic backtracking. It needs no tags
// and cannot name triggers, so it runs on every sentence's text directly.
import { RE2JS } from 're2js';
import { ConfigError } from '../../shared/errors.js';
import { dedupe, tokenRange } from '../match.js';
import type { RuleKind, RuleMatch } from '../rule.js';

export function compileRe2(source: string, flags = ''): RE2JS {
  let f = 0;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  return RE2JS.compile(source, f);
}

export const regexKind: RuleKind = {
  name: 'regex',
  compile(def, { source }) {
    let re: RE2JS;
    try {
      re = compileRe2(def.regex ?? '', def.flags);
    } catch (e) {
      const line = source.keyLines.regex;
      throw new ConfigError(`invalid regex: ${(e as Error).message}`, `${source.file}${line ? `:${line}:1` : ''}`);
    }
    const names = Object.keys(re.namedGroups());
    return {
      triggers: null,
      needsTags: false,
      match(s) {
        const out: RuleMatch[] = [];
        const m = re.matcher(s.text);
        while (m.find()) {
          const start = m.start();
          const end = m.end();
          if (end <= start) continue;
          const [ts, te] = tokenRange(s, start, end);
          if (te <= ts) continue;
          const captures: Record<string, string> = { match: s.text.slice(start, end) };
          for (const n of names) captures[n] = m.group(n) ?? '';
          out.push({ start, end, tokenStart: ts, tokenEnd: te, captures });
        }
        return dedupe(out);
      },
    };
  },
};
