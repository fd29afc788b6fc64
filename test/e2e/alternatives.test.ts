// End to end (the built CLI): the soft and strict alternatives of a rewrite in the JSON report
// (`--format json --rewrites`) and from `pitchlint rewrite --alternatives`, merge fields kept.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempTree } from '../helpers/cli.js';

const CONFIG = 'root: true\nextends: recommended\n';
const DRAFT = [
  'Hi {{first_name}},',
  '',
  'We offer overnight shipping to all fifty states.',
  "We'll have the new switches racked by Thursday.",
  'Your subscription price will never go up.',
  '',
].join('\n');

describe('alternatives, end to end', () => {
  const dir = tempTree({ '.pitchlintrc.yaml': CONFIG, 'draft.txt': DRAFT });

  it('the JSON report carries them beside the rewrite, one set per sentence', () => {
    const r = cli(['--format', 'json', '--rewrites', 'draft.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    const messages = JSON.parse(r.stdout)[0].messages as Array<{
      line: number;
      rewrite?: string;
      alternatives?: Array<{ label: string; text: string }>;
    }>;
    const at = (line: number) => messages.filter((m) => m.line === line);
    const shipping = at(3);
    expect(shipping.length).toBeGreaterThan(0);
    for (const m of shipping) {
      expect(m.rewrite).toBe('We offer shipping typically within [typical delivery time] to all fifty states.');
      expect(m.alternatives).toEqual([
        { label: 'soft', text: 'We offer fast shipping to all fifty states.' },
        { label: 'strict', text: 'We offer shipping in [usual range of delivery times] to all fifty states.' },
      ]);
    }
    expect(at(4)[0]!.alternatives).toEqual([
      { label: 'soft', text: 'We should have the new switches racked by Thursday.' },
    ]);
    // No alternative that can be made well: the key is left out.
    expect(at(5)[0]!.rewrite).toBeDefined();
    expect(at(5)[0]).not.toHaveProperty('alternatives');
    // Without --rewrites, machine formats compute no rewrites, so no alternatives either.
    const plain = JSON.parse(cli(['--format', 'json', 'draft.txt'], { cwd: dir }).stdout)[0].messages;
    for (const m of plain) expect(m).not.toHaveProperty('alternatives');
  });

  it('pitchlint rewrite --alternatives names them on standard error, with the merge fields put back', () => {
    const plain = cli(['rewrite', 'draft.txt'], { cwd: dir });
    const r = cli(['rewrite', '--alternatives', 'draft.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    // The draft printed is the same; only standard error gains the alternatives.
    expect(r.stdout).toBe(plain.stdout);
    expect(plain.stderr).not.toMatch(/soft:|strict:/);
    const lines = r.stderr.split('\n').filter((l) => /: (soft|strict): /.test(l));
    expect(lines).toEqual([
      'pitchlint: draft.txt:3:10: soft: We offer fast shipping to all fifty states.',
      'pitchlint: draft.txt:3:10: strict: We offer shipping in [usual range of delivery times] to all fifty states.',
      'pitchlint: draft.txt:4:3: soft: We should have the new switches racked by Thursday.',
    ]);
    const withField = tempTree({
      '.pitchlintrc.yaml': CONFIG,
      'mail.md': 'Hi {{first_name}}, your new router will be live by Friday.\n',
    });
    const m = cli(['rewrite', '--alternatives', join(withField, 'mail.md')], { cwd: withField });
    expect(m.stdout).toBe('Hi {{first_name}}, your new router is expected to be live by Friday.\n');
    expect(m.stderr).toContain('soft: Hi {{first_name}}, your new router should be live by Friday.');
  });
});
