// Turns the `facts:` mapping of a config (or a facts file) into a flat map of dotted keys.
// `delivery.typical: x`, `delivery: { typical: x }` and any mix of both name the same fact; a
// plain value is shorthand for `{ value: ... }`; `{ value, source, expires }` is a fact, any
// other mapping is a group of facts.
import type { Fact, FactsSheet } from './types.js';

const FACT_KEYS = new Set(['value', 'source', 'expires', 'note']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface FactProblem {
  /** Dotted key path of the problem (for positions in the YAML file). */
  path: string[];
  message: string;
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

/** YYYY-MM-DD of an `expires` value, or undefined when it is not a valid date. */
export function parseExpiry(v: unknown): string | undefined {
  const text = scalarText(v);
  if (text === undefined) return undefined;
  const iso = text.length > 10 && !Number.isNaN(Date.parse(text)) ? new Date(text).toISOString().slice(0, 10) : text;
  const m = DATE.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? iso : undefined;
}

/** Flatten a facts mapping; problems are collected, never thrown. */
export function flattenFacts(raw: unknown, origin: string | undefined, problems: FactProblem[]): Map<string, Fact> {
  const out = new Map<string, Fact>();
  if (raw === null || raw === undefined) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path: [], message: 'facts must be a mapping of names to values' });
    return out;
  }
  const add = (path: string[], fact: Fact): void => {
    if (out.has(fact.key)) problems.push({ path, message: `fact "${fact.key}" is defined twice` });
    out.set(fact.key, fact);
  };
  const walk = (obj: Record<string, unknown>, prefix: string[], yamlPath: string[]): void => {
    for (const [k, v] of Object.entries(obj)) {
      const parts = [...prefix, ...k.split('.').map((p) => p.trim())];
      const path = [...yamlPath, k];
      if (parts.some((p) => p === '')) {
        problems.push({ path, message: `"${k}" is not a valid fact name` });
        continue;
      }
      const key = parts.join('.');
      if (v === null || v === undefined) continue; // a template entry left empty
      if (Array.isArray(v)) {
        problems.push({ path, message: `fact "${key}" must be a value or { value, source, expires }, not a list` });
        continue;
      }
      const text = scalarText(v);
      if (text !== undefined) {
        if (text !== '') add(path, { key, value: text, ...(origin ? { origin } : {}) });
        continue;
      }
      const o = v as Record<string, unknown>;
      if (!('value' in o)) {
        walk(o, parts, path);
        continue;
      }
      const unknown = Object.keys(o).filter((x) => !FACT_KEYS.has(x));
      if (unknown.length) {
        problems.push({ path, message: `fact "${key}": unknown key "${unknown[0]}" (a fact has value, source, expires and note)` });
        continue;
      }
      const value = o.value === null || o.value === undefined ? '' : scalarText(o.value);
      if (value === undefined) {
        problems.push({ path: [...path, 'value'], message: `fact "${key}": value must be text or a number` });
        continue;
      }
      const fact: Fact = { key, value, ...(origin ? { origin } : {}) };
      if (o.source !== undefined && o.source !== null) {
        const s = scalarText(o.source);
        if (s === undefined) problems.push({ path: [...path, 'source'], message: `fact "${key}": source must be text` });
        else if (s) fact.source = s;
      }
      if (o.expires !== undefined && o.expires !== null) {
        const e = parseExpiry(o.expires);
        if (!e) problems.push({ path: [...path, 'expires'], message: `fact "${key}": expires must be a date like 2027-03-31` });
        else fact.expires = e;
      }
      if (value !== '') add(path, fact);
    }
  };
  walk(raw as Record<string, unknown>, [], []);
  return out;
}

/** Today's date as YYYY-MM-DD in local time (a fact is valid through its expiry day). */
export function isoDay(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Split facts into usable and expired as of `today` (YYYY-MM-DD). */
export function makeSheet(all: Iterable<Fact>, today: string): FactsSheet {
  const facts = new Map<string, Fact>();
  const expired: Fact[] = [];
  for (const f of all) {
    if (f.expires && f.expires < today) expired.push(f);
    else facts.set(f.key, f);
  }
  return { facts, expired };
}
