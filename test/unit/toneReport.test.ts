// How the writer receives the report, checked by the shipped tone check (rules and learned complement
// together): the report doubted ("nobody else has reported this"), the reporter reproached ("why
// didn't you tell me earlier?"), the report brushed off ("we'll just have to wait"), each in the
// category a client would name, and the honest sentences beside them left alone.
import type { ToneProbes } from '../support/toneProbes';
import { describeToneProbes } from '../support/toneProbes';

const CASES: ToneProbes = {
  en: {
    flagged: [
      ['dismissive', 'Sorry you feel that way.'],
      ['dismissive', "I'm afraid that's just the way it is."],
      ['blaming', 'You are using it wrong.'],
      ['blaming', 'Your team keeps filling in the order form incorrectly.'],
      ['blaming', "You're not using the export the right way."],
      ['blaming', "Why didn't you tell me earlier?"],
      ['blaming', 'How come you never mentioned the error before?'],
      ['blaming', 'Why would you change the DNS without asking?'],
      ['dismissive', 'Nobody else has reported this.'],
      ['dismissive', 'None of my other clients have had this problem.'],
      ['dismissive', 'It works perfectly for every other store.'],
      ['dismissive', "I don't have time for this."],
      ['dismissive', 'We have more important things to deal with right now.'],
      ['condescending', "I'd suggest you read the release notes before reporting issues."],
      ['condescending', 'Next time, please check the FAQ first.'],
      ['condescending', 'Please look at the manual before opening another ticket.'],
      ['stalling', "We'll just have to wait."],
      ['stalling', "There's nothing we can do but wait."],
      ['overpromising', "Let's see if it works this time."],
    ],
    clean: [
      'Next time it happens, please write down the time and send me a screenshot.',
      'You are the only person with access to the admin panel, so I will send you the steps.',
      'We have to wait for the host to restore the backup; they promised it by Thursday at 10:00.',
      "I don't know why the export failed yet; I will send you what I find by Friday.",
      'Could you tell me when you first noticed it?',
      'No other page uses that template, so the change only affects the checkout.',
    ],
  },
  es: {
    flagged: [
      ['dismissive', 'Siento que lo vea así.'],
      ['dismissive', 'Me temo que es lo que hay.'],
      ['defensive', 'No me hago responsable de los cambios que hagan terceros.'],
      ['defensive', 'Eso queda fuera del presupuesto, así que no puedo hacer nada.'],
      ['defensive', '¿Leyó siquiera mi último correo?'],
      ['blaming', 'Si hubiera contratado el plan de mantenimiento, esto no habría pasado.'],
      ['blaming', 'Lo está usando mal.'],
      ['blaming', 'Sus empleados están rellenando mal el formulario de pedidos.'],
      ['blaming', 'No lo usan como se debe.'],
      ['blaming', '¿Por qué no me avisó antes?'],
      ['blaming', '¿Por qué tocaron la configuración sin consultarme?'],
      ['blaming', 'No entiendo cómo lo han roto otra vez.'],
      ['dismissive', 'Nadie más ha reportado este problema.'],
      ['dismissive', 'Ningún otro cliente se ha quejado de esto.'],
      ['dismissive', 'A todos los demás les funciona perfectamente.'],
      ['dismissive', 'No tengo tiempo para estas cosas.'],
      ['condescending', 'Le sugiero que lea las notas de la versión antes de abrir incidencias.'],
      ['condescending', 'La próxima vez, revise las preguntas frecuentes.'],
      ['stalling', 'Pues habrá que esperar.'],
      ['stalling', 'No nos queda otra que esperar a ver qué pasa.'],
      ['overpromising', 'A ver si esta vez funciona.'],
    ],
    clean: [
      'Siento que el pago haya vuelto a fallar; ya estoy revisando el historial y a las 15:00 le escribo.',
      'Eso queda fuera del presupuesto, pero lo puedo sumar esta semana si le parece.',
      'La próxima vez que ocurra, anote la hora y envíeme una captura.',
      'Usted es la única persona con acceso de administrador, así que le envío los pasos.',
      'Hay que esperar a que el proveedor restaure la copia; se comprometió a hacerlo el jueves a las 10:00.',
      'Todavía no sé por qué falló la exportación; el viernes le envío lo que encuentre.',
      '¿Me puede decir cuándo lo notó por primera vez?',
      'Le explico por qué cambié el ajuste el martes: el proveedor cambió su API.',
    ],
  },
};

describeToneProbes('tone: how the report is received', CASES);
