// English tone rules by construction: each category's phrases as word classes composed in slots
// (who + how sure + what was done), so that a new writer's wording of the same construction is
// caught without listing their sentence. The phrase rules (rules.en.ts, rules.en.manner.ts) keep the
// fixed expressions; these keep the grammar. See rules.en.ts for the format.
import type { ToneRule } from './model';
import { ADVICE_EN } from './advice.en';
import { OWNED_CAUSE_AFTER } from './rules.en.manner';

/** How sure the writer pretends to be about something they did not see. */
const GUESS =
  "(?:probably|most likely|likely|almost certainly|(?:i'm |i am )?(?:pretty|fairly|quite|almost) (?:sure|certain)|i(?: (?:suspect|believe|think|reckon|bet|guess|imagine|assume|would (?:bet|guess|say|wager))|'d (?:bet|guess|wager|say)|'m guessing| am guessing)|chances are|odds are|my (?:guess|bet|money)(?: is(?: on)?)?|apparently|seemingly|it (?:appears|seems|looks)(?: like| as if| as though| that)?|looks like|seems like|sounds like|perhaps|maybe|presumably|no doubt|surely|evidently|(?:this|that|it) (?:must|has to|can only) be|pretty sure|fairly sure|i expect|i (?:can|could) only (?:assume|guess|imagine|think)|i (?:rather|strongly|do|kind of|kinda) suspect|i (?:do )?wonder (?:whether|if)|i(?:'d| would) (?:gently |politely )?suggest (?:checking |asking |looking into )?(?:whether|if)|(?<=^|[.!?,]\\s{0,3})(?:bet|betcha|i'd wager))";

/** Us, on the writer's side: the subject of vague progress. */
const US = "(?:we|i|the team|our team|the (?:dev|tech|support|development) team|our (?:developers?|devs?|engineers?|people|tech team|support team|specialists?)|my (?:colleague|developer|team))";

/** Feelings the client is told not to have. */
const FEEL = "(?:upset|worried|alarmed|concerned|stressed|angry|annoyed|frustrated|panicked|anxious|bothered|nervous|worked up|worry|panic|fret|stress|be (?:upset|worried|alarmed|concerned|stressed|angry|annoyed|nervous))";

/** Someone on the client's side, or the client, or their things. */
const PARTY =
  "(?:(?:nobody|no one|no-one) (?:on|at|from|in) your (?:end|side|team|office)|(?:anyone|anybody) (?:on|at|from|in) your (?:end|side|team|office)|(?:someone|somebody)(?: with (?:admin |editor )?(?:access|rights|a login))?(?: (?:over there|on your (?:end|side)|at your end|in your office|on your team|from your (?:side|team)))?|(?:a|one|some) (?:member|members|person|people) (?:of|from|on) your [\\p{L}-]+|one of your [\\p{L}-]+|your (?:[\\p{L}'-]+ ){0,3}?[\\p{L}'-]+|you(?: guys| folks| all| people| two)?|y'all|whoever (?:[\\p{L}']+ ){1,3}|(?:the|those|that) (?:[\\p{L}-]+ )?(?:folks|guys|lot|crowd)|(?:the|that|this) (?:other|previous|old|former|last|new) (?:[\\p{L}'-]+ ){0,2}?(?:agency|developer|dev|freelancer|vendor|contractor|team|company|host|provider|designer|guy))";

/** Verbs of doing something to the site or the setup, every form (verbs.ts). */
const DID = `(?:{en:${[
  'change', 'touch', 'edit', 'modify', 'delete', 'remove', 'update', 'install', 'uninstall', 'move', 'rename', 'disable', 'deactivate',
  'reset', 'overwrite', 'break', 'tinker', 'poke', 'fiddle', 'tamper', 'mess', 'switch', 'swap', 'replace', 'upload', 'push', 'clear',
  'wipe', 'import', 'migrate', 'downgrade', 'upgrade', 'block', 'misconfigure', 'tweak', 'alter', 'revert', 'introduce', 'cause',
  'drop', 'reinstate', 'roll', 'stuff', 'wreck', 'undo', 'corrupt', 'kill', 'eat', 'swallow', 'filter', 'restore', 'restart', 'reboot', 'purge', 'flush', 'unpublish', 'publish', 'deploy', 'paste', 'turn', 'rebuild', 'reinstall', 'add', 'set', 'play', 'format', 'meddle', 'mess', 'strip', 'trigger',
].join('|')}}|(?:had|have|has) a go at|(?:got|been|gone|went) (?:into|at|in))`;

const REST = "[^.;?!]{0,40}?";
/** A verb of change whose subject is the writer ("what I changed") or that is a noun ("the root cause") is no guess about the client. */
const DID_THEIRS = `(?<!\\b(?:i|we|i've|we've|i'd|we'd|i have|we have|i had|we had|i just|we just|the|a|an|root|its|this|that|any|no) )${DID}`;

