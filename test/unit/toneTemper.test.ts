// The writer's temper and leverage shown instead of an answer, checked by the shipped tone check
// (rules and learned complement together): frustration vented, thanks for a late report, time lost
// held up, money as pressure, threats on payment or on the client's conduct, hand-holding, the fault
// put on the client's side or on their people's hands, "needless to say" in new words. The sentences
// come from probe sets written before the rules were read; the honest ones beside them share their
// words (an apology for lost time, a price with an offer, a question about the client's side, a
// plain how-to, a scope note followed by an offer, a reassurance backed by recovered data).
import type { ToneProbes } from '../support/toneProbes';
import { describeToneProbes } from '../support/toneProbes';

const CASES: ToneProbes = {
  en: {
    flagged: [
      ['defensive', "Honestly I'm exhausted and fed up with these constant complaints."],
      ['defensive', "Frankly, I'm tired of being blamed for everything that goes wrong."],
      ['defensive', "If the last invoice isn't paid by Monday, I won't touch this bug."],
      ['defensive', "If you keep changing the requirements I'll have to drop the project."],
      ['dismissive', 'Wow, thanks for letting me know three weeks later.'],
      ['defensive', "I've already wasted my whole weekend on your site."],
      ['defensive', "Extra fixes like this cost money, so decide whether it's worth it to you."],
      ['defensive', 'Any further support will be billed at my full rate, starting now.'],
      ['condescending', "I don't have time to hold your hand through every update."],
      ['condescending', 'It goes without saying that backups are your job.'],
      ['blaming', 'It was working yesterday, so whatever happened, it happened on your side.'],
      ['blaming', 'Your staff keep entering the dates in the wrong format.'],
      ['blaming', "That's not my part, the problem is from the host."],
    ],
    clean: [
      'To clear the cache, open Settings and choose Clear data.',
      'Once you update the app, the button appears at the top right.',
      'To reset a password, click "Forgot password" on the login page.',
      'That change is outside the original quote; I can send you an estimate for it.',
      "I'm sorry this cost you time this morning; the next release gets a second check.",
      'The extra reports would take about six hours; would you like me to go ahead?',
      'Did anything change on your side last week?',
      'Your customers see the wrong total because of my mistake in the tax rule; I am fixing it today.',
      'If you keep seeing the error after Friday, I will take the site offline for an hour to test it.',
      'I understand you are fed up with this error, and I am sorry.',
      'Thanks for letting me know so quickly.',
      'Please don’t worry about the lost orders: I recovered all twelve from the backup.',
      'Part of the problem was on the hosting side: their mail server rejected the messages.',
    ],
  },
  es: {
    flagged: [
      ['defensive', 'Sinceramente, estoy harto de tantas quejas.'],
      ['defensive', 'Francamente, estoy cansado de que me culpen de todo lo que sale mal.'],
      ['defensive', 'Si no me pagan la última factura antes del lunes, no toco este error.'],
      ['defensive', 'Si siguen cambiando los requisitos tendré que dejar el proyecto.'],
      ['dismissive', 'Vaya, gracias por avisarme tres semanas después.'],
      ['defensive', 'Ya perdí todo mi fin de semana con su web.'],
      ['defensive', 'Estos arreglos extra cuestan dinero, así que decidan si les vale la pena.'],
      ['defensive', 'A partir de ahora cualquier soporte se cobra a tarifa completa.'],
      ['defensive', 'El autor del plugin lo rompió con su actualización, yo no puedo hacer nada.'],
      ['condescending', 'No tengo tiempo para llevarte de la mano en cada actualización.'],
      ['condescending', 'Ni que decir tiene que las copias de seguridad son responsabilidad suya.'],
      ['blaming', 'Tus clientes le dan al botón equivocado, eso es todo.'],
      ['blaming', 'Seguramente tus clientes escribieron mal la dirección.'],
      ['blaming', 'Ayer funcionaba, así que lo que sea que pasó, pasó de tu lado.'],
      ['dodging', 'Se mezclaron cosas por el camino.'],
    ],
    clean: [
      'Por favor, cierre sesión y vuelva a entrar para que se apliquen los nuevos permisos.',
      'Para exportar el informe, elija Archivo, luego Exportar y luego CSV.',
      'Ese cambio queda fuera del presupuesto inicial; le puedo enviar una estimación.',
      'El informe adicional cuesta unos 300 euros; ¿quiere que lo haga?',
      '¿Cambió algo de su lado la semana pasada?',
      'Sus clientes ven un total equivocado por un error mío en el impuesto; lo corrijo hoy.',
      'No puedo hacer nada hasta que el hosting restaure la copia; me dijeron que el jueves.',
      'Entiendo que esté harto de este error, y lo siento.',
      'Gracias por avisarme tan rápido.',
      'Si sigue viendo el error después del viernes, lo revisamos juntos por teléfono.',
      'La empresa de hosting actualizó PHP el sábado y desde entonces el formulario no envía.',
      'Parte del problema estuvo en el hosting: su servidor de correo rechazó los mensajes.',
    ],
  },
};

describeToneProbes('tone: temper and leverage', CASES);
