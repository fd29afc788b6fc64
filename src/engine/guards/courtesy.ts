// `courtesy`: the trigger word in a harmless, conventional sense ("Always happy to help",
// "Best regards", "What time works best for you?").
import type { Guard } from '../rule.js';

export const courtesy: Guard = {
  name: 'courtesy',
  docs: 'a conventional courtesy ("Best regards", "always happy to help")',
  needsTags: false,
  applies(s, match) {
    for (const c of s.lexicon.courtesy.findAll(s.tokens)) {
      if (c.start < match.tokenEnd && c.end > match.tokenStart) return true;
    }
    return false;
  },
};
