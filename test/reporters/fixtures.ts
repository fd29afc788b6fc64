// Realistic results for the reporter tests: a Markdown proposal with three findings whose
// positions are computed from its text (as an adapter would), a docx quote, a clean file and a
// PDF that could not be read.
import path from 'node:path';
import type {
  Category,
  FileResult,
  Finding,
  FormatContext,
  Location,
  RuleMeta,
  Severity,
} from '../../src/shared/types.js';

export const CWD = path.resolve('/work/acme-deal');

export const PROPOSAL_TEXT = [
  '# Rack installation proposal',
  '',
  'Hi Diana. We will have the racks installed by Friday. Our support is always available.',
  '',
  'We are the best integrator in the region.',
  '',
].join('\n');

/** Line/column (1-based, UTF-16) and offset of `index` in `text`. */
export function locate(text: string, index: number): Location {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, offset: index };
}

/** A finding on `phrase` inside `sentence`, both found in `text`. */
export function findingIn(
  text: string,
  sentence: string,
  phrase: string,
  rule: { ruleId: string; severity: Severity; category: Category; message: string },
  extra: Partial<Finding> = {},
): Finding {
  const sentenceAt = text.indexOf(sentence);
  const inSentence = sentence.indexOf(phrase);
  if (sentenceAt < 0 || inSentence < 0) throw new Error(`fixture: "${phrase}" not found`);
  const start = sentenceAt + inSentence;
  const end = start + phrase.length;
  return {
    ...rule,
    start: locate(text, start),
    end: locate(text, end),
    sentence,
    span: [inSentence, inSentence + phrase.length],
    ...extra,
  };
}

export const RULES: RuleMeta[] = [
  {
    id: 'commitment-deadline',
    kind: 'phrase',
    severity: 'error',
    category: 'commitment',
    pack: 'recommended',
    file: 'rules/recommended/commitment-deadline.yaml',
    message: 'Firm delivery date promised',
    description: 'Flags promises to finish work by a fixed date.',
    rationale: 'A date you do not control becomes a broken promise when the carrier is late.',
    suggestion: 'Say what the date depends on, or give a target instead of a promise.',
  },
  {
    id: 'absolute-always',
    kind: 'phrase',
    severity: 'warning',
    category: 'absolute',
    pack: 'recommended',
    file: 'rules/recommended/absolute-always.yaml',
    message: '"Always" claims more than the contract guarantees',
    description: 'Flags always/never claims about service.',
    rationale: 'Support hours are defined in the SLA; "always" contradicts it.',
    suggestion: 'Name the actual hours or response time.',
  },
  {
    id: 'superlative-best',
    kind: 'phrase',
    severity: 'suggestion',
    category: 'superlative',
    pack: 'recommended',
    file: 'rules/recommended/superlative-best.yaml',
    message: 'Unsupported superlative',
    description: 'Flags "the best", "number one" and similar.',
    rationale: 'A superlative needs evidence a buyer can check.',
  },
  {
    id: 'guarantee-uptime',
    kind: 'phrase',
    severity: 'error',
    category: 'guarantee',
    pack: 'recommended',
    file: 'rules/recommended/guarantee-uptime.yaml',
    message: 'Uptime guaranteed without an SLA reference',
    description: 'Flags uptime guarantees.',
    rationale: 'Uptime is defined by the SLA, with credits, not by a sales email.',
    suggestion: 'Refer to the SLA.',
  },
];

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, color: false, rules: new Map(RULES.map((r) => [r.id, r])), version: '0.1.0', ...overrides };
}

const rule = (id: string): { ruleId: string; severity: Severity; category: Category; message: string } => {
  const meta = RULES.find((r) => r.id === id)!;
  return { ruleId: id, severity: meta.severity, category: meta.category, message: meta.message };
};

function counted(r: Omit<FileResult, 'errorCount' | 'warningCount' | 'suggestionCount'>): FileResult {
  const n = (s: Severity): number => r.findings.filter((f) => f.severity === s).length;
  return { ...r, errorCount: n('error'), warningCount: n('warning'), suggestionCount: n('suggestion') };
}

export function proposal(): FileResult {
  const t = PROPOSAL_TEXT;
  const best = findingIn(t, 'We are the best integrator in the region.', 'the best', rule('superlative-best'));
  return counted({
    filePath: path.join(CWD, 'proposals', 'rack-install.md'),
    format: 'markdown',
    notices: [],
    source: { text: t, bom: false, encoding: 'utf8', eol: '\n' },
    findings: [
      findingIn(
        t,
        'We will have the racks installed by Friday.',
        'will have the racks installed by Friday',
        rule('commitment-deadline'),
        {
          suggestion: 'Say what the date depends on.',
          rewrite: 'We plan to have the racks installed by Friday, provided the hardware arrives by [date].',
          missingFacts: ['hardware delivery date'],
        },
      ),
      findingIn(t, 'Our support is always available.', 'always available', rule('absolute-always'), {
        suggestion: 'Name the actual support hours.',
      }),
      {
        ...best,
        fix: { range: [best.start.offset!, best.end.offset!], text: 'an experienced' },
        rewrite: 'We are an experienced integrator in the region.',
      },
    ],
  });
}

