// Reglas de tono en español para la presión que se pone al cliente en lugar de una respuesta: el
// esfuerzo propio presentado como deuda («después de todas las horas extra que les he regalado,
// esperaba algo más de comprensión»), el trabajo parado como amenaza («si no recibo la aprobación
// el viernes, paro el proyecto»), el aviso recibido con sarcasmo («genial, otra urgencia un sábado»)
// o con «no entiendo por qué le da tanta importancia», el cliente al que se le pide que deje de
// escribir, y un plazo prometido a la ligera («mañana está hecho seguro, sin problema»). Cada regla
// compone una clase de palabras, así que otras formas de decir lo mismo también se detectan.
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';

/** Lo que el autor dio: noches, fines de semana, horas sin cobrar. */
const ESFUERZO =
  '(?:hasta las (?:\\d{1,2}|una|dos|tres|cuatro|cinco|once|doce|tantas)(?: de la (?:madrugada|manana|noche))?|(?:toda la|todas las) (?:noche|noches)|de madrugada|(?:todos los|mis|el) fines? de semana|en mi (?:tiempo libre|dia libre|fin de semana)|(?:en|durante) mis vacaciones|gratis|sin cobrar|(?:horas|trabajo) (?:extra|de mas|sin cobrar|gratis)|(?:les|te|os|le) he regalado|me he (?:dejado la piel|matado|desvivido|partido el lomo)|dejandome la piel)';

/** Lo que pide a cambio. */
const DEBIDO =
  '(?:paciencia|comprension|agradecimiento|reconocimiento|respeto|consideracion|un gracias|unas gracias|que (?:me lo |lo )?(?:agradezca|agradezcan|agradezcas|valore|valoren|valores)|lo minimo)';

/** Parar o retener el trabajo. */
const PARO =
  '(?:paro|parare|detengo|detendre|suspendo|suspendere|paralizo|paralizare|congelo|congelare|cancelo|cancelare|abandono|abandonare|dejo de trabajar|dejare de trabajar|dejo el proyecto|dejare el proyecto|doy de baja|dare de baja|bajo la web|dare por terminad[oa]|doy por terminad[oa]|no sigo|no seguire|no continuo|no continuare|me veo obligad[oa] a (?:parar|suspender|detener|dejar|cancelar)|me vere obligad[oa] a (?:parar|suspender|detener|dejar|cancelar))';

/** No tocar el error: el trabajo retenido dicho en negativo. */
const NO_TOCO =
  '(?:no (?:toco|tocare|arreglo|arreglare|sigo|seguire|muevo un dedo|movere un dedo|hago nada|hare nada|reviso|revisare|miro|mirare|continuo|continuare|(?:pienso|vuelvo a|volvere a) (?:tocar|hacer|arreglar|mirar|seguir|revisar)(?:lo|la|los|las)?|voy a (?:tocar|hacer|arreglar|mirar|seguir|mover)(?:lo|la|los|las)?))';

/** Una palabra de elogio dicha con retintín. */
const ELOGIO =
  '(?:genial|maravilloso|maravilla|estupendo|fantastico|perfecto|que bien|que bonito|que alegria|que ilusion|de lujo|fenomenal|bravo|justo lo que (?:me )?faltaba|lo que (?:me )?faltaba)';

/** Un estado terminado, dicho como seguro y sin esfuerzo. */
const HECHO = '(?:hecho|hecha|terminad[oa]s?|arreglad[oa]s?|list[oa]s?|solucionad[oa]s?|resuelt[oa]s?|acabad[oa]s?|funcionando|publicad[oa]s?)';
const SEGURO = '(?:seguro|segurisimo|sin (?:ningun )?problema|sin falta|facilisimo|facil|sin duda|a la fija|fijo|al cien por cien|al 100 ?%|100 ?%|de una|te lo aseguro|se lo aseguro|palabra)';

