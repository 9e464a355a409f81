// English tone rules for the voices new writers bring: polite and third-party blame, sarcasm, and the
// stock phrases of Indian, Nigerian, South African and Irish English and of pidgin ("as already
// informed", "no lapse from our side", "na your IT person touch am", "no wahala again", "just now").
// Each rule is a category's construction in these voices, by word class (who / how sure / what act),
// kept apart from the big construction rules so that neither grows past a cheap compile.
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';

/** Someone outside the writer: the client's people, a provider, the developer before. */
const OTHERS =
  "(?:your (?:[\\p{L}'-]+ ){0,2}?[\\p{L}'-]+|the client's [\\p{L}-]+|(?:the|those|that|their) (?:[\\p{L}-]+ )?(?:provider|host|hosting(?: company)?|isp|bank|vendor|agency|developer|dev|freelancer|contractor|team|company|people|guys|crowd|lot|designer|programmer)|(?:stripe|paypal|shopify|godaddy|aws|amazon|google|apple|microsoft|wordpress|cloudflare|eskom|the network|the internet|the browser|the network provider)|(?:someone|somebody|anyone|anybody) (?:(?:at|in|on|from|for) (?:your|the) [\\p{L}-]+)?|(?:the )?(?:previous|last|old|former|other) (?:agency|developer|dev|freelancer|vendor|contractor|team|guy|programmer|designer)(?: before me)?)";

/** A cause stated as theirs: "is from", "is due to", "is down to". */
const CAUSED = "(?:is|was|'s|are|were)(?: (?:most likely|probably|clearly|definitely|all|entirely|coming|originating|likely))? (?:from|due to|because of|caused by|down to|coming from|originating from|on)";

const THEIR_ACT = '(?:changed|touched|edited|modified|updated|deleted|altered|installed|tampered with|messed with|broke|overwrote|logged in|had access|has access|was (?:in|editing|on))';

