// Builds small real git repositories for tests, with fixed authors and dates so every run
// produces the same history. Git runs with an isolated HOME and no system config.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isolatedGitEnv } from './gitEnv';
import { removeAtExit } from './tempDir';

export interface Person {
  name: string;
  email: string;
}

export const ME: Person = { name: 'Ana Dev', email: 'ana@example.com' };
export const OTHER: Person = { name: 'Bob Other', email: 'bob@client.example' };

export interface CommitOptions {
  author?: Person;
  /** ISO date; default: one hour after the previous commit. */
  date?: string;
  /** Files to write (string) or delete (null) before committing. */
  files?: Record<string, string | Buffer | null>;
  allowEmpty?: boolean;
}

const START = Date.parse('2024-01-01T10:00:00Z');

export class TempRepo {
  private clock = 0;
  private readonly home: string;

  private constructor(
    readonly dir: string,
    private readonly root: string,
  ) {
    this.home = path.join(root, 'home');
  }

  /** A new repository on branch main, with ME as the configured user. */
  static create(name = 'repo'): TempRepo {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pof-git-'));
    removeAtExit(root);
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    fs.mkdirSync(path.join(root, 'home'));
    const repo = new TempRepo(dir, root);
    repo.git(['init', '-q', '-b', 'main']);
    repo.git(['config', 'user.name', ME.name]);
    repo.git(['config', 'user.email', ME.email]);
    repo.git(['config', 'commit.gpgsign', 'false']);
    return repo;
  }

  /** Another folder next to the repository (for clones), inside the same temporary root. */
  sibling(name: string): string {
    return path.join(this.root, name);
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return isolatedGitEnv(this.home, extra);
  }

  git(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): string {
    return execFileSync('git', args, {
      cwd: options.cwd ?? this.dir,
      env: this.env(options.env),
      encoding: 'utf8',
      input: options.input,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  nextDate(): string {
    this.clock += 1;
    return new Date(START + this.clock * 3600_000).toISOString().replace('.000Z', 'Z');
  }

  write(file: string, content: string | Buffer): void {
    const full = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }

  private dateEnv(author: Person, date: string): Record<string, string> {
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: date,
    };
  }

  /** Writes the files, stages everything, commits; returns the new commit's sha. */
  commit(message: string, options: CommitOptions = {}): string {
    for (const [file, content] of Object.entries(options.files ?? {})) {
      if (content === null) fs.rmSync(path.join(this.dir, file), { force: true });
      else this.write(file, content);
    }
    this.git(['add', '-A']);
    const author = options.author ?? ME;
    const date = options.date ?? this.nextDate();
    const args = ['commit', '-q', '--no-verify', '-F', '-'];
    if (options.allowEmpty === true) args.push('--allow-empty');
    this.git(args, { env: this.dateEnv(author, date), input: message });
    return this.head();
  }

  head(ref = 'HEAD'): string {
    return this.git(['rev-parse', ref]).trim();
  }

  checkout(ref: string, create = false): void {
    this.git(create ? ['checkout', '-q', '-b', ref] : ['checkout', '-q', ref]);
  }

  tag(name: string, options: { ref?: string; message?: string; date?: string } = {}): void {
    const date = options.date ?? this.nextDate();
    const args = options.message === undefined ? ['tag', name] : ['tag', '-a', name, '-m', options.message];
    if (options.ref !== undefined) args.push(options.ref);
    this.git(args, { env: this.dateEnv(ME, date) });
  }

  /** `git merge --no-ff`; returns the merge commit. */
  merge(branch: string, message: string, author: Person = ME): string {
    this.git(['merge', '-q', '--no-ff', '-m', message, branch], { env: this.dateEnv(author, this.nextDate()) });
    return this.head();
  }

  cherryPick(sha: string, author: Person = ME): string {
    this.git(['cherry-pick', sha], { env: this.dateEnv(author, this.nextDate()) });
    return this.head();
  }

  revert(sha: string, author: Person = ME): string {
    this.git(['revert', '--no-edit', sha], { env: this.dateEnv(author, this.nextDate()) });
    return this.head();
  }

  /** A shallow clone of this repository (file:// so --depth applies). */
  shallowClone(name: string, depth: number): string {
    const target = this.sibling(name);
    this.git(['clone', '-q', '--no-local', `--depth=${depth}`, `file://${this.dir}`, target], { cwd: this.root });
    return target;
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Call inside a describe: returns what makes a fresh repository for the suite, and removes every
 * repository it made once the suite is done.
 */
export function suiteRepos(): () => TempRepo {
  const repos: TempRepo[] = [];
  after(() => {
    for (const r of repos) r.dispose();
  });
  return () => {
    const repo = TempRepo.create();
    repos.push(repo);
    return repo;
  };
}

/** Numbered lines "prefix 1".."prefix n", newline-terminated. */
export function lines(prefix: string, n: number, from = 1): string {
  let out = '';
  for (let i = from; i < from + n; i++) out += `${prefix} ${i}\n`;
  return out;
}