export const RULES_ES_PRESSURE: readonly ToneRule[] = [
  {
    id: 'defensive.effort-owed',
    category: 'defensive',
    patterns: [
      // el esfuerzo y lo que se le debe: «llevo toda la semana trabajando hasta las dos de la mañana, así que un poco de paciencia no vendría mal»
      `${ESFUERZO}\\b(?:(?!gracias|agradec)[^.!?]){0,80}?\\b${DEBIDO}\\b`,
      // la deuda no pagada: «y así me lo agradecen», «más horas de las que le cobré»
      '(?:y )?asi (?:es como )?(?:me lo )?(?:agradecen|agradece|agradeces|agradeceis|pagan|paga)\\b|(?:mas|muchas mas) (?:horas|tiempo|noches|fines de semana)\\b[^.!?]{0,40}?\\b(?:de las que|del que|de los que|que las que) (?:le |te |les |os )?(?:cobre|facture|presupueste|me pagaron|me pagan|cobramos|facturamos)\\b',
      // la deuda primero: «después de todas las horas extra que les he regalado, esperaba algo más de comprensión»
      `(?:despues de|con|tras|para) (?:todo lo que|todas las|todos los|tanto|todo el)\\b[^.!?]{0,50}?\\b(?:esperaba|esperaria|me esperaba|creo que merezco|merezco|mereceria|me gustaria|pensaba que|crei que|al menos|por lo menos)\\b`,
    ],
    guards: ['negated', 'conditional', 'reported'],
    reason: 'Presentar tus horas o tus noches como una deuda hace que el cliente se sienta culpable por preguntar, y no responde a nada.',
    suggestion: 'Deja fuera tu esfuerzo; di qué has encontrado y el siguiente paso, con fecha.',
    alternative: 'Estoy revisando [qué] y el [fecha] envío el resultado.',
    fixScope: 'sentence',
    examples: {
      flag: [
        'Llevo toda la semana trabajando hasta las dos de la mañana para ustedes, así que un poco de paciencia no vendría mal.',
        'Después de todas las horas extra que les he regalado, esperaba algo más de comprensión.',
        'Me he dejado la piel en este proyecto, lo mínimo es un poco de respeto.',
        'Trabajé todo el fin de semana gratis y ni un gracias.',
        'La última vez me quedé toda la noche con esto y así me lo agradecen.',
        'Ya le he dedicado a esto muchas más horas de las que le cobré.',
      ],
      pass: [
        'Gracias por la paciencia mientras lo reviso; mañana antes de mediodía le vuelvo a escribir.',
        'Esta corrección no se la cobro, el error fue mío.',
        'Si lo necesita para el lunes, puedo trabajar en ello el fin de semana.',
      ],
    },
  },
  {
    id: 'defensive.ultimatum',
    category: 'defensive',
    patterns: [
      // «si no recibo la aprobación firmada el viernes, paro el proyecto»
      `si no (?:recibo|recibimos|tengo|tenemos|me (?:llega|llegan|pagan|paga|pagas|pagais|firman|firma|confirman|confirma|mandan|manda|envian|envia|abonan|abona|abonas|dan|da|das|dais|pasan|pasa|pasas)|veo|cobro|cobramos)\\b[^.!?]{0,70}?\\b(?:${PARO}|${NO_TOCO})\\b`,
      // la conducta del cliente como condición: «si siguen cambiando los requisitos, tendré que dejar el proyecto»
      `si (?:sigue|siguen|sigues|seguis|segui|continua|continuan|continuas|vuelve a|vuelven a|vuelves a|volves a|insiste en|insisten en|insistes en) (?!(?:viendo|teniendo|recibiendo|notando|encontrando|sufriendo|ver|tener|recibir|notar|encontrar|sufrir)\\b)(?:[\\p{L}]+ ){0,6}?(?:${PARO}|(?:tendre|tendremos|voy a tener|vamos a tener) que (?:dejar|abandonar|parar|cancelar|suspender|detener|plantear(?:me)? dejar)|me (?:vere|veo) obligad[oa] a (?:dejar|abandonar|parar|cancelar|suspender|detener))\\b`,
      // «o me pagan la factura pendiente o no toco este error»
      'o (?:me |nos )?(?:pagan|paga|pagas|pagais|firman|firma|firmas|aprueban|aprueba|apruebas|abonan|abona)\\b[^.!?]{0,50}?\\bo (?:no (?:toco|sigo|hago|arreglo|continuo|muevo|(?:puedo|podre|pienso|voy a) (?:seguir|continuar|tocar|arreglar))|(?:lo )?dejo|paro|me olvido)',
      // el pago como condición dicho en pasiva: «si la factura no está pagada el viernes, tendré que parar todo»
      `si (?:la|el|las|los|mi|su|tu|esta|este) (?:[\\p{L}]+ ){0,2}?(?:factura|pago|saldo|importe|anticipo|deuda|cuota)s? (?:no (?:esta|estan|queda|quedan|ha sido|se ha|se han)|sigue|siguen|continua) (?:[\\p{L}]+ )?(?:pagad[oa]s?|abonad[oa]s?|saldad[oa]s?|liquidad[oa]s?|pendientes?|sin pagar|impagad[oa]s?|cobrad[oa]s?|recibid[oa]s?)\\b[^.!?]{0,60}?\\b(?:${PARO}|${NO_TOCO}|(?:tendre|tendremos|voy a tener|vamos a tener) que (?:parar|dejar|suspender|detener|cancelar|congelar|pausar))\\b`,
      // la negativa primero y el pago o el acceso como su precio: «no vuelvo a tocarlo hasta que se salde lo pendiente»
      `(?:${NO_TOCO}|no (?:puedo|podre) seguir)\\b[^.!?]{0,50}?\\bhasta que (?:no )?(?:se (?:salde|pague|abone|liquide|firme|apruebe)|(?:me |nos )?(?:paguen|pague|pagues|abonen|abone|firmen|firme|aprueben|apruebe|den|de|des) |(?:no )?(?:reciba|recibamos|cobre|cobremos|tenga|tengamos) (?:el |los |la )?(?:pago|abono|anticipo|acceso|aprobacion|firma))`,
      // «sin pago no hay arreglo», «hasta que no paguen, no toco nada»
      '\\bsin (?:el )?(?:pago|abono|anticipo|aprobacion|firma),? no (?:hay|toco|sigo|hago|continuo|arreglo)\\b',
      'hasta que no (?:me |nos )?(?:paguen|pague|pagues|pagueis|abonen|abone|firmen|firme|firmes|aprueben|apruebe)\\b[^.!?]{0,50}?\\bno (?:toco|sigo|hago|continuo|arreglo|muevo|pienso)\\b',
    ],
    guards: ['negated', 'reported'],
    reason: 'Amenazar con parar el trabajo convierte un aviso de fallo en un pulso; el cliente oye presión, no un plan.',
    suggestion: 'Di la condición como un hecho, con su fecha, y lo que harás en cuanto se cumpla.',
    alternative: 'En cuanto reciba [qué], [siguiente paso]; si llega el [fecha], estará listo el [fecha].',
    fixScope: 'sentence',
    examples: {
      flag: [
        'Si no recibo la aprobación firmada el viernes, paro el proyecto.',
        'O me pagan la factura pendiente o no toco este error.',
        'Sin pago no hay arreglo.',
        'Hasta que no paguen la última factura, no toco nada.',
        'Si no me pagan esta semana, me veré obligado a suspender el servicio.',
        'Si no me pagan la última factura antes del lunes, no toco este error.',
        'Si siguen cambiando los requisitos tendré que dejar el proyecto.',
        'Si la factura no está pagada el viernes, tendré que parar todo el trabajo.',
        'No vuelvo a tocarlo hasta que se salde lo pendiente.',
        'O aprueban el plan de mantenimiento o no puedo seguir arreglando estas cosas.',
        'Si no me dan acceso al servidor, no pienso mirarlo más.',
      ],
      pass: [
        'Si no recibo los datos de acceso, no puedo revisar los registros; ¿me los podría mandar hoy?',
        'Si no tengo noticias suyas el viernes, hago la actualización el lunes a las 9:00.',
        'No toco la base de datos en vivo hasta que me confirme que terminó la copia de seguridad.',
        'Si la factura no está pagada todavía, empiezo el lunes igualmente.',
        'O me pasa usted el registro o se lo pido al hosting, como le resulte más cómodo.',
        'Si sigue viendo el error después del viernes, dejo el plugin anterior y lo revisamos juntos por teléfono.',
      ],
    },
  },
  {
    id: 'dismissive.sarcastic-praise',
    category: 'dismissive',
    patterns: [
      // «Genial, otra urgencia un sábado.», «Qué bien, ahora resulta que la culpa es mía»
      `${ELOGIO}[,!.…]+ (?:otr[oa]s? (?:[«»"“\\p{L}-]+ ){0,2}?(?:urgencia|urgencias|emergencia|incidencia|queja|reclamacion|error|fallo|bug|problema|ticket|correo|mensaje|llamada|peticion|cambio|sabado|domingo|finde|fin de semana|noche)|otra vez (?:lo mismo|con (?:esto|eso|lo mismo)|igual|a vueltas)|una (?:urgencia|emergencia|incidencia|queja) mas|mas (?:urgencias|quejas|incidencias))\\b`,
      `${ELOGIO}[,!.…]+ (?:ahora|encima|y (?:ahora|encima)|asi que|o sea que) (?:resulta que|va a ser que|la culpa|me toca|soy yo)`,
      '(?:ahora|encima) resulta que (?:[\\p{L}]+ ){0,10}?(?:culpa|responsabilidad|problema) (?:[\\p{L}]+ ){0,6}?(?:es|era|sera) (?:mia|mio|de un servidor)\\b',
      // el mismo fallo de vuelta, recibido con elogio o sorpresa fingida: «qué bien, el mismo error otra vez, qué sorpresa»
      `${ELOGIO}[,!.…]+ (?:el mismo|la misma|este|esta|ese|esa) (?:[\\p{L}]+ )?(?:error|fallo|bug|problema|incidencia|historia|cosa)s? (?:otra vez|de nuevo|una vez mas)\\b`,
      '(?:otra vez|de nuevo|una vez mas)\\b[,;!.…]* (?:que|vaya|menuda) sorpresa\\b|^(?:que|vaya|menuda) sorpresa[,!.…]',
      '(?:justo )?lo que (?:me )?faltaba(?= *(?:[.!…,]|$| (?:un|una|hoy|ahora|este|esta|en (?:sabado|domingo|fin))\\b))',
    ],
    guards: ['negated', 'reported'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Genial, otra urgencia un sábado.',
        'Qué bien, ahora resulta que la culpa de que se cayera su servidor es mía.',
        'Perfecto, otra vez lo mismo.',
        'Lo que me faltaba un domingo.',
        'Ay qué bien, el mismo error otra vez, qué sorpresa.',
        'Estupendo, ahora resulta que es culpa mía que se les cayera el servidor.',
      ],
      pass: [
        'Perfecto, otra pregunta: ¿qué navegador usaba?',
        'Genial, otra cosa que ayuda: solo pasa en el móvil.',
        'Genial, otra pista útil: solo pasa en el móvil.',
        'Perfecto, otra vez gracias por avisar.',
        'Lo que me faltaba por revisar era el envío; ya está hecho.',
        'Trabajé hasta las doce en ello y ya está arreglado; gracias por la paciencia.',
        'Resulta que el fallo venía de la actualización del plugin; lo corrijo hoy.',
        'El mismo error apareció otra vez el lunes; me sorprendió y lo estoy revisando hoy.',
      ],
    },
  },
  {
    id: 'dismissive.why-the-fuss',
    category: 'dismissive',
    patterns: [
      // «no entiendo por qué le da tanta importancia a esto»
      'no (?:entiendo|veo|comprendo|se) (?:por que|porque) (?:de repente |ahora |de pronto |tanto )?(?:esto |eso )?(?:es|resulta|se ha vuelto|corre) (?:tan|tanta) (?:urgente|importante|grave|prisa|urgencia|critico)',
      'no (?:entiendo|veo|comprendo|se) (?:por que|porque|a que viene(?:n)?) (?:tanto|tanta|(?:le|te|les|os) (?:das?|dan|dais|estas dando|esta dando) tanta)',
      'no (?:entiendo|veo|comprendo) (?:por que|porque) (?:esto|eso|esto|un [\\p{L}]+(?: [\\p{L}]+)?) (?:es|se ha vuelto|resulta) (?:tan|un) (?:grave|problema|importante|urgente|drama|terrible)',
      '(?:tanto|tanta) (?:drama|lio|alboroto|escandalo|importancia|jaleo|show) (?:por|con|para) (?:esto|eso|un|una|tan poco|nada)',
      '(?:una )?montana de un grano de arena|tormenta en un vaso de agua',
      // que deje de escribir: «por favor, deje de mandarme mensajes cada hora»
      '(?:deje|deja|deja ya|dejen|dejad|deje ya|para|pare|paren|parad) de (?:mandarme|enviarme|escribirme|llamarme|mandarnos|escribirnos|llamarnos|insistir|agobiarme|presionarme|molestarme|atosigarme|perseguirme)(?![^.!?]{0,30}\\bsi\\b)',
      'no (?:hace falta|es necesario|hay necesidad de) que (?:me |nos )?(?:escriba|escribas|escriban|llame|llames|llamen|mande|mandes|manden|insista|insistas|insistan) (?:cada|todos los|a todas horas|tanto|tantas veces)',
    ],
    guards: ['reported', 'conditional'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ["Tampoco hagamos una montaña de un grano de arena.", "No entiendo por qué de repente esto es tan urgente.", 
        'No entiendo por qué le da tanta importancia a esto.',
        'No veo por qué esto es tan grave.',
        'Por favor, deje de mandarme mensajes cada hora.',
        'No hace falta que me escriba cada cinco minutos.',
      ],
      pass: [
        'Entiendo por qué le da tanta importancia: es la semana de rebajas.',
        'Todavía no sé por qué solo falla en Safari; le escribo antes de las 17:00.',
        'Los correos de aviso dejan de enviarse cuando la cola está llena.',
      ],
    },
  },
  {
    id: 'overpromising.sure-deadline',
    category: 'overpromising',
    patterns: [
      // «mañana por la mañana está hecho seguro, sin problema», «te lo tengo terminado esta noche, facilísimo»
      `\\b${HECHO}\\b[^.;!?]{0,40}?(?:,|\\b) ?${SEGURO}(?=\\s*(?:[.,;!]|$))`,
      `(?:seguro que|seguro,|sin duda|fijo que|facilisimo|te lo aseguro,|se lo aseguro,) (?:[\\p{L}]+ ){0,3}?(?:(?:lo|la|los|las|se lo|te lo) )?(?:esta|estara|queda|quedara|tengo|tendre|tienes|tiene|tendra|tendras) (?:todo )?${HECHO}`,
    ],
    guards: ['negated', 'reported', 'conditional'],
    ...ADVICE_ES.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Mañana por la mañana está hecho seguro, sin problema.',
        'Te tengo todo el rediseño terminado esta noche, facilísimo.',
        'Seguro que el viernes está arreglado.',
      ],
      pass: [
        'El viernes por la mañana te paso la corrección para que la pruebes.',
        'La exportación está terminada; la probé con tres archivos.',
        'No puedo decirle seguro que esté terminado el viernes; mañana a mediodía sabré más.',
      ],
    },
  },
  {
    id: 'defensive.limits-as-shield',
    category: 'defensive',
    patterns: [
      // los límites propios como respuesta: «soy programador, no mago», «tengo las manos atadas»
      'soy (?:un |una )?[\\p{L}]+,? no (?:un |una )?(?:mag[oa]|adivin[oa]|brujo|bruja|superheroe|robot|milagrer[oa]|sant[oa])|no soy (?:mag[oa]|adivin[oa]|brujo|bruja|superheroe|milagrer[oa])|no (?:puedo|podemos) leer (?:la mente|mentes|el pensamiento)',
      // «el servidor, que no gestiono yo»
      'que no (?:gestiono|administro|controlo|llevo|manejo|mantengo) yo\\b|no es (?:algo|cosa) que (?:yo )?(?:gestione|controle|administre|lleve|maneje)\\b',
      // «yo no puedo hacer nada», dicho como cierre y no como condición («hasta que...», «mientras...»)
      '(?:yo )?no (?:puedo|podemos|podre|podremos) hacer (?:nada|mucho)(?: (?:mas|al respecto|por (?:usted|ustedes|ti|vos|vosotros)))?(?! (?:hasta|mientras|sin|antes|hoy)\\b)(?= *(?:[.;!]|$|,? (?:lo siento|asi que|eso es|es lo que|es cosa)))|no (?:esta|depende) en mis manos(?= *(?:[.;!]|$))',
      'tengo (?:las manos atadas|atadas las manos)|no (?:puede|puedes|pueden|podes|podeis) (?:pretender|esperar|exigir|pedir)(?:me)? que (?:este|estemos|trabaje|responda|conteste|atienda|lo arregle)\\b',
      // «aquí todo funciona bien», como respuesta al aviso
      '(?:aqui|(?:en|por) (?:mi|nuestro) lado|en mi (?:equipo|ordenador|maquina)),? (?:todo )?(?:funciona|va|anda|esta) (?:todo )?(?:bien|perfecto|perfectamente|de maravilla|ok)',
      // «así funciona WordPress», como cierre
      'asi (?:es como )?funcionan? (?:los |el |la |las )?[\\p{L}]+(?= *(?:[.!;]|$))',
    ],
    guards: ['negated', 'conditional', 'reported', 'checksTheirs'],
    ...ADVICE_ES.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ['Soy programador, no mago.', 'El autor del plugin lo rompió con su actualización, yo no puedo hacer nada.', 'Me encantaría ayudarle, pero tengo las manos atadas hasta que arreglen el hosting.', 'No puede pretender que esté disponible las 24 horas.', 'Lo siento, pero así funciona WordPress.', 'El problema era del servidor, que no gestiono yo.'],
      pass: ['Aquí todo funciona bien desde las 11:20; ¿lo puede comprobar en su equipo?', 'Así funciona el nuevo botón: pulse Exportar y elija el mes.', 'Puedo estar disponible el sábado por la mañana si lo necesita.'],
    },
  },
  {
    id: 'blaming.your-side',
    category: 'blaming',
    patterns: [
      // el fallo supuesto en el lado del cliente: «será algo de su lado»
      '(?:sera|debe ser|debe de ser|tiene que ser|seguro que es|habra) (?:algo|un problema|un fallo|cosa|un tema|un ajuste) (?:de|en|del) (?:su|tu|vuestro|vuestra) (?:lado|parte|equipo|ordenador|red|navegador|movil|instalacion|oficina)',
      // la elección del cliente como causa: «lo barato sale caro»
      'lo barato sale caro|(?:uno )?recibe lo que paga',
      // «allí nadie se molestó en probarlo»
      'nadie (?:de ustedes |alli |de su equipo |en su empresa |de vuestro equipo )?se (?:molesto|molestaron|tomo la molestia|digno) (?:en|a)\\b|no se (?:molesto|molestaron|molestaste|molestasteis|tomo la molestia|tomaron la molestia) (?:en|de)\\b',
    ],
    guards: ['ownsIt', 'negated', 'conditional'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Será algo de su lado, aquí todo funciona bien.', 'Lo barato sale caro, qué quiere que le diga.', 'Está claro que allí nadie se molestó en probarlo.'],
      pass: ['Puede ser un ajuste del tema; esta tarde lo reviso.', 'Yo no me molesté en probarlo en el móvil, y debí hacerlo; hoy lo corrijo.'],
    },
  },
];
