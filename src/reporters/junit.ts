// JUnit XML for CI test-report views: one test case per file, which fails with one <failure>
// per finding, or errors when the file could not be read.
import type { FileResult, FormatContext, Formatter } from '../shared/types.js';
import { posixRelativePath } from './common.js';
import { fullLabel } from './location-label.js';
import { attrs, xmlText } from './xml.js';

function testcase(r: FileResult, ctx: FormatContext): string {
  const file = posixRelativePath(ctx.cwd, r.filePath);
  const head = `    <testcase${attrs({ classname: file, name: file, file, time: 0 })}`;
  if (r.fatal === undefined && r.findings.length === 0) return `${head}/>`;
  const body: string[] = [];
  if (r.fatal !== undefined) {
    body.push(`      <error${attrs({ message: r.fatal, type: 'unreadable' })}>${xmlText(r.fatal)}</error>`);
  }
  for (const f of r.findings) {
    let text = `${fullLabel(f.start)} ${f.severity} ${f.message} (${f.ruleId})`;
    if (f.suggestion) text += `\nSuggestion: ${f.suggestion}`;
    if (f.rewrite) text += `\nRewrite: ${f.rewrite}`;
    body.push(`      <failure${attrs({ message: f.message, type: f.ruleId })}>${xmlText(text)}</failure>`);
  }
  return `${head}>\n${body.join('\n')}\n    </testcase>`;
}

export const junit: Formatter = (results, ctx) => {
  // Counts are of test cases (files), as JUnit readers expect: tests >= failures + errors.
  const tests = results.length;
  const errors = results.filter((r) => r.fatal !== undefined).length;
  const failures = results.filter((r) => r.fatal === undefined && r.findings.length > 0).length;
  const counts = { tests, failures, errors };
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'pitchlint', ...counts })}>`,
    `  <testsuite${attrs({ name: 'pitchlint', ...counts, skipped: 0, time: 0 })}>`,
    '    <properties>',
    `      <property${attrs({ name: 'pitchlint.version', value: ctx.version })}/>`,
    '    </properties>',
    ...results.map((r) => testcase(r, ctx)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${out.join('\n')}\n`;
};

export default junit;