export const RULES_EN_CONSTRUCTIONS: readonly ToneRule[] = [
  {
    id: 'blaming.guess-who-did',
    category: 'blaming',
    patterns: [
      // the client's step blamed by its consequence: "if you'd told me..., this wouldn't have happened", "that's on them",
      "if (?:you(?:'d| had)|the team had|your [\\p{L}-]+ had|nobody had|no one had) (?:[\\p{L}']+,? ){0,6}?(?:this |it |we )?(?:wouldn't|would not|would never|'d still|would still)",
      "(?:that's|that is|it's) on them|(?:these things|it|code|sites?) (?:don't|doesn't|do not) (?:just )?break (?:on (?:its|their) own|by (?:it|them)sel(?:f|ves))|(?:is|are) clashing with|(?:you|your [\\p{L}-]+) (?:sent|gave|uploaded) (?:me )?the (?:old|wrong) [\\p{L}]+",
      "(?:users|customers|clients) are (?:clearly |obviously )?(?:using it wrong|using the [\\p{L}]+ wrong|on (?:ancient|old|outdated))|don't know how to use it|(?:nobody|no one) edits the live|when everyone has admin",
      // guess + the client's side + a change: "I suspect a member of your team deactivated the plugin"
      `${GUESS}(?: that)? ${REST}\\b${PARTY} ${REST}\\b${DID}`,
      // guess + the client's side + a step they skipped: "I'd say your staff didn't follow the upload process"
      `${GUESS}(?: that)? ${REST}\\b${PARTY} (?:[\\p{L}']+ )?(?:didn't|did not|never|failed to|forgot to|skipped|ignored) (?:{en:follow}|{en:read}|{en:check}|{en:test}|{en:clear}|{en:save}|{en:update}|the)\\b`,
      // the client's side + may/must have + a change: "your intern must've deleted the categories"
      `${PARTY} (?:[\\p{L}']+ ){0,2}?(?:must|might|may|could|would)(?:'ve| have| of)? (?:[\\p{L}']+ ){0,2}?(?:been )?(?:[\\p{L}']+ )?${DID}`,
      // "this must be something your IT people did"
      `${GUESS}${REST}\\b(?:something|what|whatever|the thing)(?: that)? ${PARTY} (?:{en:do}|${DID})`,
      // the counterfactual: "if your team hadn't touched the theme, this wouldn't have happened"
      `if ${PARTY} (?:hadn't|had not|didn't|did not|had never|never|wouldn't have|would not have|had left|left) (?:[\\p{L}']+ ){0,2}?${DID}`,
      `${PARTY}(?:'s| has| have|'ve) (?:clearly |obviously |definitely |evidently |probably |apparently )?been (?:[\\p{L}']+ ){0,3}?(?:poking|fiddling|tinkering|messing|playing|meddling|mucking|digging|changing|editing|touching)`,
      `(?:did|have|has) ${PARTY} (?:[\\p{L}']+ ){0,3}?${DID}[^.?!]{0,40}\\?\\s*(?:that|this|which|it) (?:would|might|could|'d|must|'ll|will) explain`,
      "(?:happens|occurs|breaks|is what happens|goes wrong|fails) (?:[\\p{L}]+ )?when (?:clients|users|customers|people|you|your [\\p{L}]+|someone|somebody|non-developers) (?:[\\p{L}]+ )?(?:edit|touch|change|modify|mess|fiddle|tinker|install|update|delete|try|upload|paste)",
      "(?:it's|it is|that's|that is|this is)(?: all| entirely| totally)? (?:the |your )?[\\p{L}-]+(?: [\\p{L}-]+)?'s (?:fault|doing)|blame (?:google|microsoft|apple|chrome|wordpress|the [\\p{L}-]+|your [\\p{L}-]+|them)",
      "(?:unauthori[sz]ed|unapproved|unsanctioned) (?:changes|edits|modifications|access|updates)|(?:from|on|at) (?:the )?client(?:'s)?[- ](?:side|end)",
      `if (?:nobody|no one) (?:on|at|from|in) your [\\p{L}]+ (?:had )?${DID}`,
      "(?:is|was|are|were) what(?:'s| is| was)? (?:breaking|causing|broke|caused|triggering|triggered) (?:it|this|that|the)",
      "(?:break|breaks|broke) (?:stuff|things) like (?:this|that)",
      "(?:happening|happens|failing|fails|broken|breaks|down|not working|blocked) because (?:of )?(?:your|you)\\b",
      // "did you by any chance delete the cache folder again?"
      `(?:did|have|has) ${PARTY} (?:[\\p{L}']+ ){0,4}?${DID}[^.?!]{0,40}?\\bagain\\?`,
      // the cause guessed to be the client's poor thing: "it's probably your outdated browser"
      `${GUESS}${REST}\\byour (?:[\\p{L}-]+ )?(?:outdated|old|ancient|cheap|slow|buggy|broken|dodgy|unsupported|pirated|cracked|free|bad|weird|flaky|dated|obsolete|unpatched|misconfigured)\\b`,
      // a change pinned on the client's side by its result: "introduced by your previous agency's code"
      "(?:introduced|caused|triggered|created|started|broken|overwritten|deleted|removed|changed) (?:[\\p{L}']+ ){0,2}?by (?:[\\p{L}']+ ){0,2}?(?:your|you|someone|somebody|whoever)\\b",
      // "your intern uploaded something, that's where the error comes from"
      `${PARTY} ${REST}\\b${DID_THEIRS}${REST}(?:,|;| and| so)\\s*(?:that's|that is|which is|this is|hence|so that's|and that's)? ?(?:where|why|what|how|the reason)`,
      // what the client did not say, as a reproach: "you really should've told me", "it would have helped to know", "had we been informed"
      "(?:you|your (?:team|people|staff|it (?:guy|person|team|department))|someone|somebody|they) (?:really |honestly |probably |definitely )?(?:should|could|might)(?:'ve| have| of) (?:told|let me know|let us know|informed|warned|mentioned|asked|checked with|consulted|flagged)",
      "(?:it )?would(?:'ve| have) (?:helped|been (?:helpful|useful|good|nice|great)) (?:to know|to be told|if (?:you|someone|somebody|your [\\p{L}-]+) had (?:told|let|informed|warned|mentioned|said|asked))",
      "had (?:we|i) been (?:informed|told|warned|notified|consulted)",
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested'],
    ...ADVICE_EN.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['I suspect a member of your team deactivated the plugin by accident.', 'Someone over there must have been tinkering with the DNS records.', "The issue was almost certainly introduced by your previous agency's code."],
      pass: ['I think I broke it when I deployed on Tuesday.', 'Could someone on your side have changed the DNS? It would help me narrow it down.', 'The fix probably needs a cache reload.'],
    },
  },
  {
    id: 'defensive.my-work-was-right',
    category: 'defensive',
    patterns: [
      // my part was right, in other words: "there's nothing wrong with the logic I wrote", "it was running fine when I handed it over",
      "(?:nothing wrong with|no mistake in) (?:the |my )?(?:logic|code|work|fix)|my (?:code|work|fix|part)(?: of the work)? (?:is not|isn't|was not|wasn't) the (?:issue|problem)|(?:is|was) (?:not|n't) (?:my fault|on me)|no be my fault|not me(?= *(?:[,.!]|$))",
      "(?:running|working) fine when i (?:handed|delivered|passed)|(?:fully )?working at the point of delivery|everything was (?:fine|working|ok|good) (?:on|at|when)|(?:all good|fine) when we signed|i did it properly|i (?:double|triple)-checked|checked thrice|delivered on time and in full",
      "i can't see where i went wrong|(?:i|we) built it the way we agreed|did what i was told|what else you expected|not like i went rogue|you asked for [\\p{L}]+, i delivered|the fix was correct|you (?:even |literally )?(?:saw|confirmed) it (?:working)?",
      // my work + was right: "The patch I shipped was right", "The code I delivered passed all tests"
      "(?:the|my|our) (?:[\\p{L}-]+ )?(?:code|patch|fix|work|build|site|feature|changes?|update|release|version|deliverable|module|plugin|theme) (?:that )?(?:i|we) (?:delivered|shipped|wrote|built|deployed|handed over|made|pushed|released|launched|tested|sent|submitted)(?: [\\p{L}]+)? (?:was|is|were|are|passed|worked|works|had|did|ran|has)(?: (?:perfectly|fine|all|every|no|right|correct|flawless|solid|clean|ok|okay|fully|thoroughly|properly|exactly|100))?",
      // all tests green: "Everything was green in my tests", "passed all of our acceptance tests"
      "(?:pass|passed|passes|passing) (?:all|every|each)(?: (?:of|one of))? (?:the |our |my |its )?(?:[\\p{L}-]+ )?(?:tests?|checks?|qa|reviews?)",
      "(?:everything|it|all|the tests?|the build|the checks?)(?: (?:was|were|is|are|came back|came up|showed))? (?:all )?green",
      "(?:went|gone|go) (?:over|through) (?:it|this|that|the code|everything|each line) (?:line by line|with a fine-tooth comb|thoroughly|carefully|twice|several times|multiple times|in detail)",
      // "it isn't coming from anything I wrote", "so it's not my build"
      "(?:isn't|is not|wasn't|was not|not|nothing|can't be|cannot be|couldn't be) (?:coming |originating |caused |related )?(?:from|by|to do with|with|on|in)? ?(?:anything|something|any(?:thing)? of|any part of) (?:i|we|my|our)\\b",
      "(?:it's|it is|this is|that's|that is|so it's|so it is|definitely|certainly|clearly|but) not (?:my|our) (?:build|code|work|bug|change|changes|fix|patch|deploy|deployment|release|plugin|theme|area|department|job)",
      "(?:nothing|not anything) to do with (?:me|us|my|our|anything (?:i|we))",
      // it worked when it left me: "Everything worked perfectly when I handed it over"
      "(?:work|works|worked|working|was fine|was perfect|ran|running|was running|was flawless|was solid)(?: [\\p{L}]+){0,2} (?:when|before|after|the day|at the time) (?:i|we) (?:{en:hand}|{en:deliver}|{en:launch}|{en:finish}|{en:ship}|{en:deploy}|{en:leave}|{en:submit}|{en:test}|{en:sign} off|{en:close})",
      "(?:when|after|once) it left (?:my|our) hands|(?:at|on|after) (?:the )?(?:handover|hand-off|handoff|delivery|go-live|sign-off)(?:,| it| everything| the site)",
      // "it's functioning as expected according to the spec"
      "(?:functioning|working|behaving|performing|running|operating|functions|works|behaves|performs|runs|operates) (?:exactly |precisely |just )?(?:as|like) (?:expected|intended|designed|specified|agreed|it should|it's supposed to|it is supposed to|requested)",
      "according to (?:the|your|our) (?:spec|specs|specification|brief|contract|requirements|agreement|mockups?|design)",
      // the agreed work kept to the letter: "I stuck to the agreed design in every detail"
      "(?:i|we) (?:followed|stuck to|adhered to|kept to|complied with|respected|implemented|built|delivered|matched) (?:the |your )?(?:agreed|approved|signed-off|signed off|original)? ?(?:design|brief|spec|specs|specification|mockups?|requirements|instructions|plan|wireframes?|scope)(?: [\\p{L}]+)? (?:to the letter|in every detail|exactly|precisely|to the pixel|word for word|faithfully|to a t|down to the last detail|as agreed)",
      "(?:i|we) (?:followed|stuck to|adhered to|kept to|complied with|implemented|built|delivered) (?:the |your )?(?:agreed|approved|signed-off|signed off) (?:design|brief|spec|specs|specification|mockups?|requirements|plan|scope)",
      "(?:checked|tested|verified|tried) (?:it|this|that|everything)(?: myself| personally)? (?:dozens of|hundreds of|countless|many|multiple|several|a dozen|a hundred|a thousand|umpteen) times",
      "(?:wasn't|was not|weren't|were not|never) (?:broken|failing|crashing|like (?:this|that)|an issue|a problem) (?:when|before|at the time) (?:i|we) (?:left|delivered|handed|finished|shipped|launched|deployed)",
      "does (?:exactly |precisely |just )?what (?:the|your|our) (?:contract|spec|specs|specification|brief|quote|agreement|proposal|requirements|ticket) (?:says|said|asks|asked|specifies|specified|requires|required|describes|described|calls for)",
      "not (?:with|in|from|on|about) (?:what|anything|the (?:code|site|work|part|bits?)) (?:that )?(?:i|we) (?:built|wrote|made|did|delivered|shipped|coded|changed|touched|developed)",
      "(?:issue|problem|bug|fault|limitation|quirk) (?:with|in|of) (?:[\\p{L}-]+ ){1,2}itself",
      "(?:never|not|wasn't|isn't|weren't) (?:my|our) (?:responsibility|job|problem|remit|area|concern)",
      "(?:went|worked|ran|was|were) (?:perfectly|fine|smoothly|flawlessly|great|without a hitch) (?:on|from) (?:my|our) (?:end|side)",
      "(?:i'm|i am|we're|we are) not the ones? (?:who|that)|(?:it|that) wasn't (?:me|us)(?: who)?|nothing wrong with (?:the|my|our) (?:work|code|site|fix|delivery|build)",
      "as per (?:the |your |our )?(?:approved |agreed |signed-off )?(?:design|mockups?|requirements?|spec|specs|specification|brief|contract|agreement|scope|sow|quote|instructions|records|logs)|(?:according to) (?:our|my) (?:records|logs|notes|tracker|system)",
      "at the time of (?:handover|delivery|hand-off|handoff|launch|go-live|sign-off)|same can be verified",
      "(?:does not|doesn't|did not|didn't) (?:lie|rest|sit|come|originate|stem) (?:with|in|from) (?:our|my|us|me)\\b",
      "limitation of (?:the|your) (?:platform|system|cms|hosting|browser|theme|plugin|framework|software|server)",
      "(?:years|decades) of experience|never (?:comes?|came) from (?:us|me|our|my)|been doing this for (?:[\\p{L}\\d]+ )?(?:years|decades)",
      "(?:my|our) (?:part|bit|side|code|work|module|piece)(?:'s| is)? (?:works|working|fine|solid|correct|ok|okay|right|done properly|sound)",
      // a check that then reports the fault it found is a finding, not a shield: "I checked it three times, and it only fails on old Safari"
      "(?:checked|tested|verified) (?:it|this|that|everything) (?:twice|three times|again and again|over and over)(?![^.!?]{0,40}\\b(?:fails?|failed|failing|breaks|broke|crash\\p{L}*|reproduc\\p{L}*|found (?:the|a|an|that|it|where|what|why)|the (?:error|bug|fault) (?:is|appears|shows|comes))\\b)",
      "(?:met|meet|meets|satisfied|satisfies|passed|fulfilled|fulfils|fulfills|ticked) (?:every|all|each)(?: (?:of )?the)? (?:acceptance |agreed )?(?:criteri(?:on|a)|requirements?|boxe?s?|specs?)",
      "did (?:my|our) (?:bit|part|job|share)(?: (?:properly|right|correctly|well))?",
      "(?:completed|closed|delivered|resolved|signed off) (?:and (?:closed|delivered|signed off|tested) )?successfully",
      "(?:i|we) (?:have|kept|took|still have) (?:the )?(?:screenshots|proof|receipts|evidence|logs|emails) (?:showing|that show|proving|that prove|of it)",
      "(?:built|delivered|made|developed|implemented|coded) (?:to|per|according to) (?:the |your )?(?:agreed |approved |signed-off )?(?:spec|specs|specification|brief|requirements|design)|functions accordingly",
      "whatever (?:was|you) (?:told|asked|said|requested|agreed)(?: us| me)?,? (?:we|i) (?:did|delivered|built|made)",
      "(?:i|we) (?:don't|do not|never|wouldn't|would never) make (?:mistakes|errors) like (?:that|this)|must be (?:something|someone|somebody) else",
      // "none of my changes touched that part"
      "none of (?:my|our) (?:changes|commits|code|work|edits|updates|files|deploys|releases) (?:touched|affected|changed|went near|involved|modified|broke)",
      // my part declared right, in more words: "my side of it was grand", "my deliverable was complete and functional"
      "(?:my|our) (?:own )?(?:part|bit|side(?: of (?:it|things))?|code|work|module|piece|deliverable|delivery|deploy|fix|patch)(?:'s| is| was| were)? (?:[\\p{L}]+ )?(?:perfect|grand|complete|flawless|solid|sound|spot on|in order|functional|fine|correct)\\b",
      "the (?:fix|patch|code|change|deploy|work|update) (?:that )?(?:i|we) (?:did|made|wrote|pushed|shipped|delivered|put in)(?: [\\p{L}]+)? (?:was|is) (?:[\\p{L}]+ )?(?:solid|fine|right|correct|perfect|sound|flawless|good)",
      "(?:my|our) (?:work|deliverable|delivery|code|solution|implementation) (?:met|meets|matched|matches|complied with|complies with|fulfilled|fulfils|fulfills) (?:all |every |each )?(?:of )?(?:the )?(?:agreed |approved )?(?:specifications?|specs?|requirements|criteria)",
      "(?:i|we) (?:just |only |simply )?(?:did|built|implemented|delivered|followed) (?:exactly |precisely )?what (?:the|your) (?:ticket|spec|brief|document|doc|request|specification|requirements?) (?:said|asked|specified|required|described)|(?:i|we) (?:just |only |simply )followed the (?:document|doc|ticket|spec|brief|instructions)",
      "(?:is |was )?doing (?:exactly |precisely |just )?what the (?:spec|specs|specification|document|requirements?|ticket|brief|contract) (?:asked|asks|said|says|required|requires)",
      "stand (?:over|by|behind) (?:the|my|our) work|(?:gone|been) over (?:my|our) (?:side|part|end|code)(?: of things)? and (?:it's|it is|everything is|all is) (?:all )?(?:in order|fine|correct|ok|good)",
      "(?:whatever|everything that|all that) (?:was|is) in (?:the )?scope (?:was|has been|is) (?:[\\p{L}]+ )?delivered|(?:worked|ran|passed) every (?:single )?time|ran it (?:a dozen|dozens of|many|multiple|several|ten|twenty) times",
    ],
    guards: ['apology', 'negated'],
    ...ADVICE_EN.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ['The code I delivered passed all of our acceptance tests.', "Everything was green in my tests on launch day, so it's not my build.", "Whatever's going on, it isn't coming from anything I wrote.", 'The patch I shipped was right, I went over it line by line.'],
      pass: ["I checked it three times, and it only fails on phones with the old Safari.", 'The patch I shipped on Tuesday broke the export; I am sorry.', 'I will run all the tests again tomorrow and send you the result.', 'The fix is in the build I deployed on Monday.'],
    },
  },
  {
    id: 'defensive.scope-and-sign-off',
    category: 'defensive',
    patterns: [
      // the deal as a shield: "was never in my quote", "the requirements never mentioned..."
      "(?:never|wasn't|was not|isn't|is not|not|weren't|were not) (?:part of|in|included in|within|covered by|on) (?:my|the|our|your) (?:original |initial |agreed |signed )?(?:quote|scope|brief|contract|spec|specs|specification|estimate|proposal|agreement|requirements|budget|statement of work|sow|ticket|task|job)(?![^.;!?]*\\b(?:but|however|though|happy to|glad to|i can|i could|i'd|i would|we can|if you)\\b|[^.!?]*;\\s*(?:but |however,? |though,? )?(?:i|we) (?:can|could|would be happy to|'d be happy to|am happy to|'m happy to)(?!'t| ?not)\\b)",
      "(?:the |your |our )?(?:requirements|brief|spec|specs|specification|contract|quote|proposal|scope|ticket|original request|statement of work)(?: [\\p{L}]+)? (?:never|didn't|did not|doesn't|does not|don't|do not) (?:{en:mention}|{en:include}|{en:say}|{en:ask}|{en:cover}|{en:specify}|{en:require}|{en:call} for|{en:list})",
      "(?:can't|cannot|can not|shouldn't|should not) (?:really |fairly |reasonably )?be held (?:to|responsible|accountable|liable)",
      "(?:by design|as designed|as intended|working as (?:intended|designed|expected|specified|agreed|documented))",
      "(?:documented|explained|described|specified|stated|covered|listed|written) (?:clearly )?in the (?:handover|spec|specs|docs|documentation|brief|contract|readme|proposal|manual|notes|handover notes)",
      // the client's own sign-off as a shield: "your team had two weeks on staging and didn't flag a single issue"
      "(?:you|your (?:[\\p{L}'-]+ ){0,2}?[\\p{L}'-]+) (?:had|got|were given|spent) (?:[\\p{L}\\d']+ ){0,4}?(?:and|but) (?:didn't|did not|never|couldn't|did't) (?:flag|report|mention|raise|notice|say|find|spot|complain)",
      "(?:you|your (?:[\\p{L}'-]+ ){0,2}?[\\p{L}'-]+) (?:approved|signed off(?: on)?|accepted|validated|okayed|ok'd|green-lit|tested and approved) (?:it|this|that|the|everything)",
      "(?:approved|signed off|accepted|validated) (?:without|with no|with zero) (?:any |a single )?(?:comments?|objections?|changes?|remarks?|issues?|complaints?|feedback)",
    ],
    guards: ['apology', 'conditional', 'offered'],
    ...ADVICE_EN.scopeAsShield,
    fixScope: 'sentence',
    examples: {
      flag: ['Bulk editing was never in my quote, so I can\'t really be held to it.', 'The requirements never mentioned support for older browsers.', 'This behaviour is by design and was documented in the handover notes.', "Your team had two weeks on staging and didn't flag a single issue."],
      pass: ["The export was not part of the original quote; I can add it for 3 hours of work if you'd like.", 'Bulk editing is not in the current estimate; I can add it for 6 hours of work, ready on Friday.', 'I will add support for older browsers by Thursday.'],
    },
  },
  {
    id: 'dismissive.weigh-down',
    category: 'dismissive',
    patterns: [
      "(?:it's|it is|that's) (?:literally |just |only |purely |really )+(?:a |an )?(?:cosmetic|visual|minor|small) (?:thing|one|issue|glitch|quirk)|(?:it's|it is) a minor one",
      // weighing the worry down: "not a big concern", "storm in a teacup", "won't kill anyone", "it'll resolve itself",
      "not (?:a |that )?big (?:concern|drama|worry|issue)|storm in a teacup|(?:won't|will not|wouldn't) (?:kill|hurt) anyone|not hurting anyone|(?:the )?least of (?:our|your) worries|bigger fish to fry",
      "(?:tends to|will|should|it'll|can|may|might) (?:resolve|sort|fix) itself|(?:resolves|sorts|fixes) itself|(?:keep|keeps) you up at night|(?:no|any) real cause for (?:concern|alarm)|merits? this much attention|read too much into it|of no (?:real |operational |practical )?consequence",
      "(?:it's|that's) (?:grand|fine|normal|common)(?= *(?:[,.!]|$| so| don't))|don't mind it|ignore it(?= *(?:[,.!]|$))|(?:little|minor) quirks|more of a feature than a bug|(?:it's |it was )?a one-off|not important(?= *(?:[,.!]|$))|low-impact",
      "(?:of |has |have |with |carries )?(?:little|no|negligible|minimal|limited|zero|no real|hardly any|very little) (?:real |practical )?(?:consequence|impact|importance|significance|effect|relevance|bearing)",
      "(?:doesn't|does not|don't|do not|hardly|barely) (?:really )?(?:warrant|merit|justify|deserve|call for|need) (?:this|that|so much|such|all this|any|much)",
      "(?:this|that|such a|so much|such) (?:level|amount|degree) of (?:concern|worry|alarm|panic|fuss|attention)",
      "(?:can|could) (?:safely |easily |just )?be (?:ignored|overlooked|disregarded)",
      "(?:only|just|merely|barely) (?:a handful|a few|a couple|one or two|a small number|a tiny number|a fraction|a small fraction|a tiny fraction)(?: of)? (?:your )?(?:users|people|customers|visitors|clients|orders|shoppers|readers)",
      `(?:no|little|not much|not any|hardly any) (?:real |actual )?(?:reason|need|cause|point) (?:for you )?to (?:be |get |feel )?${FEEL}`,
      "not (?:as|so|that|nearly as|anywhere near as) (?:bad|serious|terrible|dramatic|big|major|severe|grave|scary|alarming) as (?:it|that|this|you) (?:looks|seems|sounds|appears|think|fear|might think)",
      "(?:no|not a|not much of a|not that big a|not such a) (?:big|huge|major|real) (?:thing|worry)",
      "(?:barely|hardly|scarcely) (?:an?|any) (?:issue|problem|bug|concern|thing|inconvenience|glitch)",
      "(?:hardly|not exactly|barely|not really) (?:urgent|critical|serious|important|pressing|an emergency|a priority)",
      "(?:it's|it is|that's|that is|this is|it was|only affects|it affects|affects) (?:really )?(?:only|just|merely) (?:one|a single|two|a couple of) (?:button|page|field|pixel|word|line|image|link|product|email|user|customer|order|label|icon)s?",
      "(?:doesn't|does not|won't|will not) (?:really )?(?:change|affect|matter|make a difference)(?: anything| much| a thing)? (?:for|to) (?:your|the) (?:customers|users|visitors|clients|business|sales|shoppers)",
      "(?:don't|do not|doesn't|wouldn't) (?:really )?(?:think|believe|reckon|consider)(?: that)? (?:it's|it is|this is|that's|that is|it'd be|this'd be|it would be)? ?(?:a |that |such a |too |very |really |much of a )?(?:big|major|serious|huge|real|bad|important|urgent|critical|grave)",
      "(?:let's not|let us not|no need to|don't|do not|there's no need to) (?:over-?dramati[sz]e|dramati[sz]e|overthink|overreact|make (?:a drama|a scene|a fuss|a big thing)|blow (?:it|this) up)",
      "no (?:customer|user|visitor|client|one|shopper|reader|buyer)s? (?:is|are|will|would|'ll)? ?(?:going to |ever |really )?(?:care|notice|mind|see|spot)",
      "(?:is|are|'s|was|were) (?:negligible|minimal|insignificant|marginal|trivial|very small|very limited)",
      "not worth (?:prioriti[sz]ing|fixing|the effort|the time|bothering|chasing|it)|(?:an |just an |only an )edge case",
      "(?:won't|will not|wouldn't|will never|don't|do not) even (?:see|notice|spot|care)",
      "(?:most|many|the majority of) (?:[\\p{L}]+ )?(?:users|people|visitors|customers|clients) (?:would |will )?(?:never|rarely|hardly ever|not) (?:run into|hit|see|notice|encounter|come across)",
      "one[- ]in[- ]a[- ](?:thousand|million|hundred)|once in a thousand",
      "(?:making|make) (?:more|too much|a lot|so much) (?:of|out of) (?:this|it|that)",
      "ignore (?:that|the|this|those|these) (?:[\\p{L}]+ )?(?:warning|message|error|notice|alert|popup)s?|(?:it's|it is|that's|they're) (?:completely |totally |perfectly )?harmless",
      "don't bother (?:about|with) (?:it|this|that)|not affecting (?:sales|anything|anyone|users|the business)",
      "(?:doesn't|does not) (?:require|need|warrant) (?:urgent|immediate|any|much) (?:attention|action)",
      "that's all(?= *[.!]|$)|a (?:couple of|few) pixels",
      "chill(?=[\\s,.!]|$)|(?:still )?works? mostly|mostly work(?:s|ing)|who cares",
      "you can (?:just |safely )?(?:skip|ignore|dismiss|close) (?:it|that|this)",
      "(?:it )?happens all the time|no stress(?= *[,.!]|$)|(?:can|could) (?:live|cope|manage) with (?:it|this|that)",
      "(?:worrying|worried|fussing|stressing|panicking) (?:about|over) nothing",
      "(?:just|only|merely) (?:a|an) (?:quirk|oddity|hiccup|blip|glitch|typo)|not really an? (?:issue|problem|bug)",
      "hardly (?:something|anything|worth|a reason|a concern|an issue|a problem|matters)",
      "(?:very |so |really |only a )?few (?:of your )?(?:visitors|users|people|customers|clients|shoppers|readers) (?:ever |actually |will ever |would ever |even )?(?:hit|see|use|visit|notice|go to|open|reach|land on|care)",
      "(?:customers|users|visitors|people|clients|anyone|nobody|no one) (?:will|would|are going to|is going to)? ?(?:won't|will not|wouldn't|would not|don't|do not|never|hardly|barely)? ?(?:care|mind|notice)(?: about)? (?:it|this|that|much|at all)",
    ],
    guards: ['conditional', 'reported', 'negated', 'backed'],
    ...ADVICE_EN.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ["This doesn't really warrant this level of concern.", "Very few visitors ever hit that page, so it's of little consequence.", 'In practical terms, this has negligible impact and can safely be ignored.', 'A slightly off-center logo is hardly something your customers will care about.'],
      pass: ['It affects 40 orders a day, so I am treating it first.', 'I will fix the logo alignment today.'],
    },
  },
  {
    id: 'stalling.no-when',
    category: 'stalling',
    patterns: [
      // progress or a look-in with no when: "I'll get to it eventually", "will advise", "more to come", "on my radar",
      "(?:i'll|i will|we'll|will) (?:get to (?:it|yours|this)|look into it|sort it(?: out)?|poke around|get back to (?:u|ya|you))(?: (?:eventually|later|just now|at some point|soon))?(?= *(?:[,.!]|$| when| once| and (?:get back|revert|let you know|update you)(?! (?:by|on|before|at|tomorrow|today))))",
      "(?:will|i'll|we'll) (?:advise|shout|revert|circle back|update)(?: (?:when|once) (?:done|ready|sorted|i know more))?(?= *(?:[,.!]|$))|more to come|(?:it's |it is )?on (?:my|our) radar|getting closer every",
      "(?:still|just) (?:busy|working through|working on|chipping away at) (?:with )?(?:it|this|that)|(?:remains|is still) a priority|(?:pick|picking) this up in (?:an|a|the) (?:upcoming|future|later|next) sprint|waiting on a few things|give me (?:small |some |a (?:bit|little) )?time",
      "(?:will )?look into it later|(?:haven't|have not) forgotten about (?:this|it|you)|not quite there yet",
      "(?:we(?:'ve| have)?|i(?:'ve| have)?) (?:got |now have )?(?:eyes|an eye|our eyes|my eyes) on (?:it|this|that|the issue|the problem)",
      "(?:updates?|news|more|details|a fix|a reply|an answer) (?:to follow|will follow|coming)",
      "at (?:the|my|our) (?:earliest|first|next) (?:opportunity|convenience|chance|possible moment|available moment|available slot)",
      "(?:once|when|as soon as|after|whenever) (?:i|we)(?:'ve| have| had)? (?:had|get|have|got|find|found) (?:a|the|some|any)? ?(?:chance|time|moment|minute|window|bandwidth|sec|second|capacity|breathing room|gap|free moment)",
      `${US}(?:'re|'m| are| am| is)(?: still| currently| actively| already| now)? (?:on it|on this|onto it|on the case|across it|chasing (?:it|this|that)(?: down| up)?|handling it|dealing with it|sorting it(?: out)?|working (?:on|through) it|digging (?:into )?it|investigating(?: it| this)?|looking into it|looking at it)`,
      "(?:on|in) (?:my|our) (?:to-?do|to do|task|work) list|(?:it's|it is|this is|that's) on (?:my|our) list",
      "(?:hope|expect|aim|plan|intend) to (?:have|get|send|share|give) (?:you )?(?:news|something|a fix|an update|more|an answer|it sorted)",
      "in the (?:near|short|medium) term|near-term",
      "(?:in the process of|trying to|attempting to|working to) (?:resolve|resolving|fix|fixing|get to the bottom|getting to the bottom|figure|figuring|identify|identifying|sort|sorting|understand|understanding|find|finding|investigate|investigating)",
      "(?:is|are|'s|remains?) pending (?:with|on|at)|on (?:a )?priority(?: basis)?|(?:kindly|please) wait(?= *[,.!]|$)",
      "(?:once|when) the dust settles|when things (?:calm|quiet|settle) down|(?:ping|update|get back to|message) (?:you )?later",
      "(?:is|are|'s|'re)(?: currently| now| still| actively)? being (?:actively |urgently |closely |carefully )?(?:looked (?:at|into)|investigated|handled|reviewed|worked on|dealt with|addressed|analy[sz]ed|assessed|evaluated|examined|checked|monitored|processed)",
      "chipping away|soonish|plugging away|beavering away|grinding (?:through|away)|on the job",
      "(?<=^|[.!?]\\s{1,3})(?:will|shall) (?:check|look|update|revert|get back|investigate|review|see)",
      `${US}(?:'re|'m| are| am| is)(?: still| currently| closely)? (?:monitoring|watching|keeping an eye on|tracking) (?:the situation|it|this|things)`,
      `${US}(?:'re|'m| are| am| is) (?:very |getting |so )?close(?= *[,.;!]|$| now)|(?:just )?a (?:few|couple) more (?:things|bits|checks|tweaks) to (?:check|do|test|sort)`,
      "need (?:some |a bit |a little )?(?:more )?time to (?:look|check|investigate|dig|review|figure)",
      "in some time|(?:will|shall) be provided(?! (?:by|on|at|before|tomorrow|today))",
      "(?:doing|do) (?:what|all|everything) (?:we|i) can|(?:doing|do) (?:our|my) (?:best|utmost)|these things take time|(?:see|figure out) what (?:we|i) can do",
      "(?:being|been|was|is|has been|have) escalated(?: (?:internally|it|this|to (?:the|our) [\\p{L}-]+))?",
      "(?:all over|right on top of|onto) (?:it|this|that)",
      "in a (?:few|couple(?: of)?|number of) (?:days|weeks|hours)|(?:days|weeks|hours|a week|a day) or so",
      "working (?:our|my) way through (?:it|this|that|the (?:issue|problem|list|backlog))",
      "(?:is|'s|are|'re|sits|sit)(?: now| currently)? with (?:our|the|my) (?:developers|devs|team|engineers|tech team|specialists|support team|back-?end team|it team|colleagues)",
      "give (?:us|me) (?:a |a little |a bit |just a )?(?:little |bit )?(?:while|bit|longer|more time)(?: longer| more)?",
      "(?:earliest|soonest) (?:possible |available )?(?:date|time|opportunity|moment|convenience|slot)",
      "as (?:things|we|work) (?:progress|make progress|move along|go|develop)",
      "(?:try to|will|'ll|can) (?:squeeze|fit|slot|sneak) (?:it|this|that) in",
      "(?:if|when) (?:i|we) (?:can|get (?:a )?(?:time|chance|moment)|have (?:the )?(?:time|a moment|a chance|capacity))\\b",
      "in (?:the )?(?:hands|care) of (?:the|our|my) (?:team|developer|devs?|engineers?|specialists?|colleagues?|tech team|support team)",
      "(?:while|as) (?:we|i)(?:'re| are|'m| am)? (?:work|working|look|looking|dig|digging|sort|sorting|figure|figuring) (?:on|into|at|out) (?:it|this|that|things|the (?:issue|problem|bug))",
      "(?:(?:i|we)(?:'ll| will)|(?:i'm|we're|i am|we are) going to) (?:revisit|get to|get round to|get around to|come back to|return to) (?:this|it|that|the issue)",
      "(?:i|we)(?:'ll| will) (?:ping|message|text|email|update|call) you (?:once|when|later|after|as soon as|whenever)",
      // a look promised with a reply and no when: "I'll have a look just now and let you know", "will check and revert"
      "(?:will|'ll|shall) (?:check|look(?: into it)?|have a (?:look|squiz|peek|gander|dig)|dig in)(?: (?:it|this|that))?(?: (?:now|just now|shortly|asap|in a bit))? (?:and|&|,) (?:then )?(?:let you know|get back(?: to (?:you|ya))?|revert|circle back|update you|come back to you|report back)",
      "(?:update|revert|get back|circle back|respond|reply)(?: to (?:you|ya))? (?:at the earliest|in due course)|at the earliest(?= *[,.;!]|$)",
      "(?:is|are|'s|'re) (?:under process|receiving attention|being actioned)|will be actioned|in due course|(?:standard|usual|normal) turnaround",
      "(?:will|'ll) circle back(?= *[,.;!]|$)|on the radar|waiting to hear back",
    ],
    guards: ['concrete', 'negated', 'conditional'],
    ...ADVICE_EN.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: ["Yeah we've got eyes on it, updates to follow.", 'I will revisit this at the earliest opportunity.', "I'll ping you once I've had a chance to dig in."],
      pass: ["I'll ping you at 3 pm with the log.", 'I will revisit the export on Monday morning and send you the result.'],
    },
  },
  {
    id: 'overpromising.sworn',
    category: 'overpromising',
    patterns: [
      // sworn or forever: "hand on heart", "on my honour", "impossible for it to break again", "will resolve all your issues",
      "hand on heart|on my (?:honou?r|life)|(?:prob|probably|should be) (?:all )?(?:fixed|good|grand|sorted) now|impossible for (?:it|this) to",
      "(?:stop|prevent) this (?:from )?ever happening|(?:resolved|fixed|sorted) (?:fully|completely|once) and (?:finally|for all)|every single one of your|(?:will|shall) (?:resolve|fix|solve) all (?:your|the)|the last time you (?:need|have) to",
      "(?:will|shall) (?:work|load|run) (?:perfectly|flawlessly|instantly)(?: for everyone| on every)?|(?:it's |it is )?not going to (?:break|fail|happen) again|ought to resolve (?:the issue|it|this) (?:entirely|completely|fully)",
      "(?<=^|[,.;:!]\\s{0,3})(?:i )?(?:{en:promise}|{en:swear}|{en:guarantee})(?: you| down| to god| on my life| on it)?(?=[ ,:])",
      "(?:won't|will not|never|wouldn't|will never) (?:be |ever )?(?:see|seeing|have|having|get|getting|hit|hitting|run into|running into|experience|experiencing|face|facing|deal with|dealing with) (?:that|this|the|any|another|a) (?:[\\p{L}-]+ ){0,2}?(?:error|bug|problem|issue|crash|message|glitch|outage|failure|warning)s? (?:again|anymore|any more|ever again)",
      "(?:you|it|this|that|the (?:[\\p{L}-]+ )?[\\p{L}-]+|things|everything|nothing)(?:'ll| will)? (?:[\\p{L}]+ )?never (?:[\\p{L}']+ ){0,5}?again",
      "(?:it|this|that|the (?:fix|patch|site|change))(?:'ll| will) (?:definitely |certainly |surely |absolutely )?(?:hold|work|stick|stay fixed|behave)(?: up)? (?:this time|from now on|for good|forever|no matter what)",
      "(?:zero|no|not a|absolutely no|not the slightest) (?:chance|way|risk|possibility) (?:of )?(?:this|it|that|the (?:bug|issue|error|problem))(?: will| could|'ll| is going to)? (?:happens?|happening|breaks?|breaking|fails?|failing|comes? back|coming back|recurs?|recurring|returns?)",
      "with (?:total|complete|absolute|full|100%|one hundred percent|utter) (?:certainty|confidence)",
      "(?:from now on|going forward|from here on(?: out| in)?|moving forward|henceforth|from today),? (?:you|it|this|that|the (?:site|shop|app|form|page|export)|everything|things)(?:'ll| will)? (?:won't|will not|never|will never|shouldn't|should not|will always|'ll always|always|won't ever|are going to be fine)",
      "she(?:'ll| will) be right|(?:won't|will not) give you any (?:more )?(?:trouble|grief|problems|issues|headaches|bother)",
      "(?<=^|[.!?]\\s{1,3})(?:reckon|think|guess|figure|pretty sure|fairly sure|hopefully)(?: that)? (?:it's|it is|that's|everything's|this is|all's|it should be|it'll be) (?:[\\p{L}]+ )?(?:working|fixed|sorted|fine|good|ok|okay|done|resolved)",
      "categorically|unequivocally|beyond (?:any|a|the shadow of a) doubt|(?:won't|will not|will never|shall not) (?:re-?occur|recur|reappear|resurface)",
      "nothing(?:'s| is)? (?:going to|gonna|will|'ll|can|could) (?:go wrong|break|fail)",
      "(?:from now on|going forward|from here on(?: out| in)?|moving forward|henceforth|from today),? (?!(?:i|we)\\b)(?:[\\p{L}'-]+ ){0,3}?(?:will|'ll|is going to|are going to) (?:always|never|keep|continue to|no longer)",
      "believe me|(?:won't|will not|never) (?:happen|occur|break|fail|recur) (?:a second time|twice)",
      "(?:perfect|flawless|fine|great|solid|stable|smooth|bulletproof)(?:ly)? (?:from (?:here|now) on|going forward)",
      "should (?:all )?(?:see it right|be (?:hunky-dory|right|sweet|golden|peachy|sorted|all good))|job done|done and dusted",
      "(?:stake|bet) my (?:reputation|life|career|house|name) on",
      "(?:will|'ll|can) (?:handle|withstand|survive|take) (?:anything|everything|whatever)",
      "(?:dead and buried|gone for good|gone forever|sorted for good|fixed for good|squashed for good|a thing of the past|consigned to history)",
      // the modal of done-ness in more shapes: "should have been resolved", "is supposed to be working properly now", "that should be it sorted"
      "(?:should|ought to|is supposed to|'s supposed to|are supposed to|'re supposed to)(?: now)? (?:have been|be) (?:\\p{L}+ )?(?:resolved|fixed|sorted|working|fine|ok|okay|good|right)",
      "(?:that|this|it)(?:'ll| will)? (?:should|ought to) (?:be )?it(?: all)? (?:sorted|fixed|done)",
      "(?:ought to|should) (?:now )?(?:submit|load|work|run|behave|display|save|send|go through)(?: [\\p{L}']+){0,4}? (?:without (?:issue|issues|problems|errors|a hitch|a problem)|correctly|properly|normally)",
      "(?:shan't|won't|will not|can never|will never) (?:ever )?(?:break|fail|come back|happen|recur|return|crash|go down)(?: again| anymore| any more)?",
      "permanently (?:solves|fixes|resolves|solved|fixed|resolved)|(?:won't|will not|shan't) (?:have|get|see) any more (?:dramas|problems|issues|trouble|errors|bugs)",
      "(?:will|'ll) (?:work|behave|run) (?:correctly|properly|fine|perfectly) from now on",
    ],
    guards: ['negated', 'reported', 'controlled', 'conditional'],
    ...ADVICE_EN.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: ["Swear down, you won't be seeing that error again.", 'Promise you, this bug is dead and buried.'],
      pass: ['I promise to send you the report on Thursday.', "I can't promise you won't see that error again, so I added an alert."],
    },
  },
  {
    id: 'condescending.told-before',
    category: 'condescending',
    patterns: [
      // the obvious, and telling again: "website 101", "anyone who's run a website knows", "once again", "as mentioned, repeatedly",
      "\\b[\\p{L}]+ 101\\b|(?:anyone|any [\\p{L}]+ owner|everyone) (?:who(?:'s| has)? [\\p{L}']+ (?:[\\p{L}']+ ){0,3}?)?(?:knows|should know)|(?:you )?(?:don't|do not) need to be (?:a|an) [\\p{L}]+ to",
      "(?:remind you|tell you|mention|say it),? once again|as mentioned,? (?:repeatedly|again|several times)|i've shown you|don't make me repeat|all you (?:had|have|need(?:ed)?) to do|you only (?:needed|had) to|wasn't that hard|(?:it's |it is )?(?:really |honestly )?not complicated",
      "beginner's guide|for beginners|easier to grasp|not to state the obvious|(?:literally|just) one click|clearly mentioned|i assumed you'd know|make sure it actually is",
      "(?:we|i)(?:'ve| have| had)? (?:already )?(?:covered|discussed|went over|gone over|talked about|talked through|went through|gone through|addressed|cleared up|settled) (?:this|that|it)(?: (?:already|before|together|more than once))? (?:in|at|during|on|last|when|back)\\b",
      "(?:we|i)(?:'ve| have| had) already (?:covered|discussed|gone over|talked about|gone through|addressed) (?:this|that|it)",
      "(?:any|every|a|ask any) (?:competent |decent |good |half-decent |junior |first-year )?(?:developer|dev|designer|professional|admin|sysadmin|engineer|programmer|techie|expert|webmaster|student|beginner|intern)s? (?:will|would|can|could|knows|know|should know)(?: tell you)?",
      "(?:to |let me |i must |i have to |i need to )?(?:reiterate|restate|repeat)(?: (?:what|myself|again|once more|my (?:point|earlier|previous)))?",
      "as (?:was|has been|it was|it has been|it's been)? ?(?:clearly |already |previously |explicitly )?(?:stated|mentioned|explained|noted|said|outlined|written|specified) (?:in|on) (?:my|the|our) (?:previous|last|earlier|first|initial)",
      "(?:i|we)(?:'ve| have| had)? (?:already )?(?:explained|told you|covered|described|outlined|detailed|spelled out) (?:this|that|all this|all of this|all that)(?: [\\p{L}]+){0,3} (?:last|before|previously|already|in my|in our|several|twice|more than once|at length)",
      "(?:i|we) (?:thought|believed|assumed) (?:i|we|it|that|this)(?:'d been| was| were| had been| is) (?:clear|obvious|self-explanatory|plain)",
      "the first time(?: around)?(?: i| we)? (?:explained|said|told|mentioned|wrote)|(?:clear|obvious) the first time",
      "(?:walk you through|explain|go over|spell out|break down|take you through) (?:it|this|that)(?: again)? (?:slowly|very slowly|step by step|in simple terms|in plain english|one more time|once more)",
      "(?:not sure|don't know|do not know|no idea) how (?:else|more clearly|much (?:more )?clearly|else i can|many (?:more )?(?:ways|times)) (?:to |i can )?(?:explain|say|put|phrase)",
      "(?:told|explained|sent|said|went over|gone over|mentioned|covered|showed|shown) (?:[\\p{L}']+ ){0,4}?(?:twice|three times|four times|a couple of times|more than once)",
      "(?:all|clearly|already|right there|explained|covered) in the (?:manual|docs|documentation|guide|faq|readme|handbook|instructions|user guide)",
      "if you (?:read|check|looked at|look at|open|opened|bother(?:ed)? to read) (?:it|them|the (?:manual|docs|guide|email|instructions))(?= *(?:[.!]|$))",
      "(?:be|make (?:it|this|myself)|put it) (?:clear|plain|crystal clear) (?:once more|again|one more time|once and for all)",
      "(?:stress|emphasi[sz]e|underline|insist|point out) (?:again|once more|one more time|yet again)",
      "(?:read|follow|check|look at|open|try) (?:[\\p{L}']+ ){0,3}?this time(?= *(?:[.!]|$))|(?:actually|really|properly) (?:read|follow|open|look at)",
      "(?:shouldn't|should not|don't|do not) (?:really )?(?:have|need) to (?:explain|repeat|tell you|say|spell out) (?:this|that|it)",
      "common sense|self-evident|goes without saying",
      // "I'm tired of explaining the same thing", "is it really that hard to clear the cache?"
      "(?:tired|sick|weary) (?:and tired )?of (?:explaining|repeating|saying|telling you|going over)\\b",
      "(?:is|was) (?:it|that|this) (?:really |honestly |seriously |actually )?(?:that|so) (?:hard|difficult|complicated)\\b[^.!?]{0,70}\\?|how hard (?:is it|can it be|could it be) to\\b",
      "(?:i'd|i would) have thought|(?:thought|assumed) (?:this|that|it) was (?:obvious|clear|evident|self-explanatory)",
      "(?:refer to|read|check|consult) the (?:documentation|docs|manual|faq|guide) (?:before|first)",
      "(?:anybody|anyone|everyone|somebody) with (?:basic|minimal|a little|any|a bit of) (?:computer |technical |it )?(?:skills|knowledge|experience|sense)",
      "(?:once more|one more time|yet again) to explain|(?:try|attempt) (?:once more|again|one more time) to (?:explain|make)",
      "(?:like|as) i(?:'ve| have| had)? (?:already |previously )?(?:said|told you|mentioned|explained)",
      "even (?:a|my|your) (?:child|kid|five-year-old|grandma|grandmother|granny|toddler|beginner|intern|nan)",
      "(?:in )?(?:simpler|plainer) terms|(?:simplify|dumb) (?:it|this) down",
      "(?<=^|[.!?]\\s{1,3})(?:naturally|of course),? (?:the|it|this|that|you|your|it's|that's|it won't|it will)",
      "you do (?:know|understand|realise|realize|remember)|told (?:ya|you so)|what did i (?:say|tell you)",
      "if you (?:recall|remember)|(?:i|we) did (?:mention|say|explain|point out|flag)",
      "(?:as|like) (?:we|i) (?:covered|established|went over|said) (?:in|at|during|on|last|before|already|back)",
      // an agreement recalled to say what the writer does next is a plan, not a reproach: "as we agreed on the call, I'll start with..."
      "(?:as|like) (?:we|i) (?:agreed|discussed) (?:in|at|during|on|last|before|already|back)(?![^.;!?]*,\\s*(?:i'll|i will|i'm going to|i am going to|we'll|we will|i'm|i am|i've|i have|i can|we can|here's|here is)\\b)",
    ],
    guards: ['negated', 'conditional', 'concrete', 'retracted'],
    ...ADVICE_EN.toldBefore,
    // The match sits mid-sentence ("we covered this in the kickoff"), so removing it alone would break the sentence.
    alternative: ADVICE_EN.toldBefore.alternative,
    fixScope: 'sentence',
    examples: {
      flag: ["Honestly I'm tired of explaining the same thing over and over.", "Is it really that hard to clear your browser cache?", 'We covered this in the kickoff meeting: changes take a few minutes to appear.', 'Any developer will tell you that editing files on the live server is asking for trouble.', 'To reiterate what I said last month, backups must be enabled manually.'],
      pass: ["As we agreed on the call, I'll start with the checkout and then look at the reports.", 'On the call on 3 May you asked for the export; it is ready.', 'Changes take a few minutes to appear because of the cache.'],
    },
  },
  {
    id: 'dodging.it-happened',
    category: 'dodging',
    needsOwner: 'not-others',
    patterns: [
      "something (?:happened|went wrong|went sideways|went awry|broke) (?:during|with|in) (?:the|our|a)",
      // it happened, with no one doing it: "didn't stick", "crept back in", "for some reason", "human error",
      "(?:didn't|did not|wasn't|was not) (?:stick|retained|carried over|included)|(?:crept|snuck|slipped) back|rolled itself back|(?:got|was) (?:cached|scrambled|overridden|lost)|for (?:some|whatever) reason|human error|somewhere in the pipeline",
      "ended up on the wrong|(?:there was|there's been) (?:an|some|a small) (?:issue|problem|unexpected situation|technical misunderstanding|misunderstanding) (?:with|in|somewhere)|(?:a step|steps?) (?:in|of) the [\\p{L} ]+ (?:was|were) (?:unfortunately )?skipped|loose ends were left|it was discovered that|a change was made",
      // the release as the subject of the mistake: "the release went out with an outdated dependency"
      "(?:went out|shipped|was (?:released|deployed|published|pushed|shipped)|got (?:released|deployed|published|pushed|shipped)|went live|was rolled out|got rolled out) (?:[\\p{L}']+ ){0,2}?with (?:an? |the |some )?(?:outdated|wrong|old|broken|faulty|stale|untested|missing|buggy|bad|incorrect|incomplete|leftover|debug|half-finished)",
      // a step that did not get done, nobody's: "the backup didn't get restored properly"
      "(?:didn't|did not|never|wasn't|weren't|was not|were not) (?:get |got |been )?(?:[\\p{L}]+ed|run|set up|done|made|built|written|sent|put|kept) (?:properly|correctly|right|fully|in time|as expected|as planned|successfully|completely|cleanly|at all)",
      "(?:faulty|broken|bad|wrong|buggy|untested|outdated|incomplete|half-finished|unfinished) (?:[\\p{L}-]+ )?(?:made it|got|went|slipped|ended up|found its way) (?:in)?(?:to|onto|out to|in) (?:production|prod|live|the live site|the server|the release)",
      "the wrong (?:[\\p{L}-]+ ){1,2}(?:ran|was run|got run|was used|got used|was executed|loaded|went out|was loaded|was picked|got picked|was applied|got applied)",
      "(?:didn't|did not|failed to|never) (?:go through|apply|complete|finish|install|deploy|run) (?:cleanly|properly|correctly|fully|completely|successfully)",
      "(?:errors|mistakes|bugs|issues|problems|regressions) (?:were|got|have been|had been) (?:unfortunately |sadly |regrettably |somehow |accidentally |inadvertently )+(?:introduced|made|created|caused|committed|shipped|deployed)",
      "(?:somehow|mysteriously|inexplicably) (?:[\\p{L}']+ )?(?:made|got|ended|slipped|crept|found|went|was|were|became|turned|disappeared|vanished|broke|changed|reverted|reset)",
      "(?:was|were|got) (?:reset|cleared|wiped|lost|changed|overwritten|removed|deleted|reverted|dropped|disabled|undone|rolled back) (?:during|in|with|after|when|on|by) (?:the )?(?:upgrade|update|migration|deploy|deployment|release|merge|move|transfer|sync|switch|restore|rebuild)",
      "(?:broke|stopped working|failed|went down|disappeared|vanished) (?:during|in|after|with) (?:the )?(?:last |latest |recent )?(?:deployment|deploy|update|release|migration|upgrade|merge)",
      "without (?:being |having been )?(?:fully |properly |thoroughly )?(?:tested|checked|reviewed|verified)",
      "somehow(?= *[.!]|$)|ended up (?:getting |being )?(?:reverted|removed|deleted|overwritten|lost|broken|disabled|undone|dropped)",
      "(?:some|an|a) (?:error|problem|issue|glitch|failure|fault|incident|hiccup) (?:has |had )?(?:occurred|happened|arisen|come up|cropped up) (?:while|during|when|in|with)",
      "(?:something|things|it) went (?:a (?:bit|little) |slightly |somewhat )?(?:wrong|sideways|awry|pear-shaped)",
      "(?:got|was|were) (?:restored|copied|uploaded|deployed|pushed|written) (?:over|on top of|onto)",
      "(?:was|were|got) left (?:disabled|off|broken|unpatched|commented out|switched off|unfinished|behind|running)",
      "(?:some |a )?(?:confusion|mix-?up|miscommunication|misunderstanding) (?:happened|occurred|arose|with)",
      "(?:undone|reverted|broken|reset|disabled|deleted|removed|changed|overwritten) itself|itself (?:reverted|undid|broke)",
      "(?:was|were|got) (?:re-?introduced|re-?added|brought back|put back)",
      "(?:mistakes|errors|accidents|slip-?ups) (?:happen|do happen|can happen|get made)",
      "(?:wasn't|weren't|was not|were not|didn't get|did not get|never got|never was|never were) (?:actually |properly |fully )?(?:run|done|made|executed|completed|triggered|scheduled|performed|carried out|kicked off|finished|started)",
      "(?<!(?:error|bug|problem|issue|warning|message|glitch|crash)s? )(?:disappeared|vanished|went missing|got lost|dropped out|fell out|was lost|were lost) (?:in|with|after|during|from|when) (?:the )?(?:last |latest |recent |new |previous )?(?:release|update|deploy|deployment|version|merge|migration|upload|upgrade|change)",
      "(?:got|were|was|has been|have been|ended up) (?:all |a bit |a little |slightly |somewhat |rather |kind of )?(?:messed|mixed|screwed|muddled|jumbled|tangled|botched|bungled|fouled)(?: up)?",
      // an event dated in the same sentence is a fact of the timeline: "was overwritten when the theme was updated on 2 June"
      "(?:got|were|was|has been|have been) (?:lost|dropped|wiped|corrupted|overwritten|clobbered|broken|skipped|missed|garbled|scrambled|mangled) (?:when|during|while|in|as|at|along)\\b(?![^.!?]*\\b(?:on|since) (?:\\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}* \\d{1,2}\\b|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}))",
    ].map((p) => p + OWNED_CAUSE_AFTER),
    guards: ['ownsIt', 'agent', 'negated'],
    ...ADVICE_EN.agentless,
    fixScope: 'sentence',
    examples: {
      flag: ['Regrettably, the release went out with an outdated dependency.', "The database backup didn't get restored properly.", 'The code got messed up when the update was applied.'],
      pass: ["The earlier fix was overwritten when the theme was updated on 2 June.", 'I restored the database backup at 9:00 and checked the orders.', 'I messed up the update and I am fixing it today.'],
    },
  },
];
