/** What every test tier writes to the file named by PROOF_OF_FIX_TEST_STATS. */
export interface TierStats {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  failed: { title: string; error: string }[];
}
