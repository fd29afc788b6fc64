// A deterministic set of realistic sales documents (proposals, emails, quotes in Markdown, plain
// text and HTML) for the concurrency, cache and shard tests, with nested configs and overrides.
import { ciConfig } from './ci-fixtures.js';

const CLIENTS = ['Northwind Logistics', 'Harbor Dental Group', 'Keller & Moreau LLP', 'Blue Fjord Foods', 'Tanaka Print Works', 'Silva Clinics'];
const NAMES = ['Dana', 'Priya', 'Jonas', 'Maya', 'Farid', 'Grace', 'Hiro', 'Ines'];
const PLAIN = [
  'Thank you for taking the time to walk us through your current setup last Tuesday.',
  'Our onboarding team will schedule a kickoff call once the order form is signed.',
  'The attached quote covers licences for forty seats and standard support hours.',
  'Training sessions run remotely and take about ninety minutes each.',
  'We reviewed the requirements document and added our questions in the margin.',
  'Pricing assumes an annual commitment billed quarterly in advance.',
  'Please let me know which of the proposed dates suits your finance team.',
  'Our support desk is staffed from 8 a.m. to 6 p.m. Central European Time.',
  'The migration plan lists each step, its owner and the expected duration.',
  'Your account manager will send the meeting notes by the end of the week.',
];
const RISKY = [
  'Results are guaranteed within the first month.',
  'Our crews always arrive on time.',
  'We will have the racks installed by Friday.',
  'This is the best platform on the market.',
  'The system never fails under load.',
  'Your data is migrated overnight with zero downtime.',
  'This price is locked in forever.',
  'Sign today, because this offer expires tomorrow.',
  'We guarantee a 40% reduction in support tickets.',
  'Deployment is instant and effortless.',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function paragraph(r: () => number, risky: number): string {
  const out: string[] = [];
  const n = 3 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) out.push(r() < risky ? RISKY[Math.floor(r() * RISKY.length)]! : PLAIN[Math.floor(r() * PLAIN.length)]!);
  return out.join(' ');
}

/** path -> content: `count` documents under proposals/, emails/, quotes/ and legal/, plus configs. */
export function corpus(count = 60, seed = 7): Record<string, string> {
  const r = rng(seed);
  const files: Record<string, string> = {
    '.pitchlintrc.yaml': ciConfig('rules:\n  ci-best: error\noverrides:\n  - files: ["legal/**"]\n    rules:\n      ci-always: "off"\n      ci-guarantee: warning\n'),
    'emails/.pitchlintrc.yaml': ciConfig('rules:\n  ci-urgency: error\n'),
  };
  for (let i = 0; i < count; i++) {
    const client = CLIENTS[i % CLIENTS.length]!;
    const name = NAMES[i % NAMES.length]!;
    const kind = i % 4;
    const risky = i % 5 === 0 ? 0 : 0.3;
    const id = String(i).padStart(3, '0');
    if (kind === 0) {
      files[`proposals/p${id}-${client.split(' ')[0]!.toLowerCase()}.md`] = [
        `# Proposal for ${client}`,
        '',
        paragraph(r, risky),
        '',
        '## Scope',
        '',
        `- ${paragraph(r, risky)}`,
        `- ${paragraph(r, risky)}`,
        '',
        i % 3 === 0 ? '<!-- pitchlint-disable-next-line ci-guarantee -- backed by the SLA in annex B -->\nResults are guaranteed within the first month.\n' : '',
        '| Item | Note |',
        '| --- | --- |',
        `| Setup | ${PLAIN[i % PLAIN.length]} |`,
        '',
      ].join('\n');
    } else if (kind === 1) {
      files[`emails/e${id}.txt`] = [
        `Hi ${name},`,
        '',
        paragraph(r, risky),
        '',
        i % 3 === 1 ? '# pitchlint-disable-next-line ci-always -- quoting the customer review\nOur crews always arrive on time.\n' : paragraph(r, risky),
        '',
        'Best regards,',
        'Sam',
        '',
      ].join('\n');
    } else if (kind === 2) {
      files[`quotes/q${id}.html`] = `<html><body><h1>Quote for ${client}</h1><p>${paragraph(r, risky)}</p><ul><li>${paragraph(r, risky)}</li></ul></body></html>\n`;
    } else {
      files[`legal/l${id}.md`] = `# Terms for ${client}\n\n${paragraph(r, 0.5)}\n\n${paragraph(r, risky)}\n`;
    }
  }
  return files;
}
