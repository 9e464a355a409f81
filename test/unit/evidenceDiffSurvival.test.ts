// The pure reading of survival from one comparison with the ref (diffSurvival.ts), on literal
// zero-context diffs: where the fix's lines stand, which are lost and how, which later lines stand
// in the fixed region, and whose they are when traced back through later patches.
import * as assert from 'node:assert/strict';
import { readAgainstRef, regionOwners } from '../../src/core/evidence/diffSurvival';
import type { CommitPatch, DiffLine, FileDiff } from '../../src/core/gitPort';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function line(n: number, text: string, hunk = 0): DiffLine {
  return { line: n, text, hunk };
}

function diff(added: DiffLine[], removed: DiffLine[], path = 'src/cart.js'): FileDiff {
  return { path, oldPath: null, status: 'M', binary: false, added, removed };
}

function patch(sha: string, file: FileDiff, parents = ['c'.repeat(40)]): CommitPatch {
  return { commit: { sha, parents, authorName: 'x', authorEmail: 'x@example.com', date: '2024-01-01T00:00:00Z', subject: 's', message: 's' }, files: [file] };
}

// The fix added lines 10 and 11 of its version of the file.
const FIX = [line(10, 'guard();'), line(11, 'log();')];

describe('survival read from one comparison with the ref', () => {
  it('a file the comparison does not list is intact, with nothing in its region', () => {
    assert.deepEqual(readAgainstRef(FIX, undefined), { intact: 2, lost: [], regionLines: [] });
  });

  it('lines added above the fix only shift it; lines added inside its region are region lines', () => {
    // Two lines inserted after old line 3 (new 4-5), one after old line 10 (new 13).
    const toRef = diff([line(4, 'x', 0), line(5, 'y', 0), line(13, 'count();', 1)], []);
    assert.deepEqual(readAgainstRef(FIX, toRef), { intact: 2, lost: [], regionLines: [line(13, 'count();', 1)] });
  });

  it('a replaced line is modified, a dropped one removed, and the replacement is a region line', () => {
    const toRef = diff([line(10, 'guardAll();', 0)], [line(10, 'guard();', 0), line(11, 'log();', 0)]);
    assert.deepEqual(readAgainstRef(FIX, toRef), {
      intact: 0,
      lost: [
        { line: 10, text: 'guard();', state: 'modified' },
        { line: 11, text: 'log();', state: 'modified' },
      ],
      regionLines: [line(10, 'guardAll();', 0)],
    });
    const dropped = diff([], [line(11, 'log();', 0)]);
    assert.deepEqual(readAgainstRef(FIX, dropped)?.lost, [{ line: 11, text: 'log();', state: 'removed' }]);
  });

  it('cannot decide a lost line whose text is among the new lines (moved or re-indented)', () => {
    const moved = diff([line(30, 'log();', 1)], [line(11, 'log();', 0)]);
    assert.equal(readAgainstRef(FIX, moved), null);
    const indented = diff([line(11, '  log();', 0)], [line(11, 'log();', 0)]);
    assert.equal(readAgainstRef(FIX, indented), null);
  });

  it('traces a region line back through a later patch that shifted it to the commit that added it', () => {
    // Newest first: B inserted two lines at the top; A, before it, added the line at 11.
    const patches = [patch(B, diff([line(1, 'x'), line(2, 'y')], [])), patch(A, diff([line(11, 'count();')], []))];
    assert.deepEqual(regionOwners([line(13, 'count();')], patches, 'src/cart.js'), [A]);
    // The same position with another text: the patches are not the chain they looked like.
    assert.equal(regionOwners([line(13, 'other();')], patches, 'src/cart.js'), null);
  });

  it('leaves to blame a region whose history has a merge or a rename on the way', () => {
    const merge = [patch(A, diff([line(11, 'count();')], []), [B, 'c'.repeat(40)])];
    assert.equal(regionOwners([line(11, 'count();')], merge, 'src/cart.js'), null);
    const renamed = [patch(A, { ...diff([line(11, 'count();')], []), oldPath: 'src/old.js' })];
    assert.equal(regionOwners([line(11, 'count();')], renamed, 'src/cart.js'), null);
  });
});
