// English tone rules for the writer's temper and leverage shown instead of an answer: frustration
// vented at the client ("I'm fed up with these constant complaints"), thanks said through the teeth
// ("thanks for letting me know three weeks later", "thanks for the fifth email today"), time lost held
// against the client ("I've already wasted my whole weekend on your site"), money raised as pressure
// ("extra fixes cost money, so decide whether it's worth it to you"), the client told they need their
// hand held ("I don't have time to hold your hand through every update") and the fault placed on the
// client's side or on their people's hands ("whatever happened, it happened on your side", "your
// users are clicking the wrong button"). Each rule composes a class of words, so other wordings of
// the same move are caught, not one writer's sentences.
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';

/** The writer's state, said as the answer. */
const FED_UP =
  "(?:fed up|sick and tired|sick|tired|exhausted|worn out|weary|fed-up|done|annoyed|irritated|frustrated|losing (?:my )?patience|running out of patience|out of patience|at (?:my|the) wits'? end)";

/** The client's side or the client's people. */
const THEIR_PEOPLE =
  '(?:users|customers|clients|staff|employees|team|people|colleagues|visitors|shoppers|assistant|secretary|receptionist|admin|editors|members|workers|guys|folks)';

/** What a person does at a screen. */
const HANDS =
  '(?:click|type|enter|fill|use|press|select|pick|choose|tap|write|wrote|written|put|upload|set|configure|hit|input|key|spell|format|follow|read|paste|edit|save)';

