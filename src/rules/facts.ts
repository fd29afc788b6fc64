// `{facts.…}` references in rule messages, suggestions and rewrites, and the facts they may name:
// the standard keys below (documented in docs/writing-rules.md, "Standard fact keys") plus the keys of the
// configuration's `facts:` (or its `factsFile`). A reference to any other key is a typo or a
// fact nobody recorded, and `pitchlint rules validate` reports it.

/** Standard fact keys: what sales ops typically measure, and what rules may rely on. */
export const STANDARD_FACTS: Readonly<Record<string, string>> = {
  'delivery.typical': 'typical delivery time, e.g. "2 business days"',
  'delivery.range': 'usual range of delivery times, e.g. "1-4 business days"',
  'delivery.on_time_rate': 'share of orders delivered on the promised date, e.g. "97%"',
  'delivery.overnight_share': 'share of orders delivered overnight, e.g. "1%"',
  'install.typical': 'typical installation or implementation time, e.g. "3 weeks"',
  'onboarding.typical': 'typical onboarding or training time, e.g. "2 weeks"',
  'support.first_response': 'typical first response time of support, e.g. "4 business hours"',
  'support.hours': 'support hours, e.g. "8am-6pm CET, Monday to Friday"',
  'support.resolution': 'typical time to resolve a ticket, e.g. "2 business days"',
  'uptime.sla': 'the contractual uptime commitment, e.g. "99.9% monthly"',
  'uptime.measured': 'measured uptime over a stated period, e.g. "99.95% over the last 12 months"',
  'release.policy': 'how release dates are communicated, e.g. "dates are confirmed at general availability"',
  'savings.typical': 'typical customer savings with their source, e.g. "12% on freight (2024 customer survey)"',
  'results.typical': 'typical customer result with its source',
  'price.valid_until': 'until when the quoted price holds, e.g. "June 30"',
  'price.term': 'how long a price is fixed, e.g. "the 12-month term"',
  'discount.max': 'the largest discount a rep may offer, e.g. "15%"',
  'company.source': 'where a ranking or award comes from, e.g. "Gartner 2025 report"',
  'returns.historical': 'finance: historical returns with period and source, e.g. "5.1% a year over 2015-2024"',
  'returns.disclaimer': 'finance: the risk warning that must accompany any figure about returns',
  'principal.terms': 'finance: the terms of a principal or capital protection, e.g. "repaid at maturity on 1 March 2030, subject to the issuer\'s credit risk"',
};

const FACT_REF = /\{facts\.([A-Za-z0-9_][A-Za-z0-9_.-]*?)\.?(?:[|:}][^}]*)?\}/g;

/** `{facts.x.y}` references in a string, with their offsets. */
export function factRefs(text: string): Array<{ key: string; offset: number }> {
  const out: Array<{ key: string; offset: number }> = [];
  FACT_REF.lastIndex = 0;
  for (let m = FACT_REF.exec(text); m; m = FACT_REF.exec(text)) out.push({ key: m[1]!, offset: m.index });
  return out;
}

const isLeaf = (v: unknown): boolean =>
  v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date || 'value' in (v as object);

/** Keys of a facts mapping, flattened: nested maps and dotted keys are the same thing. */
export function factKeys(facts: unknown, prefix = ''): string[] {
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(facts as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isLeaf(v)) out.push(key);
    else out.push(...factKeys(v, key));
  }
  return out;
}

/** Every string inside a value (a rewrite block), with its path. */
export function stringsIn(value: unknown, path: Array<string | number> = []): Array<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, [...path, k]));
  return [];
}
