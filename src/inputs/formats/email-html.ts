// Elements of an HTML email body that hold quoted replies or signatures, as mail clients mark
// them. Returning 'rest' stops extraction: Outlook puts the quoted message after its header div.
import type { SkipVerdict } from './html.js';

const QUOTE_CLASS = /\b(?:gmail_quote|gmail_signature|gmail_attr|yahoo_quoted|moz-cite-prefix|moz-signature|protonmail_quote|protonmail_signature_block|AppleOriginalContents|x_gmail_quote|ms-outlook-mobile-signature|signature)\b/i;
const REST_ID = /^(?:divRplyFwdMsg|appendonsend|x_divRplyFwdMsg|mail-editor-reference-message-container|OLK_SRC_BODY_SECTION)$/i;

export function emailHtmlSkip(name: string, attribs: Record<string, string>): SkipVerdict {
  if (attribs.id && REST_ID.test(attribs.id)) return 'rest';
  if (name === 'blockquote' && (attribs.type === 'cite' || 'data-quote' in attribs)) return 'element';
  if (attribs.class && QUOTE_CLASS.test(attribs.class)) return 'element';
  if (attribs.id && /^(?:signature|Signature|x_Signature)$/.test(attribs.id)) return 'element';
  return undefined;
}
