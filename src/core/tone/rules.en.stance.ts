// English tone rules for the writer's stance on the fault: blame put on a third party or the client's
// people in passing ("the gateway people changed their API without telling anyone", "whoever deployed
// last Friday undid my fix"), "you never told me", the writer's own work declared right at the time it
// was handed over ("every test was green when I merged"), scope and acceptance as a shield, and the
// fault weighed down by comparison ("in the scheme of the project it's a rounding error", "the
// urgency may be overstated"). Each rule composes word classes (who / what they did / how it is
// said), not one writer's phrases, so the same construction in other words is caught too.
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';

/** A change or a breakage done by someone else, past forms (verbs.ts gives the rest). */
const BROKE = '(?:{en:break|change|push|drop|wreck|stuff|undo|revert|overwrite|wipe|delete|remove|reinstate|restore|swap|replace|block|update|roll|touch|edit|kill|clobber|switch|migrate|upgrade|move|reset|install|uninstall})';

/** A third party: "the agency running your ads", "the payment gateway people", "the hosting company". */
const THIRD = '(?:the|your|that|this) (?:[\\p{L}-]+ ){0,3}?(?:agency|vendor|host|hosting company|provider|people|guys|company|contractor|freelancer|plugin author)';

/** Mine, as delivered: "my fix", "the original fix", "what I delivered", "my part of the job". */
const MINE =
  "(?:(?:my|our) (?:[\\p{L}-]+ )?(?:fix|code|work|part|patch|commit|changes?|implementation|module|delivery|bit|integration|deliverable)(?: [\\p{L}'-]+){0,4}?|the original (?:fix|patch|code)|(?:everything|what|anything) i (?:touched|delivered|shipped|handed over|wrote))";

/** Declared right: "is fine", "still works", "was thoroughly tested and documented", "is identical". */
const FINE =
  "(?:(?:is|was|are|were|'s)(?: still)? (?:perfectly |totally |completely |all )?(?:fine|correct|right|clean|solid|sound|ok|okay|working(?: fine| perfectly| correctly)?|identical|(?:thoroughly |fully |properly |carefully )?(?:tested|verified|documented|approved|signed off)(?! only| on (?:just|only))|done (?:properly|right|correctly|well)|having no (?:issue|issues|problem|problems))|(?:still )?works(?: fine| perfectly)?)";

