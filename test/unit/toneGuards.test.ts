// The tone check's language handling: Spanish verb forms, voseo and Latin-American usage, optional
// accents, English contractions, and the guards that let honest sentences through (negation,
// reported or retracted speech, "should you need", a concrete date nearby, the writer owning it),
// the evidence's say on whose change it was, and quick fixes that read as calm text.
import * as assert from 'node:assert/strict';
import { applyToneEdit, checkTone, toneFixes, toneRules } from '../../src/core/tone/check';
import type { ChangeOwner, ToneCategory } from '../../src/core/tone/model';
import { englishForms, spanishForms } from '../../src/core/tone/verbs';

const categories = (text: string, language: 'en' | 'es', changeOwner?: ChangeOwner): ToneCategory[] => [
  ...new Set(checkTone(text, language, { learned: false, ...(changeOwner ? { changeOwner } : {}) }).map((f) => f.category)),
];

describe('tone: Spanish verb forms', () => {
  it('conjugates regular verbs with the -ar spelling changes, voseo included', () => {
    const garantizar = spanishForms('garantizar');
    for (const form of ['garantizo', 'garantice', 'garanticemos', 'garantizaria', 'garantizamos', 'garantizas', 'garantizara', 'garantizado']) {
      assert.ok(garantizar.includes(form), form);
    }
    assert.ok(spanishForms('explicar').includes('explique'));
    assert.ok(spanishForms('prometer').includes('prometeria'));
    assert.ok(spanishForms('tener').includes('tenes'));
    assert.ok(!garantizar.includes('garantize'), 'z before e is written c');
  });

  it('finds promises in any person and tense, with pronouns attached, accents or not', () => {
    for (const text of ['Te lo garantizo.', 'Le garantizaría que no vuelve.', 'Se lo prometemos.', 'Te juré que andaba.', 'Te lo juro por lo que quieras.', 'Puedo asegurárselo.', 'Puedo asegurarselo.', 'Vos sabés que te lo prometo.']) {
      assert.ok(categories(text, 'es').includes('overpromising'), text);
    }
  });

  it('reads voseo and Latin-American usage', () => {
    assert.ok(categories('Solo tenés que recargar la página.', 'es').includes('condescending'));
    assert.ok(categories('Ahorita lo reviso.', 'es').includes('stalling'));
    assert.ok(categories('Es nomás un detalle visual.', 'es').includes('dismissive'));
    assert.ok(categories('Vos lo tocaste.', 'es').includes('blaming'));
  });

  it('builds English forms, irregular pasts included', () => {
    assert.deepEqual(englishForms('promise').sort(), ['promise', 'promised', 'promises', 'promising']);
    assert.ok(englishForms('swear').includes('swore'));
  });
});

