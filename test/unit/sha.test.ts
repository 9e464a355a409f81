// The one sha module: which texts are commit ids, how they are normalised and shortened. Every
// check in src/ that validates or abbreviates a commit id goes through it.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isFullSha, isSha, normalizeSha, SHORT_SHA_LENGTH, shaMatches, shortSha } from '../../src/core/sha';

const SHA1 = '54f82817fa914739f1059b6a3de5fb62b520ca21';
const SHA256 = 'b'.repeat(64);

describe('commit ids (core/sha)', () => {
  it('accepts full ids only as git prints them: 40 or 64 lower-case hex digits', () => {
    assert.equal(isFullSha(SHA1), true);
    assert.equal(isFullSha(SHA256), true);
    for (const not of [SHA1.toUpperCase(), SHA1.slice(0, 39), `${SHA1}0`, 'g'.repeat(40), '', ` ${SHA1}`]) assert.equal(isFullSha(not), false, not);
  });

  it('accepts abbreviations of 4 to 64 hex digits in either case, as a person types them', () => {
    for (const sha of ['abcd', 'ABCDEF0123', SHA1, SHA256]) assert.equal(isSha(sha), true, sha);
    for (const not of ['abc', 'g123', 'a'.repeat(65), '-abcd', '', 'ab cd']) assert.equal(isSha(not), false, not);
  });

  it('normalises to lower case and refuses what is not a commit id', () => {
    assert.equal(normalizeSha(' ABCDEF01\n'), 'abcdef01');
    assert.equal(normalizeSha('--all'), null);
    assert.equal(shaMatches(SHA1, SHA1.slice(0, 9).toUpperCase()), true);
    assert.equal(shaMatches(SHA1, 'ffff'), false);
  });

  it('agrees with the regular expressions it replaces on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-fA-F]{0,70}$/)), (text) => {
        assert.equal(isSha(text), /^[0-9a-fA-F]{4,64}$/.test(text));
        assert.equal(isFullSha(text), /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text));
      }),
      { numRuns: 500 },
    );
  });

  it('shortens to one length everywhere', () => {
    assert.equal(shortSha(SHA1), SHA1.slice(0, SHORT_SHA_LENGTH));
    assert.equal(SHORT_SHA_LENGTH, 7);
  });
});
