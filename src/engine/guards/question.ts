// `question`: a question asks, it does not promise ("What time works best for you?"). A sales
// teaser dressed as a question still promises ("Ready to halve your payroll admin?",
// "Want to double your bookings?"), so those openings do not count as questions.
import type { Guard } from '../rule.js';

const TEASER =
  /^\W*(?:ready to|want to|wanna|imagine|what if you could|how would you like to|would you like to|why pay|why wait|why settle)\b/i;

export const question: Guard = {
  name: 'question',
  docs: 'the sentence is a question: it asks, it does not promise',
  needsTags: false,
  applies(s) {
    return /\?\s*["”')\]]*$/.test(s.text) && !TEASER.test(s.text);
  },
};
