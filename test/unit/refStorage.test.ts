// The parsers of git's ref files and of a loose object's start, on literal contents as git 2.39
// writes them, and on the odd ones the file reading must refuse (the port then asks git).
import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { isRefName, objectsShownByShowRef, parseLooseRef, parseObjectStart, parsePackedRefs } from '../../src/git/parsers/refStorage';

const A = '54f82817fa914739f1059b6a3de5fb62b520ca21';
const B = 'a3c1f2d9e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a3';
const C = '0123456789abcdef0123456789abcdef01234567';
const S256 = 'ab'.repeat(32);

describe('ref storage parsers', () => {
  it('reads loose refs: an id, a symbolic ref; refuses anything else', () => {
    assert.deepEqual(parseLooseRef(`${A}\n`), { id: A });
    assert.deepEqual(parseLooseRef(`${S256}\n`), { id: S256 });
    assert.deepEqual(parseLooseRef('ref: refs/heads/main\n'), { target: 'refs/heads/main' });
    assert.deepEqual(parseLooseRef('ref:refs/heads/main'), { target: 'refs/heads/main' });
    for (const odd of [`${A} extra\n`, A.toUpperCase(), A.slice(0, 39), '', 'ref: refs/heads/a..b\n', 'ref: \n', `x${A}`]) {
      assert.equal(parseLooseRef(odd), null, JSON.stringify(odd));
    }
  });

  it('checks ref names as git does (a little stricter)', () => {
    for (const ok of ['refs/heads/main', 'refs/heads/a/b/c', 'refs/tags/v1.0.0', 'HEAD', 'refs/remotes/origin/HEAD', 'refs/heads/fix-#7']) assert.ok(isRefName(ok), ok);
    for (const bad of ['', '@', 'refs/heads/a..b', 'refs/heads/.hidden', 'refs/heads/x.lock', 'refs/heads/a b', 'refs/heads/a~1', 'refs/heads/a^', 'refs/heads/a:b', 'refs/heads/a?', 'refs/heads/a*', 'refs/heads/a[', 'refs/heads/a\\b', 'refs/heads/a@{1}', 'refs/heads/end.', 'refs//heads', 'refs/heads/', 'refs/heads/ñ']) {
      assert.equal(isRefName(bad), false, bad);
    }
  });

  it('reads packed-refs with what each trait says of a missing peeled line', () => {
    const body = `${A} refs/heads/main\n${B} refs/tags/v1\n^${C}\n${C} refs/tags/light\n`;
    assert.deepEqual(parsePackedRefs(`# pack-refs with: peeled fully-peeled sorted \n${body}`), [
      { name: 'refs/heads/main', id: A, peeled: null },
      { name: 'refs/tags/v1', id: B, peeled: C },
      { name: 'refs/tags/light', id: C, peeled: null },
    ]);
    assert.deepEqual(parsePackedRefs(`# pack-refs with: peeled \n${body}`), [
      { name: 'refs/heads/main', id: A, peeled: undefined },
      { name: 'refs/tags/v1', id: B, peeled: C },
      { name: 'refs/tags/light', id: C, peeled: null },
    ]);
    assert.deepEqual(parsePackedRefs(body)?.map((r) => r.peeled), [undefined, C, undefined]);
    assert.deepEqual(parsePackedRefs(''), []);
  });

  it('refuses packed-refs git would die on or read differently', () => {
    for (const odd of [
      `${A} refs/heads/main`,
      `# something else\n${A} refs/heads/main\n`,
      `^${C}\n`,
      `${A} refs/heads/main\n^${C}\n^${C}\n`,
      `${A}\trefs/heads/main\n`,
      `${A} refs/heads/main\n${B} refs/heads/main\n`,
      `${A} refs/heads/bad name\n`,
      `${A} refs/heads/main\n^${S256}\n`,
      `${A} refs/heads/main\n\n`,
    ]) {
      assert.equal(parsePackedRefs(odd), null, JSON.stringify(odd));
    }
  });

  it("reads a loose object's type, and a tag's object and type lines", () => {
    const object = (text: string): Buffer => zlib.inflateSync(zlib.deflateSync(Buffer.from(text, 'latin1')));
    assert.deepEqual(parseObjectStart(object(`commit 180\0tree ${A}\n`)), { type: 'commit' });
    assert.deepEqual(parseObjectStart(object('blob 3\0abc')), { type: 'blob' });
    assert.deepEqual(parseObjectStart(object(`tag 140\0object ${A}\ntype commit\ntag v1\n`)), { type: 'tag', object: A, objectType: 'commit' });
    assert.deepEqual(parseObjectStart(object(`tag 140\0object ${B}\ntype tag\ntag v1\n`)), { type: 'tag', object: B, objectType: 'tag' });
    for (const odd of [`tag 140\0type commit\nobject ${A}\n`, `tag 140\0object ${A}\ntype commit`, `tag 10\0object ${A.toUpperCase()}\ntype commit\n`, 'weird 3\0abc', 'commit 3', `tag 1\0object ${A}\ntype thing\n`]) {
      assert.equal(parseObjectStart(object(odd)), null, JSON.stringify(odd));
    }
  });

  it('learns from show-ref which objects exist and what each peels to', () => {
    const text = `${A} HEAD\n${A} refs/heads/main\n${B} refs/tags/v1\n${C} refs/tags/v1^{}\n${C} refs/tags/light\n`;
    assert.deepEqual([...objectsShownByShowRef(text)], [
      [A, null],
      [B, C],
      [C, null],
    ]);
    // A peeled line of another ref is not this one's.
    assert.deepEqual([...objectsShownByShowRef(`${B} refs/tags/v1\n${C} refs/tags/v2^{}\n`)], [[B, null]]);
  });
});
