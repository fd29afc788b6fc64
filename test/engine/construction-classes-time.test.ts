// The time-based construction classes of issue 16, through the recommended pack: each class with
// sentences written for this test that must be flagged, and their not-flagged twins (hedged,
// negated, past, the customer's own step, talk, questions). Sentences are written here, never
// taken from the shared evaluation sets.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/engine/ruleset.js';
import { Sentence } from '../../src/engine/sentence.js';
import { analyzeClaims, durationAt, findDuration, findEmphatic } from '../../src/engine/claim.js';
import { tokenize } from '../../src/text/tokens.js';
import { flagged, lexicon, lint, packRuleSet, spanText } from './helpers.js';

let recommended: RuleSet;
beforeAll(async () => {
  recommended = (await packRuleSet('rules/recommended')).ruleset;
});
const rulesOf = async (text: string): Promise<string[]> =>
  flagged(await lint(text, recommended)).map((f) => f.split(':')[0]!);
const flags = async (text: string): Promise<boolean> => (await rulesOf(text)).length > 0;

describe('class 1: future stated in the present tense with a time', () => {
  it('flags a scheduled present with a date', async () => {
    expect(await flags('The replacement compressor ships Thursday and is running by the weekend.')).toBe(true);
    expect(await flags('Your crew of three arrives on the 14th and the kitchen is finished by the 20th.')).toBe(true);
  });
  it('does not flag a habit, a past fact or a meeting date', async () => {
    expect(await flags('We ship every Thursday from the Leeds depot.')).toBe(false);
    expect(await flags('The compressor shipped Thursday and was running by the weekend.')).toBe(false);
    expect(await flags('The kickoff meeting is on Friday.')).toBe(false);
  });
});

describe('class 2: imperatives and fragments', () => {
  it('flags a participle or a place with a duration', async () => {
    expect(await rulesOf('Boiler valves refitted within 4 working days of your call.')).toContain('speed-fragment');
    expect(await flags('Qualified electricians on site within 3 hours.')).toBe(true);
    expect(await rulesOf('Qualified electricians at your property within 3 working days.')).toContain('speed-fragment');
    expect(await flags('Free damp survey in 48 hours.')).toBe(true);
  });
  it('flags a date fragment with a bracketed certainty marker', async () => {
    const found = flagged(await lint('Practical completion: 9 October (firm).', recommended));
    expect(found).toContain('commitment-emphatic: 9 October (firm)');
  });
  it('does not flag the customer’s step, a past report, an estimate or a described session', async () => {
    expect(await flags('Claims submitted within 14 days are paid in full.')).toBe(false);
    expect(await flags('Our crews were on site within 3 hours of the flood last winter.')).toBe(false);
    expect(await flags('Estimated turnaround: parts dispatched within 4 hours.')).toBe(false);
    expect(await rulesOf('Onboarding is delivered in three 45-minute sessions.')).not.toContain('speed-fragment');
    expect(await flags("I'll send over the updated estimate this evening.")).toBe(false);
  });
});

describe('class 3: vague or relative future for unreleased things', () => {
  it('flags release states and headline releases', async () => {
    expect(await rulesOf('The new route planner is just around the corner.')).toContain('roadmap-promise');
    expect(await rulesOf('Bulk export for the reporting module coming soon')).toContain('roadmap-promise');
    expect(await rulesOf("We'll soon add a payroll connector to your account.")).toContain('roadmap-promise');
    expect(await flags('Our tablet app is in the works and will sync with your rota.')).toBe(true);
  });
  it('does not flag hedged or past releases, or a place around the corner', async () => {
    expect(await flags('The route planner is on our roadmap, but we have no date yet.')).toBe(false);
    expect(await flags('Our Leeds showroom is just around the corner from the station.')).toBe(false);
    expect(await flags('The route planner launched last spring.')).toBe(false);
  });
});

describe('class 4: certainty markers without a trigger word', () => {
  it('flags an emphatic marker with a time', async () => {
    expect(await flags('heating back on by 6 tonight, locked in')).toBe(true);
    expect(await flags('yep 100% the fitter is at yours by 9 tmrw')).toBe(true);
    expect(await rulesOf('yep 100% the blinds are up by 9 tmrw')).toContain('commitment-emphatic');
    expect(await flags('Your blinds go up on Saturday, you can count on it.')).toBe(true);
  });
  it('flags an emphatic marker with a modal result', async () => {
    expect(await flags('Your planning application will be approved this time, I can assure you.')).toBe(true);
  });
  it('does not flag denial, agreement, a material or a question', async () => {
    expect(await flags("I'm not 100% sure the fitter can make Saturday.")).toBe(false);
    expect(await flags('100% agree, shall we talk on Monday?')).toBe(false);
    expect(await flags('The throw is 100% wool and ships in a gift box.')).toBe(false);
    expect(await flags('Is the install on Saturday locked in?')).toBe(false);
  });
});