export const RULES_EN_TEMPER: readonly ToneRule[] = [
  {
    id: 'defensive.venting',
    category: 'defensive',
    patterns: [
      // "I'm fed up with these constant complaints", "I'm tired of being blamed for everything"
      `(?:i'm|i am|i've been|i have been|i'm getting|i am getting|i get|we're|we are|honestly i'm|frankly i'm)(?: (?:so|really|quite|getting|just|pretty|completely|absolutely|frankly|honestly|a bit|a little|kind of|rather|very|utterly|totally|bloody))* (?:${FED_UP},? (?:and|&) )?${FED_UP} (?:with|of|by|about) (?:all|the|these|this|those|your|you|being|having|getting|constant|endless|so many|every|always)\\b`,
      // "my patience is wearing thin", "I've had enough of this", "enough is enough"
      "my patience (?:is|has) (?:wearing|worn|running|run|getting) (?:thin|out|short)|(?:i've|i have) had (?:it|enough)(?: with| of)?\\b|enough is enough|(?:i'm|i am) (?:at|reaching|near) (?:my|the) (?:limit|breaking point)",
    ],
    guards: ['negated', 'reported'],
    reason: 'Your frustration, told to the client, turns their report into a quarrel; it answers nothing they asked.',
    suggestion: 'Leave how you feel out of the reply; say what you found and the next step with a date.',
    alternative: 'I am checking [what] and will send you the result by [date].',
    fixScope: 'sentence',
    examples: {
      flag: [
        "Honestly I'm exhausted and fed up with these constant complaints.",
        "I'm getting really tired of being blamed for every little thing.",
        'My patience is wearing thin.',
        "I've had enough of this back and forth.",
      ],
      pass: [
        'I understand you are fed up with this error, and I am sorry.',
        "I'm not tired of your questions at all; keep them coming.",
        'The tired old plugin is what breaks the checkout; I am replacing it on Friday.',
      ],
    },
  },
  {
    id: 'dismissive.sarcastic-thanks',
    category: 'dismissive',
    patterns: [
      // thanks for a late or repeated report: "thanks for letting me know three weeks later", "thanks for the fifth email today"
      "(?:thanks|thank you|many thanks|cheers)(?: (?:so much|a lot|very much|again))? for (?:[\\p{L}'-]+,? ){0,6}?(?:(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|many|some) (?:weeks|days|months|hours|years) (?:later|late|after the fact|after (?:it|this|that|the (?:bug|issue|error|problem)) (?:started|began|happened|came back|appeared|first appeared))|(?:only |just )?now,? after (?:\\d+|two|three|four|five|several|a few) (?:weeks|days|months))",
      "(?:thanks|thank you|many thanks|cheers)(?: (?:so much|a lot|very much|again))? for (?:yet another|(?:the|your|another) (?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|hundredth|millionth|\\d+(?:rd|th)|daily|hourly)) (?:email|e-mail|message|call|reminder|text|ticket|complaint|chaser|ping|voicemail|update request)s?",
    ],
    guards: ['negated', 'reported'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Wow, thanks for letting me know three weeks later.', 'Thanks for finally letting me know, three weeks after it started.', 'Thanks for the fifth email today about the same thing.', 'Thank you for yet another reminder.'],
      pass: ['Thanks for letting me know so quickly.', 'Thanks for the second screenshot, it shows the error clearly.', 'Thanks for the update; three weeks later the orders are still fine.'],
    },
  },
  {
    id: 'defensive.time-lost',
    category: 'defensive',
    patterns: [
      // the writer's lost time held against the client: "I've already wasted my whole weekend on your site"
      "(?:i've|i have|i|we've|we have|we)(?: already| now| just)? (?:wasted|lost|burned|burnt|blown|blew|thrown away|threw away|sacrificed|given up|gave up) (?:(?:my|our|a|an|the|half a|half my|\\d+|two|three|four|five|six|ten|countless|so many) )?(?:whole |entire |full |precious |free |own )?(?:weekend|weekends|day|days|evening|evenings|night|nights|morning|mornings|afternoon|holiday|holidays|week|weeks|hours|time|sunday|saturday|life)\\b(?![^.!?]{0,40}\\b(?:because of|due to|by) (?:my|our) (?:own )?(?:mistake|error|bug|fault)\\b)",
      "(?:hours|days|weeks) of my (?:life|time|weekend)",
    ],
    guards: ['negated', 'reported'],
    reason: 'Holding up the time you lost makes the client feel guilty for asking; it answers nothing.',
    suggestion: 'Leave your effort out; say what you found and the next step with a date.',
    alternative: 'I am checking [what] and will send you the result by [date].',
    fixScope: 'sentence',
    examples: {
      flag: ["I've already wasted my whole weekend on your site.", 'I lost two days on this already.', "That's hours of my life I won't get back."],
      pass: ['I spent the morning on it and found the cause: a setting I changed in May.', "You haven't lost any orders; I checked them all."],
    },
  },
  {
    id: 'defensive.money-pressure',
    category: 'defensive',
    patterns: [
      // money as a lever, not a price: "fixes like this cost money, so decide whether it's worth it to you"
      "(?:this|that|it|these|those|fixes|changes|extra work|support|my time|work|everything|[\\p{L}-]+ like this) (?:costs?|is going to cost|will cost) (?:real |good |serious )?money\\b",
      "decide (?:whether|if) (?:it's|it is|this is|that's|that is|it'd be|it would be) (?:really )?worth (?:it|paying for|the money)|up to you (?:whether|if) (?:it's|it is) worth (?:it|paying)",
      "(?:(?:is|are|will be|'ll be|gets|get) (?:billed|charged|invoiced) at (?:my )?(?:full|premium|double|emergency|urgent|top|higher|highest|standard|normal|hourly) rates?|no more free (?:support|fixes|work|help)|free (?:support|fixes|help) (?:ends|is over|stops))\\b[^.!?]{0,20}?\\b(?:starting|from|as of|effective) (?:now|today|this moment|right now|this email)\\b",
      "(?:starting|from|as of|effective) (?:now|today|this moment|right now),? (?:every|any|all|each) (?:[\\p{L}-]+ ){0,3}?(?:is|are|will be|'ll be|gets|get) (?:billed|charged|invoiced|paid)",
      "(?:i|we) (?:don't|do not) work for free|(?:i'm|i am|this is|we are|we're) not a charity|nothing (?:in life )?is free|(?:i'm|i am) not (?:obliged|obligated|required) to (?:fix|do|support|help)",
    ],
    guards: ['negated', 'reported'],
    ...ADVICE_EN.scopeAsShield,
    fixScope: 'sentence',
    examples: {
      flag: [
        "Extra fixes like this cost money, so decide whether it's worth it to you.",
        'Any further support will be billed at my full rate, starting now.',
        "I don't work for free.",
      ],
      pass: ['The extra report costs about 300 euros; would you like me to go ahead?', "I'm sorry this cost you time this morning.", 'Weekend work is billed at the rate in our contract; I can also do it on Monday at no extra cost.', 'This fix will not cost you anything, since the mistake was mine.'],
    },
  },
  {
    id: 'condescending.hand-holding',
    category: 'condescending',
    patterns: [
      // the client treated as someone to be led: "I don't have time to hold your hand through every update"
      "hold (?:your|their|his|her|everyone's) hands?|babysit(?:ting)? (?:you|your|them)|spoon-?feed(?:ing)? (?:you|this|it|everything)|(?:walk|take) you through every (?:single )?(?:step|click|update|thing|little thing|screen)|explain every (?:single |little )*(?:thing|step|click|detail) to you|do your (?:job|homework|thinking) for you|(?:i'm|i am) not your (?:personal )?(?:it|tech|help ?desk|support|secretary|teacher|nanny|babysitter)(?: (?:department|person|guy|team|desk))?",
    ],
    guards: ['instruction'],
    reason: 'It treats the client as someone who needs leading by the hand: they hear contempt, not help.',
    suggestion: 'Give the steps plainly, or offer a short call to go through them.',
    alternative: 'Here are the steps: [steps].',
    fixScope: 'sentence',
    examples: {
      flag: ["I don't have time to hold your hand through every update.", "I'm not your IT department.", 'I cannot explain every little thing to you.'],
      pass: ['I am happy to go through the new screen with you on a call on Monday at 10.', 'Hold the Shift key while you click Refresh.'],
    },
  },
  {
    id: 'blaming.their-hands',
    category: 'blaming',
    patterns: [
      // the client's people said to be doing it wrong: "your users are clicking the wrong button", "your staff keep entering the dates wrongly"
      `your (?:[\\p{L}-]+ )?${THEIR_PEOPLE} (?:are |is |keep |keeps |must be |must have |probably |likely |just |simply |clearly |obviously |always |still |don't |didn't |did not |do not |never )*(?:${HANDS}\\p{L}*)\\b[^.!?;]{0,40}?\\b(?:wrong(?:ly)?|incorrectly|badly|improperly|the wrong)\\b`,
      // the fault put on the client's side: "whatever happened, it happened on your side"
      "(?:whatever|something|it|the (?:problem|issue|fault|error|bug|cause|change)|that)(?: (?:then|just|clearly|obviously|probably|must have|has|had))? (?:happened|changed|broke|went wrong|is|was|lies|came|comes|must be|has to be|is coming|originated) (?:on|at|from|in) your (?:side|end)(?![^.!?]*\\?)",
    ],
    guards: ['negated', 'ownsIt', 'apology', 'attested', 'conditional'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Your users are clicking the wrong button, that\'s all.', 'Your staff keep entering the dates in the wrong format.', 'It was working yesterday, so whatever happened, it happened on your side.'],
      pass: ['Your customers see the wrong total because of my mistake in the tax rule; I am fixing it today.', 'Did something change on your side last week?', 'Nothing changed on your side; the cause is in my last update.'],
    },
  },
];
