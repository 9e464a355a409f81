// The release a reply names right after the fix is that fix's own: when the client has the fix in
// another form on their own release line (a copy, or the same fix made there), that line's release
// is told as that line's, not as the release of the fix just told.
import * as assert from 'node:assert/strict';
import { buildReplyContext } from '../../src/core/reply/context';
import type { FixEvidence, IssueEvidence } from '../../src/core/evidence/model';
import { renderFixtureReply, SCENARIOS } from './replyFixtures';

const render = renderFixtureReply;

describe('the release a reply names, on several release lines', () => {
  it('a copy released on the client\'s line: the fix\'s own release first, the client\'s line\'s named as such', () => {
    const evidence = SCENARIOS['fix-intact-client-line']!;
    const c = buildReplyContext({ evidence, language: 'en' });
    assert.equal(c.release?.name, 'v1.4.0');
    assert.equal(c.deployed?.release?.name, 'v1.3.3');
    assert.match(render(evidence, 'en', 'plain'), /- The fix was released in version v1\.4\.0 on March 16, and for the series of versions you use, in version v1\.3\.3 on March 18\./);
    assert.match(render(evidence, 'en', 'technical'), /- The fix was first released in version v1\.4\.0, on March 16, and on the release line you use, in version v1\.3\.3, on March 18\./);
    assert.match(render(evidence, 'es', 'plain'), /- La corrección se publicó en la versión v1\.4\.0 el 16 de marzo, y en la v1\.3\.3, de la serie de versiones que usa, el 18 de marzo\./);
    assert.match(render(evidence, 'es', 'technical'), /- La corrección se publicó por primera vez en la versión v1\.4\.0, del 16 de marzo, y en la línea de versiones que usa, en la versión v1\.3\.3, del 18 de marzo\./);
  });

  it('the fix unreleased on the target but released on the client\'s line: only that line\'s release, said as that line\'s', () => {
    const base = SCENARIOS['fix-intact-client-line']!;
    const evidence = { ...base, fixes: [{ ...base.fixes[0]!, tags: [], firstTag: null }] };
    const c = buildReplyContext({ evidence, language: 'en' });
    assert.equal(c.release, undefined);
    assert.equal(c.deployed?.release?.name, 'v1.3.3');
    assert.match(render(evidence, 'en', 'plain'), /- For the series of versions you use, the fix was released in version v1\.3\.3 on March 18\./);
    assert.match(render(evidence, 'es', 'plain'), /- La corrección se publicó en la versión v1\.3\.3, de la serie de versiones que usa, el 18 de marzo\./);
  });

  it('the client on the line of a counterpart: the release after the target\'s fix is the target\'s, the counterpart\'s is told with it', () => {
    const base = SCENARIOS['fix-intact-counterpart']!;
    const [main, backport] = base.fixes as [FixEvidence, FixEvidence];
    const evidence: IssueEvidence = {
      ...base,
      deployed: { ref: 'v1.3.3', sha: backport.sha, containsFix: true },
      fixes: [
        { ...main, inDeployed: false, reachableDeployed: false, survivalDeployed: null },
        { ...backport, inDeployed: true, reachableDeployed: true, survivalDeployed: main.survivalDeployed },
      ],
    };
    const c = buildReplyContext({ evidence, language: 'en' });
    assert.equal(c.release?.name, 'v1.4.0');
    assert.equal(c.deployed?.release, undefined, 'the counterpart\'s sentence names its release already');
    for (const language of ['en', 'es'] as const) {
      const text = render(evidence, language, 'plain');
      const lines = text.split('\n');
      const fixAt = lines.findIndex((l) => /corrected this problem|corregí este problema/.test(l));
      assert.match(lines[fixAt + 1] ?? '', /v1\.4\.0/, 'the release right after the fix is the fix\'s own');
      assert.doesNotMatch(lines[fixAt + 1] ?? '', /v1\.3\.3/);
      assert.match(text, /v1\.3\.3/);
    }
  });
});
