// Filtering a file's findings through its directives, after linting. Also reports directives that
// lack a reason (always) and directives that suppressed nothing (--report-unused-disable-directives).
import type { Finding, RuleMeta, Severity } from '../shared/types.js';
import type { Directive } from './directives.js';
import { didYouMean } from '../shared/did-you-mean.js';

export const DIRECTIVE_REASON_RULE = 'pitchlint/directive-reason';
export const UNUSED_DIRECTIVE_RULE = 'pitchlint/unused-disable-directive';
export const UNKNOWN_RULE_DIRECTIVE = 'pitchlint/unknown-rule';

export interface SuppressionOptions {
  /** Report directives that suppress nothing, at this severity (true = error, as ESLint). */
  reportUnused?: boolean | Severity;
  /** Every rule id of the run; a directive naming another id is reported. Unset: not checked. */
  knownRules?: ReadonlySet<string>;
}

export interface SuppressionOutcome {
  findings: Finding[];
  /** How many rule findings the directives removed. */
  suppressed: number;
}

/** Metadata for the findings pitchlint makes about directives (reporters list them as rules). */
export function directiveRuleMeta(severity: { unused?: Severity } = {}): RuleMeta[] {
  return [
    {
      id: DIRECTIVE_REASON_RULE,
      kind: 'directive',
      severity: 'warning',
      category: 'directive',
      pack: 'pitchlint',
      file: '',
      message: 'A suppression directive needs a reason.',
      description: 'Every pitchlint-disable directive must say why the exception is acceptable, after " -- ".',
      rationale:
        'A suppressed overpromise is a claim the company has decided to stand behind. The reason tells the next reviewer what backs it (a signed SLA, a measured figure, a quoted review).',
      suggestion: 'Write the reason after the rule list: <!-- pitchlint-disable-next-line RULE -- why this is true -->',
    },
    {
      id: UNUSED_DIRECTIVE_RULE,
      kind: 'directive',
      severity: severity.unused ?? 'error',
      category: 'directive',
      pack: 'pitchlint',
      file: '',
      message: 'A suppression directive suppresses nothing.',
      description:
        'Reported with --report-unused-disable-directives: a pitchlint-disable directive that no finding needed.',
      rationale:
        'Stale exceptions hide future overpromises written on the same lines; remove them once the text no longer needs them.',
      suggestion: 'Remove the directive, or the rule ids that are not reported there.',
    },
    {
      id: UNKNOWN_RULE_DIRECTIVE,
      kind: 'directive',
      severity: 'warning',
      category: 'directive',
      pack: 'pitchlint',
      file: '',
      message: 'A suppression directive names a rule that does not exist.',
      description:
        'A pitchlint-disable or pitchlint-enable directive names a rule id that no loaded rule has (a typo, or a renamed rule), so it suppresses nothing.',
      rationale:
        'The writer believes the exception is in place while the finding is still reported, or will be once the rule is added back.',
      suggestion: 'Use an id from `pitchlint rules list`.',
    },
  ];
}

type Pos = { line: number; column: number };
const before = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.column <= b.column);
const covers = (d: Directive, ruleId: string): boolean => d.rules.length === 0 || d.rules.includes(ruleId);

export function applyDirectives(
  findings: Finding[],
  directives: Directive[],
  options: SuppressionOptions = {},
): SuppressionOutcome {
  if (directives.length === 0) return { findings, suppressed: 0 };
  const used = new Map<Directive, Set<string>>();
  const markUsed = (d: Directive, ruleId: string): void => {
    let s = used.get(d);
    if (!s) used.set(d, (s = new Set()));
    s.add(ruleId);
  };
  const lineScoped = directives.filter((d) => d.kind === 'disable-next-line' || d.kind === 'disable-line');
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const fileWide = directives.filter((d) => d.kind === 'disable-file');

  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const by = lineDirective(f, lineScoped) ?? blockDirective(f, blocks) ?? fileWide.find((d) => covers(d, f.ruleId));
    if (by) {
      markUsed(by, f.ruleId);
      suppressed++;
    } else {
      kept.push(f);
    }
  }

  const extra: Finding[] = [];
  for (const d of directives) {
    if (!d.reason && d.kind !== 'enable')
      extra.push(
        directiveFinding(
          d,
          DIRECTIVE_REASON_RULE,
          'warning',
          `pitchlint-${d.kind} needs a reason: add " -- " and why this exception is acceptable.`,
        ),
      );
  }
  // ESLint: "Definition for rule 'x' was not found".
  const known = options.knownRules;
  const isUnknown = (id: string): boolean => known !== undefined && !id.startsWith('pitchlint/') && !known.has(id);
  if (known) {
    for (const d of directives)
      for (const id of d.rules.filter(isUnknown))
        extra.push(
          directiveFinding(
            d,
            UNKNOWN_RULE_DIRECTIVE,
            'warning',
            `Definition for rule "${id}" was not found${didYouMean(id, [...known])}.`,
          ),
        );
  }
  if (options.reportUnused) {
    const severity: Severity = options.reportUnused === true ? 'error' : options.reportUnused;
    for (const d of directives) {
      if (d.kind === 'enable') continue;
      const u = used.get(d);
      if (d.rules.length === 0) {
        if (!u)
          extra.push(
            directiveFinding(
              d,
              UNUSED_DIRECTIVE_RULE,
              severity,
              `Unused pitchlint-${d.kind} directive (no findings were suppressed).`,
            ),
          );
        continue;
      }
      // An unknown id is reported as such, not again as unused.
      const unusedRules = d.rules.filter((r) => !u?.has(r) && !isUnknown(r));
      if (unusedRules.length) {
        extra.push(
          directiveFinding(
            d,
            UNUSED_DIRECTIVE_RULE,
            severity,
            `Unused pitchlint-${d.kind} directive (no findings for ${unusedRules.map((r) => `"${r}"`).join(', ')}).`,
          ),
        );
      }
    }
  }
  const all = extra.length ? [...kept, ...extra] : kept;
  if (extra.length)
    all.sort(
      (a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.ruleId.localeCompare(b.ruleId),
    );
  return { findings: all, suppressed };
}

function lineDirective(f: Finding, directives: Directive[]): Directive | undefined {
  return directives.find(
    (d) =>
      covers(d, f.ruleId) &&
      (d.kind === 'disable-next-line'
        ? f.start.line === d.endLine + 1
        : f.start.line >= d.line && f.start.line <= d.endLine),
  );
}

/** The disable directive in force at the finding, walking disable/enable pairs in order. */
function blockDirective(f: Finding, directives: Directive[]): Directive | undefined {
  let by: Directive | undefined;
  for (const d of directives) {
    if (!before({ line: d.line, column: d.column }, f.start)) break;
    if (!covers(d, f.ruleId)) continue;
    by = d.kind === 'disable' ? d : undefined;
  }
  return by;
}

function directiveFinding(d: Directive, ruleId: string, severity: Severity, message: string): Finding {
  return {
    ruleId,
    severity,
    category: 'directive',
    message,
    start: { line: d.line, column: d.column, offset: d.offset },
    end: { line: d.endLine, column: d.endColumn, offset: d.endOffset },
    sentence: d.text,
    span: [0, d.text.length],
  };
}
