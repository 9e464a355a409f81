// The tone rules on the writer's stance and status reports (rules.{es,en}.stance.ts and .status.ts):
// blame on third parties and "you never told me", work declared right at hand-over, faults weighed
// down, bare status lines, permanence promised, lectures and hearsay mishaps; and the guards that keep
// honest sentences clean around them (negation, reported or retracted speech, first-person ownership,
// offers, a date or a step next to a stalling phrase, a fault owned across a full stop). Each sentence
// is a paraphrase written for the test, not a corpus sentence: the classes must hold for new wording.
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

describe('tone: blame put on third parties and on what the client did not say', () => {
  it('flags a third party or the client side breaking or undoing the work, in any wording of the class', () => {
    flags('es', 'blaming', ['La gente del hosting tocó el PHP sin consultar a nadie.', 'Quien publicó ayer machacó mi corrección.', 'Me hubieran avisado del cambio y esto no pasaba.']);
    flags('en', 'blaming', ['The theme vendor pushed an update without warning anyone.', 'Somebody undid my patch over the weekend.', 'You lot never told me about the new server.']);
  });

  it('leaves the same words clean when the writer owns the change, or a source vouches for it', () => {
    clean('es', ['Toqué la configuración sin consultarte; fue un error mío y ya la he restaurado.', 'Su proveedor me confirmó que cambiaron la versión de PHP sin aviso el sábado.']);
    clean('en', ['I pushed the update without telling you, and that was my mistake; it is rolled back now.', 'The vendor confirmed they pushed the update without notice on Friday.']);
  });
});

describe('tone: the work declared right and the fault weighed down', () => {
  it('flags work declared right at hand-over and scope as a shield', () => {
    flags('es', 'defensive', ['Cuando lo publiqué funcionaba sin problemas.', 'Mi integración está perfectamente bien.']);
    flags('en', 'defensive', ['Everything was green when I shipped it.', 'Our module is still working fine.']);
  });

  it('keeps it clean when the writer owns the gap in the same sentence', () => {
    clean('es', ['Cuando lo entregué funcionaba, pero no probé con esos datos; fue un error mío.']);
    clean('en', ["I tested it before merging, but not on mobile, and that's where I slipped up."]);
  });

  it('flags a fault weighed down, but not a reassurance backed by a check', () => {
    flags('es', 'dismissive', ['Es un asunto bastante trivial.', 'Se está magnificando un poco el tema.']);
    flags('en', 'dismissive', ['That is hardly a catastrophe.', "Not really worth the fuss, that's software for you."]);
    clean('es', ['No hay por qué alarmarse con las facturas: las revisé una a una y están bien.']);
    clean('en', ['Nothing to worry about with the invoices: I checked every one and they match.']);
  });
});

describe('tone: bare status lines and promises of permanence', () => {
  it('flags a status with no when, and lets a date or a step next to it pass', () => {
    flags('es', 'stalling', ['Reabierto. En estudio.', 'Ya se están revisando los pedidos.']);
    flags('en', 'stalling', ['Ticket 31 — ongoing.', "We'll share the fix once it's ready."]);
    clean('es', ['En estudio: le envío el diagnóstico el jueves a las 12.']);
    clean('en', ["Status: investigating. I'll send you the log by 3 pm today."]);
  });

  it('reads a duration in words as a when: "en unos veinte minutos", "in about twenty minutes"', () => {
    clean('es', ['Acabo de lanzar el despliegue; te aviso en cuanto acabe, en unos veinte minutos.']);
    clean('en', ["The deploy is running and takes about twenty minutes; I'll ping you when it's done."]);
  });

  it('flags permanence and totality, but not a negated or retracted promise', () => {
    flags('es', 'overpromising', ['El fallo ha quedado definitivamente erradicado.', 'Ya no va a tener ni un problema más con esto.']);
    flags('en', 'overpromising', ['This release will handle every browser flawlessly.', "We're golden from here on."]);
    clean('es', ['No puedo prometerle que quede resuelto para siempre hasta ver una semana de registros.']);
    clean('en', ["I can't promise it will run flawlessly until I have a week of logs."]);
  });
});

describe('tone: a fault owned across a full stop', () => {
  it('lets a fault owned or located in the sentence before make the next one a step', () => {
    clean('es', ['Es responsabilidad mía. Ya estoy con ello.', 'El fallo viene de mi cambio del martes. Lo estoy revirtiendo y os aviso en cuanto esté.']);
    clean('en', ["That's my responsibility. I'm on it."]);
  });

  it('still flags progress with no when after a sentence that owns nothing', () => {
    flags('es', 'stalling', ['Gracias por avisar. Lo estamos mirando.']);
    flags('en', 'stalling', ["Thanks for the heads-up. We're looking into it."]);
  });

  it('a fault denied in the sentence before owns nothing', () => {
    flags('es', 'stalling', ['No es culpa mía. Se solucionará en breve.', 'Como ya le dije, no es culpa mía. Se solucionará en breve.']);
    flags('en', 'stalling', ["It's not my code. You'll have it soon."]);
  });
});

describe('tone: lectures and hearsay mishaps', () => {
  it('flags the lesson nobody asked for, but not what was told taken back', () => {
    flags('es', 'condescending', ['Ya van varias veces que se lo explico.', 'Daba por hecho que sabría recargar la página.']);
    flags('en', 'condescending', ['Any competent user would know to clear the cache.', "Since the first explanation didn't land, here it is again."]);
    clean('es', ['Como le indiqué repetidamente, pensé que era la caché, pero me equivoqué: era mi cambio.']);
  });

  it('flags a mishap told as hearsay, not one the writer owns or denies', () => {
    flags('es', 'dodging', ['Por lo visto, algunos cambios no se desplegaron.', 'La corrección se perdió por el camino.']);
    flags('en', 'dodging', ['It transpires the hotfix was never tagged.', 'The patch did not make it into the final build.']);
    clean('es', ['Tus datos no se borraron, te adjunto el registro donde se ve.']);
  });
});