describe('tone: guards', () => {
  it('a negation before a promise makes it honest', () => {
    assert.deepEqual(categories('Todavía no puedo asegurarle cuál es la causa.', 'es'), []);
    assert.deepEqual(categories("I can't promise that yet.", 'en'), []);
    assert.ok(categories('Puedo asegurarle que ya no falla.', 'es').includes('overpromising'));
  });

  it('reported or retracted speech is the right tone', () => {
    assert.deepEqual(categories('Le dije que estaba resuelto y no era así; fue un error mío.', 'es'), []);
    assert.deepEqual(categories('I told you it was fixed for good, which was not true.', 'en'), []);
    assert.ok(categories('Está resuelto para siempre.', 'es').includes('overpromising'));
  });

  it('"should you need" and "si lo desea" are offers, not hedges or stalling', () => {
    assert.deepEqual(categories('Should you need the full log, I can send it today.', 'en'), []);
    assert.deepEqual(categories('Si lo desea, debería estar en el informe del lunes.', 'es'), []);
  });

  it('"debería" owned by the writer is not blame; aimed at the client it is', () => {
    assert.deepEqual(categories('Yo debería haber probado ese caso.', 'es'), []);
    assert.deepEqual(categories('I should have tested that case.', 'en'), []);
    assert.ok(categories('Usted debería haber probado ese caso.', 'es').includes('blaming'));
    assert.ok(categories('You should have tested that case.', 'en').includes('blaming'));
  });

  it('stalling followed by a concrete date, time or step is fine', () => {
    assert.ok(categories('Lo estamos mirando.', 'es').includes('stalling'));
    assert.deepEqual(categories('Lo estamos mirando; el jueves a las 10:00 le envío el informe.', 'es'), []);
    assert.ok(categories("We're on top of it.", 'en').includes('stalling'));
    assert.deepEqual(categories("We're on top of it: I will send the test results tomorrow at 9.", 'en'), []);
  });

  it('an apology or a named agent turns a justification or a passive into owning it', () => {
    assert.ok(categories('Lo probé antes de entregarlo.', 'es').includes('defensive'));
    assert.deepEqual(categories('Perdona, no revisé bien el cambio antes de subirlo.', 'es'), []);
    assert.ok(categories('The setting was removed.', 'en').includes('dodging'));
    assert.deepEqual(categories('The setting was removed by the hosting provider.', 'en'), []);
    assert.deepEqual(categories('I will ask why the setting was removed.', 'en'), []);
  });

  it('a vague time inside a request to the client is not stalling', () => {
    assert.deepEqual(categories('Cuando pueda, ¿podría comprobar si le aparece el total?', 'es'), []);
    assert.ok(categories('Lo reviso cuando pueda.', 'es').includes('stalling'));
  });

  it('a guess about the client needs one of their things and a cause, not any "your"', () => {
    assert.ok(categories('Your hosting company is almost certainly the culprit.', 'en').includes('blaming'));
    assert.deepEqual(categories('Your message probably reached me late; the fix is in v1.4.', 'en'), []);
    assert.ok(categories('Seguramente su informático cambió la configuración.', 'es').includes('blaming'));
    assert.deepEqual(categories('Seguramente su mensaje llegó tarde; la corrección está en la v1.4.', 'es'), []);
  });

  it('a commitment the writer controls is not an over-promise', () => {
    assert.deepEqual(categories('I promise to send you an update on Thursday.', 'en'), []);
    assert.deepEqual(categories('Te prometo que te envío el informe el jueves.', 'es'), []);
  });

  it('accents are optional and English contractions count as their long forms', () => {
    assert.deepEqual(categories('Como ya le explique, hay que recargar.', 'es'), categories('Como ya le expliqué, hay que recargar.', 'es'));
    assert.ok(categories("It's not my fault.", 'en').includes('defensive'));
    assert.ok(categories('It is not my fault.', 'en').includes('defensive'));
  });
});

describe('tone: dodging and whose change it was', () => {
  it('flags agentless passives about mistakes, with or without the evidence', () => {
    assert.ok(categories('Se cometió un descuido al publicar.', 'es').includes('dodging'));
    assert.ok(categories('An oversight happened during the release.', 'en').includes('dodging'));
    assert.ok(categories('An oversight happened during the release.', 'en', 'me').includes('dodging'));
  });

  it('a dated passive is a timeline fact, unless the evidence says the change was the user\'s', () => {
    const text = 'The validation was removed on 3 November.';
    assert.deepEqual(categories(text, 'en'), []);
    assert.ok(categories('The validation was removed in the last release.', 'en').includes('dodging'));
    assert.ok(categories(text, 'en', 'me').includes('dodging'));
    assert.deepEqual(categories('Se modificó el archivo de configuración el lunes.', 'es', 'others'), []);
    assert.ok(categories('Se modificó el archivo de configuración el lunes.', 'es', 'me').includes('dodging'));
  });

  it('stays quiet when the change was someone else\'s, and when the writer owns it', () => {
    assert.deepEqual(categories('An oversight happened during the release.', 'en', 'others'), []);
    assert.deepEqual(categories('Se cometió un error por mi parte al publicar.', 'es', 'me'), []);
  });
});