describe('class 9: will + result with no deadline', () => {
  it('flags a result that ends a problem outright', async () => {
    expect(await rulesOf('Our descaling service will eliminate the limescale in your pipes.')).toContain(
      'commitment-will-result',
    );
    expect(await flags('This retrofit will end your production stoppages for good.')).toBe(true);
    expect(await flags('Our valeting will make your car look brand new.')).toBe(true);
  });
  it('does not flag a hedged, negated or procedural one', async () => {
    expect(await flags('In most homes our descaling service will eliminate the limescale.')).toBe(false);
    expect(await flags("We can't promise the retrofit will end every stoppage.")).toBe(false);
    expect(await flags('Our plumber will stop the water supply before the work starts.')).toBe(false);
  });
});

describe('class 10: speed after "can" or in a response time', () => {
  it('flags a turnaround offered with can', async () => {
    expect(await rulesOf('We can have an electrician at your shop in 45 minutes.')).toContain('speed-can-turnaround');
    expect(await flags('can get the printer swapped out this afternoon')).toBe(true);
  });
  it('flags a short response time promised with will', async () => {
    expect(await rulesOf('Send us the details and our team will call you back within 20 minutes.')).toContain(
      'speed-callback',
    );
  });
  it('does not flag the reader’s options, talk, hedges, questions or a next-day reply', async () => {
    expect(await flags('You can return the unit within 30 days for a refund.')).toBe(false);
    expect(await flags('We can talk through the options tomorrow.')).toBe(false);
    expect(await flags('We can usually have an electrician with you within 2 hours.')).toBe(false);
    expect(await flags('Can you have the unit unplugged by this afternoon?')).toBe(false);
    expect(await rulesOf('Our team will get back to you within one business day.')).not.toContain('speed-callback');
    expect(await flags("I'll call you at 10 tomorrow to go through the quote.")).toBe(false);
  });
});

describe('the claim model (engine/claim.ts)', () => {
  it('finds durations, not parts of the day or described things', () => {
    const span = (text: string): string | undefined => {
      const t = tokenize(text);
      const d = findDuration(t, 0);
      return spanText(t, d);
    };
    expect(span('a tech there in 90 minutes')).toBe('in 90 minutes');
    expect(span('replaced within the hour')).toBe('within the hour');
    expect(span('moved over a single weekend')).toBe('over a single weekend');
    expect(span('finished in five working days')).toBe('in five working days');
    expect(span('we meet in the morning')).toBeUndefined();
    expect(span('delivered in two 90-minute sessions')).toBeUndefined();
    expect(durationAt(tokenize('asap'), 0)).toBeUndefined();
  });
  it('finds emphatic markers, denied ones apart', async () => {
    const lex = await lexicon();
    const markers = (text: string): string[] => {
      const t = tokenize(text);
      return findEmphatic(t, lex).map(([a, b]) => text.slice(t[a]!.start, t[b - 1]!.end));
    };
    expect(markers('done by Friday for sure')).toEqual(['for sure']);
    expect(markers('Handover: 3 May (locked)')).toEqual(['(locked)']);
    expect(markers('not 100% sure about Friday')).toEqual([]);
  });
  it('analyses each clause once: who, markers and times', async () => {
    const s = new Sentence("The fitters arrive Monday, but I'll be on site by 9 tomorrow for sure", await lexicon());
    const clauses = analyzeClaims(s);
    expect(analyzeClaims(s)).toBe(clauses);
    expect(clauses.map((c) => c.who)).toEqual(['other', 'writer']);
    expect(clauses[1]!.emphatic.length).toBe(1);
    expect(clauses[0]!.times.map((x) => x.kind)).toEqual(['deadline']);
    expect(clauses[1]!.times.length).toBeGreaterThan(0);
  });
});

