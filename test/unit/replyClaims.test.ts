// Every sentence backed by the evidence: every scenario is rendered in every language, register and
// audience, with and without a chosen date and with the version the client said they run, and each
// kind of claim a reply can make is checked against the context field it rests on. A template that
// says "released", "your version includes it", "nothing undid it", "my change", a date, or asks
// which version the client runs, when the evidence does not hold it, fails here.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { ReplyContext } from '../../src/core/reply/context';
import { buildReplyContext } from '../../src/core/reply/context';
import { renderReply } from '../../src/core/reply/render';
import { parseRemote } from '../../src/core/reply/remoteLinks';
import type { TemplateSource } from '../../src/core/reply/templateSource';
import { folderTemplateSource, memoryTemplateSource } from '../../src/core/reply/templateSource';
import { VERDICTS } from '../../src/core/evidence/model';
import type { Issue } from '../../src/core/store/model';
import { REMOTE, SCENARIOS, client, issue } from './replyFixtures';

const templatesRoot = path.resolve(__dirname, '../../../templates');

interface Claim {
  name: string;
  en: RegExp;
  es: RegExp;
  /** Whether the context holds what the claim states. */
  holds: (c: ReplyContext) => boolean;
}

const WEEKDAY_EN = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const WEEKDAY_ES = '(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)';

const CLAIMS: Claim[] = [
  { name: 'released', en: /\breleased in version\b/, es: /se publicó (?:por primera vez )?en la versión/, holds: (c) => c.release !== undefined || c.deployed?.release !== undefined },
  { name: 'released in a preview version', en: /\b(?:in a|the) preview version\b/, es: /versión preliminar/, holds: (c) => preReleases(c).length > 0 },
  { name: 'the client version keeps the original fix', en: /version you run still has the original fix/, es: /publicada conserva la corrección original/, holds: (c) => c.deployed !== undefined },
  { name: 'not released', en: /not been released in any version/, es: /no se ha publicado en ninguna versión/, holds: (c) => c.release === undefined },
  { name: 'the client version includes it', en: /^[-•] The version you run\b.*\bincludes the fix\./m, es: /^[-•] La versión que (?:tiene|tienes) publicada\b.*\bincluye la corrección\./m, holds: (c) => c.deployed !== undefined },
  { name: 'the client version lacks it', en: /does not include th(?:is|ese) fix/, es: /no incluye est(?:a|as) correcci/, holds: (c) => c.notDeployed !== undefined },
  { name: 'intact', en: /nothing has (?:changed or )?undone it|fix is intact|still in place[^.]*unchanged/, es: /nada la ha (?:modificado ni )?deshecho|sigue intacta|en su sitio[^.]*sin cambios/, holds: (c) => c.reverts.length === 0 && (c.survival?.changed ?? 0) === 0 },
  { name: 'I undid it', en: /a change of mine undid|I reverted/, es: /un cambio mío deshizo|deshice/, holds: (c) => c.revertsByMe.length > 0 || (c.notDeployed?.undone ?? []).some((u) => u.undo.byMe) },
  { name: 'someone else undid it', en: /a change by [^.]* undid|by [^.]* reverted/, es: /un cambio de [^.]* deshizo|, de [^.]*, deshizo/, holds: (c) => c.revertsByOthers.length > 0 || (c.notDeployed?.undone ?? []).some((u) => !u.undo.byMe) },
  { name: 'the regression is mine', en: /mistake is mine|regression I introduced|\bmine and (?:may have|most likely) brought the problem back/, es: /El error es mío|el error lo haya introducido yo/, holds: (c) => c.revertsByMe.length > 0 || c.changesByMe.length > 0 },
  { name: 'a change of mine changed it', en: /a change of mine (?:in|altered)|changes of mine|my change/, es: /un cambio mío (?:en|modificó)|cambios míos|mi cambio/, holds: (c) => c.changesByMe.length > 0 },
  { name: 'a dated next step', en: new RegExp(`\\b(?:by|on) ${WEEKDAY_EN}`), es: new RegExp(`\\bel ${WEEKDAY_ES}\\b`), holds: (c) => c.nextStepBy !== undefined },
  { name: 'asks which version', en: /which version you are running\?/, es: /¿[^?]*qué versión[^?]*\?/, holds: (c) => c.deployed === undefined && c.notDeployed === undefined && c.versionSaid === undefined },
  { name: 'acknowledges the version said', en: /you told me you run/, es: /me indic(?:ó|aste) que usas?/, holds: (c) => c.versionSaid !== undefined },
  { name: 'offers a quote', en: /estimate/, es: /presupuesto/, holds: (c) => c.verdict === 'fix-intact' || c.verdict === 'no-fix-linked' },
  { name: 'nothing undid it', en: /Nothing has undone the fix/, es: /Ningún cambio posterior la ha deshecho/, holds: (c) => c.reverts.length === 0 && c.notDeployed?.undone === undefined },
  { name: 'the undo explains the report', en: /would explain why the problem is back/, es: /explicaría que el problema haya vuelto/, holds: (c) => c.reverts.length > 0 && c.notDeployed === undefined && !c.undoneBeforeRelease },
  { name: 'the fix is in the code', en: /The fix is in the code/, es: /La corrección está en el código/, holds: (c) => c.fixes.some((f) => f.onTarget) },
  { name: 'the history holds no fix', en: /history holds no earlier fix/, es: /en el historial no hay ninguna corrección anterior/, holds: (c) => c.fixes.length === 0 && c.missingFixes.length === 0 },
  { name: 'not on the main code', en: /not yet been added to the code that new versions|not on the `?[\w/-]+`? branch/, es: /todavía no se ha incorporado al código principal|No está en la rama/, holds: (c) => c.offTarget.length > 0 },
];

