// `pitchlint explain "sentence"` and `pitchlint rules explain ID`.
import { describe, expect, it } from 'vitest';
import { explainCommand, rulesExplain } from '../../src/authoring/commands.js';
import { capture, ROOT, runMain } from './helpers.js';

describe('explain "sentence"', () => {
  it('shows tokens with tags, candidates, the claim, hedges and negations, and what fired', async () => {
    const r = await capture((io) =>
      explainCommand('We will have the racks installed by Friday.', { cwd: ROOT, paths: ['recommended'] }, io),
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sentence 1: We will have the racks installed by Friday.');
    expect(r.out).toMatch(/^ {2}will +.*Modal/m);
    expect(r.out).toMatch(/^ {2}Friday +.*WeekDay/m);
    expect(r.out).toMatch(/^Prefilter: \d+ of \d+ rules are candidates$/m);
    expect(r.out).toMatch(/^ {2}commitment-deadline +trigger words: "Friday"/m);
    expect(r.out).toContain('who: We · modal: will · verb: ');
    expect(r.out).toContain('deadline: by Friday');
    expect(r.out).toMatch(/^ {2}hedges: +none$/m);
    expect(r.out).toMatch(/^ {2}negations: +none$/m);
    expect(r.out).toMatch(/^ {2}✖ commitment-deadline fired on "will have the racks installed by Friday"$/m);
  });

  it('says which guard suppressed a match, and why', async () => {
    const r = await capture((io) =>
      explainCommand("We can't guarantee overnight delivery.", { cwd: ROOT, paths: ['recommended'] }, io),
    );
    expect(r.out).toMatch(/^ {2}negations: +"can't"/m);
    expect(r.out).toMatch(
      /○ speed-certain matched "overnight[^"]*" but was suppressed by guard "negated": a negation stands shortly before the match/,
    );
  });

  it('shows hedges that qualify a claim', async () => {
    const r = await capture((io) =>
      explainCommand('We typically ship overnight.', { cwd: ROOT, paths: ['recommended'] }, io),
    );
    expect(r.out).toMatch(/^ {2}hedges: +"typically"/m);
    expect(r.out).toMatch(/suppressed by guard "hedged"/);
  });

  it('prints JSON with --format json', async () => {
    const r = await capture((io) =>
      explainCommand('Obviously, this is a no-brainer.', { cwd: ROOT, paths: ['strict'], format: 'json' }, io),
    );
    const [s] = JSON.parse(r.out) as Array<{
      candidates: Array<{ rule: string }>;
      matches: Array<{ rule: string; outcome: string }>;
    }>;
    expect(s!.candidates.map((c) => c.rule)).toEqual(expect.arrayContaining(['pressure-fomo', 'tone-condescension']));
    expect(s!.matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'tone-condescension', outcome: 'fired' })]),
    );
  });

  it('runs from the command line', async () => {
    const r = await runMain(['explain', 'Your team will be fully trained in a week.']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Claims (commitment detector');
  });
});

describe('rules explain ID', () => {
  it('prints description, rationale, suggestion, matching, guards, examples and rewrite', async () => {
    const r = await capture((io) => rulesExplain('finance-risk-free', { cwd: ROOT }, io));
    expect(r.code).toBe(0);
    const out = r.out;
    expect(out).toMatch(/^finance-risk-free {2}finance · phrase · error · guarantee$/m);
    expect(out).toContain('rules/finance/finance-risk-free.yaml');
    expect(out).toContain('Why: Every investment can lose value');
    expect(out).toContain('Instead: Name the main risk');
    expect(out).toContain('Not flagged when:\n  negated: a negation stands shortly before the match');
    expect(out).toContain("  flag  It's a risk-free investment for anyone saving for retirement.");
    expect(out).toContain('  pass  There is no such thing as a risk-free investment.');
    expect(out).toContain('Rewrite:\n  replace:\n    risk-free investment: lower-risk investment');
  });

  it('finds built-in rules that are not configured, and suggests close ids', async () => {
    const r = await capture((io) => rulesExplain('tone-condescention', { cwd: ROOT }, io));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'pitchlint: no rule "tone-condescention" (did you mean "tone-condescension"?); run `pitchlint rules list` to see the rules\n',
    );
  });
});