describe('real-text classes (issue 16, s5-commit)', () => {
  it('headline guarantee: a trigger closing a Title Case headline is the claim, not a name', async () => {
    expect(await rulesOf('More Five-Star Reviews Guaranteed!')).toContain('guarantee-unbacked');
    expect(await rulesOf('300% Comfort Guaranteed')).toContain('guarantee-unbacked');
    expect(await rulesOf('Your kitchen fitted by Friday...GUARANTEED!')).toContain('guarantee-unbacked');
    // names put the word first, and terms still clear it
    expect(await rulesOf('We refinanced through Guaranteed Rate Mortgage last year.')).not.toContain(
      'guarantee-unbacked',
    );
    expect(await flags('Every boiler service is covered by our 2-year workmanship guarantee.')).toBe(false);
  });

  it('response time by any one of the business’s people', async () => {
    expect(await rulesOf('Our dispatcher will text you back within 15 minutes.')).toContain('speed-callback');
    expect(await rulesOf('A specialist will ring you back within half an hour.')).toContain('speed-callback');
    expect(await rulesOf('Our dispatcher will usually text you back within 15 minutes.')).not.toContain(
      'speed-callback',
    );
    expect(await rulesOf('Our office will get back to you within two business days.')).not.toContain('speed-callback');
  });

  it('sending someone out after the customer’s own step', async () => {
    expect(await rulesOf("Send us your order number and we'll get a courier out today.")).toContain(
      'commitment-deadline',
    );
    expect(await rulesOf("Book online and we'll have a plumber there tomorrow morning.")).toContain(
      'commitment-deadline',
    );
    expect(await flags("If the crews are free, we'll get a courier out today.")).toBe(false);
    expect(await flags("We'll get a courier out today if the depot has a van free.")).toBe(false);
  });

  it('putting a failure right: the failure is the event covered, not a condition', async () => {
    expect(await rulesOf("If your site goes down, we'll bring it back online at no cost to you.")).toContain(
      'commitment-will-result',
    );
    expect(await flags("Should the till crash, we'll get it working again the same afternoon.")).toBe(true);
    expect(await flags("If your site goes down, we'll usually bring it back online within the hour.")).toBe(false);
    expect(await flags('If the parts arrive in time, we will bring it back online.')).toBe(false);
  });

  it('a gain promised outright, with no number', async () => {
    expect(await rulesOf('We will keep your hedges healthy and raise your curb appeal.')).toContain(
      'commitment-promised-gain',
    );
    expect(await rulesOf('The new menu board will boost your lunchtime trade.')).toContain('commitment-promised-gain');
    expect(await flags('We aim to keep your hedges healthy with two visits a year.')).toBe(false);
    expect(await flags('The new menu board could boost your lunchtime trade.')).toBe(false);
    expect(await flags('You said the menu board will need to boost lunchtime trade.')).toBe(false);
  });

  it('roadmap: what the reader will be able to do soon, and "expect ... soon"', async () => {
    expect(await rulesOf("Soon you'll be able to sign off timesheets from your phone.")).toContain('roadmap-promise');
    expect(await rulesOf('Expect more dashboard widgets soon!')).toContain('roadmap-promise');
    expect(await flags("You'll be able to sign off timesheets from your phone.")).toBe(false);
    expect(await flags("We don't know yet when you'll be able to sign off timesheets from your phone.")).toBe(false);
  });

  it('procedure and routine, not promises', async () => {
    // a passive of the business's own procedure with a date is a policy
    expect(await flags('Claims received after 5pm will be processed the next working day.')).toBe(false);
    expect(await flags('Applications sent on a Friday will be processed on Monday.')).toBe(false);
    // a frequency before the date makes it a routine
    expect(await flags('Royalty statements are posted monthly by the 20th.')).toBe(false);
    // an offer that exists is not a promise of it
    expect(await flags('Same-day glass repairs available.')).toBe(false);
    // ... while the delivery itself stays a commitment
    expect(await flags('Your new windows will be installed by the 20th.')).toBe(true);
    expect(await flags('Same-day glass repairs across the county.')).toBe(true);
  });

  it('a gain stated in the present tense as what the product does', async () => {
    expect(await rulesOf('Our managed print service raises your office output.')).toContain('commitment-present-gain');
    expect(await rulesOf('Our courier network ensures your parcels arrive intact.')).toContain(
      'commitment-present-gain',
    );
    expect(await flags('We partner with local couriers to ensure your parcels arrive intact.')).toBe(false);
    expect(await flags('A loyalty card can grow your repeat visits if staff mention it.')).toBe(false);
    expect(await flags('Skipping the annual service increases your risk of a breakdown.')).toBe(false);
  });

  it('a series of verbs under one modal keeps its date', async () => {
    expect(await rulesOf("Order by noon and we'll pick, pack and ship it on Thursday.")).toContain(
      'commitment-deadline',
    );
    expect(await flags('We will sand, stain, and seal your deck by Saturday.')).toBe(true);
    expect(await flags('We will sand, stain, and seal your deck, usually within a week.')).toBe(false);
  });

  it('response words without "you" and "without delay"', async () => {
    expect(await rulesOf('Missed us? Our receptionist will text back within 10 minutes.')).toContain('speed-callback');
    expect(await rulesOf('Our locksmith will attend without delay.')).toContain('speed-certain');
    expect(await flags('We will contact the courier immediately to open a damage claim.')).toBe(false);
  });

  it('an unreleased feature promised to launch, with no date', async () => {
    expect(await rulesOf('The shift-swap feature will be launched for Team plans.')).toContain('roadmap-unreleased');
    expect(await rulesOf('Version 4 will be released with the payroll export.')).toContain('roadmap-unreleased');
    expect(await flags('The shift-swap feature was launched for Team plans in March.')).toBe(false);
    expect(await flags('Your parcel will be released to the courier once payment clears.')).toBe(false);
  });

  it('a lifetime, a payback or a lower bill stated as certain', async () => {
    expect(await rulesOf('Your new slate roof will last 60 years.')).toContain('commitment-result');
    expect(await rulesOf('The heat pump pays for itself on fuel savings alone.')).toContain('commitment-present-gain');
    expect(await rulesOf("You'll lower your heating bills and your carbon footprint.")).toContain(
      'commitment-promised-gain',
    );
    expect(await flags('A slate roof can last 60 years with good maintenance.')).toBe(false);
    expect(await flags('The training session will last 2 hours.')).toBe(false);
    expect(await flags('Here is how you can lower your heating bills this winter.')).toBe(false);
  });

  it('a reply within a day is an office standard, not a speed promise', async () => {
    expect(await flags('Fill in the form and our team will get back to you within 24 hours.')).toBe(false);
    expect(await flags('We reply within one business day.')).toBe(false);
    expect(await flags('Our team will get back to you within 30 minutes.')).toBe(true);
  });

  it('a change of state with a time: "from X to Y in 2 hours"', async () => {
    expect(await rulesOf('From overgrown to tidy in one afternoon.')).toContain('speed-fragment');
    expect(await rulesOf('Go from paper rotas to a live scheduling app in 4 days.')).toContain('speed-fragment');
    expect(await flags('We took the garden from overgrown to tidy in one afternoon last May.')).toBe(false);
    expect(await flags('Prices range from 20 to 40 pounds per visit.')).toBe(false);
  });

  it('"when you need it" is the occasion of an offer, not the customer’s words reported', async () => {
    expect(await rulesOf('Fresh towels whenever you want them, guaranteed.')).toContain('guarantee-unbacked');
    expect(await flags('You mentioned you need the towels guaranteed by Friday.')).toBe(false);
  });

  it('a period the customer owns is a thing, not a deadline; a lifetime range is a quantity', async () => {
    expect(await flags('Refer a neighbour and you will get your next month free.')).toBe(false);
    expect(await rulesOf('Our clay tiles will last 60-80+ years.')).toContain('commitment-result');
  });
});

