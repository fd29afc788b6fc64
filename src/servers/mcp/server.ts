// `pitchlint mcp`: a Model Context Protocol server over stdio, so a drafting assistant checks its
// own draft before a human sends it. Three tools, all on the public API with the configuration,
// facts and rule packs of the folder the server runs in:
//   lint_text    the findings, as structured content;
//   rewrite_text the honest version, what changed, and which facts are missing;
//   explain_rule what a rule flags and why.
// Nothing leaves the machine: the server reads stdin, writes stdout, and opens no socket.
import { resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { ConfigError, lintText, rewriteText, type RuleMeta } from '../../api.js';
import { version } from '../../shared/version.js';

export interface McpOptions {
  config?: string;
  rules?: string[];
}

/** Largest draft a tool takes (characters): a long proposal is ~100 kB. */
const MAX_TEXT = 1_000_000;

const text = z.string().max(MAX_TEXT).describe('The draft: an email, proposal, quote or web copy');
const filename = z
  .string()
  .max(255)
  .regex(/^[^\0]*$/)
  .optional()
  .describe(
    'The name the draft is linted as; its extension picks the format (.md Markdown, .html HTML, .eml email, else plain text). Default draft.md',
  );

const finding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'suggestion']),
  category: z.string(),
  message: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  flagged: z.string().describe('The flagged words'),
  sentence: z.string(),
  suggestion: z.string().optional(),
  rewrite: z
    .string()
    .optional()
    .describe('The whole sentence rewritten to the conservative truth ([brackets] are facts to fill in)'),
  missingFacts: z.array(z.string()).optional(),
});

const lintOutput = {
  format: z.string(),
  errorCount: z.number(),
  warningCount: z.number(),
  suggestionCount: z.number(),
  findings: z.array(finding),
  notices: z.array(z.string()),
};

const rewriteOutput = {
  format: z.string(),
  text: z.string().describe('The honest version of the draft (placeholders in [brackets] need facts)'),
  changes: z.array(
    z.object({
      before: z.string(),
      after: z.string(),
      ruleIds: z.array(z.string()),
      missingFacts: z.array(z.string()),
      factsUsed: z.array(z.string()),
      safe: z
        .boolean()
        .describe('Plain --fix applies it (fix kind "safe"): deterministic, may be applied without asking'),
      complete: z.boolean().describe('No placeholder left (it may still be a judgement call)'),
    }),
  ),
  missingFacts: z.array(z.object({ key: z.string(), label: z.string(), example: z.string().optional() })),
  notes: z.array(z.string()),
};

const ruleOutput = {
  id: z.string(),
  pack: z.string(),
  category: z.string(),
  severity: z.string(),
  description: z.string(),
  rationale: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
};