describe('tone quick fixes', () => {
  const fixed = (text: string, language: 'en' | 'es', category: ToneCategory, kind: 'rewrite' | 'remove' | 'lowercase'): string => {
    const finding = checkTone(text, language).find((f) => f.category === category);
    assert.ok(finding, `no ${category} in ${text}`);
    const fix = toneFixes(text, finding).find((f) => f.kind === kind);
    assert.ok(fix, `no ${kind} fix`);
    return applyToneEdit(text, fix.edit);
  };

  it('removes an "as I told you" opener instead of gluing a recap in front', () => {
    assert.equal(fixed('As I already told you, the fix is in v1.4.', 'en', 'condescending', 'remove'), 'The fix is in v1.4.');
    assert.equal(fixed('Como ya le dije, la corrección está en la v1.4.', 'es', 'condescending', 'remove'), 'La corrección está en la v1.4.');
  });

  it('replaces a defensive sentence with a calm one, or removes it, leaving the rest', () => {
    const text = 'Hola, Ana. Yo lo dejé funcionando. Reviso el registro hoy.';
    assert.equal(fixed(text, 'es', 'defensive', 'remove'), 'Hola, Ana. Reviso el registro hoy.');
    const rewritten = fixed(text, 'es', 'defensive', 'rewrite');
    assert.match(rewritten, /^Hola, Ana\. Estoy revisando qué cambió desde la entrega; .+\. Reviso el registro hoy\.$/);
    assert.deepEqual(categories(rewritten.replace(/\[[^\]]*\]/g, '3 de diciembre'), 'es'), []);
  });

  it('every rewrite a rule offers passes the check itself, in both languages', () => {
    for (const [text, language] of [
      ['It should be fixed now.', 'en'], ['Your plugin probably broke it.', 'en'], ["Don't worry so much about it.", 'en'], ['We are on it.', 'en'],
      ['Ya tendría que ir bien.', 'es'], ['Alguien habrá tocado el servidor.', 'es'], ['Tampoco es grave.', 'es'], ['Estamos en ello.', 'es'],
    ] as const) {
      for (const finding of checkTone(text, language)) {
        for (const fix of toneFixes(text, finding).filter((f) => f.kind === 'rewrite')) {
          const after = applyToneEdit(text, fix.edit).replace(/\[[^\]]*\]/g, language === 'es' ? '3 de diciembre' : '3 December');
          assert.deepEqual(checkTone(after, language).map((f) => f.ruleId), [], `${text} -> ${after}`);
        }
      }
    }
  });

  it("every rule's calm alternative passes the check itself, once its [brackets] are filled", () => {
    for (const language of ['en', 'es'] as const) {
      for (const rule of toneRules(language).filter((r) => r.alternative !== '' && r.transform === undefined)) {
        const filled = rule.alternative.replace(/\[[^\]]*\]/g, language === 'es' ? 'el informe del 3 de diciembre' : 'the report of 3 December');
        assert.deepEqual(checkTone(filled, language).map((f) => f.ruleId), [], `${rule.id}: ${filled}`);
      }
    }
  });

  it('offers a calm sentence for a told-before opener that sits mid-sentence, or its removal', () => {
    const text = 'Hi Ana. We covered this in the kickoff meeting: changes take a few minutes to appear. Thanks.';
    assert.equal(fixed(text, 'en', 'condescending', 'remove'), 'Hi Ana. Thanks.');
    assert.match(fixed(text, 'en', 'condescending', 'rewrite'), /^Hi Ana\. Here are the steps: \[steps\]\. Thanks\.$/);
  });

  it('lowers capitals and keeps one mark of a repeated run, opening marks included', () => {
    assert.equal(fixed('This is NOT what I meant.', 'en', 'shouting', 'lowercase'), 'This is not what I meant.');
    assert.equal(fixed('¡Ya funciona!!', 'es', 'shouting', 'rewrite'), '¡Ya funciona!');
    assert.equal(fixed('¡¡Ya funciona!', 'es', 'shouting', 'rewrite'), '¡Ya funciona!');
    assert.equal(fixed('Why?!?', 'en', 'shouting', 'rewrite'), 'Why?');
  });
});