/** A docx quote: positions are paragraph/column. The file name has a space and a comma. */
export function quoteDocx(): FileResult {
  const sentence = 'We guarantee 100% uptime, no exceptions.';
  const span: [number, number] = [3, 24];
  return counted({
    filePath: path.join(CWD, 'quotes', 'Q-1042 Acme, final.docx'),
    format: 'docx',
    notices: ['tracked changes were accepted before linting'],
    findings: [
      {
        ...rule('guarantee-uptime'),
        start: { line: 12, column: 34, paragraph: 12 },
        end: { line: 12, column: 55, paragraph: 12 },
        sentence,
        span,
        suggestion: 'Refer to the SLA: "99.9% monthly uptime, with service credits".',
      },
    ],
  });
}

export function cleanFile(): FileResult {
  return counted({ filePath: path.join(CWD, 'notes.txt'), format: 'text', notices: [], findings: [] });
}

export function unreadablePdf(): FileResult {
  return counted({
    filePath: path.join(CWD, 'scans', 'contract.pdf'),
    format: 'pdf',
    notices: [],
    findings: [],
    fatal: 'not a PDF file (no %PDF header)',
  });
}

export function allResults(): FileResult[] {
  return [proposal(), quoteDocx(), cleanFile(), unreadablePdf()];
}

// ---- Emails whose body is quoted-printable: positions are in the decoded text of the part. ----

/** A reply with a quoted-printable text part and a base64 HTML alternative (CRLF, as sent). */
export const QP_EMAIL = [
  'From: Marco Ruiz <marco@northwind-racks.example>',
  'To: Dana Whitfield <dana@example.org>',
  'Subject: Install dates',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="=_b1"',
  '',
  '--=_b1',
  'Content-Type: text/plain; charset="UTF-8"', // line 8: the text part's header
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hi Dana,',
  '',
  'Our crew always cleans up the same day, and we will have the racks in=',
  'stalled by Friday. I=E2=80=99ll confirm the time.',
  '--=_b1',
  'Content-Type: text/html; charset="UTF-8"', // line 16
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('<p>Hi Dana,</p>\n<p>Our crew always cleans up the same day.</p>\n').toString('base64'),
  '--=_b1--',
  '',
].join('\r\n');

/** The decoded text of QP_EMAIL's part 1, as the email adapter numbers its lines. */
export const QP_DECODED =
  'Hi Dana,\n\nOur crew always cleans up the same day, and we will have the racks installed by Friday. I\u2019ll confirm the time.';

/** A finding on "always" in part 1 of QP_EMAIL (decoded line 3, column 10), file at `filePath`. */
export function decodedEmail(filePath: string, part = '1 text/plain', decodedText = QP_DECODED): FileResult {
  const sentence = 'Our crew always cleans up the same day, and we will have the racks installed by Friday.';
  const at = locate(decodedText, decodedText.indexOf('always'));
  const end = locate(decodedText, decodedText.indexOf('always') + 'always'.length);
  const meta = RULES.find((r) => r.id === 'absolute-always')!;
  return counted({
    filePath,
    format: 'email',
    notices: [`positions in part ${part} are line/column in its decoded text (quoted-printable)`],
    findings: [
      {
        ruleId: meta.id,
        severity: meta.severity,
        category: meta.category,
        message: meta.message,
        start: { line: at.line, column: at.column, part, decoded: true },
        end: { line: end.line, column: end.column, part, decoded: true },
        sentence,
        span: [9, 15],
      },
    ],
  });
}

/** Two messages in an mbox, each with a quoted-printable part 1; "always" only in the second. */
export const QP_MBOX = [
  'From marco@northwind-racks.example Mon Mar 10 09:00:00 2025',
  'From: Marco Ruiz <marco@northwind-racks.example>',
  'Subject: Quote',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8', // line 5: message 1's part 1
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hi Dana,',
  '',
  'Here is the quote we discussed on the phone, with the install window on pa=',
  'ge two.',
  '',
  'From marco@northwind-racks.example Thu Mar 13 16:30:00 2025',
  'From: Marco Ruiz <marco@northwind-racks.example>',
  'Subject: Install dates',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8', // line 17: message 2's part 1
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Hi Dana,',
  '',
  'Our crew always cleans up the same day, and we will have the racks in=',
  'stalled by Friday.',
  '',
].join('\n');
