// Reglas de tono en español para el ánimo y la palanca del autor en lugar de una respuesta: el
// hartazgo descargado sobre el cliente («estoy harto de tantas quejas»), las gracias con retintín
// («gracias por avisarme tres semanas después», «gracias por el quinto correo de hoy»), el tiempo
// perdido echado en cara («ya perdí todo mi fin de semana con su web»), el dinero como presión
// («estos arreglos cuestan dinero, así que decidan si les vale la pena»), el cliente al que hay que
// llevar de la mano, y la culpa puesta del lado del cliente o en las manos de su gente («lo que sea
// que pasó, pasó de tu lado», «tus clientes le dan al botón equivocado»). Cada regla compone una
// clase de palabras (tú, vos, usted y vosotros), así que otras formas de decir lo mismo también se
// detectan.
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';

/** El estado del autor, dicho como respuesta. */
const HARTO =
  '(?:hart[oa]s?|cansad[oa]s?|agotad[oa]s?|quemad[oa]s?|podrid[oa]s?|frit[oa]s?|saturad[oa]s?|hasta las narices|hasta la coronilla|hasta el gorro|hasta el mono|hasta arriba|de los nervios)';

/** La gente del cliente. */
const SU_GENTE =
  '(?:clientes|usuarios|usuarias|empleados|empleadas|trabajadores|companeros|companeras|visitantes|equipo|gente|chicos|chicas|secretaria|secretario|recepcionista|administrativo|administrativa|encargado|encargada|personal|compradores)';

/** Lo que una persona hace ante una pantalla. */
const MANOS =
  '(?:{dar}|{pulsar}|{escribir}|{meter}|{poner}|{rellenar}|{introducir}|{usar}|{utilizar}|{elegir}|{seleccionar}|{cargar}|{subir}|{configurar}|{pinchar}|{clicar}|{tocar}|{teclear}|{marcar}|{copiar}|{pegar}|{guardar}|{hacer} clic)';

