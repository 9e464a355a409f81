// The tag list containment is matched against: tags of tags come back to be peeled further, and a
// peel that does not match them one to one is refused rather than half applied.
import * as assert from 'node:assert/strict';
import { parseTagList, peelNested, tagListFormat } from '../../src/git/parsers/tagList';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const T = 'e'.repeat(40);

/** One for-each-ref record, as git prints the declared format. */
function line(f: { ref: string; date: string; type: string; sha: string; peeledType: string; peeled: string }): string {
  const { record, field } = tagListFormat.separators;
  return record + [f.ref, f.date, f.type, f.sha, f.peeledType, f.peeled].map((v) => v + field).join('');
}

describe('git parsers: the tag list', () => {
  const text = [
    line({ ref: 'refs/heads/main', date: '2024-01-01T00:00:00Z', type: 'commit', sha: A, peeledType: '', peeled: '' }),
    line({ ref: 'refs/tags/v1.0', date: '2024-01-02T00:00:00Z', type: 'commit', sha: A, peeledType: '', peeled: '' }),
    line({ ref: 'refs/tags/v1.0rc1', date: '2024-01-03T00:00:00Z', type: 'tag', sha: T, peeledType: 'tag', peeled: B }),
    line({ ref: 'refs/tags/v1.1', date: '2024-01-04T00:00:00Z', type: 'tag', sha: T, peeledType: 'commit', peeled: C }),
    line({ ref: 'refs/tags/key', date: '2024-01-05T00:00:00Z', type: 'tag', sha: T, peeledType: 'blob', peeled: B }),
  ].join('');

  it('keeps tags of tags, in git order, with the inner tag to peel further', () => {
    const list = parseTagList(text);
    assert.equal(list.complete, true);
    assert.deepEqual(
      list.tags.map((t) => [t.name, t.sha, t.nested]),
      [
        ['v1.0', A, false],
        ['v1.0rc1', B, true],
        ['v1.1', C, false],
      ],
    );
  });

  it('puts each peeled commit in its nested tag’s place, and refuses a peel that does not match one to one', () => {
    const { tags } = parseTagList(text);
    assert.deepEqual(
      peelNested(tags, [A])?.map((t) => [t.name, t.sha]),
      [
        ['v1.0', A],
        ['v1.0rc1', A],
        ['v1.1', C],
      ],
    );
    assert.equal(peelNested(tags, []), null);
    assert.equal(peelNested(tags, [A, C]), null);
    assert.equal(peelNested(tags, ['not a sha']), null);
  });
});