export const RULES_EN_STANCE: readonly ToneRule[] = [
  {
    id: 'blaming.third-party',
    category: 'blaming',
    patterns: [
      // someone else's change, done behind everyone's back: "the gateway people changed their API without telling anyone"
      `(?<!\\b(?:i|we|i've|we've|i have|we have|i had|we had|i just|we just|i accidentally|i mistakenly) )${BROKE}\\b[^.;!?]{0,50}? without (?:telling|warning|asking|informing|notifying|consulting|checking with|letting)(?: (?:anyone|anybody|me|us|you|a soul))?`,
      // whoever it was undid my work: "whoever deployed last Friday undid my fix", "someone with admin access reverted my changes"
      "(?:whoever|someone|somebody|anyone|anybody|they|the [\\p{L}-]+ (?:team|people|guys|agency|vendor|host|company))(?: [\\p{L}']+){0,6}? (?:(?:undid|reverted|overwrote|wiped|clobbered|broke|removed|deleted|rolled back|wrecked|stuffed up|trashed) my (?:fix|changes?|work|patch|code|commit)|(?:wiped|deleted|broke|trashed|wrecked|lost) (?:everything|it all|the lot))",
      // left stranded, up to old tricks: "the host slipped a change in and left us stranded"
      "left (?:us|me) (?:stranded|high and dry|in the lurch|hanging)|up to (?:its|their|his|her) old tricks",
      // broken on their side, or on them: "clearly broke something on their end", "so this one's on them", "Cloudflare's stuffed it up again"
      `${BROKE} (?:[\\p{L}]+ )?(?:up )?(?:something|it|things|stuff|everything)? ?(?:up )?(?:on|at|from) their (?:end|side)`,
      "(?:this|that|it)(?: one)?(?:'s| is) (?:all )?(?:on them|their (?:fault|problem|doing|mess)|down to them)|(?:[\\p{L}-]+'s|has|have) (?:stuffed|messed|screwed|mucked|cocked|botched|buggered) (?:it|things|everything|this) up(?: again)?",
      // the cause placed on the client's people or a third party: "this is down to the marketing team pasting content", "it's because your server went down"
      "(?:this|that|it)(?:'s| is| was)(?: all| entirely)? (?:down to|because of|due to|the fault of) (?:the |your |you )?(?:[\\p{L}-]+ )?(?:team|people|staff|agency|users?|guys|lot|crowd|department|client|end users?|customers?)\\b(?! (?:reported|told|asked|flagged))",
      "(?<=^|[.,;:!?]\\s{0,3})(?:you|you guys|you lot|you people|your (?:[\\p{L}-]+ ){0,2}?(?:team|crowd|staff|people|guys|lot))\\b(?:(?!\\b(?:i|we|my)\\b)[^.;!?]){0,60}?,? (?:so|and) (?:no wonder|of course it|naturally it|it broke|that broke it|that's why)",
      "(?:your|the) (?:[\\p{L}-]+ )?(?:environment|server|setup|staging|hosting|data|network) (?:doesn't|does not|isn't|is not|wasn't|was not) (?:match|matching|set up|configured)[^.;!?]{0,40}?(?:that's|that is|which is) (?:why|what)",
      // the client's people guessed at using it wrong: "possibly your end user is not using the correct browser"
      "(?:possibly|probably|likely|perhaps|maybe|i bet|i'd bet|no doubt) (?:your|the client's|the) (?:[\\p{L}-]+ ){0,2}?(?:users?|customers?|staff|team|client|visitors?|people)(?: is| are|'s|'re) (?:not |still |just )?(?:using|clearing|deleting|running|doing|opening|pasting|uploading)",
      `${THIRD}\\b[^.;!?]{0,60}?\\b(?:broke|broken|wrecked|trashed|killed|stuffed up|messed up) (?:everything|it|the site|the checkout|checkout|things|stuff|the build)`,
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested', 'request'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Your tech deleted the folder without asking.',
        'Someone in your office hit restore and wiped everything.',
        'Your email provider is up to its old tricks again.',
        'The hosting people switched PHP versions without telling anyone.',
        'Whoever pushed on Monday reverted my changes.',
        'Someone with editor access undid my fix.',
        'The agency that built the app broke something on their end.',
        'The CDN changed their caching rules again, so this one is on them.',
        "Cloudflare's messed it up again.",
        'This is down to the sales team pasting prices from Excel.',
        'Your crowd handed out admin logins to everyone, so no wonder.',
        'Possibly your staff are still using the old link.',
        'The agency running your ads dropped a tracker in that broke checkout.',
      ],
      pass: [
        'I changed the field name without telling you, and that was my mistake; I am fixing it today.',
        'The host confirmed they changed PHP versions without notice on Saturday.',
        'It is because of my change on Tuesday; I am reverting it now.',
        'I did not follow the deployment steps properly, and that is on me.',
      ],
    },
  },
  {
    id: 'blaming.not-told',
    category: 'blaming',
    patterns: [
      // you never told me, or should have: "you people did not inform me before changing the password"
      "(?:you|you guys|you people|you lot|your (?:[\\p{L}-]+ )?team|nobody|no one) (?:did not|didn't|never|failed to) (?:inform|informed|tell|told|warn|warned|notify|notified|let) (?:me|us)\\b",
      "(?:you|you guys|you people|you lot|y'all|your (?:[\\p{L}-]+ )?team) (?:really |honestly |probably )?(?:should|could|ought to)(?:'ve| have) (?:mentioned|told|said|informed|let me know|warned|asked|checked|flagged)",
      // the polite reproach: "it would have helped if the full list had been shared from the start"
      "(?:it )?would(?:'ve| have) (?:helped|been (?:helpful|useful|good|better|nice|great)|saved (?:us|a lot|time)) (?:a lot |massively |greatly )?(?:if|had|to (?:know|hear|be told))\\b",
      "(?:going forward|in future|in the future|next time|perhaps in future)[^.;!?]{0,40}?(?:it(?:'d| would) be (?:great|best|better|good|helpful)|please) (?:if |to )?(?:[\\p{L}']+ ){0,6}?(?:check(?:ed)? with me|flagged to me|told me|let me know|ran (?:it|them) by me|asked me|warned me)",
      "(?:nobody|no one|no-one) (?:consulted|told|warned|informed|asked|notified) (?:me|us)\\b",
      "if (?:my|our|the) (?:[\\p{L}-]+ )?(?:recommendations?|advice|instructions|steps|warnings?) (?:had|'d) been (?:followed|heeded|listened to|read)",
      // the counterfactual on the client's side: "if your team had taken the backup as advised, this would not have come"
      "if (?:you|your (?:[\\p{L}-]+ ){0,2}?(?:team|staff|people|it|admin|client)|you guys|they) had (?:[\\p{L}']+ ){0,2}?(?:taken|followed|told|informed|done|made|kept|read|checked|asked|let|listened|updated|backed)\\b",
      // instructions not followed: "kindly confirm whether your staff followed the steps I shared", "issue is arising because your team did not follow"
      "(?:whether|if) (?:your |the )?(?:[\\p{L}-]+ )?(?:staff|team|people|users?|you|they|client) (?:actually |really |properly )?(?:followed|follow|did follow|read|used) (?:the|my|our) (?:steps|instructions|process|procedure|guide|checklist)",
      "(?:steps|instructions|process|procedure|guide)(?: [\\p{L}']+){0,4}? (?:weren't|were not|wasn't|was not|is not|isn't|aren't|are not) (?:being )?(?:followed|respected|applied|read)",
      "(?:you|your (?:[\\p{L}-]+ )?(?:team|staff|people|users?)|they) (?:did not|didn't|don't|do not|never) (?:follow|read) (?:the|my|our) (?:[\\p{L}-]+ )?(?:steps|instructions|process|procedure|guide|checklist)",
    ],
    guards: ['ownsIt', 'apology'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Nobody consulted me before messing with the server.',
        'Honestly, if my recommendations had been followed we would not be here.',
        'You people never informed me before switching hosts.',
        'You guys honestly should have mentioned the migration.',
        'It would have helped a lot if the login details had been sent earlier.',
        'Going forward it would be great if changes on your side were flagged to me first.',
        'If your IT team had kept the backup as advised, we would not be here.',
        'Could you confirm whether your team followed the steps I shared?',
        'I suspect the instructions were not followed as written.',
      ],
      pass: [
        'I should have asked you about the migration before deploying; that is on me.',
        'If you had any trouble logging in, send me a screenshot and I will check it.',
      ],
    },
  },
  {
    id: 'defensive.mine-is-fine',
    category: 'defensive',
    patterns: [
      // mine declared right: "my fix is still there and still works", "the original fix is fine", "our code is having no issue"
      `${MINE} (?:[\\p{L}']+ ){0,4}?${FINE}`,
      "(?:i|we) (?:did|have done|'ve done|had done) (?:my|our) (?:own )?(?:part|bit|job|work) (?:very |perfectly |really )?(?:well|properly|right|correctly|fine)|nothing wrong with (?:what (?:i|we) (?:delivered|shipped|did|built|wrote)|my (?:work|code|fix|part)|our (?:work|code|fix|part))|(?:you|your (?:[\\p{L}-]+ )?team) (?:approved|signed off|accepted) (?:it|on it|the (?:fix|work|change|release))",
      // right when I handed it over: "every test was green when I merged, I have the screenshots"
      "(?:when|before) (?:i|we) (?:handed (?:it )?over|merged|pushed|deployed|delivered|shipped|closed (?:it|the ticket)|signed off)[^.;!?]{0,50}?(?:was|were) (?:all |still )?(?:working|green|passing|fine|perfect|ok)",
      "(?:was|were|everything|every test|all tests) (?:all |was |were )?(?:working|green|passing|fine|perfect)(?: perfectly| fine)?[^.;!?]{0,30}?(?:when|before) (?:i|we) (?:handed|merged|pushed|deployed|delivered|shipped|closed)",
      "(?:i|we) (?:have|'ve got|got|kept) (?:the |all the )?(?:screenshots|proof|receipts)|there(?:'s| is) proof|(?:passed|went through) qa before (?:i|we)|(?:was|were) delivered working|i tested it (?:[\\p{L}]+ ){0,4}?before (?:pushing|deploying|merging|handing|shipping|sending)",
      // scope and acceptance as a shield: "that behaviour matches the acceptance criteria we agreed", "I did precisely what was in the brief"
      "acceptance criteria|(?:precisely|exactly|strictly) what was (?:in|on) the (?:brief|spec|ticket|scope|quote|card)|(?:matches|met|meets|follows) the (?:ticket|brief|spec|specification|requirements) (?:exactly|to the letter|precisely)|according to the agreed (?:terms|scope|spec)|(?:only )?(?:be )?responsible for what was in scope|(?:was|were) (?:out of|outside(?: of)?) (?:the )?scope when i quoted",
      // denying being the cause: "to be clear, this isn't a regression from anything I touched", "wasn't me"
      "(?:isn't|is not|wasn't|was not|not) a regression (?:from|on|in) (?:my|anything i)|nothing in my (?:commit|code|change|changes|work|fix) (?:could|can|would|caused|touched)|(?<!\\b(?:it|that|this) )wasn't me\\b|(?:i haven't|i have not) (?:even )?(?:touched|logged (?:in|into)|changed|deployed|pushed) (?:it|that|the|anything)|such mistakes are not possible|i'm not in the habit of",
    ],
    guards: ['apology', 'conditional', 'reported', 'checksTheirs'],
    ...ADVICE_EN.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: [
        'My fix is still in place and still works.',
        'The original patch is fine, I checked it twice.',
        'Our code is having no issues, we tested everything.',
        'I did my part properly.',
        'Everything was passing when I deployed it.',
        'When I handed it over everything was working, I have the screenshots.',
        'It matches the acceptance criteria you signed.',
        'I did exactly what was in the brief.',
        "Wasn't me, I haven't touched that server in months.",
        'Nothing in my commit could have caused this.',
      ],
      pass: [
        'My fix is still on the main branch; could you send me a screenshot of what you see?',
        'My fix was tested only on Chrome, which is my mistake; I am adding Safari today.',
        'It was me who merged it, and I should have checked the build first.',
      ],
    },
  },
  {
    id: 'dismissive.played-small',
    category: 'dismissive',
    patterns: [
      // weighed down: "in the scheme of the project it's a rounding error", "cents at most", "quite a small thing in the end"
      "in the (?:grand )?scheme of (?:things|the project|it all)|(?:it's|it is|that's|this is) (?:just )?a rounding error|(?:cents|pennies|a cent|a pixel|one pixel) at most|(?:really |quite |such )?a small thing(?: in the end| really| at the end of the day)",
      "(?:it's|it is|that's|just) (?:a )?silly (?:little )?(?:thing|bug|glitch)|(?:not|isn't|hardly|barely|wasn't) (?:really )?(?:worth|worthy of) (?:a |much |the |any )?(?:ticket|concern|worry|worrying|fuss|stress|stressing|panic)|(?:isn't|is not|not) (?:such |really |that )?(?:a |an )?(?:big|important|serious|major) (?:matter|deal to worry)|not such an important matter",
      // the alarm, overstated: "the urgency may be a little overstated", "take a breath", "no big drama"
      "(?:is|are|be|been|being|seems?|a little|a bit|somewhat|rather|slightly) (?:overstated|overblown|blown out of proportion)|(?:overreacting|over-reacting|making a mountain)|no (?:big )?drama|take a (?:breath|deep breath|chill pill)|(?:not|isn't|is not) (?:quite |really )?the emergency|(?:hardly|not exactly|not really) (?:a |an )?(?:catastrophe|disaster|emergency|crisis|tragedy|the end of the world)|no need to (?:take tension|stress|get worked up|get excited|lose sleep)|nothing to (?:get )?(?:worried|worry|stress|panic|get excited) about",
      // the trade's normal: "bugs come back sometimes, that's software for you", "happens to every site now and then"
      "that's (?:software|tech|technology|the web|websites|computers) for you|happens? (?:to|in|with) (?:every|all|any) (?:sites?|software|websites?|apps?|projects?)|will be there in every|(?:perfectly|totally|completely) normal and rarely matter|(?:bugs|glitches|hiccups|these things) (?:come back|come and go|happen) (?:sometimes|all the time|now and then|from time to time)",
    ],
    guards: ['conditional', 'negated', 'reported', 'backed', 'apology'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: [
        "It's a silly little thing.",
        "In the scheme of things it's a rounding error.",
        'It is a misaligned logo, hardly a disaster.',
        "Honestly, it's not worth a ticket.",
        'I think the urgency is a bit overstated.',
        'Take a breath, it is one label.',
        'Glitches come back now and then, that is software for you.',
        'This happens to every website.',
      ],
      pass: [
        'No need to stress about the invoices: I checked every one and they are all correct.',
      ],
    },
  },
];
