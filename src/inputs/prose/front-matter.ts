// Front matter: YAML (---) or TOML (+++) fences on the very first line, closed by the same fence
// on a line of its own; the fences may be followed by spaces or tabs. No closing fence: no front
// matter (the "---" is then a thematic break, as in micromark's frontmatter extension). Static
// site generators put it at the top of Markdown, HTML and plain-text pages alike; it is metadata
// (titles, slugs, descriptions for search engines), never prose to lint, in every format.

/** How many lines the front matter at the top of `text` takes (0 when there is none). */
export function frontMatterLines(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  const close = open[1] === '---' ? /^---[ \t]*$/ : /^\+\+\+[ \t]*$/;
  let pos = open[0].length;
  for (let line = 1; ; line++) {
    let end = pos;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (close.test(text.slice(pos, end))) return line + 1;
    if (end >= text.length) return 0;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** Offset just after the front matter's closing fence line (0 when there is none). */
export function frontMatterEnd(text: string): number {
  const lines = frontMatterLines(text);
  let pos = 0;
  for (let k = 0; k < lines && pos <= text.length; k++) {
    while (pos < text.length && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
    pos += text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
  }
  return Math.min(pos, text.length);
}

/** `text` with its front matter blanked (every character but line breaks made a space): offsets unchanged. */
export function blankFrontMatter(text: string): string {
  const end = frontMatterEnd(text);
  return end === 0 ? text : text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
