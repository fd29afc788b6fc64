// Fill a rule's message or suggestion with the match's captures: {match}, {verb}, {deadline}...

export function fillTemplate(template: string, captures: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(captures, name) ? captures[name]! : whole))
    .replace(/\s{2,}/g, ' ')
    .trim();
}