describe('words that look like a deadline and are not', () => {
  it('"AM" and "PM" make a time only after a clock figure', async () => {
    expect(await rulesOf('We will have the scaffold up by 7 AM on Monday.')).toContain('commitment-deadline');
    expect(await flags('The policy is written by Harlow Mutual, rated A by AM Ratings.')).toBe(false);
  });
  it('a period looked back on is a record, not a deadline', async () => {
    expect(await flags('Your depot averaged 98.2% on-time loading over the past six months.')).toBe(false);
    expect(await flags('Within the last year, the plant ran without a single unplanned stop.')).toBe(false);
    expect(await rulesOf('We will have the new line commissioned over the next two weeks.')).toContain(
      'commitment-deadline',
    );
  });
  it('"before we ..." orders our own steps; "before you ..." is the customer’s date', async () => {
    expect(await flags('We sand every board before we lay the next row.')).toBe(false);
    expect(await rulesOf('The crew will finish the floor before you reopen on Monday.')).toContain(
      'commitment-deadline',
    );
  });
  it('"before it goes" to a step of the work is not urgency; "before they sell out" is', async () => {
    expect(await flags('Each banner gets a colour proof before it goes to the printer.')).toBe(false);
    expect(await rulesOf('Order your banners now, before they sell out.')).toContain('pressure-urgency');
  });
});

describe('a duration that is a length, not a turnaround', () => {
  it('lets "a 45-minute workshop" go and keeps "2-hour delivery"', async () => {
    expect(await flags('Each site gets two 45-minute workshops for the night shift.')).toBe(false);
    expect(await flags('Start with a free 20-minute demo of the planning board.')).toBe(false);
    expect(await rulesOf('Every order gets 3-hour delivery anywhere in the city.')).toContain('speed-certain');
    expect(await rulesOf('Our 48-hour turnaround means the panels ship Friday.')).toContain('speed-certain');
  });
});