/** The pre-releases a context names (the tags a reply may name), by name. */
function preReleases(c: ReplyContext): string[] {
  const tags = [c.release, c.finalRelease, c.deployed?.release, c.notDeployed?.update, c.notDeployed?.updateTo, ...c.counterparts.map((f) => f.firstTag)];
  return [...new Set(tags.filter((t) => t?.preRelease === true).map((t) => t!.name))];
}

/** Everything the client reads, without the verification appendix (which is technical by design). */
function body(text: string): string {
  return text.split(/\n(?:---|)\n\n(?:How to check|Para comprobar)/)[0] as string;
}

function allShas(c: ReplyContext): string[] {
  return [
    ...[...c.fixes, ...c.counterparts].flatMap((f) => [f.sha, f.copy?.sha ?? '']),
    ...c.reverts.map((r) => r.sha),
    ...c.changes.map((x) => x.sha),
    ...c.laterChanges.map((x) => x.sha),
    ...c.mentions.map((x) => x.sha),
    ...c.missingFixes,
    c.target.sha,
    c.deployed?.sha ?? '',
    c.notDeployed?.sha ?? '',
    ...(c.notDeployed?.undone ?? []).flatMap((u) => [u.sha, u.undo.sha]),
  ].filter((s) => s !== '');
}

function subjects(c: ReplyContext): string[] {
  const undone = (c.notDeployed?.undone ?? []).flatMap((u) => [u, u.undo]);
  return [...c.fixes, ...c.counterparts, ...c.reverts, ...c.changes, ...c.laterChanges, ...c.mentions, ...undone].map((x) => x.subject);
}

interface Case {
  label: string;
  context: ReplyContext;
  /** Rendered once, as Markdown with forge links. */
  text: string;
}

const templates = {
  en: memoryFrom('en'),
  es: memoryFrom('es'),
};

/** The built-in templates read once: a few hundred renders need not read the disk each time. */
function memoryFrom(language: 'en' | 'es'): TemplateSource {
  const folder = folderTemplateSource(templatesRoot, language, 'builtin');
  return memoryTemplateSource(Object.fromEntries(folder.list().map((n) => [n, folder.read(n)?.text ?? ''])), 'builtin');
}

function render(context: ReplyContext): string {
  const result = renderReply(context, { builtin: templates[context.language], forge: parseRemote(REMOTE), timeZone: 'Europe/Madrid' });
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result.text;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [scenario, evidence] of Object.entries(SCENARIOS)) {
    for (const [lang, register] of [['en', 'usted'], ['es', 'usted'], ['es', 'tu']] as const) {
      for (const audience of ['plain', 'technical'] as const) {
        for (const nextStepBy of [undefined, '2026-11-26']) {
          for (const said of [undefined, 'producción']) {
            const record: Issue = { ...issue(lang), reports: [{ date: '2026-11-20', words: '…', ...(said ? { version: said } : {}) }] };
            const context = buildReplyContext({
              evidence,
              language: lang,
              register,
              audience,
              client: client(lang, register),
              issue: record,
              appendix: true,
              timeZone: 'Europe/Madrid',
              ...(nextStepBy ? { nextStepBy } : {}),
            });
            out.push({ label: `${scenario} ${lang}-${register} ${audience}${nextStepBy ? ' dated' : ''}${said ? ' said' : ''}`, context, text: render(context) });
          }
        }
      }
    }
  }
  return out;
}

