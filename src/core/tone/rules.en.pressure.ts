// English tone rules for pressure put on the client instead of an answer: the writer's effort held
// up as a debt ("after all the free hours I put in, I'd expect a little understanding"), work stopped
// as a threat ("if I don't get the sign-off by Friday, I'll stop all work"), the report met with
// sarcasm ("great, another urgent issue on a Saturday") or with "why is this such a big deal for
// you", the client told to stop writing, and a deadline promised with a shrug ("done by tonight,
// easy"). Each rule composes a class of words (the effort, the stop, the praise word, the sure
// word), so other wordings of the same move are caught, not one writer's sentences.
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';

/** What the writer gave: nights, weekends, unpaid hours. */
const EFFORT =
  "(?:(?:until|till|'til|til|past) (?:\\d{1,2} ?(?:am|a\\.m\\.)|\\d{1,2} in the morning|midnight|dawn|(?:one|two|three|four|five) in the morning)|(?:every|each|all) (?:night|nights|weekend|weekends|evening|evenings)|all night|late nights|sleepless nights|(?:on|over|through) my (?:weekend|weekends|day off|holiday|holidays|vacation|own time)|for free|unpaid|free of charge|(?:extra|unpaid|free|overtime|countless|all the|all those) hours|overtime|out of hours|bent over backwards|(?:gave up|sacrificed|cancel+ed|lost) my (?:weekend|weekends|evening|evenings|night|nights|sleep|holiday|holidays|day off|vacation|family time))";

/** What the writer then asks for in return. */
const OWED =
  "(?:patience|understanding|appreciation|gratitude|slack|credit|respect|a thank you|a thanks|some thanks|be appreciated|be nice|the least you)";

/** Work stopped or withheld, as a threat. */
const STOP =
  "(?:stop|pause|halt|suspend|freeze|drop|end|terminate|cancel|withdraw|walk away from|take down|take the site (?:down|offline)|pull the plug on|down tools on|stop working on|put (?:the project|everything|all work|it) on hold)";

/** A praise word said through the teeth. */
const PRAISE =
  '(?:great|wonderful|fantastic|brilliant|lovely|perfect|marvellous|marvelous|awesome|amazing|splendid|terrific|super|excellent|just great|oh joy|joy|fun|how nice|how lovely)';

/** A deadline or a finished state said as certain with a shrug. */
const SURE = "(?:for sure|no problem at all|no problem|easy|easily|no sweat|piece of cake|without fail|guaranteed|100 ?%|a hundred percent|hands down|no doubt about it|trust me)";

const DONE = '(?:done|finished|fixed|ready|sorted|live|solved|complete|completed|up and running|working)';

