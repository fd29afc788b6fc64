// `conditional`: the claim states its condition ("Subject to stock, we can ship Friday",
// "Assuming the crane is free that day, ..."; "If the site is ready, ...").
import type { Guard } from '../rule.js';

const CONDITIONS = /\b(if|unless|assuming|provided|providing|as long as|so long as|once|subject to|pending|in case|contingent|depending on|dependent on|barring|given that|whenever)\b/i;

export const conditional: Guard = {
  name: 'conditional',
  needsTags: false,
  applies(s) {
    return CONDITIONS.test(s.text);
  },
};
