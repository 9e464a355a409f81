// Pure parts of the rules for messy histories: the revert classifier's forms (message, `Revert
// <sha>`, truncated subjects, merges, content), counterparts across release lines and the issue's
// verdict from them, holes in the evidence, and the path follower's reading of git's output.
import * as assert from 'node:assert/strict';
import { evidenceHoles } from '../../src/core/evidence/holes';
import type { CommitFacts, FixEvidence } from '../../src/core/evidence/model';
import { plainSubject, sameChange } from '../../src/core/evidence/releaseLines';
import type { RevertCandidate } from '../../src/core/evidence/reverts';
import { classifyReverts, revertedShas } from '../../src/core/evidence/reverts';
import { judgeIssue } from '../../src/core/evidence/verdict';
import type { FileDiff } from '../../src/core/gitPort';
import { renameCandidates } from '../../src/git/followPath';
import { parseFollowLog } from '../../src/git/parsers/followLog';
import { fixEvidence } from '../support/evidenceFixtures';

const FIX = 'f1f2f3f4f5f6f7f8f9f0a1a2a3a4a5a6a7a8a9a0';
const MERGE = 'e1e2e3e4e5e6e7e8e9e0b1b2b3b4b5b6b7b8b9b0';

function facts(sha: string, subject: string, date = '2024-02-01T00:00:00Z'): CommitFacts {
  return { sha, subject, authorName: 'A', authorEmail: 'a@x', date, byMe: false };
}

function candidate(sha: string, message: string, patch?: { removed: string[]; added: string[] }): RevertCandidate {
  return { facts: facts(sha, message.split('\n')[0] ?? ''), message, ...(patch ?? {}) };
}

function diff(path: string, added: string[], removed: string[] = []): FileDiff {
  return {
    path,
    oldPath: null,
    status: 'M',
    binary: false,
    added: added.map((text, i) => ({ line: i + 1, text, hunk: 0 })),
    removed: removed.map((text, i) => ({ line: i + 1, text, hunk: 0 })),
  };
}

function fix(sha: string, overrides: Partial<FixEvidence> = {}): FixEvidence {
  return fixEvidence({ ...facts(sha, 'Fix'), counterpartOf: [], ...overrides });
}