export const RULES_ES_TEMPER: readonly ToneRule[] = [
  {
    id: 'defensive.venting',
    category: 'defensive',
    patterns: [
      // «estoy harto de tantas quejas», «ya me tienen cansado con los mensajes», «estoy cansado de que me culpen»
      `(?:estoy|estamos|ando|andamos|me tienen|me tiene|me tienes|me teneis|me tenes|me estan dejando|acabo|termino)(?: (?:ya|muy|un poco|bastante|realmente|super|re|francamente|sinceramente|totalmente|completamente|algo))* ${HARTO}\\b(?= *(?:de|con|ya|por|[.,;!]|$))`,
      // «se me acaba la paciencia», «ya me cansé de», «no aguanto más», «hasta aquí hemos llegado»
      '(?:se me (?:esta )?(?:acaba|agota|termina|acabando|agotando|terminando) la paciencia|(?:ya )?me (?:canse|harte|he cansado|he hartado) de|(?:ya )?no (?:aguanto|soporto) (?:mas|esto)|hasta aqui (?:hemos|he) llegado|mi paciencia tiene un limite)',
    ],
    guards: ['negated', 'reported'],
    reason: 'Tu hartazgo, contado al cliente, convierte su aviso en una discusión; no responde a nada de lo que preguntó.',
    suggestion: 'Deja fuera cómo te sientes; di qué encontraste y el siguiente paso con fecha.',
    alternative: 'Estoy revisando [qué] y el [fecha] envío el resultado.',
    fixScope: 'sentence',
    examples: {
      flag: ['Sinceramente, estoy harto de tantas quejas.', 'Francamente, estoy cansado de que me culpen de todo lo que sale mal.', 'Ya me tienen hasta las narices con los mensajes.', 'Se me está acabando la paciencia.'],
      pass: ['Entiendo que esté harto de este error, y lo siento.', 'No estoy cansado de sus preguntas: escríbame cuando quiera.', 'El servidor estaba saturado el sábado; el hosting ya amplió la memoria.'],
    },
  },
  {
    id: 'dismissive.sarcastic-thanks',
    category: 'dismissive',
    patterns: [
      // las gracias por un aviso tardío o repetido: «gracias por avisarme tres semanas después»
      '(?:gracias|muchas gracias|mil gracias)(?: de nuevo| otra vez)? por (?:[\\p{L}]+,? ){0,6}?(?:(?:\\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varias|unas|muchas|unos|varios|muchos) (?:semanas|dias|meses|horas|anos) (?:despues|mas tarde|tarde|de retraso)|(?:recien|solo) ahora,? (?:despues de|tras) (?:\\d+|dos|tres|cuatro|cinco|varias|unas) (?:semanas|dias|meses))',
      // «gracias por el quinto correo de hoy», «gracias por la enésima llamada»
      '(?:gracias|muchas gracias|mil gracias)(?: de nuevo| otra vez)? por (?:el|la|su|tu|vuestro|vuestra|otro|otra) (?:tercer|tercero|tercera|cuarto|cuarta|quinto|quinta|sexto|sexta|septimo|septima|octavo|octava|noveno|novena|decimo|decima|enesimo|enesima|centesimo|centesima|milesimo|milesima|\\d+o|\\d+a|\\d+º|\\d+ª)? ?(?:correo|mensaje|email|mail|aviso|recordatorio|llamada|whatsapp|audio|queja|reclamo|reclamacion)s?(?: (?:mas|del dia|de hoy|de la semana|sobre lo mismo))',
    ],
    guards: ['negated', 'reported'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Vaya, gracias por avisarme tres semanas después.', 'Gracias por avisarme por fin, tres semanas después de que empezara.', 'Gracias por el quinto correo de hoy sobre lo mismo.', 'Gracias por otro mensaje más.'],
      pass: ['Gracias por avisarme tan rápido.', 'Gracias por el segundo correo con la captura: ahí se ve el error.', 'Gracias por la llamada de ayer.'],
    },
  },
  {
    id: 'defensive.time-lost',
    category: 'defensive',
    patterns: [
      // el tiempo perdido echado en cara: «ya perdí todo mi fin de semana con su web»
      '(?:perdi|he perdido|hemos perdido|perdimos|llevo perdid[oa]s?|desperdicie|he desperdiciado|malgaste|he malgastado|tire|he tirado|regale|he regalado|me he comido|me comi|me pase|me he pasado|sacrifique|he sacrificado)(?: ya)? (?:tod[oa]s? )?(?:mi|mis|el|la|los|las|un|una|unos|unas|\\d+|dos|tres|cuatro|cinco|diez|horas y) ?(?:enter[oa] |complet[oa] |precios[oa] |libre )?(?:fin de semana|fines de semana|finde|domingo|sabado|tarde|tardes|noche|noches|dia|dias|manana|mananas|semana|semanas|vacaciones|horas|tiempo libre|vida)\\b(?! (?:por|debido a) (?:un |el )?(?:mi|nuestro) (?:propio )?(?:error|fallo|culpa))(?=[^.!?]{0,40}\\b(?:con|en|por) (?:tu|su|vuestra|vuestro|sus|tus|este|esta|esto|esos|estos|lo mismo|ustedes|usted|vos|ti)\\b)',
      '(?:horas|dias|semanas) de mi (?:vida|tiempo|fin de semana)',
    ],
    guards: ['negated', 'reported'],
    reason: 'Echar en cara el tiempo perdido hace que el cliente se sienta culpable por preguntar; no responde a nada.',
    suggestion: 'Deja fuera tu esfuerzo; di qué encontraste y el siguiente paso con fecha.',
    alternative: 'Estoy revisando [qué] y el [fecha] envío el resultado.',
    fixScope: 'sentence',
    examples: {
      flag: ['Ya perdí todo mi fin de semana con su web.', 'He perdido dos días con este tema.', 'Son horas de mi vida que no vuelven.'],
      pass: ['Pasé la mañana con el error y ya encontré la causa: un ajuste que cambié en mayo.', 'No ha perdido ningún pedido; los revisé todos.'],
    },
  },
  {
    id: 'defensive.money-pressure',
    category: 'defensive',
    patterns: [
      // el dinero como palanca, no como precio: «estos arreglos cuestan dinero, así que decidan si les vale la pena»
      '(?:esto|eso|estos arreglos|esos arreglos|los arreglos|el soporte|mi tiempo|mi trabajo|el trabajo|todo|cada cambio|cada arreglo|[\\p{L}]+ (?:extra|extras|adicionales)) (?:cuesta|cuestan|vale|valen|tiene un coste|tienen un coste|tiene un costo|tienen un costo) (?:dinero|plata|pasta|un dinero)',
      '(?:decida|decidan|decide|decidi|decidid|decidas) si (?:le|les|te|os) (?:vale|compensa|merece|sale a cuenta|conviene) (?:la pena|pagarlo|pagar)?',
      '(?:a partir de ahora|desde ahora|de ahora en adelante|desde hoy|a partir de hoy|desde este momento),? (?:todo|toda|cualquier|cada|el) (?:[\\p{L}]+ ){0,3}?(?:se cobra|se cobrara|se factura|se facturara|lo cobro|lo cobrare|lo facturo|lo facturare|va aparte|ira aparte|se paga|se pagara|tiene (?:un )?(?:coste|costo|cargo))',
      '(?:se cobra|se cobrara|se factura|se facturara|lo cobro|lo cobrare|lo facturo|lo facturare) a (?:tarifa|precio) (?:completa|completo|entera|entero|doble|de urgencia|urgente|maxima|maximo)[^.!?]{0,20}?\\b(?:a partir de ahora|desde ahora|desde hoy|de ahora en adelante)',
      '(?:yo )?no trabajo gratis|no (?:soy|somos) (?:una ong|beneficencia|caridad)|nada es gratis|no estoy (?:obligad[oa]) a (?:arreglar|hacer|dar|prestar|corregir)',
    ],
    guards: ['negated', 'reported'],
    reason: 'Sacar el dinero como presión convierte el aviso de un fallo en un regateo; el cliente quiere saber qué pasa ahora.',
    suggestion: 'Di qué harás ahora; si queda fuera de lo acordado, ofrécelo con claridad, con precio o fecha.',
    alternative: 'Puedo [qué] el [fecha]; si queda fuera de lo acordado, antes envío un presupuesto.',
    fixScope: 'sentence',
    examples: {
      flag: ['Estos arreglos extra cuestan dinero, así que decidan si les vale la pena.', 'A partir de ahora cualquier soporte se cobra a tarifa completa.', 'Yo no trabajo gratis.'],
      pass: ['El informe adicional cuesta unos 300 euros; ¿quiere que lo haga?', 'Este arreglo no le cuesta nada, porque el error fue mío.', 'Decida con calma qué opción prefiere; le mando ambas el lunes.'],
    },
  },
  {
    id: 'condescending.hand-holding',
    category: 'condescending',
    patterns: [
      // el cliente tratado como alguien a quien llevar de la mano
      '(?:llevar|llevarte|llevarle|llevarles|llevaros|llevarlos|llevarlas|te llevo|le llevo|les llevo) de la mano|(?:hacer|hacerte|hacerle|hacerles) de (?:ninera|nino|canguro|profesor|profe)|dar(?:te|le|les|os)? (?:todo )?(?:masticado|mascado)|explicar(?:te|le|les|os) cada (?:paso|clic|cosa|detalle|boton)|(?:hacer|hacerte|hacerle|hacerles) (?:el|su|tu) trabajo|(?:yo )?no soy (?:tu|su|vuestro|vuestra) (?:soporte|servicio tecnico|informatico|secretari[oa]|ninera|profesor|canguro)',
    ],
    guards: ['instruction'],
    reason: 'Trata al cliente como a alguien a quien hay que llevar de la mano: oye desprecio, no ayuda.',
    suggestion: 'Da los pasos con sencillez, u ofrece una llamada corta para verlos juntos.',
    alternative: 'Estos son los pasos: [pasos].',
    fixScope: 'sentence',
    examples: {
      flag: ['No tengo tiempo para llevarte de la mano en cada actualización.', 'Yo no soy su servicio técnico.', 'No puedo explicarle cada clic.'],
      pass: ['Si quiere, lo vemos juntos en una llamada el lunes a las 10.', 'Mantenga pulsada la tecla Mayúsculas mientras hace clic en Actualizar.'],
    },
  },
  {
    id: 'blaming.their-hands',
    category: 'blaming',
    patterns: [
      // la gente del cliente, que lo hace mal: «tus clientes le dan al botón equivocado», «sus empleados meten las fechas mal»
      `(?:tus|sus|vuestros|vuestras) ${SU_GENTE}(?: (?:de (?:usted|ustedes|vosotros)|de la tienda|de la oficina|del local))?(?: (?:siempre|seguramente|seguro que|probablemente|ya|todavia|aun|no|nunca|simplemente|solo))* (?:(?:le|les|lo|la|los|las|se) )?${MANOS}\\b[^.!?;]{0,40}?\\b(?:mal|equivocad[oa]s?|incorrectamente|erroneamente|de forma incorrecta|donde no (?:es|era|toca|tocaba))\\b`,
      // la culpa del lado del cliente: «lo que sea que pasó, pasó de tu lado»
      '(?:(?:lo que sea que|lo que|algo|el problema|el fallo|el error|la causa|la falla|eso|esto)(?: (?:seguramente|seguro que|claramente|obviamente|ya))? (?:esta|estaba|es|fue|tiene que estar|debe (?:de )?estar|debe (?:de )?ser|viene|venia)|paso|cambio|se rompio|fallo|vino|ocurrio|sucedio) (?:de|del|en|desde) (?:el )?(?:tu|su|vuestro|vuestra) (?:lado|parte)(?! (?:del|de la|de los) )(?![^.!?]*\\?)',
    ],
    guards: ['negated', 'ownsIt', 'apology', 'attested', 'conditional'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Tus clientes le dan al botón equivocado, eso es todo.', 'Seguramente tus clientes escribieron mal la dirección.', 'Ayer funcionaba, así que lo que sea que pasó, pasó de tu lado.', 'El problema está de su lado.'],
      pass: ['Sus clientes ven un total equivocado por un error mío en el impuesto; lo corrijo hoy.', '¿Cambió algo de su lado la semana pasada?', 'De su lado no cambió nada; la causa está en mi última actualización.'],
    },
  },
];
