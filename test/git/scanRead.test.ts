// A full scan reads a history once with `log`: ids, parents, author and message of every commit,
// decoding only the messages that show an id's mark. Its answer must be the one of a scan that reads
// every commit in full (`rev-list --header`), commit for commit: the same issues, the same facts of
// each fix and mention, the same graph and cache.
import * as assert from 'node:assert/strict';
import type { GitPort } from '../../src/core/gitPort';
import { DEFAULT_ID_PATTERNS } from '../../src/core/linking/messageParser';
import type { ScanOptions, ScanResult } from '../../src/core/linking/scan';
import { scanHistory } from '../../src/core/linking/scan';
import { createGitPort } from '../../src/git/simpleGitPort';
import type { TempRepo } from '../support/tempRepo';
import { OTHER, suiteRepos } from '../support/tempRepo';

const OPTIONS: ScanOptions = { patterns: DEFAULT_ID_PATTERNS };
const PREFIXED: ScanOptions = { patterns: { ...DEFAULT_ID_PATTERNS, keyPrefixes: ['ACME'] } };

/** The port as a scan without marks uses it: every commit in full, from the refs as the log sees them. */
function oneRead(port: GitPort): GitPort {
  let first = true;
  return {
    ...port,
    scanMessages: (range, onRecord) => {
      const whole = first;
      first = false;
      return port.scanMessages(whole ? { include: 'all', exclude: [] } : range, onRecord);
    },
  };
}

/** The graph as each commit's parents by id (the stored order of commits is the order they were read in). */
function parentsById(result: ScanResult): Map<string, (string | null)[]> {
  const { shas, parentStart, parentIds } = result.cache.graph;
  const out = new Map<string, (string | null)[]>();
  shas.forEach((sha, i) => {
    const parents: (string | null)[] = [];
    for (let e = parentStart[i] as number; e < (parentStart[i + 1] as number); e++) {
      const p = parentIds[e] as number;
      parents.push(p < 0 ? null : (shas[p] as string));
    }
    out.set(sha, parents);
  });
  return out;
}

async function assertSameScan(repo: TempRepo, options: ScanOptions, log: string[] = []): Promise<ScanResult> {
  const port = createGitPort(repo.dir, { log: (l) => log.push(l) });
  const before = await scanHistory(oneRead(createGitPort(repo.dir)), options);
  const after = await scanHistory(port, options);
  assert.deepEqual(after.issues, before.issues);
  assert.deepEqual(after.cache.commits, before.cache.commits);
  assert.deepEqual(after.cache.refs, before.cache.refs);
  assert.deepEqual(after.cache.tips, before.cache.tips);
  assert.equal(after.commitsRead, before.commitsRead);
  assert.equal(after.cache.graph.shas.length, before.cache.graph.shas.length);
  assert.deepEqual(parentsById(after), parentsById(before));
  assert.equal(after.historyComplete, before.historyComplete);
  return after;
}

