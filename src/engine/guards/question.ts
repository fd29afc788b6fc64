// `question`: a question asks, it does not promise ("What time works best for you?").
import type { Guard } from '../rule.js';

export const question: Guard = {
  name: 'question',
  needsTags: false,
  applies(s) {
    return /\?\s*["”')\]]*$/.test(s.text);
  },
};