export async function startMcpServer(options: McpOptions = {}): Promise<void> {
  const cwd = process.cwd();
  const base = {
    cwd,
    ...(options.config ? { configFile: resolve(cwd, options.config) } : {}),
    ...(options.rules?.length ? { rulesDirs: options.rules.map((d) => resolve(cwd, d)) } : {}),
  };
  const server = new McpServer(
    { name: 'pitchlint', version: version() },
    {
      instructions:
        'pitchlint checks sales writing (emails, proposals, quotes, web copy) for overpromises: absolutes, guarantees without terms, unqualified commitments, certain speed, unsubstantiated superlatives, roadmap and price promises, manufactured pressure. Call lint_text or rewrite_text on a draft before a person sends it; use the rewrite, and ask the person for the missing facts rather than inventing them.',
    },
  );

  server.registerTool(
    'lint_text',
    {
      title: 'Lint a sales draft for overpromises',
      description:
        'Find overpromises in a draft. Returns each finding with its rule, severity, position, the flagged words, and the sentence rewritten to the conservative truth.',
      inputSchema: { text, filename },
      outputSchema: lintOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const r = await lintText(args.text, { ...base, filePath: args.filename ?? 'draft.md' });
        const out = {
          format: r.format,
          errorCount: r.errorCount,
          warningCount: r.warningCount,
          suggestionCount: r.suggestionCount,
          findings: r.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            category: f.category,
            message: f.message,
            line: f.start.line,
            column: f.start.column,
            endLine: f.end.line,
            endColumn: f.end.column,
            flagged: f.sentence.slice(f.span[0], f.span[1]),
            sentence: f.sentence,
            ...(f.suggestion ? { suggestion: f.suggestion } : {}),
            ...(f.rewrite !== undefined ? { rewrite: f.rewrite } : {}),
            ...(f.missingFacts?.length ? { missingFacts: f.missingFacts } : {}),
          })),
          notices: [...r.notices, ...(r.fatal ? [`could not lint: ${r.fatal}`] : [])],
        };
        const summary = out.findings.length
          ? out.findings
              .map(
                (f) =>
                  `${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}${f.rewrite !== undefined ? `\n  rewrite: ${f.rewrite || '(remove the sentence)'}` : ''}`,
              )
              .join('\n')
          : 'No overpromises found.';
        return { content: [{ type: 'text' as const, text: summary }], structuredContent: out };
      }),
  );

  server.registerTool(
    'rewrite_text',
    {
      title: 'Rewrite a sales draft to the conservative truth',
      description:
        'Return the honest version of a draft: every flagged sentence rewritten, what changed, and which facts are missing (their [placeholders] stay in the text; ask a person for them). Optional facts fill placeholders for this draft only.',
      inputSchema: {
        text,
        filename,
        facts: z
          .record(z.string().max(200), z.string().max(500))
          .optional()
          .describe('Facts for this draft only, e.g. {"delivery.typical": "2 business days"}'),
      },
      outputSchema: rewriteOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const r = await rewriteText(args.text, {
          ...base,
          filePath: args.filename ?? 'draft.md',
          ...(args.facts ? { facts: args.facts } : {}),
        });
        if (r.fatal) throw new ConfigError(`the draft could not be read: ${r.fatal}`);
        const out = {
          format: r.format,
          text: r.text,
          changes: r.edits.map((e) => ({
            before: e.sentence,
            after: e.rewrite,
            ruleIds: e.ruleIds,
            missingFacts: e.missingFacts,
            factsUsed: e.factsUsed,
            safe: e.fixKind === 'safe',
            complete: e.complete,
          })),
          missingFacts: r.missingFacts,
          notes: r.notes,
        };
        const need = r.missingFacts.length
          ? `\n\nMissing facts (ask a person; do not invent them): ${r.missingFacts.map((m) => `${m.key} (${m.label})`).join(', ')}`
          : '';
        return { content: [{ type: 'text' as const, text: `${r.text}${need}` }], structuredContent: out };
      }),
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a pitchlint rule',
      description: 'What a rule flags, why it matters, and what to write instead.',
      inputSchema: {
        ruleId: z.string().max(200).describe('A rule id from a finding, e.g. guarantee-unbacked'),
        filename,
      },
      outputSchema: ruleOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      guarded(async () => {
        const { rules } = await lintText('', { ...base, filePath: args.filename ?? 'draft.md' });
        const meta = rules.get(args.ruleId);
        if (!meta) {
          const close = [...rules.keys()].filter((id) => id.split('-')[0] === args.ruleId.split('-')[0]).slice(0, 8);
          throw new ConfigError(
            `no rule "${args.ruleId}" in this configuration${close.length ? `; did you mean ${close.join(', ')}?` : ''}`,
          );
        }
        const out = describe(meta);
        return {
          content: [
            {
              type: 'text' as const,
              text: `${out.id} (${out.pack}, ${out.category}, ${out.severity})\n${out.description}\nWhy it matters: ${out.rationale}${out.suggestion ? `\nInstead: ${out.suggestion}` : ''}`,
            },
          ],
          structuredContent: out,
        };
      }),
  );

  const transport = new StdioServerTransport();
  const closed = new Promise<void>((done) => {
    transport.onclose = () => done();
    process.stdin.on('end', () => done());
  });
  await server.connect(transport);
  await closed;
  await server.close().catch(() => undefined);
}

function describe(m: RuleMeta) {
  return {
    id: m.id,
    pack: m.pack,
    category: m.category,
    severity: m.severity,
    description: m.description.trim(),
    rationale: m.rationale.trim().replace(/\s+/g, ' '),
    message: m.message,
    ...(m.suggestion ? { suggestion: m.suggestion.trim() } : {}),
  };
}

/** A tool error the model can read (one line), never a crashed server. */
async function guarded<T>(
  run: () => Promise<T>,
): Promise<T | { content: Array<{ type: 'text'; text: string }>; isError: true }> {
  try {
    return await run();
  } catch (e) {
    const message =
      e instanceof ConfigError
        ? e.message.split('\n').slice(0, 5).join('; ')
        : `internal error: ${(e as Error)?.message ?? String(e)}`;
    return { content: [{ type: 'text', text: `pitchlint: ${message}` }], isError: true };
  }
}
