// The tone rules on wording new writers bring (polite and third-party blame, sarcasm, Indian, Nigerian
// and Irish English, pidgin, Latin-American and Spanish turns), and the guards that read the clause
// before a semicolon, history dated vaguely, and apologies that own nothing. Each sentence here is a
// paraphrase written for the test, not a corpus sentence: the classes must hold for new wording.
import * as assert from 'node:assert/strict';
import { checkTone } from '../../src/core/tone/check';
import type { ToneCategory } from '../../src/core/tone/model';

const categories = (text: string, language: 'en' | 'es'): ToneCategory[] => [...new Set(checkTone(text, language, { learned: false }).map((f) => f.category))];

function flags(language: 'en' | 'es', category: ToneCategory, texts: readonly string[]): void {
  for (const text of texts) assert.ok(categories(text, language).includes(category), `${category} not found in: ${text}`);
}

function clean(language: 'en' | 'es', texts: readonly string[]): void {
  for (const text of texts) assert.deepEqual(checkTone(text, language, { learned: false }).map((f) => `${f.ruleId}: ${f.text}`), [], text);
}

describe('tone: the clause before a semicolon', () => {
  it('lets a fault owned or located before ";" make the next clause a step', () => {
    clean('es', ['Es responsabilidad mía; ya estoy con ello.', 'Fue un fallo de mi código; ya lo estoy corrigiendo.']);
    clean('en', ["That's my responsibility; I'm on it.", 'The bug is in my code; I am fixing it.']);
  });

  it('keeps a negation or a retraction local to its own clause', () => {
    flags('es', 'stalling', ['No sé qué pasó; lo estamos mirando.']);
    flags('en', 'stalling', ["I don't know yet; we're looking into it."]);
  });

  it('does not take an apology before ";" for owning an agentless slip after it', () => {
    flags('es', 'dodging', ['Disculpe las molestias; en la subida se omitió un paso.']);
    flags('en', 'dodging', ['Apologies for the trouble; a mix-up occurred with the deploy.']);
  });

  it('reads the writer as the subject after "tenía que haberlo": "esto tenía que haberlo visto yo"', () => {
    clean('es', ['Perdona, de verdad; esto tenía que haberlo revisado yo.']);
    flags('es', 'blaming', ['Esto tendrías que haberlo visto tú.']);
  });
});

describe('tone: a vague time that dates the past is history', () => {
  it('is not stalling after a preterite or a perfect, and still is before a present or a future', () => {
    clean('es', ['El plugin se actualizó solo en algún momento del fin de semana.', 'Ha cambiado en algún momento del martes.']);
    flags('es', 'stalling', ['Lo reviso en algún momento.', 'Se lo reviso en algún momento.']);
    flags('en', 'stalling', ['We checked and will fix it at some point.']);
  });
});

describe('tone: thanks and offers around a vague time', () => {
  it('reads "these days" after thanks as the past, and an if-clause before progress as an offer', () => {
    clean('es', ['Gracias por tu paciencia estos últimos días.', 'Si algo no le encaja, lo seguimos revisando juntos.']);
    clean('en', ['Thank you for bearing with me these past days.']);
    flags('es', 'stalling', ['Lo tendrás estos días.', 'Lo seguimos revisando.']);
  });
});

describe('tone: apologies, concessions and sightings', () => {
  it('a sorry that opens a "but" takes nothing back', () => {
    flags('es', 'defensive', ['Perdona, pero lo entregué funcionando y así lo validaste.']);
  });

  it('owns a change when the writer says it was theirs or concedes what they should have asked', () => {
    clean('es', ['Hice lo que pedía el presupuesto, pero debí preguntarte por ese caso; lo ajusto sin coste.', 'No fue el proveedor, fui yo: dejé un ajuste de pruebas activado que no debía.']);
    clean('en', ["Don't worry about the orders, it was a change I made to the basket; it is fixed at 3 pm."]);
  });

  it('reads the fault seen or reproduced on the writer\'s side as a step', () => {
    clean('en', ['I can see it on my end too, so no need to send screenshots.', "I'm on it now: I've reproduced the error and I'm tracing the callback."]);
    clean('es', ['Lo estoy revisando ahora: reproduje el fallo en mi equipo y sigo con la consulta.']);
  });
});

describe('tone: blame in new voices', () => {
  it('catches the cause pinned on the client or a third party, stated or asked politely', () => {
    flags('en', 'blaming', [
      'The slowness is from your broadband provider, not the shop.',
      'Please note the fault is due to edits made by your staff.',
      'They changed their API again without notice, nothing I can do on our end about their side.',
      'Perhaps your team could double-check what changed on your side.',
      'Might be worth asking around the office who had access to the server on Sunday.',
      'Na your designer touch am.',
      'The product list your assistant uploaded was wrong, so naturally it broke.',
      'Did your intern delete the images again?',
      'The mail provider must have tweaked something on their side.',
      'Your office lot are after updating the theme again, I reckon.',
      "That's the widget your agency added, not my code.",
    ]);
    flags('es', 'blaming', [
      'Eso es cosa del banco, que tocó la pasarela.',
      'Lo más seguro es que tu técnico haya cambiado algo.',
      'Os pediría que me avisen antes de tocar la base de datos.',
      'Si hubiesen hecho la copia que les dije, no estaríamos así.',
      'Sus usuarios no leen los avisos, por eso falla.',
      'La culpa la tiene el proveedor del dominio.',
      'El fallo viene de la pasarela de pagos, no de mi código.',
      'Lo más probable es que hayan subido una plantilla vieja.',
      'Si el encargado no hubiera borrado la carpeta, seguiría funcionando.',
      'Esto salta cuando alguien toca la base de datos a mano.',
    ]);
  });

  it('leaves the writer\'s own cause, a confirmed fact and a plain question alone', () => {
    clean('en', ['The error was from my rounding change; I am correcting it today.', 'Could you tell me which browser you use? It would help me reproduce it.', 'Did you try again after reloading the page?']);
    clean('es', ['El error viene de mi cambio del martes; lo corrijo hoy.', 'Su proveedor confirmó que cambió la versión de PHP el sábado.']);
  });
});

describe('tone: sarcasm, shields and stock phrases', () => {
  it('reads sarcasm about fault as defensive, not as an apology', () => {
    flags('en', 'defensive', ['Brilliant, so now this is on me.', "Typical, it's always the developer's fault."]);
    flags('es', 'defensive', ['Perfecto, o sea que ahora la culpa es mía.', 'Claro, échenle la culpa al programador.']);
    clean('en', ["It's my fault, and I am fixing it this afternoon."]);
  });

  it('catches "from our side everything is fine", "as already informed" and their kin', () => {
    flags('en', 'defensive', ['From our end all the code is proper.', 'There is no negligence from our side.']);
    flags('en', 'condescending', ['As previously communicated, please clear the cookies.', 'For the fourth time I am saying it: use the new link.']);
    flags('es', 'condescending', ['Se lo explico con palabras simples para que lo entienda.', 'Como bien debe saber, el DNS tarda.']);
  });

  it('catches dismissal and outcome promises in pidgin and chat', () => {
    flags('en', 'dismissive', ['No wahala, na small something.', 'Not a biggie, it is one pixel out.', 'I doubt your shoppers would even spot it.']);
    flags('en', 'overpromising', ['By God\'s grace the error will not come back.', 'That ought to be sorted now.']);
    flags('es', 'dismissive', ['Es un detalle sin mayor relevancia.', 'No creo que sus clientes se den cuenta.']);
    flags('es', 'overpromising', ['Ya quedó blindado, cero fallos.']);
  });
});
