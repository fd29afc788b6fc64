// Expired facts are a warning of their own, not a finding: they belong to the configuration, not
// to any sentence of a draft. Each expired fact is reported once per run (on standard error by
// the CLI), and rewrites treat it as missing, so no stale figure reaches a customer.
import type { Fact } from './types.js';

const seen = new Set<string>();
let pending: string[] = [];

export function expiredMessage(f: Fact): string {
  const where = f.origin ? ` in ${f.origin}` : '';
  return `fact "${f.key}"${where} expired on ${f.expires}; rewrites treat it as missing until it is updated`;
}

export function noteExpired(expired: readonly Fact[], _today: string): void {
  for (const f of expired) {
    const id = `${f.origin ?? ''}\0${f.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(expiredMessage(f));
  }
}

/** The warnings collected since the last call (the CLI prints them on standard error). */
export function takeFactWarnings(): string[] {
  const out = pending;
  pending = [];
  return out;
}

/** Forget what was reported (tests, long-running API users starting a new run). */
export function resetFactWarnings(): void {
  seen.clear();
  pending = [];
}
