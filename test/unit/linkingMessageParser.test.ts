// The commit-message parser: closing keywords (English and Spanish), negation, lists, trailers,
// id patterns. Plus property tests: it never throws, whatever the text.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { IdPatterns, Reference } from '../../src/core/linking/messageParser';
import { compileIdPatterns, DEFAULT_ID_PATTERNS, escapeRegExp, idsIn, parseReferences } from '../../src/core/linking/messageParser';

function kinds(message: string, patterns: IdPatterns = DEFAULT_ID_PATTERNS): Record<string, Reference['kind']> {
  const out: Record<string, Reference['kind']> = {};
  for (const r of parseReferences(message, patterns)) out[r.id] = r.kind;
  return out;
}

describe('linking: message parser', () => {
  describe('English closing keywords (GitHub, GitLab, Sentry, Linear)', () => {
    for (const keyword of [
      'close', 'closes', 'closed', 'closing', 'Close', 'CLOSES',
      'fix', 'fixes', 'fixed', 'fixing', 'Fix',
      'resolve', 'resolves', 'resolved', 'resolving',
      'implement', 'implements', 'implemented', 'implementing',
      'complete', 'completes', 'completed',
    ]) {
      it(`reads "${keyword} ACME-12" as a fix`, () => {
        assert.deepEqual(kinds(`Login crash\n\n${keyword} ACME-12`), { 'ACME-12': 'fix' });
      });
    }

    it('accepts an optional colon and filler words', () => {
      assert.deepEqual(kinds('Fixes: #12'), { '#12': 'fix' });
      assert.deepEqual(kinds('This fixes issue #12'), { '#12': 'fix' });
      assert.deepEqual(kinds('fix for ACME-4'), { 'ACME-4': 'fix' });
      assert.deepEqual(kinds('fix(ACME-4): guard user'), { 'ACME-4': 'fix' });
    });

    it('reads lists: "fixes #1, #2 and ACME-3"', () => {
      assert.deepEqual(kinds('fixes #1, #2 and ACME-3'), { '#1': 'fix', '#2': 'fix', 'ACME-3': 'fix' });
      assert.deepEqual(kinds('Closes #1 & #2; #3, and #4'), { '#1': 'fix', '#2': 'fix', '#3': 'fix', '#4': 'fix' });
      assert.deepEqual(kinds('corrige ACME-1, ACME-2 y ACME-3'), { 'ACME-1': 'fix', 'ACME-2': 'fix', 'ACME-3': 'fix' });
    });

    it('reads the request number a forge appends to a subject as a mention, not as what a keyword closes', () => {
      assert.deepEqual(kinds('Docs typo/markup fixes (#5829)'), { '#5829': 'mention' });
      assert.deepEqual(kinds('Small fixes (#12)\n\nFixes #7'), { '#12': 'mention', '#7': 'fix' });
      assert.deepEqual(kinds('Fix #7 (#12)'), { '#7': 'fix', '#12': 'mention' });
      assert.deepEqual(kinds('Guard the cart (fixes ACME-3)'), { 'ACME-3': 'fix' });
      assert.deepEqual(kinds('fix(#12): guard the cart'), { '#12': 'fix' });
      // On the subject line and on the subjects a body lists; body prose, "fixes (#12)", is read as before.
      assert.deepEqual(kinds('Cart\n\nThis fixes (#12)'), { '#12': 'fix' });
      assert.deepEqual(kinds("Merge branch 'jc/diff'\n\n* jc/diff:\n  combine-diff: diff-files fix (#2)\n  combine-diff: show the combined diff (#1)"), { '#2': 'mention', '#1': 'mention' });
      assert.deepEqual(kinds('Squash of the cart work (#50)\n\n* Guard empty carts, fixes (#41)\n- Round totals, fix (#42)\n\nFixes #40'), { '#50': 'mention', '#41': 'mention', '#42': 'mention', '#40': 'fix' });
    });

    it('does not read an issue key out of a longer identifier such as a CVE number', () => {
      assert.deepEqual(kinds('Fix CVE-2025-48384: quote the path'), {});
      assert.deepEqual(kinds('Fixes ACME-12 (see CVE-2024-1234)'), { 'ACME-12': 'fix' });
      assert.deepEqual(kinds('fixes ACME-12-'), { 'ACME-12': 'fix' });
    });

    it('does not read the name of an encoding, a hash or a standard as an issue key', () => {
      assert.deepEqual(kinds('Fix decoding of UTF-8 paths in SHA-256 repositories'), {});
      assert.deepEqual(kinds('Fix ISO-8859-1 fallback (RFC-2822 dates); fixes ACME-4'), { 'ACME-4': 'fix' });
      assert.deepEqual(kinds('fixes SHAPE-3'), { 'SHAPE-3': 'fix' }, 'a key whose prefix only starts like one is a key');
    });

    it('stops a list at the first word that is not a separator', () => {
      assert.deepEqual(kinds('fixes #1 but not #2'), { '#1': 'fix', '#2': 'mention' });
    });

    it('treats a bare id as a mention', () => {
      assert.deepEqual(kinds('Refactor login, see ACME-12'), { 'ACME-12': 'mention' });
      assert.deepEqual(kinds('Fix typo in the ACME-12 notes'), { 'ACME-12': 'mention' });
      assert.deepEqual(kinds('fix: login crash ACME-12'), { 'ACME-12': 'mention' });
    });

    it('does not see keywords inside other words', () => {
      assert.deepEqual(kinds('prefixes ACME-12'), { 'ACME-12': 'mention' });
      assert.deepEqual(kinds('unfixed ACME-12'), { 'ACME-12': 'mention' });
    });
  });

  describe('Spanish forms of corregir, arreglar, solucionar, resolver, cerrar', () => {
    for (const keyword of [
      'corrige', 'corregido', 'corregida', 'corrigió', 'corrigio', 'corregir', 'Corrige',
      'arregla', 'arreglado', 'arregló', 'arreglar',
      'soluciona', 'solucionado', 'solucionó', 'solucionar',
      'resuelve', 'resuelto', 'resolvió', 'resolver',
      'cierra', 'cerrado', 'cerró', 'cerrar',
    ]) {
      it(`reads "${keyword} ACME-3" as a fix`, () => {
        assert.deepEqual(kinds(`${keyword} ACME-3`), { 'ACME-3': 'fix' });
      });
    }

    it('accepts Spanish filler words: "corrige el error ACME-3", "arreglo para #7"', () => {
      assert.deepEqual(kinds('Se corrige el error ACME-3'), { 'ACME-3': 'fix' });
      assert.deepEqual(kinds('arreglo para #7'), { '#7': 'fix' });
    });

    it('matches decomposed accents (NFD) like composed ones', () => {
      assert.deepEqual(kinds('corrigio\u0301 ACME-3'.normalize('NFD')), { 'ACME-3': 'fix' });
    });
  });

  describe('negation', () => {
    for (const message of [
      'does not fix #3',
      "doesn't fix #3",
      'This does not really fix #3',
      'never fixed #3',
      'No fix for #3 yet',
      'no corrige ACME-3',
      'Esto no corrige del todo ACME-3',
      'todavía no soluciona ACME-3',
      'sin resolver ACME-3',
    ]) {
      it(`"${message}" is a mention`, () => {
        const [ref] = parseReferences(message, DEFAULT_ID_PATTERNS);
        assert.equal(ref?.kind, 'mention');
      });
    }

    // redis: "After fix for #13033, address sanitizer reports this heap-use-after-free" made a
    // follow-up the fix of #13033, and the real fix a mere mention.
    for (const message of [
      'Silence a warning\n\nAfter fix for #13033, address sanitizer reports this',
      'MIGRATE: Remove upfront ttl initialization.\nAfter the fix for #3673 the ttl var is always initialized',
      'Remove additional round brackets from fix for #3282.',
      'During the review of the fix for #3899, a bug was found',
      'This extends the previous fix (#10049) to address any form of character',
      'Since the earlier fixes for #7 the test is slow',
    ]) {
      it(`"${message.split('\n').pop()}" names another change's fix: a mention`, () => {
        assert.deepEqual(Object.values(kinds(message)), ['mention']);
      });
    }

    it('the verb, a purpose clause and "part of the fix" still close the issue', () => {
      assert.deepEqual(kinds('Change the timeout to fix #12'), { '#12': 'fix' });
      assert.deepEqual(kinds('Part of the fix for #12'), { '#12': 'fix' });
      assert.deepEqual(kinds('This is the fix for #12'), { '#12': 'fix' });
      assert.deepEqual(kinds('Fix crash after restart\n\nfixes #12'), { '#12': 'fix' });
    });

    it('a negation in an earlier clause does not reach the keyword', () => {
      assert.deepEqual(kinds('Not a refactor; fixes #3'), { '#3': 'fix' });
    });

    it('a fix elsewhere in the message wins over a negated mention', () => {
      assert.deepEqual(kinds('does not fix #3 alone\n\nFixes #3'), { '#3': 'fix' });
    });
  });

  describe('trailers', () => {
    it('reads Fixes:, Closes: and Client-Issue: trailers', () => {
      const refs = parseReferences('Guard the user\n\nSome body.\n\nFixes: ACME-1\nCloses: #2\nClient-Issue: ACME-3', DEFAULT_ID_PATTERNS);
      assert.deepEqual(
        refs.map((r) => [r.id, r.kind, r.via, r.keyword]),
        [
          ['ACME-1', 'fix', 'trailer', 'Fixes'],
          ['#2', 'fix', 'trailer', 'Closes'],
          ['ACME-3', 'fix', 'trailer', 'Client-Issue'],
        ],
      );
    });

    it('a trailer whose value is not an id list links nothing', () => {
      assert.deepEqual(kinds('x\n\nFixes: 54a4f0239f2e ("old subject")\nRefs: ACME-2'), { 'ACME-2': 'mention' });
    });

    it('keyword fixes are marked via keyword', () => {
      assert.deepEqual(parseReferences('closes #9', DEFAULT_ID_PATTERNS), [{ id: '#9', kind: 'fix', via: 'keyword', keyword: 'closes' }]);
    });
  });

  describe('reverts', () => {
    it('a revert quoting a fix subject fixes nothing', () => {
      assert.deepEqual(kinds('Revert "Fix crash (fixes ACME-12)"\n\nThis reverts commit 0123456789abcdef.'), { 'ACME-12': 'mention' });
    });

    it('a revert whose body closes an issue fixes it; the quoted subject stays a mention', () => {
      // curl: reverting the change that broke something is its fix, and a revert of a revert closes again.
      assert.deepEqual(kinds('Revert "multi: implement wait using winsock events"\n\nThis reverts commit d2a7d7c185f98df8f3e585e5620cbc0482e45fac.\n\nFixes #6146\nCloses #6281'), { '#6146': 'fix', '#6281': 'fix' });
      assert.deepEqual(kinds('Revert "Revert "socketpair: fix potential hangs""\n\nThis reverts commit 3e70c3430a370a31eff2c1d8fea29edaca8f1127.\n\nCloses #7144 (again)'), { '#7144': 'fix' });
      // The id of the change undone is not fixed by undoing it, even if the body names it again.
      assert.deepEqual(kinds('Revert "Fix crash (fixes ACME-12)"\n\nThis reverts commit 0123456789abcdef.\nFixes ACME-12 and ACME-13'), { 'ACME-12': 'mention', 'ACME-13': 'fix' });
      // A subject a forge cut goes on in the body's first paragraph: still the quoted subject.
      assert.deepEqual(kinds('Revert "Fix crash when the cart list is empty af…\n\n…ter checkout (fixes ACME-40)"\n\nFixes ACME-41'), { 'ACME-40': 'mention', 'ACME-41': 'fix' });
    });

    it('a revert written in the past tense, or backported under a release line\'s marker, fixes nothing', () => {
      // Django writes `Reverted "Fixed #35564 -- …"`; its backports put `[5.0.x] ` first.
      assert.deepEqual(kinds('Reverted "Fixed #35564 -- Improved readability of subclass identification."'), { '#35564': 'mention' });
      assert.deepEqual(kinds('[4.2.x] Reverted "Fixed #34830 -- Added request to csrf_failure view\'s template context."'), { '#34830': 'mention' });
      assert.deepEqual(kinds('Reverting "Fixes ACME-4"'), { 'ACME-4': 'mention' });
      // A word that only starts like one is no revert.
      assert.deepEqual(kinds('Revertable migrations: fixes ACME-5'), { 'ACME-5': 'fix' });
      assert.deepEqual(kinds('[4.2.x] Fixed #34830 -- Added request to the context.'), { '#34830': 'fix' });
    });

    it('a keyword inside a revert\'s quoted subject fixes nothing, wherever the revert stands in the line', () => {
      // django/django #31877: a revert of the first attempt, under a "Refs", was read as part of the fix.
      assert.deepEqual(kinds('Refs #31877 -- Reverted "Fixes #31877 -- Used lazy() for TemplateView kwarg deprecation warning."'), { '#31877': 'mention' });
      assert.deepEqual(kinds('Fixed #31877 -- Reverted "Fixed #19878 -- Deprecated TemplateView passing URL kwargs into context."'), { '#31877': 'fix', '#19878': 'mention' });
      assert.deepEqual(kinds('Fix ACME-2 by reverting "fixes ACME-1"'), { 'ACME-2': 'fix', 'ACME-1': 'mention' });
    });
  });

  describe('id patterns', () => {
    it('reads no issue in a pasted backtrace\'s frame numbers, nor an issue 0', () => {
      const message = [
        'Fix data race in the cron loop (fixes #41)',
        '',
        'WARNING: ThreadSanitizer: data race (pid=1)',
        '    #0 serverLogRaw /home/dev/redis/src/server.c:116 (redis-server+0x8d797)',
        '    #1 processEventsWhileBlocked networking.c:4135 (redis-server:arm64+0x10006d124)',
        '#2  0x00007ffff7a42428 in __GI_raise (sig=sig@entry=6) at ../sysdeps/raise.c:54',
        '#3  main () at test.c:5',
        '* frame #4: 0x0000000100003f50 a.out`main at main.c:3',
        '==1==ERROR: AddressSanitizer: heap-use-after-free',
        '    #5 0x4c8a2d in main test.c:5',
        'See #0 and #7 for the report.',
      ].join('\n');
      assert.deepEqual(idsIn(message, DEFAULT_ID_PATTERNS), ['#41', '#7']);
      // Lines that only start with an id are still references: a list of issues, a changelog line.
      assert.deepEqual(idsIn('#12 feat(parser): accept tabs\n#13 fix crash in parser.c\n#14 (see above)', DEFAULT_ID_PATTERNS), ['#12', '#13', '#14']);
    });

    it('finds CLIENT-N keys and #N by default', () => {
      assert.deepEqual(idsIn('ACME-12, #4, acme-5, A-1, UTF8-2x, x#3, &#39;', DEFAULT_ID_PATTERNS), ['ACME-12', '#4']);
    });

    it('can restrict keys to the clients\' prefixes', () => {
      const patterns: IdPatterns = { ...DEFAULT_ID_PATTERNS, keyPrefixes: ['ACME'] };
      assert.deepEqual(idsIn('ACME-1 UTF-8 ISO-8601', patterns), ['ACME-1']);
    });

    it('uses user patterns, group 1 being the id', () => {
      const patterns: IdPatterns = { keys: false, hashes: false, custom: ['ticket (\\d+)', 'BUG\\d+'] };
      assert.deepEqual(kinds('fixes ticket 77; see BUG12', patterns), { '77': 'fix', BUG12: 'mention' });
      assert.deepEqual(kinds('fixes ticket 77 and BUG12', patterns), { '77': 'fix', BUG12: 'fix' });
    });

    it('reports invalid user patterns instead of throwing', () => {
      const patterns: IdPatterns = { keys: true, hashes: false, custom: ['(unclosed', '[z-a]'] };
      assert.deepEqual(compileIdPatterns(patterns).errors, ['(unclosed', '[z-a]']);
      assert.deepEqual(kinds('fixes ACME-1', patterns), { 'ACME-1': 'fix' });
    });

    it('escapes ids used as literal patterns', () => {
      const id = 'a.b*c+(d)[e]{f}|g^h$i\\j/k-l?';
      assert.ok(new RegExp(`^${escapeRegExp(id)}$`).test(id));
      assert.equal(new RegExp(escapeRegExp('a.c')).test('abc'), false);
    });

    it('a pattern that matches the empty string does not loop', () => {
      assert.deepEqual(parseReferences('fixes x', { keys: false, hashes: false, custom: ['y*'] }), []);
    });
  });

  describe('properties', function () {
    this.timeout(30000);
    it('never throws and returns well-formed references on arbitrary text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
          const refs = parseReferences(text, DEFAULT_ID_PATTERNS);
          for (const r of refs) {
            assert.ok(r.id.length > 0);
            assert.ok(r.kind === 'fix' || r.kind === 'mention');
          }
          assert.equal(new Set(refs.map((r) => r.id)).size, refs.length);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on keyword-rich text built from the vocabulary', () => {
      const words = fc.constantFrom('fixes', 'no', 'not', 'corrige', 'ACME-1', '#2', ',', 'and', 'y', ':', 'Fixes:', '\n', 'Revert', '"', '(', ')', 'the', 'issue');
      fc.assert(
        fc.property(fc.array(words, { maxLength: 40 }), fc.array(fc.string(), { maxLength: 3 }), (tokens, custom) => {
          const refs = parseReferences(tokens.join(' '), { keys: true, hashes: true, custom });
          assert.ok(Array.isArray(refs));
        }),
        { numRuns: 300 },
      );
    });
  });
});
