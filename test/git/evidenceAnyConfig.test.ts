// The same evidence whatever the user's global git config says: each issue of one repository with
// messy histories (a fix whose file moved, a reverted merge, a fix on two release lines, a CJK
// message, a git note) is computed with an isolated HOME, with a HOME whose .gitconfig sets the
// result-affecting options below, and with the shared hostile HOME (test/support/hostileHome.ts,
// which also names a marker program for every way git can start one); the verdicts and every
// per-fix fact must be the same, and no marker program may run.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeEvidence } from '../../src/core/evidence/engine';
import type { EvidenceRequest } from '../../src/core/evidence/engine';
import type { IssueEvidence } from '../../src/core/evidence/model';
import { createGitPort } from '../../src/git/simpleGitPort';
import { hostileHome, markers } from '../support/hostileHome';
import type { Markers } from '../support/hostileHome';
import { makeTempDir } from '../support/tempDir';
import type { TempRepo } from '../support/tempRepo';
import { lines, OTHER, suiteRepos } from '../support/tempRepo';
import { evidenceBothWays } from '../support/evidenceBothWays';

const HOSTILE = `[blame]
	ignoreRevsFile = .git-blame-ignore-revs
	markUnblamableLines = true
	markIgnoredLines = true
	date = relative
[i18n]
	logOutputEncoding = ISO-8859-1
[log]
	showSignature = true
	decorate = full
	abbrevCommit = true
	follow = true
	date = relative
	showRoot = false
[diff]
	renames = false
	noprefix = true
	mnemonicPrefix = true
	renameLimit = 1
	algorithm = patience
	context = 10
	interHunkContext = 10
	indentHeuristic = false
	relative = true
[core]
	abbrev = 4
	quotePath = true
	autocrlf = true
[color]
	ui = always
	diff = always
	branch = always
[format]
	pretty = fuller
[notes]
	displayRef = refs/notes/*
[tag]
	sort = -version:refname
[grep]
	patternType = perl
[merge]
	renames = false
[status]
	showUntrackedFiles = all
`;

const CART = lines('cart', 30);
const CART_FIXED = CART.replace('cart 10\n', 'if (items.length === 0) return [];\nlog("empty cart");\n');

