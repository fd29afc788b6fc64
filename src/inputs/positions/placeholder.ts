// What stands in for text that is in the sentence but is not prose: inline code, URLs, template
// placeholders. It must not match any rule and must not end the sentence. "…" (U+2026) reads as
// "something goes here": sentence splitters (compromise) keep "Run … to install it." as one
// sentence, and no rule pattern contains it. It is always pushed as a synthetic character.
export const PLACEHOLDER = '…';
