// Tone rules for English replies. Add a rule by appending an object: its examples are its tests
// (every `flag` text must be flagged by it, no `pass` text may be flagged by it).
import type { ToneRule } from './model';

export const RULES_EN: readonly ToneRule[] = [
  {
    id: 'blame.already-told',
    category: 'blame',
    patterns: [
      "as (i|we) (have |had )?(already |previously )?(told|said to|explained to|mentioned to|informed) you",
      "as (i|we) (have |had )?(already |previously )?(said|mentioned|explained|stated|pointed out)( before| earlier)?",
      "as (previously|already) (stated|mentioned|explained|said)",
      "like i (already )?(said|told you)",
      "i (have |had )?already (told|explained to|said to) you",
    ],
    reason: 'Reminding the client that they were told reads as a reproach: it says they did not listen.',
    alternative: 'To recap',
    examples: {
      flag: ['As I already told you, the fix is in v1.4.', 'like I said, it works', 'As previously mentioned, the export is done.', 'I already told you this.'],
      pass: ['As you told me, the export fails on Mondays.', 'As I checked today, the fix is in v1.4.'],
    },
  },
  {
    id: 'blame.should-have',
    category: 'blame',
    patterns: [
      "you (should|shouldn't|should not|ought to|could|must) have",
      "you should've",
      "if (only )?you had (read|followed|listened|updated|told me|checked)",
      "you were supposed to",
    ],
    reason: 'Tells the client what they did wrong; it shifts blame instead of stating the facts.',
    alternative: 'It helps to',
    examples: {
      flag: ['You should have updated to v1.4.', 'if you had read the notes', 'You were supposed to install it.', "you shouldn't have changed it"],
      pass: ['You should receive the update by Friday.', 'I should have checked it earlier.'],
    },
  },
  {
    id: 'blame.not-my-fault',
    category: 'blame',
    patterns: [
      "(that|this|it)('s| is| was) not my (fault|problem|responsibility|doing)",
      'not my (fault|problem)',
      "(it's|it is|that's|that is|this is|it was) (entirely |all )?your (fault|problem|responsibility)",
      "i('m| am) not (responsible|to blame)",
      'with all due respect',
      'your (team|people|developers?|staff) broke',
    ],
    reason: 'Arguing about fault puts the client on the defensive; the timeline of facts answers the question.',
    alternative: 'Here is what the history shows:',
    examples: {
      flag: ["That's not my fault.", 'This is your problem now.', 'I am not responsible for that server.', 'With all due respect, the code is fine.', 'your developers broke it'],
      pass: ['This was my mistake, and I will correct it.', 'It is my responsibility to fix it.'],
    },
  },
  {
    id: 'stalling.working-on-it',
    category: 'stalling',
    patterns: [
      "(we|i)('re|'m| are| am) (still |currently )?(working on it|working on this|looking into it|looking into this|on it)",
      'bear with (me|us)',
      "(we|i)('ll| will) get back to you(?! (by|on|before|within|tomorrow|today))",
    ],
    reason: 'Says nothing concrete. Say what was checked and give the next step with a date.',
    alternative: 'I will send you [what] by [date]',
    examples: {
      flag: ["We're working on it.", 'I am still looking into it.', 'Please bear with us.', "I'll get back to you."],
      pass: ["I'll get back to you by Friday with the result.", 'I am working on the export module this week.'],
    },
  },
  {
    id: 'stalling.soon',
    category: 'stalling',
    patterns: [
      '(will|should) be (solved|fixed|resolved|sorted|ready|done|sorted out) (shortly|soon|very soon|in no time|asap|in a few days)',
      'as soon as possible',
      'asap',
      'shortly',
      'in the coming days',
      'in due course',
      'very soon',
    ],
    reason: 'A vague time destroys trust; a concrete date or condition builds it.',
    alternative: 'by [date]',
    examples: {
      flag: ['It will be solved shortly.', 'I will fix it as soon as possible.', 'You will hear from me in the coming days.', 'ASAP'],
      pass: ['As soon as you confirm, I will deploy it.', 'I will send it by Friday, 27 November.'],
    },
  },
  {
    id: 'condescension.obviously',
    category: 'condescension',
    patterns: ['obviously', 'clearly,? (the|this|that|it|you|your|there)', 'of course you', 'as (you|everyone|anyone) (should |must |would )?knows?', 'needless to say', 'evidently'],
    reason: 'Implies the client should have known; it talks down to them.',
    alternative: '',
    examples: {
      flag: ['Obviously, the cache must be cleared.', 'As everyone knows, browsers cache files.', 'Clearly the server was down.', 'as you should know'],
      pass: ['The cache clears at midnight.', 'I explained it clearly in the report.'],
    },
  },
  {
    id: 'condescension.simply',
    category: 'condescension',
    patterns: [
      'simply',
      "(you )?(just|only) (need to|have to|must|click|do|open|restart|refresh|reload|clear|update|press|go|follow|read|use|try|run|install|log ?in|check)",
      'all you (have|need) to do is',
      "(it's|it is|that's|that is) (very |really |quite )?(easy|simple|trivial|straightforward)",
    ],
    reason: "Makes the client's difficulty sound trivial; state the steps without judging them.",
    alternative: '',
    examples: {
      flag: ['Simply restart the app.', 'You just need to clear the cache.', 'just click Save', 'It is really easy.', 'All you have to do is log in again.'],
      pass: ['I have just checked the history.', 'The fix arrived just in time for the release.', 'The steps are simple to follow below.'],
    },
  },
  {
    id: 'hedging.should-be-fixed',
    category: 'hedging',
    patterns: [
      "(it|this|that|the (bug|error|issue|problem))( now)? should (now )?be (fixed|solved|resolved|working|ok|okay|fine|gone)( now)?",
      '(it|this|that|everything) should (now )?work( now)?',
      "(i|we) (think|believe|hope) (it|this|that)('s| is) (now )?(fixed|solved|resolved|working)",
      'hopefully',
      '(might|may) (be|have been) (fixed|solved|resolved)',
      'probably (fixed|solved|resolved)',
    ],
    reason: 'A guess where the evidence can be precise: say which commit and version contain the fix.',
    alternative: 'The fix is in [version] (commit [sha])',
    examples: {
      flag: ['It should be fixed now.', 'This should work now.', 'I think it is fixed.', 'Hopefully this helps.', 'The bug might be fixed.'],
      pass: ['You should receive it on Friday.', 'The fix is in v1.4.0 (commit a1b2c3d).', 'It should be easy to find in the menu.'],
    },
  },
  {
    id: 'promise.absolute',
    category: 'promise',
    patterns: [
      '(this|it|that) (will|is going to) never happen again',
      "(this|it|that) won't (ever )?happen again",
      'never again',
      'i (can )?guarantee',
      'guaranteed',
      '100 ?% (fixed|sure|guaranteed|solved|safe)',
      '(completely|fully|permanently|definitely|totally) (fixed|solved|resolved)',
    ],
    reason: 'An absolute promise the evidence cannot support; say what was checked instead.',
    alternative: 'I have checked the fix in [version]',
    examples: {
      flag: ['This will never happen again.', "It won't happen again.", 'I guarantee it.', 'It is 100% fixed.', 'The issue is completely fixed.'],
      pass: ['I will check it again in each release.', 'It happened again on Monday.'],
    },
  },
  {
    id: 'shouting.caps',
    category: 'shouting',
    patterns: ["[A-Z]{2,}(?:['’][A-Z]+)?(?!-?\\d)"],
    caseSensitive: true,
    exceptions: [
      'OK', 'ID', 'IDS', 'IT', 'UI', 'UX', 'QA', 'API', 'APIS', 'URL', 'URLS', 'PDF', 'PDFS', 'CSV', 'XML', 'JSON', 'HTML', 'CSS', 'SQL', 'HTTP',
      'HTTPS', 'SSH', 'FTP', 'SFTP', 'DNS', 'SSL', 'TLS', 'VPN', 'CRM', 'ERP', 'CMS', 'SEO', 'SMS', 'SKU', 'VAT', 'GDPR', 'USD', 'EUR', 'GBP',
      'UTC', 'GMT', 'CET', 'CEST', 'PST', 'EST', 'AM', 'PM', 'IOS', 'AWS', 'GCP', 'CDN', 'CPU', 'RAM', 'SSD', 'PC', 'PR', 'PRS', 'FAQ',
      'PHP', 'JS', 'TS', 'NPM', 'README', 'TODO', 'CI', 'CD', 'OS', 'USB', 'NDA', 'ETA', 'UK', 'US', 'USA', 'EU', 'CEO', 'CTO', 'HR', 'VIP',
      'PS', 'SHA', 'GIT', 'TV', 'WIFI', 'IP', 'ISO', 'PNG', 'JPG', 'JPEG', 'SVG', 'GIF', 'ZIP', 'ASAP',
    ],
    reason: 'A word in capitals reads as shouting; emphasis belongs in the facts, not the letters.',
    alternative: '',
    transform: 'lowercase',
    examples: {
      flag: ['This is NOT my fault.', 'It was URGENT.', 'PLEASE read this'],
      pass: ['The API returns a PDF over HTTPS.', 'See ACME-12 and v1.4.0.', 'I checked it on Monday.'],
    },
  },
  {
    id: 'shouting.exclamation',
    category: 'shouting',
    patterns: ['!{2,}', '\\?{2,}', '[!?]{3,}'],
    wholeWords: false,
    reason: 'Repeated exclamation or question marks read as anger or exasperation.',
    alternative: '.',
    examples: {
      flag: ['It works!!', 'Why??', 'Really?!?'],
      pass: ['Thank you!', 'Could you send me the version?'],
    },
  },
];
