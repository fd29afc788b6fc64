// XML escaping for the junit and checkstyle reporters. Written out because the usual helpers
// escape the five markup characters but pass through what XML 1.0 cannot hold at all.

// Not allowed in XML 1.0 even as &#...; : C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and
// unpaired surrogates. A document or file name can contain them, so they become U+FFFD.
const INVALID =
  // eslint-disable-next-line no-control-regex -- these characters are what is being replaced
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers normalise raw tabs/newlines in attributes to spaces and CR to LF; references survive.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escape for element content (line breaks kept as they are, CR kept as a reference). */
export function xmlText(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/[&<>\r]/g, (c) => ENTITY[c] ?? c);
}

/** Escape for a double- or single-quoted attribute value. */
export function xmlAttr(s: string): string {
  return s.replace(INVALID, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ENTITY[c] ?? c);
}

/** `name="value"` pairs; undefined values are left out. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}
