// The commit-content adapter on a real repository: the files a commit changed (root commits,
// renames, deletions), a file's bytes at a commit, and refusal of anything that is not a full
// commit id or a plain repository path, before git runs.
import * as assert from 'node:assert/strict';
import { createCommitContentPort } from '../../src/git/commitContent';
import { TempRepo } from '../support/tempRepo';

describe('commit content adapter on a real repository', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let root: string;
  let second: string;
  let third: string;
  before(() => {
    repo = TempRepo.create();
    root = repo.commit('Initial', { files: { 'src/a.js': 'one\n', 'src/old name.js': 'keep\nthese\nlines\nhere\n', 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) } });
    second = repo.commit('Change a, rename, delete logo', { files: { 'src/a.js': 'one\ntwo\n', 'src/old name.js': null, 'src/new name.js': 'keep\nthese\nlines\nhere\n', 'logo.png': null } });
    // A repository config that would run a program if textconv or an external diff were used.
    repo.write('.gitattributes', '*.js diff=evil\n');
    repo.git(['config', 'diff.evil.textconv', 'sh -c "touch PWNED; cat"']);
    repo.git(['config', 'diff.external', 'sh -c "touch PWNED"']);
    third = repo.commit('Attributes', { files: { 'src/a.js': 'one\ntwo\nthree\n' } });
  });
  after(() => repo.dispose());

  it('lists a root commit against the empty tree', async () => {
    const port = createCommitContentPort(repo.dir);
    const files = await port.commitFiles(root);
    assert.equal(files?.parent, null);
    assert.deepEqual(files?.files.map((f) => [f.status, f.path]).sort(), [['A', 'logo.png'], ['A', 'src/a.js'], ['A', 'src/old name.js']]);
  });

  it('lists changes, renames and deletions against the first parent', async () => {
    const port = createCommitContentPort(repo.dir);
    const files = await port.commitFiles(second);
    assert.equal(files?.parent, root);
    assert.deepEqual(
      files?.files.map((f) => [f.status, f.path, f.oldPath]).sort(),
      [
        ['D', 'logo.png', null],
        ['M', 'src/a.js', null],
        ['R', 'src/new name.js', 'src/old name.js'],
      ],
    );
  });

  it('reads a file at a commit as stored, and null where it does not exist', async () => {
    const lines: string[] = [];
    const port = createCommitContentPort(repo.dir, { log: (l) => lines.push(l) });
    assert.deepEqual(await port.fileAt(root, 'src/a.js'), { text: 'one\n', binary: false });
    assert.deepEqual(await port.fileAt(third, 'src/a.js'), { text: 'one\ntwo\nthree\n', binary: false });
    assert.deepEqual(await port.fileAt(second, 'src/old name.js'), null);
    assert.deepEqual(await port.fileAt(root, 'logo.png'), { text: '', binary: true });
    assert.ok(lines.some((l) => /^git cat-file blob --end-of-options [0-9a-f]{40}:src\/a\.js \(\d+ ms\)$/.test(l)), lines.join('\n'));
  });

  it('runs no textconv or external diff from the repository config', async () => {
    const port = createCommitContentPort(repo.dir);
    await port.commitFiles(third);
    await port.fileAt(third, 'src/a.js');
    assert.throws(() => repo.read('PWNED'));
  });

  it('answers null for a commit the repository does not have', async () => {
    const port = createCommitContentPort(repo.dir);
    assert.equal(await port.commitFiles('0123456789abcdef0123456789abcdef01234567'), null);
  });

  it('refuses abbreviated ids, refs and unsafe paths before running git', async () => {
    const lines: string[] = [];
    const port = createCommitContentPort(repo.dir, { log: (l) => lines.push(l) });
    await assert.rejects(port.commitFiles(second.slice(0, 8)), { code: 'bad-argument' });
    await assert.rejects(port.commitFiles('HEAD'), { code: 'bad-argument' });
    await assert.rejects(port.commitFiles('--output=/tmp/x'), { code: 'bad-argument' });
    await assert.rejects(port.fileAt(second, '../outside'), { code: 'bad-argument' });
    await assert.rejects(port.fileAt(second, '-p'), { code: 'bad-argument' });
    await assert.rejects(port.fileAt('HEAD~1', 'src/a.js'), { code: 'bad-argument' });
    assert.deepEqual(lines, []);
  });
});
