// English tone rules for the status report and its promises: the bare status ("Re-opened.
// Investigating.", "bug #412 — ongoing"), progress that waits on something else ("as soon as there's
// movement", "over the next while", "in due time"); permanence and totality promised ("fixed for keeps",
// "flawlessly in every browser", "zero chance of recurrence"); the unasked-for lesson ("in case you're not
// familiar", "since the first explanation didn't land"); and the mishap told as hearsay ("it transpires
// the hotfix was never merged", "old files got pushed up by accident").
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';

export const RULES_EN_STATUS: readonly ToneRule[] = [
  {
    id: 'stalling.bare-status',
    category: 'stalling',
    patterns: [
      // the status alone: "Re-opened. Investigating.", "bug #412 (reopened) — ongoing.", "Status: still investigating"
      '(?<=^|[.:;—–)]\\s{0,3}|^\\s*[\\p{L}]+\\s{0,2}[:—–-]\\s{0,3})(?:still )?(?:investigating|ongoing|in progress|under (?:review|investigation)|pending|looking into it|wip|on it)(?=\\s*(?:[.,;]|$))',
      "(?:it's|it is|this is) (?:now )?(?:with|in the hands of) (?:the|our) (?:[\\p{L}-]+ )?(?:team|devs|developers|engineers|department)\\b",
      "(?:still )?investigating (?:the |this |your )?[\\p{L}-]+(?: [\\p{L}-]+){0,5}?,? will keep (?:this|the|you) (?:ticket |thread |issue )?(?:updated|posted|in the loop)",
      // when something else happens first: "you'll hear from me as soon as there's movement", "in due time", "over the next while"
      "(?:when|as soon as|once|whenever) there(?:'s| is) (?:news|movement|progress|an update|something to (?:report|share))|in due (?:time|course)|over the (?:next|coming) (?:while|little while|few days|days|weeks)|(?:now-ish|nowish)",
      "(?:we'll|we will|i'll|i will) (?:share|send|release|post) (?:it|them|the (?:fix|patch|update|details|build)) (?:when|once|as soon as) (?:it's|it is|they're|they are|that's|it's been) (?:ready|done|sorted|finished)|(?:is|are) in the works|(?:is|are) on top of (?:it|this|things)|please exercise patience",
      "(?:let me|i'll|i will|we'll) (?:check|look|see)(?: into it| on it)? and (?:get back|revert|come back)(?: to you)?(?=\\s*[.!]|$)|(?:looking at it|on it),? bear with(?: me| us)?",
    ],
    guards: ['concrete', 'negated', 'conditional', 'request'],
    ...ADVICE_EN.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: [
        "Still on it.",
        "It's with the tech team now.",
        'Re-opened. Investigating.',
        'Weekly summary: ticket #88 — ongoing.',
        'Still investigating the login failure, will keep this ticket updated.',
        "I'll let you know as soon as there's movement.",
        'Someone from the team will contact you in due course.',
        "A fix is in the works and we'll share it when it's ready.",
        'Let me check and get back to you.',
      ],
      pass: ['Investigating: I will send you the log on Thursday at 10.', 'The deploy is pending; it goes live in about twenty minutes.'],
    },
  },
  {
    id: 'overpromising.forever',
    category: 'overpromising',
    patterns: [
      // permanence: "fixed for keeps", "we're golden from here on", "sure to behave from here on", "the fix is permanent"
      "for keeps|(?:we're|we are|you're|you are|it's|it is) golden|(?:sure|bound|certain|guaranteed) to (?:behave|work|hold|stay)|the fix is permanent|(?:will|it'll) (?:hold up|cope|survive) (?:under )?(?:any|every)|(?:it'll|it will|will) keep working|no fear of that",
      // totality: "work flawlessly in every browser", "fixes this completely and for every browser", "solve every issue", "zero chance of recurrence"
      "flawlessly|zero (?:problems|issues|bugs|errors|incidents|downtime)(?: from now on)?|nothing to (?:ever )?worry about (?:ever )?again|never (?:have to )?worry about (?:it|this|that) again|(?:completely|entirely) and for (?:every|all|good)|(?:solve|solves|fix|fixes|resolve|resolves) (?:every|all the|all your|each) (?:issue|problem|bug)s?|zero (?:chance|risk|possibility) of|can't possibly (?:break|fail|happen|go wrong)|won't bother you again",
    ],
    guards: ['negated', 'reported', 'controlled', 'conditional'],
    ...ADVICE_EN.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: [
        "From now on, zero problems.",
        "It's perfect now, nothing to ever worry about again.",
        'Sorted for keeps.',
        "Patched, so we're golden.",
        "It's sure to work from now on.",
        'It will run flawlessly everywhere.',
        'This release fixes every bug you reported.',
        'There is zero chance of it coming back.',
        'It can\'t possibly break again.',
      ],
      pass: ["I can't promise it will work flawlessly until I have seen a week of logs.", 'When I said it was fixed for keeps, I was wrong.'],
    },
  },
  {
    id: 'condescending.lecture',
    category: 'condescending',
    patterns: [
      // what anyone would know: "in case you're not familiar", "any basic user would know", "a common beginner thing"
      "in case you(?:'re| are) not familiar|break (?:this|it|that) down for you|try to follow along|did you even (?:try|read|check|look|open|restart)|as (?:anyone|everyone|any developer|any dev)(?: [\\p{L}']+){0,4}? knows|i thought i(?:'d| had) made (?:this|it|that) (?:clear|obvious)|how (?:much )?clearer i can (?:make it|be)|(?:can't|cannot) make it (?:any )?clearer|first-year (?:it |tech |computing )?stuff|(?:it|computing|web|internet) 101|(?:any|every) (?:basic|normal|average|competent|regular) user (?:would|should|will) know|(?:common |typical )?beginner(?:'s)? (?:thing|mistake|error|question)|i(?:'d| would) have (?:assumed|thought) you(?:'d| would) know",
      "(?:it's|it is) (?:really |actually )?(?:quite |very |pretty )?simple:|what (?:a |an )?[\\p{L}-]+ actually is|you know, actually|naturally, if you|you do have to|(?:you are|you're) clearly (?:looking|using|on|in)",
      // the lesson repeated, slowly: "since the first explanation didn't land", "step by step this time", "I'll explain very slowly"
      "(?:first|last|previous|earlier) explanation (?:didn't|did not) (?:land|sink in|stick)|step by step this time|(?:may not|might not|didn't|did not) (?:have been )?(?:clear|sink in|land) the first time|explain (?:it |this |things )?(?:very |really |extra )?slowly|as non-technical as possible|(?:non-it|non-technical|non-tech|lay) (?:people|folks|users)",
      "(?:previously|repeatedly) (?:and repeatedly )?(?:noted|mentioned|stated|explained|advised)|(?:say|said|tell you|repeat) this (?:once more|one more time|again)|explained this (?:a dozen|many|several|countless|multiple|so many|[\\p{L}]+) times|(?<=^|[.!?]\\s{0,3})(?:again|once more):",
    ],
    guards: ['negated', 'retracted', 'conditional'],
    ...ADVICE_EN.toldBefore,
    fixScope: 'sentence',
    examples: {
      flag: [
        "Let me break it down for you.",
        "Did you even try restarting it?",
        "As anyone in the industry knows, caches need clearing.",
        "I thought I had made this clear already.",
        "This is first-year IT stuff.",
        "In case you're not familiar, a CDN keeps copies of your pages.",
        'Any normal user would know to log out first.',
        "It's a typical beginner mistake.",
        'Happy to go over it again, step by step this time.',
        'I will explain it very slowly.',
        'As repeatedly mentioned, the cache needs clearing.',
        "I've explained this many times now.",
        'Again: staging is not production.',
      ],
      pass: ['As I mentioned, I thought it was the cache, but I was wrong.', 'Here are the steps again, with screenshots.'],
    },
  },
  {
    id: 'dodging.hearsay',
    category: 'dodging',
    patterns: [
      // the mishap as hearsay or a drift: "it transpires the hotfix was never merged", "the old code made its way back in"
      "it transpires|(?:was|were) closed prematurely|(?:an? )?(?:[\\p{L}-]+ )?oversight (?:resulted|led|caused)|(?:didn't|did not|never) (?:quite )?(?:make it|get|got) into (?:the )?(?:final |last |live |latest )?(?:build|release|deploy|deployment|version)",
      "got (?:pushed|deployed|merged|uploaded|reverted|overwritten|deleted) (?:up |out )?by accident|ended up (?:not )?being (?:merged|deployed|reverted|overwritten)|(?:were|was) introduced during|(?:was|were) left (?:in|on) (?:debug|test|maintenance|staging)|made (?:its|their) way back|arose due to|(?:certain|some|various) circumstances",
    ],
    guards: ['ownsIt', 'agent'],
    needsOwner: 'not-others',
    ...ADVICE_EN.agentless,
    fixScope: 'sentence',
    examples: {
      flag: [
        'It transpires the patch was never deployed.',
        'The fix did not make it into the release.',
        'Some old files got pushed by accident.',
        'A few changes ended up not being merged.',
        'The site was left in maintenance mode.',
        'The old template made its way back in.',
      ],
      pass: ['I left the site in maintenance mode by mistake; it is back up now.', 'The fix did not make it into the release; my mistake, I tagged the wrong commit.'],
    },
  },
];