describe('tone: guards that read the context (classes of false alarms on new writers)', () => {
  const clean = (text: string, language: 'en' | 'es'): void => assert.deepEqual(categories(text, language), [], text);

  it('reads a negation that governs a later clause, denied harm, and not knowing how', () => {
    clean('No te puedo asegurar aún que no vuelva a pasar; mañana añado una prueba.', 'es');
    clean("I can't tell you yet that it won't happen again, so I'm adding a test on Friday.", 'en');
    clean('The invoices were not affected at all; the log is below.', 'en');
    clean('Los pedidos no se borraron: están todos en la base.', 'es');
    assert.ok(categories('No sé cómo, pero se borró el arreglo.', 'es').includes('dodging'));
    assert.ok(categories('If your team hadn’t touched the theme, this would work.', 'en').includes('blaming'));
  });

  it('lets the writer own it: first person with the mistake, the change verb, the giving', () => {
    clean('For the record: I introduced this regression in 3.1 and I am fixing it in 3.2 on Monday.', 'en');
    clean("I'll send you on Friday the diff and what I changed in it.", 'en');
    clean('Tendría que haber probado ese formulario antes de enviártelo.', 'es');
    assert.ok(categories('It was not my fault that it went down.', 'en').includes('defensive'));
    assert.ok(categories('No es responsabilidad mía lo que pase después.', 'es').includes('defensive'));
  });

  it('reads a repair under way on a located fault, or at this minute, as a step', () => {
    clean('Es un fallo de mi código y ya lo estoy corrigiendo.', 'es');
    clean("I'm testing it right now on the staging copy.", 'en');
    clean('I forgot the migration step; doing it now and I will write again in 20 min.', 'en');
    assert.ok(categories('Lo estamos resolviendo.', 'es').includes('stalling'));
  });

  it('reads first-person present as such once accents are gone, and "so soon" or "con calma" as manner', () => {
    clean('en cuanto me confirmes lo paso a produccion', 'es');
    clean('El viernes te entrego con todo probado.', 'es');
    clean('Gracias por avisarme tan pronto.', 'es');
    clean('Revisé el registro con calma y el fallo es mío.', 'es');
    assert.ok(categories('Te aviso tan pronto como pueda.', 'es').includes('stalling'));
  });

  it('lets questions, offers and until-clauses through, and a worry answered with a check', () => {
    clean('¿Te sale un aviso al pagar o no pasa nada?', 'es');
    clean('When did you first see the banner again?', 'en');
    clean('Si lo prefieres, esperamos con la actualización hasta que esté totalmente resuelto.', 'es');
    clean("It's a visual fault, but your visitors see it, so I'm fixing it today.", 'en');
    clean('En mi equipo funciona, así que necesito ver el tuyo: ¿me mandas una captura?', 'es');
    clean('The deploy is at 9 ET tonight.', 'en');
  });

  it('reads chat "q" as "que"', () => {
    assert.ok(categories('creo q ya quedo', 'es').includes('overpromising'));
  });
});

describe('tone: a time made vague again dates nothing', () => {
  it('lets a plain date through, not one hedged with "or so", "sometime" or "o así"', () => {
    assert.deepEqual(categories("I'll get to it tomorrow at 10:00.", 'en'), []);
    for (const text of ["I'll get to it sometime tomorrow.", "I'll get to it tomorrow or so.", "I'll get to it at some point next week."]) {
      assert.ok(categories(text, 'en').includes('stalling'), text);
    }
    assert.deepEqual(categories('Ahorita lo reviso, mañana a las 10 le escribo.', 'es'), []);
    assert.ok(categories('Ahorita lo reviso, mañana o así le escribo.', 'es').includes('stalling'));
  });

  it('reads "no entiendo cómo" as not knowing, so the blame after it stands', () => {
    assert.ok(categories('No entiendo cómo lo han roto.', 'es').includes('blaming'));
    assert.ok(categories("I don't see how you broke it again.", 'en').includes('blaming'));
    assert.deepEqual(categories('No creo que lo hayan roto ustedes; lo estoy revisando y el jueves le cuento.', 'es'), []);
  });
});
