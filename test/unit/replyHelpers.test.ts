// Reply helpers: forge links from remote URLs, locale formatting, the next-step date, the context's
// rule that unverified facts are absent, and the verification appendix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAppendix, shellQuote } from '../../src/core/reply/appendix';
import { buildReplyContext, CONTEXT_FIELDS } from '../../src/core/reply/context';
import { addWorkingDays, formatCount, formatDate, formatDay, formatList } from '../../src/core/reply/format';
import { shortSha } from '../../src/core/sha';
import { readRemoteUrl } from '../../src/git/dotGit';
import { parseRemotes } from '../../src/git/parsers/config';
import { commitUrl, isSafeLink, parseRemote, tagUrl } from '../../src/core/reply/remoteLinks';
import { makeTempDir } from '../support/tempDir';
import { SCENARIOS, client, fixEvidence, issue } from './replyFixtures';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('reply remote links', () => {
  const cases: Array<[string, string, string]> = [
    ['git@github.com:acme/shop.git', `https://github.com/acme/shop/commit/${SHA}`, 'https://github.com/acme/shop/releases/tag/v1.0'],
    ['https://github.com/acme/shop', `https://github.com/acme/shop/commit/${SHA}`, 'https://github.com/acme/shop/releases/tag/v1.0'],
    ['ssh://git@github.com/acme/shop.git', `https://github.com/acme/shop/commit/${SHA}`, 'https://github.com/acme/shop/releases/tag/v1.0'],
    ['https://gitlab.com/group/sub/shop.git', `https://gitlab.com/group/sub/shop/-/commit/${SHA}`, 'https://gitlab.com/group/sub/shop/-/tags/v1.0'],
    ['git@gitlab.example.org:team/shop.git', `https://gitlab.example.org/team/shop/-/commit/${SHA}`, 'https://gitlab.example.org/team/shop/-/tags/v1.0'],
    ['git@bitbucket.org:acme/shop.git', `https://bitbucket.org/acme/shop/commits/${SHA}`, 'https://bitbucket.org/acme/shop/src/v1.0'],
    ['https://acme@dev.azure.com/acme/Web/_git/shop', `https://dev.azure.com/acme/Web/_git/shop/commit/${SHA}`, 'https://dev.azure.com/acme/Web/_git/shop?version=GTv1.0'],
    ['git@ssh.dev.azure.com:v3/acme/Web/shop', `https://dev.azure.com/acme/Web/_git/shop/commit/${SHA}`, 'https://dev.azure.com/acme/Web/_git/shop?version=GTv1.0'],
    ['https://acme.visualstudio.com/Web/_git/shop', `https://dev.azure.com/acme/Web/_git/shop/commit/${SHA}`, 'https://dev.azure.com/acme/Web/_git/shop?version=GTv1.0'],
    ['https://codeberg.org/acme/shop.git', `https://codeberg.org/acme/shop/commit/${SHA}`, 'https://codeberg.org/acme/shop/src/tag/v1.0'],
    ['git@gitea.acme.dev:acme/shop.git', `https://gitea.acme.dev/acme/shop/commit/${SHA}`, 'https://gitea.acme.dev/acme/shop/src/tag/v1.0'],
  ];
  for (const [remote, commit, tag] of cases) {
    it(`builds links for ${remote}`, () => {
      const forge = parseRemote(remote);
      assert.ok(forge);
      assert.equal(commitUrl(forge, SHA), commit);
      assert.equal(tagUrl(forge, 'v1.0'), tag);
    });
  }

  it('gives no links for unknown hosts, local paths and empty remotes', () => {
    for (const remote of ['git@git.example.com:acme/shop.git', '/srv/git/shop.git', 'file:///srv/shop', '', undefined]) {
      assert.equal(parseRemote(remote), null, String(remote));
    }
  });

  it('never lets a remote URL put Markdown or another scheme into a link', () => {
    for (const remote of ['https://github.com/acme/shop)](javascript:alert(1)', 'https://github.com/a(b)/c)d', 'git@github.com:acme/sh op).git']) {
      const forge = parseRemote(remote);
      if (forge === null) continue;
      const url = commitUrl(forge, SHA);
      assert.ok(isSafeLink(url), url);
      assert.doesNotMatch(url, /[()\s]/, url);
      assert.doesNotMatch(tagUrl(forge, 'v1)(x'), /[()]/);
    }
    for (const remote of ['javascript://github.com/a/b', 'data:text/html,x', 'https://gith(ub.com/a/b', 'vbscript:x']) {
      assert.equal(parseRemote(remote), null, remote);
    }
    assert.equal(isSafeLink('javascript:alert(1)'), false);
    assert.equal(isSafeLink('http://github.com/a'), false);
    assert.equal(isSafeLink('https://github.com/a/b/commit/0123'), true);
  });

  it('recognises a self-hosted forge from a hint', () => {
    assert.equal(parseRemote('git@git.example.com:acme/shop.git', 'gitea')?.base, 'https://git.example.com/acme/shop');
  });
});

