// English tone rules for how the writer receives the report itself: the report doubted (the client
// "is using it wrong", "nobody else has reported this"), the reporter reproached ("why didn't you tell
// me earlier?", "read the release notes before opening tickets") and the report brushed off ("I don't
// have time for this", "we'll just have to wait"). Each rule composes who / what / how, so other
// wordings of the same move are caught, not one writer's sentences.
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';

/** The client or their people, as the subject: "you", "you guys", "your staff", "your users". */
const YOU =
  "(?:you|you guys|you people|you lot|y'all|your (?:[\\p{L}-]+ ){0,2}?(?:team|staff|people|users?|customers?|editors?|admins?|employees?|guys|crowd))";

/** Something the client does with the product, in -ing form. */
const DOING =
  '(?:using|doing|entering|typing|clicking|configuring|setting up|installing|uploading|reading|running|filling in|filling out|handling|updating|opening|importing|pasting)';

/** The ways a report is made. */
const REPORTED =
  '(?:reported|complained|mentioned|raised|flagged|experienced|hit|run into|seen|noticed|(?:had|having|seeing|getting) (?:this|that|it|the same|any|such|these|those)\\b)';

export const RULES_EN_REPORT: readonly ToneRule[] = [
  {
    id: 'blaming.misuse',
    category: 'blaming',
    patterns: [
      // "you're using it wrong", "your staff keep entering the dates incorrectly"
      `${YOU}(?:'re| are| were| keep| keeps| must be| might be| may be| have been|'ve been)?(?: (?:just|still|clearly|obviously|probably|simply|always|again))? ${DOING} (?:it|this|that|them|things|(?:the|your) [\\p{L}-]+(?: [\\p{L}-]+)?) (?:all )?(?:wrong|wrongly|incorrectly|improperly|badly|the wrong way)\\b`,
      // "you're not using it correctly", "you aren't doing it the right way"
      `${YOU}(?:'re| are| were)? (?:not|n't|never) ${DOING} (?:it|this|that|them|things|(?:the|your) [\\p{L}-]+(?: [\\p{L}-]+)?) (?:correctly|properly|right|the right way|as (?:intended|designed|documented|instructed))`,
      "(?:aren't|weren't|don't|didn't|do not|did not) (?:use|do|enter|configure|follow|fill (?:in|out)) (?:it|this|that|them|the [\\p{L}-]+) (?:correctly|properly|right|the right way|as (?:intended|designed|documented|instructed))",
      // the fault named as the user's: "that's user error", "a classic case of operator error"
      '(?:user|operator|human|client|customer) error|pebkac|layer 8',
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: [
        'You are using it wrong.',
        "You're doing it wrong again.",
        'Your staff keep entering the dates incorrectly.',
        "You're not using the filter correctly.",
        "That's user error, not a bug.",
        'Your users must be filling in the form wrong.',
      ],
      pass: [
        'I set up the filter wrong on your server; I am correcting it today.',
        'If the dates look wrong, send me a screenshot and I will check them.',
        'The form accepted dates typed the wrong way; I will make it reject them.',
      ],
    },
  },
  {
    id: 'blaming.why-you',
    category: 'blaming',
    patterns: [
      // the reproach asked as a question: "why didn't you tell me earlier?", "why would you touch the server?"
      "(?:why|how come)(?: on earth| exactly| again| ever)? (?:didn't|did not|wouldn't|would|did|haven't|have not|hadn't|had|weren't|are|were|do you keep) you(?: guys| people| lot| all)? (?:(?:just|even|not|ever|first|already|go and) )?(?:tell|told|say|mention|report|inform|let|ask|check|test|touch|change|changed|click|install|update|delete|remove|call|warn|contact|follow|read|wait|try|still|keep|use|using|go)\\b",
      "how come you(?: guys| people| lot| all)? (?:didn't|did not|never|haven't|have not|hadn't|wouldn't|would not|weren't) (?:(?:just|even|ever|first|already) )?{en:tell|say|mention|report|inform|let|ask|check|test|call|warn|contact|follow|read|wait|try}\\b",
      "what were you thinking|who told you to",
    ],
    guards: [],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: [
        "Why didn't you tell me earlier?",
        'Why would you touch the server settings?',
        'How come you did not report this sooner?',
        'Why are you still using the old link?',
        'What were you thinking?',
      ],
      pass: [
        'Could you tell me when you first saw it?',
        'I will explain why the page changed once I have checked the history.',
        'You asked me why the export was late: the job failed on Monday and I restarted it on Tuesday.',
      ],
    },
  },
  {
    id: 'dismissive.only-you',
    category: 'dismissive',
    patterns: [
      // the report doubted because others do not have it: "nobody else has reported this"
      `(?:nobody|no one|no-one) else(?: (?:has|have|had|is|was))?(?: (?:ever|yet|so far))? ${REPORTED}`,
      `(?:no|none of (?:my|our|the)) other (?:clients?|customers?|users?|sites?|stores?|people|companies)(?: (?:has|have|had|is|are|was|were))?(?: (?:ever|yet|so far))? ${REPORTED}`,
      '(?:you\'re|you are|you were|you seem to be|you\'ve been) the only (?:one|client|customer|user|person|site|store|company)(?: who| that| having| seeing| reporting| affected)',
      '(?:works|worked|is working|runs) (?:fine |perfectly |ok |okay |well )?(?:for|on) (?:everyone else|everybody else|every other|all (?:the )?other|other (?:clients|users|customers|people|sites))',
      "everyone else(?:'s| is| seems| has been)(?: (?:fine|happy|ok|okay|working|using it))|(?:thousands|hundreds|plenty|lots) of (?:other )?(?:people|users|clients|customers|sites) use (?:it|this|the same)(?: [\\p{L}-]+){0,3}? without (?:a |any )?(?:problem|problems|issue|issues|trouble|complaint|complaints)",
    ],
    guards: ['negated', 'conditional', 'reported'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Nobody else has reported this.',
        'No other client has had this problem.',
        'You are the only one seeing this.',
        'It works fine for everyone else.',
        'Thousands of people use this plugin without any problem.',
      ],
      pass: [
        'You are the only one with admin access, so I will send you the steps.',
        'No other page uses this template, so the change stays on the checkout.',
      ],
    },
  },
  {
    id: 'condescending.lesson',
    category: 'condescending',
    patterns: [
      // the unasked-for lesson on how to report: "read the release notes before opening tickets"
      'before (?:reporting|opening|raising|filing|sending|logging|submitting|creating|writing (?:in|to me)|emailing|contacting (?:me|us))(?: (?:an?|any|more|further|new|these|such|another))? (?:issues?|tickets?|bugs?|problems?|requests?|complaints?|emails?|messages?)',
      // and for next time: "next time, please read the manual", "in future, check the FAQ first"
      '(?:next time|in (?:the )?future|from now on|going forward),? (?:please |kindly |do )?(?:(?:try to|make sure (?:you|to)|remember to) )?(?:read|check|look (?:at|in)|consult|follow|clear|restart|refresh|test|try)\\b',
      '(?:maybe|perhaps|you might|you could|you may want to|you should)? ?try (?:reading|checking|looking at|following) (?:the|our|my) (?:manual|docs|documentation|instructions|faq|guide|release notes|readme|emails?|messages?)',
    ],
    guards: ['negated'],
    ...ADVICE_EN.toldBefore,
    fixScope: 'sentence',
    examples: {
      flag: [
        "I'd suggest you read the release notes before reporting issues.",
        'Please check the FAQ before opening a ticket.',
        'Next time, please read the manual.',
        'In future, make sure you clear the cache first.',
        'Maybe try reading the instructions.',
      ],
      pass: [
        'Next time it happens, please note the time and send me a screenshot.',
        'Before the next release I will add a test for this case.',
      ],
    },
  },
  {
    id: 'dismissive.no-time',
    category: 'dismissive',
    patterns: [
      "(?:i|we) (?:really |just |honestly |simply )?(?:(?:don't|do not) (?:really |honestly |even |exactly )?have|haven't got|have not got|have no|got no) (?:the )?time for (?:this|that|these|such|it)\\b(?! (?:today|now|week|morning|afternoon)\\b)",
      "(?:i|we) (?:have|'ve got|have got|got) (?:better|more important|bigger) (?:things|stuff|issues|problems|clients|projects|fish) to (?:do|deal with|attend to|worry about|fry)",
    ],
    // No negation guard: the phrase is a negation itself.
    guards: ['reported', 'conditional'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ["I don't have time for this.", "I don't really have time for this right now.", 'Honestly, we have better things to do.'],
      pass: ['I have time for this on Monday morning and will send you the result by noon.'],
    },
  },
  {
    id: 'stalling.just-wait',
    category: 'stalling',
    patterns: [
      "(?:we'll|we will|you'll|you will|i'll|i will|we|you|i) (?:just |simply )?(?:have to|need to|must|gotta|got to) wait(?: and see)?\\b",
      '(?:nothing|not much|little) (?:to do|we can do|i can do|anyone can do|else to do|left to do) (?:but|except|other than) wait',
      "(?:let's|we'll|let us|we can) (?:just )?(?:wait and see|see what happens)",
    ],
    guards: ['concrete', 'conditional', 'negated'],
    ...ADVICE_EN.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: ["We'll just have to wait.", "Let's wait and see.", 'There is nothing to do but wait.'],
      pass: ['We have to wait for the host to restore the backup; they promised it by Thursday at 10:00.'],
    },
  },
  {
    id: 'dismissive.non-apology',
    category: 'dismissive',
    patterns: [
      // sorry for the client's feeling, not for the fault: "sorry you feel that way", "sorry if that upset you"
      "(?:i'm |i am |we're |we are )?sorry (?:that |if )?you (?:feel|felt|see|saw|think|thought|are upset|were upset|got upset|took it|take it|find|found|are frustrated|were frustrated|are disappointed)(?: (?:that way|this way|it that way|so|like that|this|that))?",
      "sorry if (?:that|this|it|my (?:email|message|reply)) (?:upset|offended|bothered|annoyed|frustrated) you|sorry (?:for any|if there was any) (?:confusion|misunderstanding|inconvenience) (?:this|that|it) (?:may have|might have) caused",
      // and the shrug: "that's just the way it is", "it is what it is"
      "(?:that's|that is|it's|it is|this is) (?:just |simply |unfortunately )?(?:the way it is|how it is|what it is|how things are|how it goes|life)(?=\\s*(?:[.,;!]|$))",
    ],
    guards: ['reported', 'conditional'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Sorry you feel that way.', "I'm sorry if that upset you.", "I'm afraid that's just the way it is.", 'It is what it is.'],
      pass: ['I am sorry the checkout failed again; I am checking the history now and will write by 15:00.', 'That is how it is configured on the server, so I will change it there today.'],
    },
  },
  {
    id: 'defensive.moved-goalposts',
    category: 'defensive',
    patterns: [
      // the report set against what the client asked for or reported before: "this is a new requirement, not the bug you reported"
      "(?:not|isn't|is not|wasn't|was not|different from|differs from|other than|no longer) (?:really |exactly |actually )?(?:the (?:bug|issue|problem|error|thing|feature|fault) (?:that )?|what )(?:you|your (?:team|company|boss)) (?:originally |first |initially |actually |ever )?(?:reported|asked for|requested|described|ordered|signed off on|agreed to|approved|raised|logged)\\b",
      // the report renamed as new work: "this is a new requirement", "what you describe now is a change request"
      "(?:this|that|it|what you(?:'re| are)? (?:describ|report|ask)\\p{L}* (?:now )?)(?:'s| is) (?:really |actually |technically |clearly )?(?:a |an )?(?:new|different|separate|additional|extra) (?:requirement|feature request|change request|request|feature|scope)\\b",
    ],
    guards: ['negated', 'reported', 'conditional', 'offered'],
    ...ADVICE_EN.scopeAsShield,
    fixScope: 'sentence',
    examples: {
      flag: [
        'This is a new requirement, not the bug you originally reported.',
        'What you are describing now is different from what you asked for in March.',
        "Technically that's a change request, not what you signed off on.",
      ],
      pass: [
        'This is a separate issue from the login bug; I will fix both today and write by 17:00.',
        'The form now does what you asked for in March: it sends a copy to the shop.',
        'It is a new requirement; I can send you an estimate for it today.',
      ],
    },
  },
];