/** A commit written with commit-tree: the message's bytes as given (no clean-up), optionally in another encoding. */
function rawCommit(repo: TempRepo, message: Buffer, parents: string[], encoding?: string): string {
  repo.write('.git/pof-message', message);
  const tree = repo.git(['rev-parse', 'HEAD^{tree}']).trim();
  const config = encoding === undefined ? [] : ['-c', `i18n.commitEncoding=${encoding}`];
  return repo.git([...config, 'commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '.git/pof-message']).trim();
}

describe('linking: a full scan read with log answers as a read of every commit in full', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('on merges, tags of tags, a tag of a blob, two roots, non-UTF-8 and odd messages', async () => {
    const repo = make();
    const base = repo.commit('Initial commit', { files: { 'a.txt': '1\n' } });
    repo.commit('Prepare the export\n\nThe id is only in the body: refs ACME-7.', { files: { 'a.txt': '2\n' }, author: OTHER });
    repo.checkout('side', true);
    repo.commit('Fix the login (fixes #12)', { files: { 'b.txt': '1\n' } });
    repo.commit('Tidy', { files: { 'b.txt': '2\n' } });
    repo.checkout('main');
    repo.commit('Work on main', { files: { 'c.txt': '1\n' } });
    repo.merge('side', "Merge branch 'side'\n\nCloses ACME-8");
    repo.tag('v1.0.0', { message: 'Release 1.0.0 (ACME-9 shipped)' });
    repo.git(['tag', '-a', '-m', 'A tag of a tag', 'v1.0.0-signed', 'v1.0.0']);
    repo.git(['tag', 'light', base]);
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'not a commit\n' }).trim();
    repo.git(['tag', 'a-blob', blob]);
    // Messages only commit-tree writes: leading blank lines, CRLF, trailing blanks, a tab before
    // the mark, an id at a line's start, nothing at all; Latin-1 with and without its header.
    let head = repo.head();
    const odd = [
      Buffer.from('\n\n  Leading blank lines   \r\n\r\nCloses #21  \r\n'),
      Buffer.from('Fixes:\t#22\n#23 at the start\n-24 and acme-25 and X-26\n'),
      Buffer.from(''),
      Buffer.from('Corrige la sesi\xf3n\n\nCorrige ACME-27\n', 'latin1'),
      Buffer.from('Arregla el cami\xf3n   \n\n\n  Refs ACME-28  \n', 'latin1'),
      Buffer.from('Subject\nwith two lines ACME-29\n\nand a body', 'utf8'),
    ];
    odd.forEach((message, i) => {
      head = rawCommit(repo, message, [head], i === 4 ? 'ISO-8859-1' : undefined);
    });
    repo.git(['update-ref', 'refs/heads/odd', head]);
    const root = rawCommit(repo, Buffer.from('Another root (fixes ACME-30)\n'), []);
    repo.git(['update-ref', 'refs/heads/orphan', root]);
    repo.git(['update-ref', 'refs/remotes/origin/main', 'main~1']);

    const log: string[] = [];
    const after = await assertSameScan(repo, OPTIONS, log);
    assert.deepEqual(
      after.issues.map((i) => i.id),
      ['#12', '#21', '#22', '#23', 'ACME-7', 'ACME-8', 'ACME-27', 'ACME-28', 'ACME-29', 'ACME-30'],
    );
    const commands = log.map((l) => l.split(' ').slice(1, 3).join(' '));
    assert.ok(commands.includes('log -z'), `the read is a log of messages: ${commands.join('; ')}`);
    // The log reads from the refs while they are listed: a tip it did not read is looked for after
    // it, here the tag of a blob (nothing to read); no second read of the history.
    const looks = log.filter((l) => l.startsWith('git rev-list'));
    assert.equal(looks.length, 1, looks.join('\n'));
    assert.ok(looks[0]?.includes(blob), looks[0]);
    assert.equal(after.commitsRead, after.cache.graph.shas.length);
    await assertSameScan(repo, PREFIXED);
  });

  it('reads once, losing none, when most messages show a mark or few do', async () => {
    const repo = make();
    let script = '';
    const when = 1704103200;
    // The oldest 7000 commits all show a mark, the newest 2000 rarely.
    for (let i = 1; i <= 9000; i++) {
      const message = i <= 7000 || i % 10 === 0 ? `Work ${i}\n\nRefs ACME-${i}\n` : `Work ${i}\n`;
      script += `commit refs/heads/main\ncommitter Ana Dev <ana@example.com> ${when + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}`;
      script += `M 644 inline f.txt\ndata ${String(i).length + 1}\n${i}\n\n`;
    }
    repo.git(['fast-import', '--quiet'], { input: script });
    const log: string[] = [];
    const after = await assertSameScan(repo, OPTIONS, log);
    assert.equal(after.commitsRead, 9000);
    assert.equal(after.issues.length, 7200);
    assert.deepEqual(
      log.map((l) => l.split(' ').slice(1, 3).join(' ')).filter((c) => c !== 'show-ref --head' && !c.startsWith('rev-parse')),
      ['log -z'],
      `one read: ${log.join('\n')}`,
    );
  });
});

describe('linking: a full scan reads the history beside the listing of the refs', function () {
  this.timeout(60000);
  const make = suiteRepos();

  it('reads a branch made after its log read the history, before the refs were listed', async () => {
    const repo = make();
    repo.commit('Initial commit', { files: { 'a.txt': '1\n' } });
    repo.commit('Fix the total (fixes ACME-1)', { files: { 'a.txt': '2\n' } });
    const real = createGitPort(repo.dir, { requestLanes: 2 });
    let late = '';
    let read: Promise<number> | null = null;
    const port: GitPort = {
      ...real,
      scanMessages: (range, onRecord, filter) => {
        const answer = real.scanMessages(range, onRecord, filter);
        read ??= answer;
        return answer;
      },
      // The listing ends after the log: a branch is made in between, as a commit or fetch would.
      listTips: async () => {
        while (read === null) await new Promise((resolve) => setTimeout(resolve, 5));
        await read;
        repo.checkout('late', true);
        late = repo.commit('Fix the rounding (fixes ACME-2)', { files: { 'b.txt': '1\n' } });
        repo.checkout('main');
        return real.listTips();
      },
    };
    const result = await scanHistory(port, OPTIONS);
    assert.deepEqual(result.issues.map((i) => i.id), ['ACME-1', 'ACME-2']);
    assert.ok(result.cache.tips.includes(late), 'the new branch is a tip of the cache');
    assert.ok(result.cache.graph.shas.includes(late), 'and its commit is in the graph');
    assert.equal(result.commitsRead, 3);
    // Read as a scan that started after the branch was made reads it.
    const again = await scanHistory(createGitPort(repo.dir), OPTIONS);
    assert.deepEqual(again.issues, result.issues);
    assert.deepEqual(parentsById(again), parentsById(result));
  });
});
