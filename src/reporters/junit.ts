// JUnit XML for CI test-report views: one test case per file. A test case fails, with one
// <failure> listing its findings, exactly when the run fails because of it: error-level
// findings always, warnings only when the run has more than --max-warnings (counting the
// warnings --quiet does not list, as the exit code does). It errors when the file could not be
// read. So the report and the exit code agree in every combination of --quiet and
// --max-warnings (a warnings-only run that exits 0 shows no failures); warnings that do not
// fail the run are listed in <system-out>.
import type { FileResult, Finding, FormatContext, Formatter } from '../shared/types.js';
import { plural, posixRelativePath } from './common.js';
import { fullLabel } from './location-label.js';
import { attrs, xmlText } from './xml.js';

function entry(f: Finding): string {
  let text = `${fullLabel(f.start)} ${f.severity} ${f.message} (${f.ruleId})`;
  if (f.rewrite !== undefined) text += `\n  Rewrite: ${f.rewrite === '' ? '(remove the sentence)' : f.rewrite}`;
  else if (f.suggestion) text += `\n  Suggestion: ${f.suggestion}`;
  return text;
}

/** The findings that fail the run, and the others worth listing. */
function split(r: FileResult, warningsFail: boolean): { failing: Finding[]; other: Finding[] } {
  const fails = (f: Finding): boolean => f.severity === 'error' || (warningsFail && f.severity === 'warning');
  return { failing: r.findings.filter(fails), other: r.findings.filter((f) => !fails(f)) };
}

function counts(failing: Finding[], hidden: number): string {
  const errors = failing.filter((f) => f.severity === 'error').length;
  const warnings = failing.length - errors;
  return [
    errors ? plural(errors, 'error') : '',
    warnings ? plural(warnings, 'warning') : '',
    hidden ? `${plural(hidden, 'warning')} not listed (--quiet)` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Warnings of this file that --quiet left out, when they fail the run. */
function hiddenFailing(r: FileResult, ctx: FormatContext, warningsFail: boolean): number {
  return warningsFail ? (ctx.hiddenWarnings?.get(r.filePath) ?? 0) : 0;
}

function testcase(r: FileResult, ctx: FormatContext, warningsFail: boolean): string {
  const file = posixRelativePath(ctx.cwd, r.filePath);
  const head = `    <testcase${attrs({ classname: file, name: file, file, time: 0 })}`;
  const { failing, other } = split(r, warningsFail);
  const hidden = hiddenFailing(r, ctx, warningsFail);
  const body: string[] = [];
  if (r.fatal !== undefined) {
    body.push(`      <error${attrs({ message: r.fatal, type: 'unreadable' })}>${xmlText(r.fatal)}</error>`);
  } else if (failing.length > 0 || hidden > 0) {
    const message = counts(failing, hidden);
    const text = [
      ...failing.map(entry),
      ...(hidden ? [`${plural(hidden, 'warning')} not listed (--quiet); the run has more than --max-warnings`] : []),
    ].join('\n');
    body.push(`      <failure${attrs({ message, type: 'pitchlint' })}>${xmlText(text)}</failure>`);
  }
  if (other.length > 0) body.push(`      <system-out>${xmlText(other.map(entry).join('\n'))}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

export const junit: Formatter = (results, ctx) => {
  // The exit code's rule (cli/lint-command.ts): warnings fail the run only past --max-warnings.
  let warnings = results.reduce((n, r) => n + r.warningCount, 0);
  for (const n of ctx.hiddenWarnings?.values() ?? []) warnings += n;
  const warningsFail = ctx.maxWarnings !== undefined && warnings > ctx.maxWarnings;
  // Counts are of test cases (files), as JUnit readers expect: tests >= failures + errors.
  const tests = results.length;
  const errors = results.filter((r) => r.fatal !== undefined).length;
  const failures = results.filter(
    (r) =>
      r.fatal === undefined && (split(r, warningsFail).failing.length > 0 || hiddenFailing(r, ctx, warningsFail) > 0),
  ).length;
  const c = { tests, failures, errors };
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'pitchlint', ...c })}>`,
    `  <testsuite${attrs({ name: 'pitchlint', ...c, skipped: 0, time: 0 })}>`,
    '    <properties>',
    `      <property${attrs({ name: 'pitchlint.version', value: ctx.version })}/>`,
    ...(ctx.maxWarnings !== undefined
      ? [`      <property${attrs({ name: 'pitchlint.max-warnings', value: ctx.maxWarnings })}/>`]
      : []),
    '    </properties>',
    ...results.map((r) => testcase(r, ctx, warningsFail)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${out.join('\n')}\n`;
};

export default junit;