describe('reply remote from git config', () => {
  it('reads remote URLs by name, the first url of each', () => {
    const remotes = parseRemotes('[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/up/shop.git\n[remote "origin"]\n\turl = git@github.com:me/shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n\tremote = origin\n');
    assert.deepEqual([...remotes], [['upstream', 'https://github.com/up/shop.git'], ['origin', 'git@github.com:me/shop.git']]);
  });

  it('prefers origin, follows a worktree to its common git folder, and knows when there is none', async () => {
    const dir = makeTempDir('pof-remote-');
    try {
      const main = path.join(dir, 'main');
      fs.mkdirSync(path.join(main, '.git', 'worktrees', 'wt'), { recursive: true });
      fs.writeFileSync(path.join(main, '.git', 'config'), '[remote "a"]\n\turl = https://gitlab.com/a/shop\n[remote "origin"]\n\turl = https://github.com/o/shop\n');
      fs.writeFileSync(path.join(main, '.git', 'worktrees', 'wt', 'commondir'), '../..\n');
      const worktree = path.join(dir, 'wt');
      fs.mkdirSync(worktree);
      fs.writeFileSync(path.join(worktree, '.git'), `gitdir: ${path.join(main, '.git', 'worktrees', 'wt')}\n`);
      assert.equal(await readRemoteUrl(main), 'https://github.com/o/shop');
      assert.equal(await readRemoteUrl(worktree), 'https://github.com/o/shop');
      assert.equal(await readRemoteUrl(dir), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reply formatting', () => {
  it('formats dates in the client locale', () => {
    assert.equal(formatDate('2026-03-12T10:24:00+01:00', { locale: 'es', timeZone: 'Europe/Madrid' }), '12 de marzo de 2026');
    assert.equal(formatDate('2026-03-12T10:24:00+01:00', { locale: 'en-GB', timeZone: 'UTC' }), '12 March 2026');
    // A bare day is a calendar day in every zone.
    assert.equal(formatDate('2026-03-12', { locale: 'en-US', timeZone: 'America/Los_Angeles' }), 'March 12, 2026');
  });

  it('joins lists and counts in the locale', () => {
    assert.equal(formatList(['a', 'b', 'c'], 'en'), 'a, b, and c');
    assert.equal(formatList(['a', 'b', 'c'], 'es'), 'a, b y c');
    assert.equal(formatCount(1, 'línea', 'líneas', 'es'), '1 línea');
    assert.equal(formatCount(3, 'line', 'lines', 'en'), '3 lines');
    assert.equal(shortSha(SHA), '0123456');
  });

  it('writes dates as Spanish writes them, without the year of the reply', () => {
    assert.equal(formatDay('2026-12-03', { locale: 'es', currentYear: 2026 }), 'jueves 3 de diciembre');
    assert.equal(formatDay('2026-12-03', { locale: 'en', currentYear: 2026 }), 'Thursday, December 3');
    assert.equal(formatDate('2026-02-10T10:00:00+01:00', { locale: 'es', timeZone: 'Europe/Madrid', currentYear: 2026 }), '10 de febrero');
    assert.equal(formatDate('2025-02-10T10:00:00+01:00', { locale: 'es', timeZone: 'Europe/Madrid', currentYear: 2026 }), '10 de febrero de 2025');
  });

  it('builds each Intl formatter once, however many values it formats', () => {
    const original = Intl.DateTimeFormat;
    let built = 0;
    const counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built++;
      return new original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    (Intl as { DateTimeFormat: typeof Intl.DateTimeFormat }).DateTimeFormat = counting;
    try {
      for (let i = 1; i <= 28; i++) formatDate(`2031-02-${String(i).padStart(2, '0')}`, { locale: 'es-MX' });
    } finally {
      (Intl as { DateTimeFormat: typeof Intl.DateTimeFormat }).DateTimeFormat = original;
    }
    assert.equal(built, 1);
  });

  it('suggests a next step N working days ahead, skipping the weekend', () => {
    assert.equal(addWorkingDays('2026-11-19T10:00:00Z', 2, 'UTC'), '2026-11-23'); // Thursday -> Monday
    assert.equal(addWorkingDays('2026-11-21T09:30:00Z', 2, 'UTC'), '2026-11-24'); // Saturday -> Tuesday
  });
});

describe('reply context', () => {
  it('has deployment facts only when the evidence says the version contains the fix', () => {
    const notDeployed = buildReplyContext({ evidence: SCENARIOS['fix-not-deployed']!, language: 'en' });
    assert.equal('deployed' in notDeployed, false);
    assert.equal(notDeployed.notDeployed?.ref, 'v1.3.2');
    const unknown = buildReplyContext({ evidence: SCENARIOS['deployed-unknown']!, language: 'en' });
    assert.equal('deployed' in unknown, false);
    assert.equal('notDeployed' in unknown, false);
    const intact = buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en' });
    assert.equal(intact.deployed?.ref, 'v1.5.0');
  });

  it('leaves out what the records do not hold instead of leaving blanks', () => {
    const context = buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'es', client: { ...client('es'), contactName: '  ', signature: undefined } });
    assert.equal('contactName' in context, false);
    assert.equal('signature' in context, false);
    assert.equal('title' in context.issue, false);
    assert.equal(context.issue.id, 'ACME-12');
  });

  it('takes the register from the option, then the client; English is never tú', () => {
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'es', client: client('es', 'tu') }).tu, true);
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'es', register: 'usted', client: client('es', 'tu') }).tu, false);
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en', register: 'tu' }).tu, false);
  });

  it('splits later changes and reverts into mine and others', () => {
    const mine = buildReplyContext({ evidence: SCENARIOS['fix-modified']!, language: 'en' });
    assert.equal(mine.changesByMe.length, 1);
    assert.equal(mine.changesByOthers.length, 0);
    assert.equal(mine.survival?.changed, 3);
    const others = buildReplyContext({ evidence: SCENARIOS['fix-reverted-by-others']!, language: 'en' });
    assert.equal(others.revertsByOthers.length, 1);
    assert.equal(others.revertsByMe.length, 0);
  });

  it('names the first release containing every fix, or none when one fix is in no release', () => {
    const two = { ...SCENARIOS['deployed-unknown']!, fixes: [fixEvidence(), fixEvidence({ sha: SHA, firstTag: { name: 'v1.6.0', date: '2026-06-01T00:00:00Z' } })] };
    assert.equal(buildReplyContext({ evidence: two, language: 'en' }).release?.name, 'v1.6.0');
    const untagged = { ...two, fixes: [fixEvidence(), fixEvidence({ sha: SHA, firstTag: null })] };
    assert.equal('release' in buildReplyContext({ evidence: untagged, language: 'en' }), false);
  });

  it('declares every field a context can hold, so templates are checked against all of them', () => {
    const keys = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          keys.add(k);
          walk(v);
        }
      }
    };
    for (const evidence of Object.values(SCENARIOS)) {
      walk(buildReplyContext({ evidence, language: 'es', client: client('es'), appendix: true }));
    }
    assert.deepEqual([...keys].filter((k) => !CONTEXT_FIELDS.has(k)), []);
  });

  it('uses a given next-step date, and invents none', () => {
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en', nextStepBy: '2026-12-01' }).nextStepBy, '2026-12-01');
    assert.equal('nextStepBy' in buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en' }), false);
  });

  it('takes the audience from the option, then the client, else plain', () => {
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en' }).technical, false);
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en', client: { ...client('en'), audience: 'technical' } }).technical, true);
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en', audience: 'plain', client: { ...client('en'), audience: 'technical' } }).audience, 'plain');
  });

  it('names a release-like client version, not a branch; acknowledges a version that names no commit', () => {
    assert.equal(buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en' }).deployed?.name, 'v1.5.0');
    assert.equal('name' in (buildReplyContext({ evidence: SCENARIOS['fix-not-deployed-unreleased']!, language: 'en' }).notDeployed ?? {}), false);
    assert.equal(buildReplyContext({ evidence: SCENARIOS['deployed-unknown-version-said']!, language: 'en' }).versionSaid, 'producción');
    const said = { ...issue('es'), reports: [{ date: '2026-11-20', words: 'otra vez', version: 'production' }] };
    assert.equal(buildReplyContext({ evidence: SCENARIOS['deployed-unknown']!, language: 'en', issue: said }).versionSaid, 'production');
    assert.equal('versionSaid' in buildReplyContext({ evidence: SCENARIOS['fix-intact']!, language: 'en', issue: said }), false);
  });
});

