// Open in Mail: the subject a client expects and a mailto: URL that carries the text body intact.
import * as assert from 'node:assert/strict';
import { suggestNextStepBy } from '../../src/core/reply/format';
import { isMailAddress, mailtoUrl, replySubject } from '../../src/core/reply/mail';
import { markdownToText } from '../../src/core/reply/render';

describe('reply by mail', () => {
  it('writes the subject as "Re: <title> (<ID>)"', () => {
    assert.equal(replySubject({ id: 'ACME-2', title: 'Los totales salen con decimales' }), 'Re: Los totales salen con decimales (ACME-2)');
    assert.equal(replySubject({ id: 'ACME-2' }), 'Re: ACME-2');
  });

  it('builds a mailto URL whose subject and body decode back to the text, with CRLF line breaks', () => {
    const body = 'Hola, Carmen:\n\nEl 10 de febrero corregí «esto» & aquello (50 %).\n';
    const url = mailtoUrl({ to: 'carmen@acme.example', subject: 'Re: Totales (ACME-2)', body });
    const parsed = new URL(url);
    assert.equal(parsed.protocol, 'mailto:');
    assert.equal(parsed.pathname, 'carmen@acme.example');
    assert.equal(parsed.searchParams.get('subject'), 'Re: Totales (ACME-2)');
    assert.equal(parsed.searchParams.get('body'), body.replace(/\n/g, '\r\n'));
  });

  it('leaves out an address that would inject headers or a second recipient', () => {
    for (const to of ['a@b.c?bcc=x@y.z', 'a@b.c,x@y.z', 'not an address', '']) {
      assert.match(mailtoUrl({ to, subject: 's', body: 'b' }), /^mailto:\?subject=/, to);
      assert.equal(isMailAddress(to), false, to);
    }
  });

  it('turns an edited Markdown draft into what an email client accepts', () => {
    const md = 'Hola:\n\n- El commit [a1b2c3d](https://github.com/a/b/commit/a1b2) en `main`.\n  - **dentro**\n\n---\n\nFin\n';
    assert.equal(markdownToText(md), 'Hola:\n\n• El commit a1b2c3d en main.\n  • dentro\n\nFin\n');
  });

  it('suggests a next-step date N working days ahead, or none', () => {
    assert.equal(suggestNextStepBy('2026-12-03T10:00:00Z', 2, 'UTC'), '2026-12-07');
    assert.equal(suggestNextStepBy('2026-12-03T10:00:00Z', 0, 'UTC'), undefined);
  });
});
