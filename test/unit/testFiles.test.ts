import * as assert from 'node:assert/strict';
import { filesToMeasure } from '../../src/core/evidence/releaseNotes';
import { isTestFile } from '../../src/core/evidence/testFiles';

describe('test files: what shows a fix works, not what the client runs', () => {
  it('by the folders tests and their data live in, at any depth', () => {
    for (const p of ['test/cart.js', 'tests/test_cart.py', 'src/test/java/shop/Cart.java', 'app/__tests__/cart.tsx', 'spec/models/cart.rb', 'pkg/parse/testdata/in.json', 'pkg/provider/kubernetes/crd/fixtures/services.yml', 'src/__snapshots__/cart.snap', 'src/__mocks__/api.ts', 'e2e/checkout.cy.ts', 't/t1234-checkout.sh', 'Tests/CartTests/Helpers.swift']) {
      assert.ok(isTestFile(p), p);
    }
  });

  it('by the names their languages\' tools give them', () => {
    for (const p of ['pkg/cart/cart_test.go', 'shop/test_cart.py', 'shop/cart_test.py', 'src/cart.test.ts', 'src/cart.spec.js', 'src/Cart.test.jsx', 'lib/cart_spec.rb', 'src/main/java/CartTest.java', 'CartTests.cs', 'CartIT.java', 'CartTest.kt', 'tests.php/CartTest.php', 'lib/cart_test.exs']) {
      assert.ok(isTestFile(p), p);
    }
  });

  it('code never is, even named close to a test', () => {
    for (const p of ['src/latest.go', 'src/Latest.java', 'contest/entry.py', 'src/attestation.ts', 'src/testing/util.go', 'src/protest.js', 'lib/specification.rb', 'docs/t/intro.md', 'src/testimonials.tsx', 'src/inspector.spec-helpers/x.ts', 'src/fixtures.py', 'src/cart.js']) {
      assert.ok(!isTestFile(p), p);
    }
  });

  it('a fix is measured by its code, and by its tests only when it is nothing else', () => {
    const file = (path: string, added = 1, binary = false): { path: string; binary: boolean; added: number[] } => ({ path, binary, added: Array.from({ length: added }, (_, i) => i) });
    const code = file('src/cart.js');
    const test = file('test/cart.test.js');
    const notes = file('CHANGELOG.md');
    assert.deepEqual(filesToMeasure([code, test, notes, file('img/logo.png', 0, true)]), [code]);
    assert.deepEqual(filesToMeasure([test, notes]), [test]);
    assert.deepEqual(filesToMeasure([notes]), []);
    assert.deepEqual(filesToMeasure([file('src/removed-only.js', 0), test]), [test]);
  });
});