describe('reply appendix', () => {
  it('gives a git command for each statement', () => {
    const { checks } = buildAppendix(SCENARIOS['fix-not-deployed']!);
    const kinds = checks.map((c) => c.kind);
    assert.deepEqual(kinds, ['target', 'deployed-ref', 'on-target', 'tag', 'not-in-version', 'survival']);
    const notIn = checks.find((c) => c.kind === 'not-in-version');
    assert.match(notIn?.command ?? '', /^git merge-base --is-ancestor a1b2c3d4\w+ v1\.3\.2 /);
    assert.equal(checks.find((c) => c.kind === 'tag')?.command.startsWith('git tag --contains '), true);
  });

  it('checks a copy by patch id when the fix itself is not on the target', () => {
    const copy = { ...SCENARIOS['deployed-unknown']!, fixes: [fixEvidence({ reachable: false, equivalents: [{ ...fixEvidence(), sha: SHA, how: 'patch-id' }] })] };
    const checks = buildAppendix(copy).checks;
    assert.ok(checks.some((c) => c.kind === 'copy' && c.ref === SHA && c.command.includes('git patch-id --stable')));
    assert.ok(checks.some((c) => c.kind === 'tag' && c.command === `git tag --contains ${SHA}`));
  });

  it('quotes paths and refs that a shell would split', () => {
    assert.equal(shellQuote('src/a b.ts'), "'src/a b.ts'");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.equal(shellQuote('origin/main'), 'origin/main');
  });
});