export const RULES_EN_PRESSURE: readonly ToneRule[] = [
  {
    id: 'defensive.effort-owed',
    category: 'defensive',
    patterns: [
      // the writer's effort, then what the client owes for it: "I've been working until 2am for you, so a bit of patience would be nice"
      `${EFFORT}\\b(?:(?!thank|grateful)[^.!?]){0,80}?\\b${OWED}\\b`,
      // the debt called unpaid: "and this is the thanks I get", "I've spent far more hours on this than I billed you for"
      "(?:this|that)(?:'s| is) (?:the thanks|all the thanks|how i get thanked|what i get) (?:i get|for (?:it|that|my|all))|(?:more|longer) (?:hours|time|nights|weekends)\\b[^.!?]{0,40}?\\bthan (?:i|we) (?:billed|charged|invoiced|quoted|was paid|got paid|am paid)\\b",
      // the debt first: "after all the extra hours I put in, I'd expect more understanding"
      `(?:after|considering|given|with) (?:all|everything|how much|the amount of)\\b[^.!?]{0,40}?\\b(?:i(?:'ve| have)? (?:done|put in|given|worked|spent|gave|did)|hours|nights|weekends|effort|work)\\b[^.!?]{0,60}?\\b(?:i'd|i would|you'd|you would|one would|i) (?:expect|hope for|think|have thought|appreciate|like|want)\\b`,
    ],
    guards: ['negated', 'conditional', 'reported'],
    reason: 'Holding up your hours or nights as a debt makes the client feel guilty for asking; it answers nothing.',
    suggestion: 'Leave your effort out; say what you found and the next step with a date.',
    alternative: 'I am checking [what] and will send you the result by [date].',
    fixScope: 'sentence',
    examples: {
      flag: [
        "I've been working on this until 2am every night for you, so a bit of patience would be nice.",
        "After all the extra hours I put in for free, I'd expect a little more understanding.",
        'I gave up my weekend for this, the least you could do is wait a day.',
        'Considering how much unpaid work I have done, I would expect some respect.',
        'I stayed up all night on this last time and this is the thanks I get.',
        "I've already spent far more hours on this than I billed you for.",
      ],
      pass: [
        'Thanks for your patience while I look into it; I will write again tomorrow before noon.',
        'I will fix this for free, since the mistake was mine.',
        'Thanks for the kind words; that is the best thanks I could get.',
        'I can work on it over the weekend if you need it by Monday.',
      ],
    },
  },
  {
    id: 'defensive.ultimatum',
    category: 'defensive',
    patterns: [
      // "if I don't get the signed approval by Friday, I'll stop all work"
      `if (?:i|we) (?:don't|do not|haven't|have not|can't|cannot|won't|doesn't|didn't) (?:get|receive|have|see|hear|get paid|receive payment)\\b[^.!?]{0,70}?\\b(?:i'll|i will|we'll|we will|i'm going to|i am going to|we're going to|i'll have to|i will have to|i'd have to|i have to) (?:have to )?${STOP}\\b`,
      // "either you pay the invoice or I won't touch this bug"
      "either (?:you|your [\\p{L}-]+) (?:[\\p{L}']+ ){1,6}?or (?:i|we) (?:won't|will not|can't|cannot|'ll stop|will stop|stop|walk|am not|'m not)",
      // "no payment, no fix"
      '\\bno (?:payment|pay|money|deposit|approval|sign-?off|signature),? no (?:fix|fixes|work|support|updates|site|more work)\\b',
      // the payment or the client's conduct as the condition: "if the invoice isn't paid by Monday, I won't touch this bug", "if you keep changing the requirements, I'll have to drop the project"
      `if (?:the|your|my|this|that|our) (?:[\\p{L}-]+ ){0,2}?(?:invoice|payment|balance|bill|deposit|fee|fees|amount|retainer)s? (?:isn't|is not|aren't|are not|hasn't been|has not been|haven't been|have not been|is still not|isn't yet|is not yet|remains?|stays?) (?:paid|settled|received|cleared|unpaid|outstanding|overdue)\\b[^.!?]{0,60}?\\b(?:i|we)(?: (?:won't|will not|am not going to|are not going to)|'m not going to|'re not going to|(?:'ll| will) (?:not |have to |be forced to )?${STOP}|(?:'ll| will) be (?:stopping|pausing|suspending|dropping))\\b`,
      `if you (?:keep|continue|carry on|go on|insist on|don't stop|do not stop) (?!(?:seeing|getting|having|noticing|experiencing|running into|hitting|finding|receiving|to see|to get|to have)\\b)(?:[\\p{L}']+ ){0,6}?(?:i'll|i will|we'll|we will|i'm going to|i am going to|i'd have to|i would have to|i'll be forced to|i will be forced to) (?:have to )?(?:${STOP}|quit|leave|walk away)\\b`,
      // the refusal first, the client's payment, approval or access as its price: "I won't touch it again until the balance is settled"
      `(?:i|we)(?: won't| will not|'m not going to| am not going to|'re not going to| refuse to|'ll not)(?: be)? (?:touch\\p{L}*|look\\p{L}* (?:at|into)|work\\p{L}* on|fix\\p{L}*|continu\\p{L}*|do\\p{L}* (?:any|anything|more)|lift\\p{L}* a finger|spend\\p{L}* (?:any|another|more))\\b[^.!?]{0,50}?\\b(?:until|unless|till|before) (?:(?:the|my|your|this|that) (?:[\\p{L}-]+ )?(?:invoice|payment|balance|bill|deposit|fee|amount|retainer|sign-?off|approval)|(?:i|we) (?:get|receive|am|'m|are|'re|have) (?:paid|payment|the payment|access|approval|the sign-?off)|you (?:pay|settle|sign|approve|give|grant|send) )`,
      // "until the invoice is paid, I won't touch it"
      "(?:until|unless) (?:you|your [\\p{L}-]+|the (?:invoice|payment|deposit|balance))\\b[^.!?]{0,50}?\\b(?:i won't|i will not|i'm not going to|i am not going to|i refuse to|we won't|we will not|no more work|nothing (?:more )?(?:gets|will get) (?:done|fixed))",
    ],
    guards: ['negated', 'reported'],
    reason: 'A threat to stop work turns a bug report into a standoff; the client hears pressure, not a plan.',
    suggestion: 'State the condition as a fact with its date, and what you will do as soon as it is met.',
    alternative: 'As soon as I receive [what], I will [next step]; [date] would let me finish by [date].',
    fixScope: 'sentence',
    examples: {
      flag: [
        "If I don't get the signed approval by Friday, I'll stop all work on the project.",
        "Either you pay the outstanding invoice or I won't touch this bug.",
        'No payment, no fix.',
        "Until the invoice is paid, I'm not going to look at it.",
        "If the invoice isn't paid by Friday, I'll have to pause all work on this.",
        "We won't touch the site again until the outstanding balance is settled.",
        "If the last invoice isn't paid by Monday, I won't touch this bug.",
        "If you keep changing the requirements I'll have to drop the project.",
      ],
      pass: [
        "If I don't hear from you by Friday, I'll go ahead with the update on Monday at 9:00.",
        'Until the host restores the backup, I cannot test the fix; they expect it by Thursday.',
        "I won't touch the live database until you confirm the backup finished.",
        'Either you or your colleague can send me the log, whichever is easier.',
        'If the invoice is not paid yet, no worries: I will start on Monday anyway.',
        'If you keep seeing the error after Friday, I will take the site offline for an hour to test it.',
      ],
    },
  },
  {
    id: 'dismissive.sarcastic-praise',
    category: 'dismissive',
    patterns: [
      // "Great, another urgent issue on a Saturday.", "Wonderful, yet another bug report"
      `${PRAISE}[,!.…]+ (?:just )?(?:(?:yet )?another|one more) (?:["“'\\p{L}-]+ ){0,2}?(?:urgent|emergency|bug|bugs|issue|problem|complaint|ticket|email|message|call|request|change|fire|crisis|weekend|saturday|sunday|night)\\b|${PRAISE}[,!.…]+ (?:just )?(?:more of (?:this|these|the same)|again\\b)`,
      // the same fault back, greeted with praise or mock surprise: "Oh great, the same bug again, what a surprise"
      `${PRAISE}[,!.…]+ (?:the same|this|that) (?:old )?(?:bug|issue|error|problem|crash|thing|glitch)s? (?:again|back|once more)\\b`,
      "(?:again|back|once more)\\b[,;!.…]* (?:what a|such a) (?:surprise|shock)\\b|^(?:what a|such a) (?:surprise|shock)[,!.…]",
      // "just what I needed on a Saturday", "exactly what I wanted to hear"
      "(?:just|exactly|precisely) what i (?:needed|wanted|was hoping for|was missing)(?: to hear)?(?: (?:on a|today|this|right now|at))",
      "(?:love|loving|i love) (?:it |that )?(?:when|how) (?:you|your|clients|people|this|it|the|my)\\b[^.!?]{0,40}?\\b(?:again|weekend|saturday|sunday|midnight|every time|always)",
    ],
    guards: ['negated', 'reported'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Great, another "urgent" issue on a Saturday.',
        'Oh wonderful, yet another bug report.',
        'Just what I needed on a Saturday.',
        'Love it when the site breaks again on a Sunday.',
        'Oh great, the same bug again, what a surprise.',
      ],
      pass: [
        'Great, one more question: which browser were you using?',
        'Perfect, another detail that helps: it only happens on phones.',
        "I worked until midnight on it and it's fixed now; thank you for your patience.",
        'Great, another order came in after the fix!',
        'Thanks, that is exactly what I needed to find the cause.',
        'Great, the same error is gone again after the restart; I will keep watching it today.',
        'The same error appeared again on Monday, which surprised me; I am checking it today.',
      ],
    },
  },
  {
    id: 'dismissive.why-the-fuss',
    category: 'dismissive',
    patterns: [
      // the importance the client gives questioned: "I don't see why this is such an issue for you"
      "(?:don't|do not|can't|cannot|fail to|struggle to) (?:see|understand|get) why (?:this|it|that|a [\\p{L}-]+(?: [\\p{L}-]+)?) (?:is|'s|would be|has become|became) (?:suddenly |now |all of a sudden |still |even )?(?:such|so)(?: a| an)? (?:big )?(?:issue|problem|big deal|deal|drama|fuss|important|urgent|serious|bad|concern|worry)",
      "(?:don't|do not|can't|cannot|fail to) (?:see|understand|get) why (?:you're|you are|everyone is|everyone's) (?:so |this |that )?(?:upset|worried|stressed|panicking|worked up|making (?:such )?a (?:fuss|big deal|drama))",
      "why (?:are you|is everyone|are you all) (?:so |this |that |getting )?(?:upset|worried|stressed|panicking|worked up|making (?:such )?a (?:fuss|big deal|drama))",
      "(?:such|so much of) a (?:fuss|drama|big deal|song and dance) (?:about|over|for)",
      // the client told to stop writing: "please stop sending me messages every hour"
      "(?:please |kindly )?(?:stop|quit) (?:sending (?:me|us)|emailing|messaging|texting|calling|ringing|pinging|chasing|hassling|pestering|bugging|nagging|spamming)(?: (?:me|us))?(?![^.!?]{0,30}\\bif\\b)",
      "(?:no need|there's no need|you don't need) to (?:keep )?(?:email|message|call|chase|text|ping)(?:ing)? (?:me |us )?(?:every|each|all the time|constantly|twice)",
    ],
    guards: ['reported', 'conditional'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: [
        "I don't see why this is such an issue for you.",
        'Why are you so worked up about a button?',
        'Please stop sending me messages every hour.',
        "There's no need to keep emailing me every day.",
      ],
      pass: [
        'I understand why this is such a problem for you, with the sale this week.',
        "I understand why you're upset, and you're right to be; the error is mine.",
        "I don't see why it fails only on Safari yet; I'll write by 17:00 with what I find.",
        'The reminder emails stop sending when the queue is full.',
      ],
    },
  },
  {
    id: 'overpromising.sure-deadline',
    category: 'overpromising',
    patterns: [
      // a finished state with a shrug: "It'll be done by tomorrow morning for sure", "finished by tonight, easy"
      `\\b${DONE}\\b[^.;!?]{0,40}?(?:,|\\b) ?${SURE}(?=\\s*(?:[.,;!]|$))`,
      `(?:for sure|easily|definitely|100 ?%|guaranteed|no doubt|without fail),? (?:(?:it|this|that|everything)(?:'ll| will)? )?(?:be )?${DONE} (?:by|before|today|tonight|tomorrow|this|in)\\b`,
    ],
    guards: ['negated', 'reported', 'conditional'],
    ...ADVICE_EN.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: [
        "It'll be done by tomorrow morning for sure, no problem at all.",
        'I can have the whole redesign finished by tonight, easy.',
        'It will definitely be fixed by Friday.',
      ],
      pass: [
        'I will have the fix ready for you to test on Friday morning.',
        'The export is done; I tested it with three files.',
        "I can't say for sure it will be finished by Friday; I'll know more tomorrow at noon.",
      ],
    },
  },
  {
    id: 'defensive.limits-as-shield',
    category: 'defensive',
    patterns: [
      // the writer's limits as the answer: "I'm a developer, not a magician", "my hands are tied until you..."
      "(?:i'm|i am) (?:a|an|the|just a|only a) [\\p{L}-]+,? not (?:a|an|the) (?:magician|miracle worker|mind reader|wizard|psychic|superhero|robot|genie|fortune teller|clairvoyant|saint)|(?:i|we) (?:can't|cannot|don't|do not) read (?:your )?minds?",
      "my hands are tied|(?:can't|cannot|can not|don't|do not) (?:really )?(?:expect|ask|demand|want) (?:me|us) to (?:be (?:available|online|on call|reachable)|answer|reply|respond|work|drop everything)\\b[^.!?]{0,30}?\\b(?:24/7|24 hours|all the time|every (?:hour|minute)|around the clock|at all hours|weekends?|nights?|immediately|instantly)",
      // "everything is fine here", said as the answer to the report
      "everything (?:is|'s|was) (?:fine|working|ok|okay|perfect|good|running|correct)(?: [\\p{L}]+)? (?:here|on my (?:end|side)|at my end|this end|on this side|over here|on our (?:end|side))",
    ],
    guards: ['negated', 'conditional', 'reported', 'checksTheirs'],
    ...ADVICE_EN.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ["I'm a developer, not a magician.", "I'd love to help but my hands are tied until you sort out the hosting.", "You can't expect me to be available 24/7.", 'Everything is fine on my end.'],
      pass: ['Everything is fine on my end now; could you try it on yours?', 'The monitoring runs 24/7 and will warn me if it fails.', 'I can be available on Saturday morning if you need me.'],
    },
  },
  {
    id: 'blaming.your-side',
    category: 'blaming',
    patterns: [
      // the fault guessed on the client's side: "must be something on your end"
      "(?:must|has to|have to|'s got to|got to|will|would) be (?:something|an issue|a problem|a setting|a glitch|a thing) (?:on|at|with|in) your (?:end|side|computer|network|browser|machine|setup|laptop|phone|office)",
      // the client's choice as the cause: "you get what you pay for"
      "you get what you pay for|pay peanuts,? (?:you )?get monkeys|buy cheap,? (?:buy|pay) twice",
      // "nobody over there bothered to test it"
      "(?:nobody|no one|you|your [\\p{L}-]+|they)(?: (?:over there|on your (?:side|end|team)|at your (?:end|company|office)|in your (?:team|office)))? (?:bothered|cared|took the time|had the sense|(?:didn't|did not|never|couldn't|could not) (?:even )?(?:bother|be bothered|care|take the time)) (?:to|with)\\b",
    ],
    guards: ['ownsIt', 'negated', 'conditional'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Must be something on your end, everything is fine here.', 'You get what you pay for, to be honest.', 'Clearly nobody over there bothered to test it.'],
      pass: ['It might be a setting in the theme; I am checking it this afternoon.', 'I should have bothered to test it on phones, and I did not; I will fix it today.'],
    },
  },
];
