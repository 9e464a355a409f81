// A fix's tests show that it works; they are not what the client runs. Later commits rewrite tests
// for reasons of their own (a language version bump, a new test helper, fixtures regenerated):
// counting those lines made a fix "modified" whose code nobody touched (traefik: a Go bump rewrote
// 18 lines of a fix's tests, and the client was told the fix was no longer as it was).

/** Folders of tests and their data, at any depth (`src/test/`, `__tests__/`, `testdata/`, `fixtures/`). */
const TEST_DIR = /^(tests?|__tests__|specs?|testdata|test[-_]data|(__)?fixtures(__)?|__snapshots__|__mocks__|e2e)$/i;
/** Names of test files by the conventions of their languages' tools. */
const TEST_NAME = [
  /_test\.(go|py|rb|exs|dart|rs|c|cc|cpp|js|ts)$/i,
  /^test_[^/]*\.py$/i,
  /\.(test|spec)\.[cm]?[jt]sx?$/i,
  /_spec\.rb$/i,
  /(Tests?|IT)\.(java|kt|kts|scala|groovy|cs|php|swift|m)$/,
  /\.(test|spec)\.php$/i,
];

/** Whether `path` (as git names it, `/`-separated) is a test or test data, by its folders or its name. */
export function isTestFile(path: string): boolean {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  // Git's own layout and Perl's: tests in a top-level `t/`.
  if (parts.length > 1 && parts[0] === 't') return true;
  return parts.slice(0, -1).some((dir) => TEST_DIR.test(dir)) || TEST_NAME.some((re) => re.test(name));
}
