// A plain reply says in words what a count would only burden: how much of the fix the current code
// changed, when the client's version does not have those changes. A technical reply keeps the count.
import * as assert from 'node:assert/strict';
import { buildReplyContext } from '../../src/core/reply/context';
import { changedOnTarget, renderFixtureReply } from './replyFixtures';

const render = renderFixtureReply;

describe('a plain reply says in words what the current code changed of the fix', () => {
  it('part of it, by others: words in a plain reply, the count in a technical one', () => {
    const evidence = changedOnTarget(2, false);
    assert.equal(buildReplyContext({ evidence, language: 'en' }).changedOnTarget?.changed, 2);
    assert.match(render(evidence, 'en', 'plain'), /- In the current code, later changes have altered part of the fix; the version you run does not have them\./);
    assert.match(render(evidence, 'es', 'plain', 'tu'), /- En el código actual hay cambios posteriores que modifican una parte de la corrección; la versión que tienes publicada no los incluye\./);
    assert.match(render(evidence, 'en', 'technical'), /later changes have changed or removed 2 of the 6 lines that the fix added/);
    assert.match(render(evidence, 'es', 'technical'), /cambios posteriores han modificado o eliminado 2 de las 6 líneas que añadió la corrección/);
  });

  it('all of it, by me', () => {
    const evidence = changedOnTarget(6, true);
    assert.match(render(evidence, 'en', 'plain'), /- In the current code, I later changed the whole fix; the version you run does not have those changes\./);
    assert.match(render(evidence, 'es', 'plain'), /- En el código actual, desde entonces he modificado toda la corrección; la versión que tiene publicada no incluye esos cambios\./);
    for (const language of ['en', 'es'] as const) assert.doesNotMatch(render(evidence, language, 'plain'), /\b6\b/);
  });
});
