// Pressure put on the client instead of an answer, checked by the shipped tone check (rules and
// learned complement together): effort held up as a debt, work stopped as a threat, sarcasm about
// the report, "why is this such a big deal", a deadline promised with a shrug, and the reminders and
// blame in new words ("tired of explaining", "la ha liado"). Each sentence here is a paraphrase
// written to probe the class, not a rule's own example; the honest sentences beside them share
// their words (thanks for the patience, an offer after a scope note, an owned bug, a dated change).
import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/tone/check';
import type { ToneCategory } from '../../src/core/tone/model';

const CASES: Record<'en' | 'es', { flagged: [ToneCategory, string][]; clean: string[] }> = {
  en: {
    flagged: [
      ['defensive', "I've been working on this until 2am every night for you, so a bit of patience would be nice."],
      ['defensive', "I stayed up till 3am fixing your site, so some gratitude wouldn't hurt."],
      ['defensive', "If I don't get the signed approval by Friday, I'll stop all work on the project."],
      ['defensive', 'If I don’t receive payment by the 15th, I’ll have to suspend the hosting.'],
      ['defensive', "Either you pay the outstanding invoice or I won't touch this bug."],
      ['defensive', 'Unless the balance is settled, I will not be looking at any more bugs.'],
      ['dismissive', 'Great, another "urgent" issue on a Saturday. Wonderful.'],
      ['dismissive', 'Fantastic, yet another emergency on a Friday night.'],
      ['dismissive', "I don't see why this is such an issue for you."],
      ['dismissive', "I really can't see why a misaligned logo has become such a big deal."],
      ['dismissive', 'Please stop sending me messages every hour.'],
      ['overpromising', "It'll be done by tomorrow morning for sure, no problem at all."],
      ['overpromising', 'Finished by Monday, no sweat.'],
      ['condescending', "Honestly I'm tired of explaining the same thing over and over."],
      ['condescending', 'Is it really that hard to clear your browser cache?'],
      ['blaming', "I'm not going to keep fixing things that your staff break."],
      ['defensive', "I'm a developer, not a magician."],
      ['defensive', "I'd love to help but my hands are tied until you sort out the hosting."],
      ['defensive', "You can't expect me to be available 24/7."],
      ['blaming', 'Must be something on your end, everything is fine here.'],
      ['blaming', 'You get what you pay for, to be honest.'],
      ['blaming', 'Clearly nobody over there bothered to test it.'],
    ],
    clean: [
      "I worked until midnight on it and it's fixed now; thank you for your patience.",
      "If I don't get the logs by Friday, I'll ask the host for them directly.",
      'Great, another detail I can use: it happens only on mobile.',
      'Either you or Ana can approve the change, whichever is easier.',
      "I understand why you're upset, and you're right to be; the error is mine.",
      'This is a bug, and it is mine; the fix will be live on Wednesday.',
      "As we agreed on the call, I'll start with the checkout and then look at the reports.",
      "The export was not part of the original quote; I can add it for 3 hours of work if you'd like.",
      'I checked it three times, and it only fails on phones with the old Safari.',
      "The earlier fix was overwritten when the theme was updated on 2 June.\nI'll restore it today and send you a note when it's live.",
      'I will have the fix ready for you to test on Friday morning.',
      'Everything is fine on my end now; could you try it on yours?',
      'The monitoring runs 24/7 and will warn me if it fails.',
      "I'll need to check with the host, because they manage the server; I'll write to them today.",
    ],
  },
  es: {
    flagged: [
      ['defensive', 'Llevo toda la semana trabajando hasta las dos de la mañana para ustedes, así que un poco de paciencia no vendría mal.'],
      ['defensive', 'Me quedé hasta las tres de la madrugada arreglando su web, así que un poco de agradecimiento no estaría mal.'],
      ['defensive', 'Si no recibo la aprobación firmada el viernes, paro el proyecto.'],
      ['defensive', 'hasta que no me firmen el presupuesto no muevo un dedo'],
      ['defensive', 'O me pagan la factura pendiente o no toco este error.'],
      ['defensive', 'Entiendo su frustración, pero esto no lo provoqué yo.'],
      ['dismissive', 'Genial, otra urgencia un sábado. Maravilloso.'],
      ['dismissive', 'Qué bien, ahora resulta que la culpa de que se cayera su servidor es mía.'],
      ['dismissive', 'No entiendo a qué viene tanto drama por un logo.'],
      ['dismissive', 'Deja de escribirme cada hora, porfa.'],
      ['overpromising', 'Mañana por la mañana está hecho seguro, sin problema.'],
      ['overpromising', 'El lunes lo tienes terminado, fijo.'],
      ['condescending', 'Según mi último correo, esto ya quedó solucionado el martes.'],
      ['condescending', 'Pensaba que había quedado claro en mis últimos tres correos.'],
      ['condescending', '¿De verdad es tan difícil borrar la caché del navegador?'],
      ['condescending', 'Cualquier programador le diría lo mismo.'],
      ['blaming', 'Su empresa de hosting la ha liado con la última actualización.'],
      ['blaming', 'La agencia metió la pata con el despliegue.'],
      ['defensive', 'Soy programador, no mago.'],
      ['defensive', 'Me encantaría ayudarle, pero tengo las manos atadas hasta que arreglen el hosting.'],
      ['defensive', 'No puede pretender que esté disponible las 24 horas.'],
      ['defensive', 'El problema era del servidor, que no gestiono yo.'],
      ['defensive', 'Lo siento, pero así funciona WordPress.'],
      ['blaming', 'Será algo de su lado, aquí todo funciona bien.'],
      ['blaming', 'Lo barato sale caro, qué quiere que le diga.'],
      ['blaming', 'Si alguien hubiera leído el documento de entrega, no estaríamos así.'],
      ['dismissive', 'Tampoco hagamos una montaña de un grano de arena.'],
    ],
    clean: [
      'Trabajé hasta las doce en ello y ya está arreglado; gracias por la paciencia.',
      'Si no me llegan los registros el viernes, se los pido directamente al hosting.',
      'Genial, otra pista útil: solo pasa en el móvil.',
      'Deje de usar el formulario antiguo hasta el lunes; el nuevo ya está publicado.',
      'Siento que haya tardado tanto; gracias por su comprensión.',
      'Como acordamos en la llamada, empiezo por el carrito y después miro los informes.',
      'Esto lo provoqué yo al actualizar el tema; lo corrijo hoy.',
      'Según el registro del servidor, el fallo empezó el lunes a las 10:14.',
      'Está terminado y probado: pasaron tres pedidos.',
      'Aquí todo funciona bien desde las 11:20; ¿lo puede comprobar en su equipo?',
      'Así funciona el nuevo botón: pulse Exportar y elija el mes.',
      'Tengo que consultarlo con el hosting, porque el servidor lo gestionan ellos; hoy les escribo.',
    ],
  },
};

for (const language of ['en', 'es'] as const) {
  describe(`tone: pressure instead of an answer (${language})`, () => {
    for (const [category, text] of CASES[language].flagged) {
      it(`flags as ${category}: ${text}`, () => {
        const found = checkTone(text, language).map((f) => f.category);
        assert.ok(found.includes(category), `${text} → ${found.join(', ') || 'nothing'}`);
      });
    }
    for (const text of CASES[language].clean) {
      it(`leaves alone: ${text}`, () => {
        assert.deepEqual(checkTone(text, language).map((f) => `${f.ruleId} "${f.text}"`), []);
      });
    }
  });
}
