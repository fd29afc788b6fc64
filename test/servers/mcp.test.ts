// `pitchlint mcp` end to end: the MCP SDK's own client spawns `node bin/pitchlint.js mcp` over
// stdio, exactly as an MCP client configuration does, lists the tools and calls each.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, TEAM_CONFIG, TEAM_RULE, workspace } from './helpers.js';

const DRAFT =
  'Hi Dana,\n\nWe guarantee fast delivery. We deliver overnight. Our onboarding is turnkey.\n\nI will send the revised layout by Thursday.\n';

interface LintOut {
  format: string;
  errorCount: number;
  findings: Array<{
    ruleId: string;
    severity: string;
    line: number;
    column: number;
    endColumn: number;
    flagged: string;
    rewrite?: string;
    missingFacts?: string[];
  }>;
}
interface RewriteOut {
  text: string;
  changes: Array<{
    before: string;
    after: string;
    ruleIds: string[];
    missingFacts: string[];
    factsUsed: string[];
    safe: boolean;
    complete: boolean;
  }>;
  missingFacts: Array<{ key: string; label: string }>;
}

describe('pitchlint mcp', () => {
  const ws = workspace({
    '.pitchlintrc.yaml': TEAM_CONFIG,
    'team-rules/team-turnkey.yaml': TEAM_RULE,
    'facts.yaml': 'facts: {}\n',
  });
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';

  beforeAll(async () => {
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp'],
      cwd: ws.dir,
      stderr: 'pipe',
      env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
    });
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    client = new Client({ name: 'pitchlint-test', version: '1.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
    ws.cleanup();
  });

  it('names itself and lists the three tools with their schemas', async () => {
    expect(client.getServerVersion()?.name).toBe('pitchlint');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['explain_rule', 'lint_text', 'rewrite_text']);
    const lint = tools.find((t) => t.name === 'lint_text')!;
    expect(lint.inputSchema.required).toEqual(['text']);
    expect(lint.outputSchema?.properties).toHaveProperty('findings');
  });

  it('lint_text returns the findings as structured content, with the workspace’s own rules', async () => {
    const r = await client.callTool({ name: 'lint_text', arguments: { text: DRAFT, filename: 'reply.md' } });
    expect(r.isError).toBeFalsy();
    const out = r.structuredContent as unknown as LintOut;
    expect(out.format).toBe('markdown');
    const ids = out.findings.map((f) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['guarantee-unbacked', 'speed-certain', 'team-turnkey']));
    const g = out.findings.find((f) => f.ruleId === 'guarantee-unbacked')!;
    expect(g).toMatchObject({ severity: 'error', line: 3, column: 4, flagged: 'guarantee' });
    const speed = out.findings.find((f) => f.ruleId === 'speed-certain')!;
    expect(speed).toMatchObject({ line: 3, column: 32, flagged: 'deliver overnight' });
    expect(speed.missingFacts).toEqual(['delivery.typical']);
    expect(out.errorCount).toBeGreaterThan(0);
    const text = (r.content as Array<{ type: string; text: string }>)[0]!.text;
    expect(text).toContain('3:4 error guarantee-unbacked');
  });

  it('rewrite_text returns the honest version, what changed, and the missing facts', async () => {
    const r = await client.callTool({ name: 'rewrite_text', arguments: { text: DRAFT, filename: 'reply.md' } });
    const out = r.structuredContent as unknown as RewriteOut;
    expect(out.text).toContain('Hi Dana,');
    expect(out.text).not.toContain('We guarantee fast delivery');
    expect(out.text).not.toContain('We deliver overnight');
    expect(out.text).toContain('[typical delivery time]');
    // One rewrite per sentence: each flagged sentence is its own change.
    const change = out.changes.find((c) => c.before.startsWith('We deliver overnight'))!;
    expect(change.ruleIds).toEqual(['speed-certain']);
    expect(change.safe).toBe(false);
    expect(change.complete).toBe(false); // [typical delivery time] is left to fill
    const g = out.changes.find((c) => c.before.startsWith('We guarantee fast delivery'))!;
    expect(g.ruleIds).toEqual(['guarantee-unbacked']);
    expect(out.missingFacts).toEqual([
      expect.objectContaining({ key: 'delivery.typical', label: 'typical delivery time' }),
    ]);
    expect((r.content as Array<{ text: string }>)[0]!.text).toContain(
      'Missing facts (ask a person; do not invent them): delivery.typical',
    );
  });

  it('rewrite_text fills placeholders from facts given for this draft only', async () => {
    const r = await client.callTool({
      name: 'rewrite_text',
      arguments: { text: DRAFT, filename: 'reply.md', facts: { 'delivery.typical': '2 business days' } },
    });
    const out = r.structuredContent as unknown as RewriteOut;
    expect(out.text).toContain('2 business days');
    expect(out.text).not.toContain('[typical delivery time]');
    expect(out.missingFacts).toEqual([]);
    const speed = out.changes.find((c) => c.after.includes('2 business days'))!;
    expect(speed.factsUsed).toEqual(['delivery.typical']);
    // Nothing to fill in, but a judgement call: plain --fix would not apply it, so it is not safe.
    expect(speed).toMatchObject({ complete: true, safe: false });
  });

  it('rewrite_text marks as safe only what plain --fix applies', async () => {
    const text = 'Hi Dana,\n\nThe crew always cleans up after the install.\n';
    const r = await client.callTool({ name: 'rewrite_text', arguments: { text, filename: 'reply.md' } });
    const out = r.structuredContent as unknown as RewriteOut;
    expect(out.changes).toHaveLength(1);
    expect(out.changes[0]).toMatchObject({
      after: 'The crew typically cleans up after the install.',
      complete: true,
      safe: true,
    });
  });

  it('explain_rule explains a rule, and answers an unknown id with a readable error', async () => {
    const r = await client.callTool({ name: 'explain_rule', arguments: { ruleId: 'team-turnkey' } });
    expect(r.structuredContent).toMatchObject({
      id: 'team-turnkey',
      category: 'absolute',
      severity: 'warning',
      pack: expect.any(String),
    });
    expect((r.structuredContent as { rationale: string }).rationale).toContain('customer');
    const bad = await client.callTool({ name: 'explain_rule', arguments: { ruleId: 'guarantee-unbaked' } });
    expect(bad.isError).toBe(true);
    expect((bad.content as Array<{ text: string }>)[0]!.text).toMatch(
      /^pitchlint: no rule "guarantee-unbaked" in this configuration; did you mean .*guarantee-unbacked/,
    );
  });

  it('rejects bad arguments without dying', async () => {
    const r = await client.callTool({ name: 'lint_text', arguments: { text: 42 } });
    expect(r.isError).toBe(true);
    const ok = await client.callTool({
      name: 'lint_text',
      arguments: { text: 'Our crews always finish on schedule.' },
    });
    expect((ok.structuredContent as unknown as LintOut).findings.map((f) => f.ruleId)).toEqual([
      'absolute-always-never',
    ]);
    expect(stderr).toBe('');
  });
});