export const RULES_EN_VOICES: readonly ToneRule[] = [
  {
    id: 'blaming.points-elsewhere',
    category: 'blaming',
    patterns: [
      // the cause stated as the client's or a third party's: "the issue is from your internet provider", "kindly note the issue is due to changes done by your team"
      `(?:issue|problem|error|bug|fault|trouble|glitch|fail(?:ure)?|outage|crash|downtime|slowness) ${CAUSED} (?:the )?(?:[\\p{L}'-]+ ){0,3}?(?:your|you|the client's|changes (?:done|made) by)\\b`,
      `(?:issue|problem|error|bug|fault|trouble|outage|crash|downtime|slowness) ${CAUSED} ${OTHERS}`,
      "(?:changes|edits|updates|modifications) (?:were )?(?:done|made|carried out) (?:from|on|at|by) (?:your|the client's) (?:end|side|team|staff|people|office)",
      // a third party's again: "stripe changed their api again", "those people are always causing wahala"
      "(?:they|they've|they have|their (?:team|people|side)) (?:[\\p{L}]+ )?(?:changed|broke|updated|messed with|pushed|switched|moved) (?:[\\p{L}']+ ){0,3}?(?:again|without (?:telling|warning|notice))\\b",
      "(?:always|forever|constantly|again) (?:causing|making|bringing) (?:wahala|trouble|palava|problems|issues)|(?:is|are) (?:probably )?(?:throttling|blocking) (?:you|your [\\p{L}]+) again",
      "(?:their|your) (?:side|end)\\b[^.]{0,30}nothing (?:i|we) can do|(?:it's|that's|this is) (?:[\\p{L}-]+'s|their|your) (?:problem|issue|mess)\\b",
      "(?:that's|that is|it's|it is) (?:your|the) [\\p{L}-]+ (?:crowd|lot|people|guys|folks),|(?:they're|they are) (?:useless|hopeless|clueless)",
      // pidgin: "na your IT person touch am", "somebody for your office don tamper with am"
      "\\b(?:don|don dey|go|fit|dey) (?:touch|tamper(?: with)?|spoil|scatter|change|mess with|jam|spoil) am\\b|\\bna (?:your|una|dem|them|the) [\\p{L}-]+(?: [\\p{L}-]+)? (?:touch|spoil|scatter|change|do|cause) (?:am|it)\\b",
      // what the client gave was wrong: "the data you gave me was incomplete"
      "(?:data|files?|content|info|information|details|access|spec|brief|requirements|images|credentials|assets|spreadsheet|sheet|export|csv|list|copy|text) (?:you|your [\\p{L}-]+) (?:gave|sent|provided|supplied|uploaded|shared)(?: (?:me|us))? (?:was|were|is|are) (?:incomplete|wrong|incorrect|broken|missing|corrupt\\p{L}*|outdated|bad|faulty|inaccurate|not (?:complete|correct|right))",
      "(?:wrong|incorrect|bad|invalid) (?:data|details|values|info|information) (?:entered|typed|uploaded|put in) by (?:your|the client's|you)",
      // reproach by what the client ought to have done: "you really ought to have mentioned...", "if you'd given me the access..., this wouldn't have happened"
      "(?:you|your [\\p{L}-]+|someone|they) (?:really |honestly |definitely |probably )?(?:ought to|oughta)(?:'ve| have) (?:told|let me know|mentioned|informed|warned|asked|checked|said)",
      "if (?:you(?:'d| had)|your [\\p{L}-]+ had|the team had|they had|someone had|nobody had|no one had) (?:[\\p{L}']+,? ){0,9}?(?:it|this|we|i|that|things|everything)(?:'d| would)(?:n't| not| never| still)? (?:be|have|still)",
      // users misusing it: "your customers are probably not using the app the right way"
      "(?:users|customers|clients|visitors|staff|people|team) (?:are|is) (?:probably |just |clearly |obviously |simply )*(?:clicking|pressing|using|entering|typing|doing|hitting|not using|not following|not reading) (?:[\\p{L}']+ ){0,3}?(?:wrong|incorrectly|the wrong way|the right way|properly|correctly)\\b",
      "(?:didn't|did not|don't|doesn't) (?:know|have a clue|have any idea) what (?:they|he|she|you) (?:were|was|are|is) doing",
      // "I'm not going to keep fixing things that your staff break"
      "(?:not going to|won't|will not|can't|cannot|refuse to) (?:keep|go on|continue) (?:fixing|repairing|cleaning up|sorting out|undoing|patching) (?:[\\p{L}']+ ){0,3}?(?:that |which |what )?(?:you|your [\\p{L}-]+|they|your [\\p{L}-]+ [\\p{L}-]+|people) (?:keep )?(?:break|breaks|broke|mess|messes|touch|touches|change|changes)\\b",
      // the developer before: "the previous agency left the codebase in a right state"
      "(?:previous|last|old|former|other) (?:agency|developer|dev|freelancer|vendor|contractor|team|guy|programmer|designer)(?: before me)?\\b[^.]{0,30}\\b(?:left|leaves) (?:[\\p{L}']+ ){0,3}?(?:in (?:a |such a )?(?:bits|pieces|mess|state|right state|tatters|shambles)|a (?:mess|disaster|nightmare|shambles))",
      "(?:the|that's the) (?:agency|developer|dev|guy|freelancer) before me",
      // a guess with a cue: "I can only assume someone at the school changed the password", "your cousin's quick tweak would be my guess"
      `(?:i can only|i can't help but|i have to|i'd|i would|it would) (?:assume|guess|think|imagine|suspect|seem)(?: that)? ${OTHERS} (?:[\\p{L}']+ ){0,3}?(?:${THEIR_ACT}|overwrote|has been making|have been making|has been changing)`,
      "(?:would be|is) my (?:guess|bet|suspicion)|(?:most likely|probably) down to (?:the|your)\\b",
      `(?:that'll|that will|that must|that has to|that'd) be (?:it|why|the (?:cause|reason|culprit|problem))\\b`,
      // polite blame: "it might be worth asking internally who had access", "perhaps your team could double-check what changed on your side"
      `(?:ask|asking|check|checking|find out|finding out|look into|see)(?: [\\p{L}]+){0,3}? (?:internally |around (?:the|your) office |with your (?:team|staff|people|colleagues) )?who (?:[\\p{L}']+ ){0,2}?${THEIR_ACT}`,
      `(?:with|ask) your (?:[\\p{L}-]+ ){0,2}?(?:team|staff|people|it|office|guy|person|department|admin|colleagues?)[,;]? (?:they|he|she|someone|somebody) (?:might|may|must|could)(?:'ve| have| of) (?:[\\p{L}]+ )?(?:[\\p{L}]+ed|done|broken|taken)`,
      `\\b(?:your|anyone|anybody|someone|somebody)\\b[^.]{0,60}\\b(?:since|as|because|which) (?:that|this|it)(?:'d| would| might) explain`,
      "(?:refrain|abstain|stop|avoid|keep away) (?:from )?[\\p{L}]+ing\\b[^.]{0,60}\\b(?:as|since|because) (?:that|this|it) (?:tends to|usually|always|is what|will|often) (?:cause|break|happen|lead)",
      "(?:run|check|clear) (?:any |all )?(?:changes|edits|updates) (?:past|with|by) (?:me|us) before (?:you|your [\\p{L}-]+|anyone|someone) (?:touch|change|edit|update)",
      "(?:ask|asking) (?:your|the) [\\p{L}-]+ (?:[\\p{L}-]+ )?(?:what|why|how|when) (?:he|she|they|you) (?:changed|touched|did|edited|deleted|updated|broke)",
      "(?:did|has|have) (?:you|your [\\p{L}-]+|someone|somebody|anyone)\\b[^?]{0,60}\\?\\s*(?:that'll|that will|that'd|that would|there's) (?:be it|be why|be the (?:cause|reason|culprit))",
      // the client asked about their own change, as a jab: "did you break it again?", "did your nephew have another go at it?"
      "(?:did|have|has) (?:you|your [\\p{L}'-]+|someone|somebody|anyone)(?: guys| people)?\\b[^?.]{0,40}\\b(?:break|broke|touch|change|mess|let|clear|delete|update|edit|install|remove|fiddle|tinker|hit)\\p{L}*\\b[^?.]{0,40}\\b(?:again|or something)\\b[^?.]{0,20}\\?|(?:did|has|have) (?:you|your)\\b[^?.]{0,30}\\b(?:have|had) another go at",
      // a third party's act on their side: "Stripe must have changed something on their end", "your hosting crowd are after changing something"
      "(?:must|might|may)(?:'ve| have) (?:[\\p{L}]+ )?(?:something|stuff)(?: up)? (?:on|at|from) (?:their|your) (?:side|end)|(?:is|are|'s|'re) after (?:changing|breaking|touching|messing|updating)",
      "(?:disturbed|tampered with|spoilt|spoiled|scattered) (?:my|the) (?:code|site|work|setup)|(?:must|might|may)(?:'ve| have) (?:spoilt|spoiled|scattered|disturbed|tampered with) (?:it|the|my)|(?:no dey|doesn't|does not|don't) (?:spoil|break) (?:by )?(?:itself|on its own)",
      "\\byour\\b[^.]{0,60}\\bnot (?:my|our) (?:code|work|fault|doing|change|changes|plugin|bug)\\b",
      "(?:it's|it is|that's|that is) (?:the |your )?[\\p{L}-]+(?:'s)? (?:[\\p{L}-]+ )?(?:update|plugin|change|changes|server|host|hosting) (?:that|which|what) (?:broke|caused|killed|messed)",
      "(?:it is|it's|it was) (?:your|the client's) [\\p{L}-]+(?: [\\p{L}-]+)? (?:who|that) (?:[\\p{L}]+ed|broke|did)\\b|whoever(?:'s| has)? (?:[\\p{L}']+ ){1,5}?(?:has|have|had) (?:broken|changed|deleted|messed|touched)",
      "(?:buttons|things|settings|stuff) (?:they|you|he|she) shouldn't|heads-up (?:[\\p{L}']+ ){0,4}?would(?:'ve| have) (?:helped|been (?:nice|helpful|good))|if (?:you|your [\\p{L}-]+|people|someone) (?:stopped|quit|would stop) [\\p{L}]+ing",
      "(?:which|that|this) is (?:probably|likely|most likely|almost certainly) (?:where|why|how|what) (?:the trouble|the problem|it|this|things)|(?:seems|appears|looks) to be the (?:cause|reason|culprit|source)",
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested', 'apportioned'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ["I'm not going to keep fixing things that your staff break.", 
        'The outage is from your internet provider, not the site.',
        'Kindly note the error is due to changes done by your staff.',
        'Great, they updated their plugin again without telling anyone.',
        'Somebody for your office don spoil am.',
        'The spreadsheet your assistant sent was incomplete, so of course it failed.',
        'You honestly ought to have told me about the server move.',
        "If your team had read the notes, it'd still be running.",
        'Your visitors are probably just typing it wrong.',
        "The last developer left the repo in such a state that it's no surprise.",
        'I can only assume someone at the warehouse changed the login.',
        'Could you ask your office manager what she changed in the admin panel?',
        'It could help to find out internally who had access last Friday.',
        'Maybe check with your web guy, he might have removed the plugin.',
      ],
      pass: [
        'The error was from my change to the price rounding; I am correcting it today.',
        'Could you tell me which browser you use? It would help me reproduce it.',
        'If you had the page open before the fix, reloading it will show the new price.',
        'The file you sent is complete; I found the cause in my import script.',
        'I updated the template again on Tuesday, and my change broke the footer.',
      ],
    },
  },
  {
    id: 'defensive.sarcasm',
    category: 'defensive',
    patterns: [
      // sarcasm: "great, so it's my fault again", "sure, blame the developer"
      "(?:great|wonderful|brilliant|fantastic|perfect|lovely|super|sure|right|of course|naturally|oh good|marvellous|marvelous|typical|figures)[,!.…]* (?:so |then |and )?(?:now |again )?(?:it's|it is|this is|that's|i'm|i am|everything is|everything's)(?: all| suddenly| somehow| apparently| now| again)? (?:my (?:fault|problem|doing)|on me|the (?:dev|developer|freelancer|coder)'s (?:fault|problem)|to blame)",
      "(?:sure|of course|naturally|right|go on|yeah),? (?:just )?blame (?:the (?:dev|developer|freelancer|coder)|me|it on me)|(?:it's|it is|that's) always (?:my fault|on me|the (?:dev|developer)'s fault)|(?:as usual|once again),? (?:it's |it is )?(?:my fault|on me)",
    ],
    // "my fault" here is sarcasm, not an apology: only a negation lets it through.
    guards: ['negated'],
    ...ADVICE_EN.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ["Wonderful, so now it's my fault.", 'Great, so it is my fault again.', 'Sure, just blame the developer.', "Of course, it's always the developer's fault."],
      pass: ["It's my fault, and I am fixing it this afternoon.", 'Great, thanks: so it is the export that fails, not the import. I will fix the export today.'],
    },
  },
  {
    id: 'defensive.standard-practice',
    category: 'defensive',
    patterns: [
      // our side declared faultless, the stock way: "from our side everything is perfect", "no lapse from our side"
      "from (?:our|my) (?:side|end),? (?:everything|all|the code|it|all the code)(?: (?:is|was|has been))? (?:perfect|correct|fine|proper|ok|okay|working|in order|good)",
      "no (?:lapse|mistake|fault|error|issue|problem|negligence)s? (?:from|on) (?:our|my) (?:side|end|part)",
      "(?:followed|follow|follows|adhered to|adhere to) (?:all )?(?:the )?(?:standard|best|industry) (?:practices|procedures|processes|guidelines|norms)",
      "(?:hence|so|therefore|thus) the (?:issue|problem|error|bug|fault) (?:cannot|can't|could not|couldn't) be (?:from|in|with|due to|on) (?:our|my)",
      "(?:verified|checked|tested) (?:the code|it|everything|all) thrice|(?:done|did) (?:complete|full|thorough|extensive|proper) testing",
      "(?:was|were) (?:working|running) (?:absolutely |perfectly |completely )?(?:fine|perfectly|well|ok) (?:during|in|at) the (?:demo|uat|testing|review|handover|presentation|meeting)",
      "(?:there was|there were|it had|we had) no (?:issue|problem|error|bug)s? (?:at that time|then|at the time)",
      // my work, my years, my routine: "my code is clean, I always test before I deploy", "I've been doing this fifteen years"
      "(?:my|our) code is (?:clean|solid|fine|correct|perfect|good|tested|bug-free|flawless|watertight)|i always (?:test|check)(?: (?:on|in) [\\p{L}]+)?(?= *(?:[,.;]|$| before| everything| my))|i know how to (?:test|fix|code|build|write|debug|do my job)",
      "been doing this (?:[\\p{L}\\d-]+ ){1,2}(?:years|decades)|so it (?:definitely|certainly|absolutely) (?:worked|works|was working)",
      "(?:delivered|built|did) what was (?:quoted|agreed|asked for|signed off)[,;]? nothing more|(?:my|our|the) (?:deliverable|quote|scope|estimate)s? (?:did not|didn't|does not|doesn't|never) (?:include|cover|mention)",
      "(?:not sure|don't see|do not see|can't see|cannot see|fail to see) (?:why|how) (?:this|that|it) (?:is|could be|would be|'s|can be) (?:on me|my (?:fault|problem)|related to (?:anything|something|what) (?:i|we))",
      "(?:ticket|task|job|issue) was (?:closed|signed off|approved|accepted)(?: [\\p{L}]+)? (?:with your approval|by you|and signed off)|closed with your approval",
      "(?:fix|change|code|update|work|patch) was (?:reviewed|approved|signed off|tested)(?: and (?:approved|signed off|tested))? before it went (?:out|live)",
      "(?:literally |exactly |precisely )?how it was (?:designed|specified|agreed|approved|requested|mocked up)(?: in| by| on)|(?:doing|does|did) (?:exactly |precisely |just )?what it(?:'s| is| was) (?:supposed|meant|designed|built) to(?: do)?",
      "with what i was (?:given|sent|provided)|if it had been in the (?:brief|spec|scope|requirements|quote)|(?:my|our) (?:code|work|change|fix|part|update)s? (?:has|have|had) nothing to do with",
      "(?:never|not|wasn't) (?:part of|in|included in) (?:what|the [\\p{L}]+) (?:i|we) (?:quoted|priced|agreed|scoped)",
    ],
    guards: ['apology', 'negated', 'conditional'],
    ...ADVICE_EN.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: [
        'From my end everything is correct, we tested it fully.',
        'There was no lapse on our part.',
        'We adhered to industry best practices, hence the problem cannot be from our code.',
        'It was running perfectly fine during the UAT.',
        "I've been doing this twenty years, I know how to debug a form.",
        "I don't see why this is on me.",
        'It is doing precisely what it was built to do.',
      ],
      pass: [
        "It's my fault, and I am fixing it this afternoon.",
        'I tested it during the demo and missed the case with two coupons; sorry.',
        'I always test on Safari now, since this bug.',
      ],
    },
  },
  {
    id: 'condescending.already-informed',
    category: 'condescending',
    patterns: [
      "as (?:already|previously|earlier|i have already|i had already) (?:informed|mentioned|stated|advised|communicated|explained|told|said|shared)(?: (?:earlier|before|previously))?",
      "(?:again|once again|once more),? i am (?:explaining|telling|repeating|saying|informing)|(?:third|fourth|fifth|umpteenth|nth|hundredth) time i(?:'m| am| have| 've)? (?:saying|telling|explaining|repeating|said|told|explained)",
      "(?:which|as|that) i (?:have|had) (?:already )?(?:mentioned|told|said|explained|informed|shared) (?:earlier|before|previously)(?: also)?|as i keep (?:telling|saying|reminding|explaining)|as per my (?:last|previous|earlier)(?: [\\p{L}]+)? (?:emails?|messages?|mails?)",
      "(?:friendly )?reminder that (?:this|it|that) (?:was|is|has been) (?:covered|explained|mentioned|discussed)|(?:i thought )?we(?:'d| had|'ve| have) been (?:over|through) this",
      "(?:you may not be aware|you might not know|you may not know|in case you didn't know|i'm sure you're aware|i'm sure you know|as i'm sure you know|surely you(?:'ve| have)|as you (?:should|ought to) know|anyone (?:[\\p{L}]+ ){0,3}should know|i'm sure you'll appreciate)",
      "(?:really |very |pretty )?straightforward:|(?:easy|simple) as that|(?:couldn't|could not) be (?:simpler|easier)|more slowly this time|so it sticks|(?:as )?basic as possible|(?:isn't|is not|not) your (?:area|field|strong suit)|easy enough even for|even for non-technical",
      "(?:it says|it's written|it is written) (?:so )?right there|with feeling|kindly (?:go through|read) (?:it|the)|on page (?:one|1) of|think of (?:it|the [\\p{L}]+) (?:like|as) a|you know you can just|just saying|you'd think (?:it'd|it would) be obvious|didn't i (?:tell|say)",
      "understand(?: that)? (?:the )?internet (?:takes|is not|isn't)|(?:pretty |very )?standard practice to",
    ],
    guards: ['negated', 'retracted', 'conditional'],
    ...ADVICE_EN.toldBefore,
    fixScope: 'sentence',
    examples: {
      flag: ['As already informed earlier, the cache must be cleared.', 'Again I am telling you, the login is case sensitive.', 'As per my previous two emails, the plugin must stay off.', "You may not be aware, but browsers keep old copies of pages.", 'It says so right there on the screen.'],
      pass: ['As I mentioned on Monday, I was wrong about the cache; the cause was my change.', 'Here are the steps to clear the cache: open Settings, then Privacy.'],
    },
  },
  {
    id: 'dismissive.no-big-something',
    category: 'dismissive',
    patterns: [
      "no (?:biggie|big deal|tension|wahala|drama)\\b|not a (?:biggie|big something|train smash)|(?:a )?small something|no be big deal|small small (?:things|issues|errors)",
      "(?:wouldn't|won't|not gonna|not going to|i'd not) (?:stress|sweat|fret)(?: about| over)?(?: (?:it|this|that|this one))?|(?:bit of an|a bit of an|an) overreaction|(?:it's|it is) (?:literally |only |just )?(?:one|a single) pixel|one pixel out",
      "(?:just|only) (?:a |the )?(?:console error|warning(?: message)?|footer|layout thing|alignment thing|wee alignment thing|cosmetic thing|rounding thing)|(?:who|nobody|no one) (?:even )?(?:looks at|reads|scrolls|notices) (?:footers|that|the footer|down that far)",
      "(?:such |these )?(?:small |minor )(?:small )?(?:things|issues|glitches|bugs|errors) (?:are|keep) (?:common|normal|happening)|(?:common|normal) (?:in|with|for) (?:every|all|any) (?:websites?|software|sites?|apps?)|(?:a )?(?:very )?(?:common|normal) (?:issue|thing)(?: with websites)?,? (?:nothing|no need|you don't)",
      // nobody will notice: "I doubt your visitors would even notice", "I don't think the users will mind"
      "(?:don't|do not|doubt|hardly) (?:think )?(?:[\\p{L}']+ ){0,2}?(?:customers|users|clients|visitors|patients|anyone|people|guests|shoppers|readers) (?:will|would|'ll) (?:even |ever |really )?(?:notice|see it|spot it|care|mind)",
      "nothing (?:serious|to be concerned)|not worth (?:fretting|worrying|stressing)|(?:most|many) (?:users|people|customers) won't (?:be bothered|notice|care)|(?:won't|will not|wouldn't) even notice|read (?:too much|a lot) into",
      "(?:these things|it) come and go|more of a (?:nitpick|nice-to-have|preference|quirk) than|(?:trivial|negligible) in the grand scheme|negligible (?:issue|problem|bug)|please ignore|you can (?:just )?live with it",
      "(?:hardly|not exactly) a disaster|not like the whole (?:site|system|app|shop) went down|happens to everyone|(?:don't|do not) need to panic|not something you need to (?:think|worry) about|won't matter|only (?:affecting|affects) a handful",
    ],
    guards: ['conditional', 'negated', 'reported', 'backed'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['No wahala, it is a small something.', "Wouldn't stress about it, it's one pixel out.", "It's only a console error, nothing serious.", 'Such small glitches are common in all websites.', 'Most customers won\'t even notice.', "It's hardly a disaster."],
      pass: ['It is a small change in the footer, and I am making it today.', 'Thank you for flagging the warning; I am checking it now and will write by 3 pm.'],
    },
  },
  {
    id: 'overpromising.for-good',
    category: 'overpromising',
    patterns: [
      "(?:by god's grace|god willing|insha'?allah)[^.]{0,40}\\b(?:never|not|won't|will not|no more)\\b",
      "(?:will not|won't|wouldn't|never) (?:repeat|happen|show|come back|occur|recur)(?: itself)?(?: again| anymore)|(?:stop|prevent) it (?:ever )?happening again|not coming back",
      "fixed (?:it |this |the (?:issue|problem|bug) )?(?:completely|totally|fully|for good|100%|once and for all|for real)|(?:permanently|for good|once and for all) (?:resolve|fix|solve|close)|(?:resolve|fix|solve|closed?)[\\p{L}]* (?:the (?:issue|problem|matter) )?permanently|(?:put|puts) the matter to rest",
      "(?:won't|will not|shouldn't) run into (?:it|this|that) (?:again|going forward)|(?:fully|completely) addressed",
      "(?:pretty sure|i reckon|i think) (?:that's|that has|this has) got it|ought to (?:do the trick|have (?:resolved|fixed|sorted) it|be (?:grand|fine|sorted|good|working))|presumably it (?:works|is working|is fixed)|supposed to be working (?:properly |fine |correctly )?now",
      "\\be don (?:work|correct|fix)|no wahala again|(?:is |it's )?watertight",
    ],
    guards: ['negated', 'reported', 'controlled', 'conditional'],
    ...ADVICE_EN.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: ['God willing it will never happen again.', 'This update will permanently resolve the problem.', 'Pretty sure that has got it now.', 'It ought to be fine now, have a go.', 'E don work now.'],
      pass: ["I can't promise it won't happen again, but I added a test for this case.", 'I will check the logs again on Friday at 10.'],
    },
  },
  {
    id: 'stalling.on-the-list',
    category: 'stalling',
    patterns: [
      "(?:it's|it is|yours is) (?:on|high up on|up on) (?:the|my|our) (?:list|radar|to-?do list)|(?:it's|it is) next on (?:my|our|the) list",
      "(?:in|within) the next while|(?:before|in) (?:too|not too) long|whenever i(?:'m| am) free|whenever i get (?:a|the) (?:chance|minute|moment)|(?:when|once) (?:we|i) have a path forward",
      "(?:continue|continuing) to (?:assess|investigate|monitor|evaluate|review) the (?:situation|matter|issue)|escalated (?:it|this|the (?:issue|matter) )?internally|(?:are|am|we're|i'm) awaiting (?:feedback|a response|an update|their reply)",
      "(?:nearly|almost) there\\b|(?:just )?(?:need|needs) a (?:little|bit) more time|a little more time|(?:will|'ll) (?:check|look at|sort) (?:it|this|that) just now|have a look just now|(?:gonna|going to) look later|ack, looking|(?:someone|somebody) will pick it up",
    ],
    guards: ['concrete', 'negated', 'conditional'],
    ...ADVICE_EN.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: ["It's on my list, you'll hear from me.", 'Should have news before too long.', 'We have escalated it internally and are awaiting feedback.', "Nearly there, just need a bit more time."],
      pass: ["It's next on my list: I start at 2 pm and will send you the result by 5 pm.", 'I escalated it to the host at 9:40 and will call you at 11.'],
    },
  },
  {
    id: 'dodging.went-missing',
    category: 'dodging',
    needsOwner: 'not-others',
    patterns: [
      "(?:hiccup|stuff-up|mix-up|discrepancy|lapse|oversight|miscommunication) (?:has |had )?(?:occurred|happened|arose|arisen|crept in)|(?:issue|error|lapse|problem) that (?:arose|occurred|found its way)|(?:there was|there's been) some miscommunication",
      "(?:went|gone|has gone|seems to have gone) (?:walkabout|missing|astray)|(?:fell|fallen|falls|falling) through the cracks|slipped through|wires got crossed|found its way (?:back|into)|(?:due to|because of|through) (?:some|an) oversight",
      "ended up being (?:overlooked|missed|skipped|reverted|dropped)|(?:was|were)(?:n't| not) (?:caught|covered|picked up) (?:during|in|by) (?:the )?(?:qa|testing|review|tests)|(?:was|were) left (?:in a bad state|pointing at)|(?:didn't|did not) (?:reach|make it to) (?:the )?(?:live|production|server)",
      "(?:idk|no idea|not sure|who knows) how,? but|stuff happened with|(?:things|it) (?:didn't|did not) go (?:quite )?to plan|(?:errors|bugs|issues) (?:were|got) (?:discovered|found) in the (?:previous|last|earlier)|(?:not|wasn't|weren't) properly saved",
      "(?:was|were) commented out that|(?:wrong|incorrect|old) version (?:of (?:the )?[\\p{L}]+ )?(?:was|got) (?:deployed|uploaded|released)|(?:must|might|may)(?:'ve| have) (?:been )?(?:[\\p{L}]+ )?(?:[\\p{L}]+ed|dropped off|gone) (?:off |out )?(?:at some point|along the way|somewhere)",
    ],
    guards: ['ownsIt', 'agent', 'negated'],
    ...ADVICE_EN.agentless,
    fixScope: 'sentence',
    examples: {
      flag: ['A small mix-up occurred with the deploy.', 'The patch seems to have gone astray between versions.', 'That case ended up being overlooked.', 'No idea how, but the old stylesheet came back.', 'The flag must have been switched off at some point.'],
      pass: ['I overlooked that case when I merged on Monday; I am adding a test for it today.', 'The host restored an old backup at 3 am, which brought the old file back.'],
    },
  },
];