describe('evidence rules for messy histories', () => {
  describe('one revert classifier', () => {
    const subject = 'Fix crash when the cart list is empty after checkout';

    it('reads "This reverts commit" lines and a `Revert <sha>` subject, not a word that looks like hex', () => {
      assert.deepEqual(revertedShas(`Revert "x"\n\nThis reverts commit ${FIX.toUpperCase()}.`), [FIX]);
      assert.deepEqual(revertedShas(`Revert ${FIX.slice(0, 8)}`), [FIX.slice(0, 8)]);
      assert.deepEqual(revertedShas(`Revert "${FIX.slice(0, 10)}"`), [FIX.slice(0, 10)]);
      assert.deepEqual(revertedShas('Revert defaced'), []);
      assert.deepEqual(revertedShas('Revert "deadbeef1 handling of logos"'), []);
    });

    it('counts full and forge-truncated subjects, and not a different subject with the same start', () => {
      const found = classifyReverts({ sha: FIX, subject }, [FIX], [
        candidate('c1'.repeat(20), `Revert "${subject}"`),
        candidate('c2'.repeat(20), 'Revert "Fix crash when the cart list is emp…'),
        candidate('c3'.repeat(20), 'Revert "Fix crash when the cart list is emp..."'),
        candidate('c4'.repeat(20), 'Revert "Fix crash…'),
        candidate('c5'.repeat(20), 'Revert "Fix crash when the cart list is empty after checkout, again"'),
        candidate('c6'.repeat(20), `Revert "${subject}" (#124)`),
        candidate('c7'.repeat(20), `Revert "${subject} (#124)"`),
      ], null);
      assert.deepEqual(found.map((r) => [r.sha.slice(0, 2), r.how]), [['c1', 'subject'], ['c2', 'subject'], ['c3', 'subject'], ['c6', 'subject']]);
    });

    it('maps a revert of the merge that brought the fix to the fix', () => {
      const found = classifyReverts({ sha: FIX, subject }, [FIX], [
        candidate('c1'.repeat(20), `Revert "Merge branch 'cart'"\n\nThis reverts commit ${MERGE}, reversing\nchanges made to 0123456.`),
      ], null, new Map([[MERGE, FIX]]));
      assert.deepEqual(found.map((r) => [r.how, r.reverts, r.viaMerge]), [['message', FIX, MERGE]]);
    });

    it('finds by content even when the message names another commit, and drops reverts that were undone', () => {
      const content = { base: FIX, added: ['if (!items) return [];'], removed: ['items.map(f);'] };
      const undo = candidate('c1'.repeat(20), 'Squash of old work\n\nThis reverts commit 1234567.', { removed: ['if (!items)  return [];'], added: ['items.map(f);'] });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [undo], content).map((r) => r.how), ['content']);
      const reverted = candidate('c2'.repeat(20), `Revert "Squash of old work"\n\nThis reverts commit ${'c1'.repeat(20)}.`);
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [undo, reverted], content), []);
    });
    it('an edit of the fix\'s lines in place is not a revert by content; a revert that restores similar old lines is', () => {
      const doc = { base: FIX, added: ['(Want to just log errors and stack traces? See :ref:`application-errors`)', ''], removed: [] };
      const relink = candidate('c1'.repeat(20), 'remove unused ref directives', {
        removed: ['(Want to just log errors and stack traces? See :ref:`application-errors`)', '.. _quickstart:'],
        added: ['(Want to just log errors and stack traces? See :doc:`errorhandling`)'],
      });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [relink], doc), []);
      const dropped = candidate('c2'.repeat(20), 'Tidy the quickstart', { removed: ['(Want to just log errors and stack traces? See :ref:`application-errors`)'], added: ['Debugging is covered below.'] });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [dropped], doc).map((r) => r.how), ['content']);
      // The fix changed a comparison; undoing it puts the old, very similar line back: still a revert.
      const bound = { base: FIX, added: ['if (count >= limit) return flush(buffer);'], removed: ['if (count > limit) return flush(buffer);'] };
      const undo = candidate('c3'.repeat(20), 'Go back to the old bound', { removed: ['if (count >= limit) return flush(buffer);'], added: ['if (count > limit) return flush(buffer);'] });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [undo], bound).map((r) => r.how), ['content']);
      const reworded = candidate('c4'.repeat(20), 'Use the configured bound', { removed: ['if (count >= limit) return flush(buffer);'], added: ['if (count > limit) return flush(buffer);', 'if (count >= config.limit) return flush(buffer);'] });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [reworded], bound), []);
    });
    it('a rewrite of the whole file that drops the fix\'s lines among many others is not a revert by content', () => {
      const config = { base: FIX, added: ['try:', '    import log_cabinet', 'except ImportError:', '    log_cabinet = None'], removed: [] };
      const others = Array.from({ length: 40 }, (_, i) => `setting_${i} = ${i}`);
      const rewrite = candidate('c5'.repeat(20), 'Use the shared docs theme', { removed: [...config.added, ...others], added: ['theme = "shared"'] });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [rewrite], config), []);
      // Replacing the fix's advice by a longer text that explains another way is a new approach.
      const advice = { base: FIX, added: ['On Windows, replace /tmp/app.db', 'with a writable path of your choice.'], removed: [] };
      const another = candidate('c7'.repeat(20), 'Keep the database beside the app', {
        removed: advice.added,
        added: ['Processes have a working directory,', 'but a web app cannot rely on it,', 'so the database goes next to the app:', 'see root_path.'],
      });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [another], advice), []);
      // Taking the fix's lines away with a few neighbours is still undoing it.
      const undo = candidate('c6'.repeat(20), 'Drop the optional import', { removed: [...config.added, ...others.slice(0, 3)], added: [] });
      assert.deepEqual(classifyReverts({ sha: FIX, subject }, [FIX], [undo], config).map((r) => r.how), ['content']);
    });
  });

  describe('counterparts across release lines', () => {
    it('takes backport markers off subjects', () => {
      assert.equal(plainSubject('[1.x] Fix cart crash'), 'fix cart crash');
      assert.equal(plainSubject('Backport: Fix cart crash'), 'fix cart crash');
      assert.equal(plainSubject('Fix cart crash (backport #123)'), 'fix cart crash');
      assert.equal(plainSubject('[backport 2.3] [cart] Fix cart crash'), 'fix cart crash');
      assert.equal(plainSubject('Fix cart crash (fixes ACME-3)'), 'fix cart crash');
      assert.equal(plainSubject('[1.x] Fix cart crash (#12, #13) [backport]'), 'fix cart crash');
      assert.equal(plainSubject('Corrige el carrito (corrige ACME-3)'), 'corrige el carrito');
      assert.notEqual(plainSubject('Fix cart crash, part 2'), plainSubject('Fix cart crash, part 1'));
      assert.notEqual(plainSubject('Fix cart crash (part 2)'), plainSubject('Fix cart crash (part 1)'));
    });

    it('same change: a common file and most added lines, or the same plain subject; not a different part', () => {
      const main = { subject: 'Guard the empty cart', files: [diff('src/cart.js', ['if (!items) return [];', 'log("empty");'])] };
      const backport = { subject: 'Guard the empty cart on 1.x', files: [diff('lib/cart.js', ['if (!items) return [];', 'log("empty 1.x");'])] };
      const part2 = { subject: 'Guard the empty total', files: [diff('src/cart.js', ['if (!total) return 0;'])] };
      const elsewhere = { subject: 'Guard the empty cart', files: [diff('src/menu.js', ['if (!items) return [];'])] };
      assert.equal(sameChange(main, backport), true);
      assert.equal(sameChange(main, part2), false);
      assert.equal(sameChange(main, elsewhere), false);
      assert.equal(sameChange({ ...main, subject: '[1.x] Guard the empty cart' }, { ...part2, subject: 'Guard the empty cart' }), true);
    });

    it('judges the client by the counterpart on their line, and a missing part as missing', () => {
      const g = fix('a'.repeat(40), { inDeployed: false, reachableDeployed: false, survivalDeployed: null });
      const f = fix('b'.repeat(40), { reachable: false, inDeployed: true, counterpartOf: ['a'.repeat(40)] });
      assert.deepEqual(judgeIssue([g, f], true), { verdict: 'fix-intact', containsFix: true });
      assert.deepEqual(judgeIssue([g], true), { verdict: 'fix-not-deployed', containsFix: false });
      // A counterpart reverted on the client's line does not stand in.
      const reverted = { ...f, reverts: [{ ...facts('c'.repeat(40), 'Revert'), how: 'message' as const, reverts: f.sha }] };
      assert.equal(judgeIssue([g, reverted], true).verdict, 'fix-not-deployed');
      const part = fix('d'.repeat(40), { reachable: false, inDeployed: false });
      assert.equal(judgeIssue([g, f, part], true).verdict, 'fix-not-on-target');
      // A commit the repository lacks is not evidence either way.
      assert.equal(judgeIssue([fix('e'.repeat(40), { exists: false, reachable: false }), f, { ...g, inDeployed: true }], true).verdict, 'fix-intact');
      assert.equal(judgeIssue([fix('e'.repeat(40), { exists: false, reachable: false })], true).verdict, 'no-fix-linked');
    });
  });

  it('holes: a missing commit and an unmeasured file, not the other caveats', () => {
    const holes = evidenceHoles({
      caveats: [
        { code: 'shallow-history', subjects: [] },
        { code: 'fix-missing', subjects: [FIX] },
        { code: 'uncommitted-changes', subjects: ['a.js'] },
        { code: 'survival-incomplete', subjects: ['b.js'] },
      ],
    });
    assert.deepEqual(holes, [{ code: 'fix-missing', subjects: [FIX] }, { code: 'survival-incomplete', subjects: ['b.js'] }]);
  });

  describe('following a path through git log -z --name-status', () => {
    const A = 'a'.repeat(40);
    const B = 'b'.repeat(40);
    const P = 'c'.repeat(40);

    it('finds the first commit that renamed or deleted the path, with what it added', () => {
      const out = `@${A} ${P}\0\nM\0src/cart.js\0@${B} ${A}\0\nR087\0src/cart.js\0lib/cart.ts\0A\0lib/new.ts\0D\0src/other.js\0`;
      assert.deepEqual(parseFollowLog(out, 'src/cart.js'), { commit: B, parent: A, status: 'R', to: 'lib/cart.ts', added: ['lib/new.ts'] });
      const deleted = `@${B} ${A}\0\nD\0src/cart.js\0A\0lib/cart.ts\0`;
      assert.deepEqual(parseFollowLog(deleted, 'src/cart.js'), { commit: B, parent: A, status: 'D', to: null, added: ['lib/cart.ts'] });
      assert.equal(parseFollowLog(`@${A} ${P}\0\nM\0src/cart.js\0`, 'src/cart.js'), null);
      assert.equal(parseFollowLog('', 'src/cart.js'), null);
    });

    it('reads paths that look like headers or statuses as paths, and a truncated record without failing', () => {
      const odd = `@${B} ${A}\0\nA\0@${A}\0R100\0M\0src/cart.js\0`;
      assert.deepEqual(parseFollowLog(odd, 'M'), { commit: B, parent: A, status: 'R', to: 'src/cart.js', added: [`@${A}`] });
      // A rename cut before its new path is dropped with the rest of the truncated output.
      assert.equal(parseFollowLog(`@${B} ${A}\0\nR100\0src/cart.js`, 'src/cart.js'), null);
    });

    it('compares a deleted file with every added one when few, else with those of its name', () => {
      assert.deepEqual(renameCandidates('src/cart.js', ['lib/a.ts', 'lib/cart.ts']), { candidates: ['lib/a.ts', 'lib/cart.ts'], complete: true });
      const many = Array.from({ length: 1500 }, (_, i) => `lib/f${i}.ts`).concat(['lib/Cart.ts']);
      assert.deepEqual(renameCandidates('src/cart.js', many), { candidates: ['lib/Cart.ts'], complete: false });
    });
  });
});