/** Runs `task` with HOME (and XDG_CONFIG_HOME) at `home`, as a user's shell would have them. */
async function withHome<T>(home: string | null, task: () => Promise<T>): Promise<T> {
  const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
  if (home !== null) {
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = home;
  }
  try {
    return await task();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function comparable(e: IssueEvidence): Omit<IssueEvidence, 'computedAt'> {
  const { computedAt: _computedAt, ...rest } = e;
  return rest;
}

describe('evidence under any global git config', function () {
  this.timeout(120000);
  const make = suiteRepos();
  let repo: TempRepo;
  let plainHome: string;
  let ownHostileHome: string;
  let sharedHostileHome: string;
  let marks: Markers;
  const shas: Record<string, string> = {};

  before(() => {
    const homes = makeTempDir('pof-homes-');
    plainHome = path.join(homes, 'plain');
    ownHostileHome = path.join(homes, 'hostile');
    fs.mkdirSync(plainHome);
    fs.mkdirSync(ownHostileHome);
    fs.writeFileSync(path.join(plainHome, '.gitconfig'), '');
    fs.writeFileSync(path.join(ownHostileHome, '.gitconfig'), HOSTILE);
    marks = markers(path.join(homes, 'markers'));
    sharedHostileHome = hostileHome(homes, marks);

    repo = make();
    repo.commit('Initial', { files: { 'src/cart.js': CART, 'src/menu.js': lines('menu', 12), 'src/pay.js': lines('pay', 12) } });
    repo.tag('v1.0.0', { message: 'Release 1.0.0' });
    repo.checkout('release/1.x', true);
    shas.backport = repo.commit('[1.x] Guard the payment total\n\nFixes ACME-3', { files: { 'src/pay.js': lines('pay', 12).replace('pay 4\n', 'if (!total) return 0; // 1.x\n') } });
    repo.tag('v1.0.1');
    repo.checkout('main');
    shas.cart = repo.commit('Fix crash when the cart is empty (fixes ACME-1)', { files: { 'src/cart.js': CART_FIXED } });
    repo.git(['notes', 'add', '-m', 'reviewed', shas.cart]);
    repo.checkout('menu-fix', true);
    shas.menu = repo.commit('Исправлено меню (fixes ACME-2)', { files: { 'src/menu.js': lines('menu', 12).replace('menu 6\n', 'меню 6\n') } });
    repo.checkout('main');
    shas.merge = repo.merge('menu-fix', "Merge branch 'menu-fix'");
    shas.pay = repo.commit('Guard the payment total (fixes ACME-3)', { files: { 'src/pay.js': lines('pay', 12).replace('pay 4\n', 'if (!total) return 0;\n') } });
    shas.cjk = repo.commit('修复菜单标题 (fixes ACME-4)', { files: { 'src/menu.js': lines('menu', 12).replace('menu 6\n', 'меню 6\n').replace('menu 1\n', '菜单 1\n') } });
    repo.tag('v2.0.0', { message: 'Release 2.0.0' });
    repo.commit('Move sources', { files: { 'src/cart.js': null, 'lib/cart.ts': CART_FIXED.replace('cart 1\n', 'cart one\n') }, author: OTHER });
    repo.git(['revert', '--no-edit', '-m', '1', shas.merge]);
    shas.revert = repo.head();
    repo.tag('deploy-2024-05');
  });

  const requests: [string, EvidenceRequest, string][] = [
    ['a fix whose file moved, deployed in a tag', { ref: 'ACME-1', deployed: 'v2.0.0' }, 'fix-intact'],
    ['a fix brought by a merge that was reverted', { ref: 'ACME-2', deployed: 'main' }, 'fix-reverted'],
    ['a fix on two release lines, the client on 1.x', { ref: 'ACME-3', deployed: 'v1.0.1' }, 'fix-intact'],
    ['a CJK message', { ref: 'ACME-4', deployed: 'deploy-2024-05' }, 'fix-intact'],
  ];
  for (const [what, request, verdict] of requests) {
    it(`${what}: the same verdict and facts with a hostile global config`, async () => {
      const plain = await withHome(plainHome, () => evidenceBothWays(createGitPort(repo.dir), request));
      assert.equal(plain.verdict, verdict);
      assert.ok(plain.fixes.every((f) => f.exists));
      const hostile = await withHome(ownHostileHome, () => computeEvidence(createGitPort(repo.dir), request));
      assert.deepEqual(comparable(hostile), comparable(plain));
      const shared = await withHome(sharedHostileHome, () => computeEvidence(createGitPort(repo.dir), request));
      assert.deepEqual(comparable(shared), comparable(plain));
      assert.deepEqual(marks.ran(), []);
    });
  }

  it('facts of the plain run are the ones git proves', async () => {
    const e = await withHome(plainHome, () => computeEvidence(createGitPort(repo.dir), { ref: 'ACME-2', deployed: 'main' }));
    assert.deepEqual(e.fixes.map((f) => [f.sha, f.reverts.map((r) => [r.sha, r.viaMerge])]), [[shas.menu, [[shas.revert, shas.merge]]]]);
    const c = await withHome(plainHome, () => computeEvidence(createGitPort(repo.dir), { ref: 'ACME-1', deployed: 'v2.0.0' }));
    assert.deepEqual([c.fixes[0]?.survival?.files[0]?.pathAtRef, c.fixes[0]?.survival?.intact, c.fixes[0]?.tags], ['lib/cart.ts', 2, ['v2.0.0']]);
    const p = await withHome(plainHome, () => computeEvidence(createGitPort(repo.dir), { ref: 'ACME-3', deployed: 'v1.0.1' }));
    assert.deepEqual(p.fixes.find((f) => f.sha === shas.backport)?.counterpartOf, [shas.pay]);
  });
});