describe('reply claims rest on the evidence', () => {
  let all: Case[] = [];
  before(function () {
    this.timeout(120_000);
    all = cases();
  });

  it('renders every verdict scenario in every language, register and audience', () => {
    assert.equal(all.length, Object.keys(SCENARIOS).length * 3 * 2 * 4);
    for (const verdict of VERDICTS) assert.ok(all.some((c) => c.context.verdict === verdict), verdict);
  });

  for (const claim of CLAIMS) {
    it(`states "${claim.name}" only when the evidence holds it`, () => {
      let stated = 0;
      for (const { label, context, text } of all) {
        const says = claim[context.language].test(body(text));
        if (says) {
          stated++;
          assert.ok(claim.holds(context), `${label} says "${claim.name}" but the evidence does not hold it:\n${text}`);
        }
      }
      // A claim no reply ever makes tests nothing: each pattern must match somewhere.
      assert.ok(stated > 0, `no reply states "${claim.name}"; the pattern is stale`);
    });
  }

  it('never says no earlier fix exists when a fix the issue names is missing from the history (it may exist elsewhere)', () => {
    const missing = all.filter((c) => c.context.missingFixes.length > 0);
    assert.ok(missing.length > 0);
    for (const { label, text } of missing) assert.doesNotMatch(body(text), /there is no earlier fix|no hay una corrección anterior/, label);
  });

  it('names the chosen date, exactly, whenever the next step is the user\'s, and acknowledges a version said', () => {
    for (const { label, context, text } of all) {
      // Asking which version the client runs leaves the next step with the client: no date of ours.
      const asks = context.verdict === 'deployed-unknown' && context.versionSaid === undefined;
      if (context.nextStepBy !== undefined && !asks) {
        assert.match(text, context.language === 'es' ? /el jueves 26 de noviembre/ : /Thursday, November 26/, label);
      }
      if (context.versionSaid !== undefined && context.verdict === 'deployed-unknown') assert.ok(text.includes(`${context.versionSaid}`), label);
    }
  });

  it('gives a plain reader no commit ids, branch names, commit subjects, backticks or the word commit', () => {
    for (const { label, context, text: full } of all.filter((c) => !c.context.technical)) {
      const text = body(full);
      assert.doesNotMatch(text, /`|\bcommits?\b|\]\(http/i, label);
      for (const sha of allShas(context)) assert.ok(!text.includes(sha.slice(0, 7)), `${label}: ${sha.slice(0, 7)}`);
      assert.doesNotMatch(text, new RegExp(`\\b${context.target.ref}\\b`), label);
      for (const subject of subjects(context)) assert.ok(!text.includes(subject), `${label}: «${subject}»`);
    }
  });

  it('gives a plain reader no file names, counts of lines or developer words: the parts and changes are told by date and author', () => {
    for (const { label, context, text: full } of all.filter((c) => !c.context.technical)) {
      const text = body(full);
      const files = [...context.fixes, ...context.counterparts, ...context.attempts, ...context.changes, ...context.changesShown].flatMap((c) => c.files);
      assert.ok(files.length > 0 || context.fixes.length === 0 || context.verdict !== 'fix-modified', `${label}: the scenario names no file; the check tests nothing`);
      for (const file of new Set(files)) assert.ok(!text.includes(file), `${label}: names the file ${file}:\n${full}`);
      assert.doesNotMatch(text, /\d+ (?:lines?|líneas?)\b|\b\d+ (?:of the|de las) \d+\b/, label);
      assert.doesNotMatch(text, /\bregressions?\b|\bregresi(?:ón|ones)\b|release line|línea de versiones/i, label);
    }
  });

  it('names a pre-release to a plain reader only as a preview version, and leads with the final release when one holds the fix', () => {
    let told = 0;
    for (const { label, context, text: full } of all.filter((c) => !c.context.technical)) {
      const text = body(full);
      for (const name of preReleases(context)) {
        const before = text.split(name).slice(0, -1);
        told += before.length;
        for (const piece of before) assert.match(piece, /(?:preview version|versión preliminar)(?:, la|,)? $/, `${label}: ${name} told as a release:\n${full}`);
      }
      if (context.finalRelease !== undefined && context.release?.preRelease === true) assert.ok(!text.includes(context.release.name), `${label}: names the pre-release though ${context.finalRelease.name} holds the fix`);
      if (context.finalRelease !== undefined) assert.notEqual(context.notDeployed?.updateTo?.preRelease, true, label);
    }
    assert.ok(told > 0, 'no plain reply names a pre-release; the scenarios are stale');
  });

  it('gives a technical reader only commit ids the evidence holds', () => {
    for (const { label, context, text } of all.filter((c) => c.context.technical)) {
      const known = allShas(context).map((s) => s.slice(0, 7));
      let shown = 0;
      for (const [sha] of body(text).matchAll(/\b[0-9a-f]{7}\b/g)) {
        shown++;
        assert.ok(known.includes(sha), `${label}: ${sha}`);
      }
      assert.ok(shown > 0 || context.verdict === 'no-fix-linked', `${label} names no commit`);
    }
  });
});
