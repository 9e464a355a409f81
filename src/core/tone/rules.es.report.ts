// Reglas de tono en español para cómo recibe el redactor el aviso mismo: el aviso puesto en duda («lo
// está usando mal», «nadie más lo ha reportado»), quien avisa reprendido («¿por qué no me avisó
// antes?», «lea las notas de la versión antes de abrir incidencias») y el aviso despachado («no tengo
// tiempo para esto», «habrá que esperar»). Cada regla compone quién / qué / cómo, así que otras
// formas de decir lo mismo también se detectan, no solo las frases de un redactor.
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';

/** Usar o configurar algo, en gerundio o participio: «usando», «configurado», «rellenando». */
const USING =
  '(?:usando|utilizando|configurando|poniendo|introduciendo|haciendo|rellenando|instalando|cargando|subiendo|usado|utilizado|configurado|puesto|introducido|hecho|rellenado|instalado|cargado|subido)';

/** Mal hecho: «mal», «de forma incorrecta», «al revés». */
const WRONG = '(?:mal|incorrectamente|de (?:forma|manera) (?:incorrecta|equivocada)|al reves)';

/** Un aviso dado: «reportado», «se ha quejado», «lo ha notado», «ha tenido este problema». */
const REPORTED =
  '(?:(?:me |nos |lo |la |le |les |se )?(?:ha|han|habia|habian) )?(?:(?:me |nos |lo |la |se )?(?:reportado|reporto|reportaron|comentado|comento|comentaron|dicho|dijo|dijeron|reclamado|reclamo|reclamaron|quejado|quejo|quejaron|mencionado|menciono|mencionaron|notado|noto|notaron|visto|vio|vieron)|(?:tenido|tiene|tienen|tuvo|tuvieron|tenia|tenian|sufrido|sufre|sufren) (?:este|ese|el mismo|esta|esa|la misma|ningun|ninguna|problemas?|fallos?|errores?|quejas?))';

export const RULES_ES_REPORT: readonly ToneRule[] = [
  {
    id: 'blaming.misuse',
    category: 'blaming',
    patterns: [
      // «lo está usando mal», «los han configurado de forma incorrecta» (nunca «estaba», que puede ser yo)
      `(?:lo|la|los|las) (?:esta|estas|estan|estais|estaban|ha|has|han|habeis) ${USING} ${WRONG}`,
      `(?:esta|estas|estan|estais|estaban) ${USING} ${WRONG} (?:el|la|los|las|su|sus|tu|tus) \\p{L}+`,
      // «no lo usan bien», «no lo está haciendo como se debe»
      `no (?:lo |la |los |las )?(?:(?:esta|estas|estan|estais) ${USING}|usa|usas|usan|usais|utiliza|utilizan|configura|configuras|configuran|rellena|rellenan|hace|haces|hacen|sigue|siguen|sigues) (?:bien|correctamente|como (?:es debido|se debe|corresponde|se indica|se explica))`,
      // el fallo atribuido a quien lo usa: «es un error de usuario»
      'error (?:de|del) (?:usuario|cliente|operador)',
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Lo está usando mal.', 'Sus empleados están rellenando mal el formulario.', 'No lo usan como se debe.', 'Es un error de usuario, no un fallo.', 'Los han configurado de forma incorrecta.'],
      pass: ['Yo lo configuré mal en su servidor; hoy mismo lo corrijo.', 'Si ve las fechas mal, envíeme una captura y lo reviso.'],
    },
  },
  {
    id: 'blaming.broke-it',
    category: 'blaming',
    patterns: [
      // «no entiendo cómo lo han roto», «lo rompieron otra vez»: en segunda persona o en plural, nunca «lo rompí»
      '(?:lo|la|los|las) (?:han|habeis|has|hayan|hayais|hayas) (?:vuelto a )?(?:romper|roto|estropeado|estropear|desconfigurado|desconfigurar|fastidiado|fastidiar)',
      '(?:lo|la|los|las) (?:rompieron|rompiste|rompisteis|estropearon|estropeaste|estropeasteis|desconfiguraron|desconfiguraste|fastidiaron|fastidiaste)',
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['No entiendo cómo lo han roto.', 'Lo rompieron otra vez.', '¿Lo habéis vuelto a romper?'],
      pass: ['El proveedor confirmó que lo desconfiguraron en la migración del sábado.', 'Lo rompí yo con el cambio del martes; hoy lo corrijo.'],
    },
  },
  {
    id: 'blaming.had-you',
    category: 'blaming',
    patterns: [
      // el reproche en condicional: «si hubiera contratado el plan de mantenimiento, esto no habría pasado»
      'si (?:(?:usted|ustedes|tu|vos|vosotros) )?(?:hubiera|hubieran|hubiese|hubiesen|hubieras|hubieses|hubierais) (?:contratado|pagado|renovado|aceptado|firmado|hecho caso|seguido (?:mis|las|nuestras) (?:indicaciones|instrucciones|recomendaciones))',
      // con otro sujeto del lado del cliente: «si alguien hubiera leído el documento de entrega, no estaríamos así»
      'si (?:alguien|alguno|alguna|nadie|(?:su|tu|vuestro|vuestra) (?:[\\p{L}]+ ){0,2}?(?:equipo|gente|personal|empleado|empleada|informatico|informatica|sobrino|socio|socia|jefe|jefa|agencia|proveedor)) (?:de (?:ustedes|su equipo|vosotros|alli) )?(?:hubiera|hubieran|hubiese|hubiesen) [\\p{L}]+(?:ado|ido|to|cho)\\b[^.!?]{0,70}?\\bno (?:estariamos|estaria|habria|hubiera|hubiese|tendriamos|tendria|pasaria)\\b',
    ],
    guards: ['ownsIt', 'apology'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Si hubiera contratado el plan de mantenimiento, esto no habría pasado.', 'Si alguien hubiera leído el documento de entrega, no estaríamos así.', 'Si hubieran seguido mis indicaciones, no estaríamos así.'],
      pass: ['Si yo hubiera pagado la renovación del certificado a tiempo, no habría caducado; fue un descuido mío.', 'Si alguien hubiera entrado en el panel, lo veríamos en el registro; no hay ningún acceso desde el día 2.'],
    },
  },
  {
    id: 'blaming.why-you',
    category: 'blaming',
    patterns: [
      // el reproche en pregunta: «¿por qué no me avisó antes?» (las formas que coinciden con el presente
      // de «yo», como «aviso», solo tras «no me», donde no pueden ser del redactor)
      'por que no (?:me|nos) (?:lo |la |los |las )?(?:aviso|avisaste|avisaron|avisasteis|dijo|dijiste|dijeron|dijisteis|conto|contaste|contaron|informo|informaste|informaron|comento|comentaste|comentaron|escribio|escribiste|escribieron|llamo|llamaste|llamaron|consulto|consultaste|consultaron|(?:ha|has|han|habeis|habia|habias|habian) \\p{L}+(?:ado|ido|cho|to))',
      'por que (?:no )?(?:lo |la |los |las |le |les |me |se )?(?:tocaste|tocaron|tocasteis|cambiaste|cambiaron|cambiasteis|borraste|borraron|instalaste|instalaron|actualizaste|actualizaron|quitaste|quitaron|probaste|probaron|esperaste|esperaron|leiste|leyeron|seguiste|siguieron|hiciste|hicieron|(?:ha|has|han|habeis) (?:tocado|cambiado|borrado|instalado|actualizado|quitado|probado|esperado|leido|seguido|hecho))',
      '(?:a quien|como) se (?:le|te|les|os) (?:ocurrio|ocurre|ocurriria)|en que (?:estaba|estabas|estaban|estabais) pensando',
    ],
    guards: [],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['¿Por qué no me avisó antes?', '¿Por qué tocaron la configuración?', '¿Por qué no me lo has dicho antes?', '¿A quién se le ocurrió cambiar el servidor?', '¿En qué estaban pensando?'],
      pass: ['¿Me puede decir cuándo lo vio por primera vez?', 'Le explico por qué cambié el ajuste el martes: el proveedor cambió su API.'],
    },
  },
  {
    id: 'dismissive.only-you',
    category: 'dismissive',
    patterns: [
      // el aviso puesto en duda porque nadie más lo tiene: «nadie más lo ha reportado»
      `nadie mas ${REPORTED}`,
      `(?:ningun|ninguna) otr[oa] (?:cliente|usuari[oa]|tienda|web|persona|empresa|sitio) ${REPORTED}`,
      '(?:a nadie mas|a ningun otro cliente|a ningun otro usuario) (?:le |les )?(?:pasa|ocurre|falla|da|ha pasado|ha ocurrido|ha fallado)',
      'unic[oa]s? (?:(?:cliente|persona|usuari[oa])s? )?(?:que (?:lo |le |les |se )?(?:ve|ven|nota|notan|tiene|tienen|sufre|sufren|reporta|reportan|ha visto|ha notado|ha reportado|queja|quejan)|a (?:quien|quienes) (?:le |les )?(?:pasa|falla|ocurre|da))',
      '(?:a todos(?: los demas)?|a todo el mundo|a los demas|al resto|a mis otros clientes|a los otros clientes|a los demas clientes) (?:les |le )?(?:funciona|va|anda|ha funcionado)',
      '(?:miles|cientos|muchos|montones|cantidad) de (?:personas|usuarios|clientes|tiendas|webs|empresas) (?:lo |la )?(?:usan|utilizan|tienen)(?: [\\p{L}]+){0,3}? sin (?:ningun |ninguna )?(?:problemas?|quejas?|fallos?|incidencias?)',
    ],
    guards: ['negated', 'conditional', 'reported'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Nadie más ha reportado este problema.', 'Ningún otro cliente se ha quejado.', 'A nadie más le pasa.', 'Usted es el único que lo ve.', 'A todos los demás les funciona perfectamente.', 'Miles de tiendas usan este plugin sin problemas.'],
      pass: ['Usted es la única persona con acceso de administrador, así que le envío los pasos.', 'Ninguna otra página usa esa plantilla, así que el cambio solo afecta al pago.'],
    },
  },
  {
    id: 'condescending.lesson',
    category: 'condescending',
    patterns: [
      // la lección no pedida sobre cómo avisar: «lea las notas antes de abrir incidencias»
      'antes de (?:abrir|reportar|enviar|mandar|poner|crear|levantar|escribir|reclamar|quejarse|quejarte|quejaros) (?:una |un |otra |otro |mas |nuevas |nuevos |una nueva |un nuevo |cualquier )?(?:incidencias?|tickets?|reportes?|quejas?|correos?|consultas?|reclamos?|reclamaciones?|avisos?|mensajes?)',
      // y para la próxima: «la próxima vez, lea el manual»
      '(?:la proxima vez|en adelante|de ahora en adelante|para la proxima|en lo sucesivo|a partir de ahora),? (?:por favor,? )?(?:lea|lee|lean|leed|revise|revisa|revisen|compruebe|comprueba|comprueben|pruebe|prueba|prueben|siga|sigue|sigan|consulte|consulta|consulten|fijese|fijate|fijense|asegurese|asegurate|asegurense|vacie|vacia|vacien|limpie|limpia|limpien|reinicie|reinicia|reinicien)\\b',
    ],
    guards: ['negated'],
    ...ADVICE_ES.toldBefore,
    fixScope: 'sentence',
    examples: {
      flag: ['Le sugiero que lea las notas de la versión antes de abrir incidencias.', 'Revise las preguntas frecuentes antes de enviar un ticket.', 'La próxima vez, lea el manual.', 'En adelante, asegúrese de vaciar la caché.'],
      pass: ['La próxima vez que pase, anote la hora y envíeme una captura.', 'Antes de la próxima versión añadiré una prueba para este caso.'],
    },
  },
  {
    id: 'dismissive.no-time',
    category: 'dismissive',
    patterns: [
      'no (?:tengo|tenemos|dispongo de|disponemos de) tiempo para (?:esto|eso|estas cosas|estas tonterias|tonterias|esta clase de cosas|este tipo de cosas)',
      '(?:tengo|tenemos) (?:cosas|asuntos|clientes|proyectos|temas) (?:mas importantes|mejores) (?:que hacer|de los que ocupar\\p{L}*|que atender|en los que pensar)',
    ],
    // Sin la guarda de negación: la frase es ya una negación.
    guards: ['reported', 'conditional'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['No tengo tiempo para esto.', 'Tenemos cosas más importantes que hacer.'],
      pass: ['Tengo tiempo el lunes por la mañana y le envío el resultado antes del mediodía.'],
    },
  },
  {
    id: 'stalling.just-wait',
    category: 'stalling',
    patterns: [
      '(?:habra|hay|toca|tocara|tendra|tendremos|tendras|tendran|tendreis|vamos a tener|va a tener|vas a tener|van a tener) que esperar',
      'no (?:queda|nos queda|le queda|te queda|les queda|os queda) (?:otra )?(?:mas )?que esperar',
      '(?:esperar|esperemos|esperamos|vamos|veamos) a ver que pasa|a ver que pasa',
    ],
    guards: ['concrete', 'conditional', 'negated'],
    ...ADVICE_ES.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: ['Pues habrá que esperar.', 'No nos queda otra que esperar.', 'Esperemos a ver qué pasa.'],
      pass: ['Hay que esperar a que el proveedor restaure la copia; se comprometió a hacerlo el jueves a las 10:00.'],
    },
  },
  {
    id: 'dismissive.non-apology',
    category: 'dismissive',
    patterns: [
      // sentir lo que siente el cliente, no el fallo: «siento que lo vea así», «lamento si le molestó»
      '(?:siento|lamento|sentimos|lamentamos) (?:que|si) (?:lo |le |te |les |se lo )?(?:vea|veas|vean|piense|pienses|piensen|sienta|sientas|sientan|tome|tomes|tomen|interprete|interpretes|interpreten|haya molestado|haya sentado mal|haya tomado|hayan tomado|moleste|molesto)(?: (?:asi|de esa manera|de ese modo|eso|mal|a mal))?',
      // y el encogerse de hombros: «me temo que es lo que hay»
      '(?:es|son) lo que hay|asi (?:son|es) (?:las cosas|la vida)|que le vamos a hacer',
    ],
    guards: ['reported', 'conditional'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Siento que lo vea así.', 'Lamento si le molestó.', 'Me temo que es lo que hay.', 'Así son las cosas.'],
      pass: ['Siento que el pago haya vuelto a fallar; ya estoy revisando el historial y a las 15:00 le escribo.'],
    },
  },
  {
    id: 'defensive.refused',
    category: 'defensive',
    patterns: [
      // la responsabilidad rechazada de antemano: «no me hago responsable de los cambios de terceros»
      'no (?:me hago|nos hacemos|me puedo hacer|nos podemos hacer) (?:responsables?|cargo) de|no (?:puedo|podemos) (?:hacerme|hacernos) (?:responsables?|cargo) de|declin(?:o|amos) (?:toda |cualquier )?responsabilidad',
      // el alcance como escudo que cierra la puerta: «queda fuera del presupuesto, así que no puedo hacer nada»
      '(?:queda|esta|cae|quedaba|estaba) fuera del? (?:presupuesto|alcance|contrato|encargo|acuerdo|proyecto)[^.;!?]{0,40}?(?:no (?:puedo|podemos) hacer nada|no me corresponde|no es (?:cosa|asunto|responsabilidad) mia)',
      // la lectura puesta en duda: «¿leyó siquiera mi último correo?»
      '(?:siquiera|acaso|de verdad|realmente) (?:leyo|leyeron|leiste|ha leido|han leido|has leido|abrio|abrieron|abriste)\\b|(?:leyo|leyeron|leiste|ha leido|han leido|has leido|abrio|abrieron|abriste) (?:siquiera|acaso|de verdad|realmente)\\b',
    ],
    guards: ['conditional', 'apology'],
    ...ADVICE_ES.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ['No me hago responsable de los cambios que hagan terceros.', 'Eso queda fuera del presupuesto, así que no puedo hacer nada.', '¿Leyó siquiera mi último correo?'],
      pass: ['Me hago cargo de revisarlo hoy y le escribo a las 17:00.', 'Eso queda fuera del presupuesto, pero lo puedo sumar esta semana si le parece.'],
    },
  },
  {
    id: 'defensive.moved-goalposts',
    category: 'defensive',
    patterns: [
      // el aviso enfrentado a lo que el cliente pidió o reportó antes: «no es el fallo que reportaste al principio», «no es lo que pidió en marzo»
      "no (?:es|era|fue) (?:exactamente |realmente )?(?:el (?:fallo|error|problema|bug|cambio) |la (?:incidencia|funcion|funcionalidad) |lo )que (?:usted |tu |vos |ustedes |vosotros )?(?:me |nos )?(?:reporto|reportaste|reportaron|reportasteis|pidio|pediste|pidieron|pedisteis|contrato|contrataste|contrataron|describio|describiste|describieron|aprobo|aprobaste|aprobaron|encargo|encargaste|encargaron)\\b|(?:es |resulta )?(?:distinto|diferente|otra cosa) (?:de|a) lo que (?:usted |tu |vos |ustedes )?(?:me |nos )?(?:pidio|pediste|pidieron|reporto|reportaste|reportaron|contrato|contrataste|contrataron|encargo|encargaste|encargaron)\\b",
      // el aviso rebautizado como trabajo nuevo: «esto es un requisito nuevo»
      "(?:esto|eso|lo que (?:describe|describes|describen|pide|pides|piden|reporta|reportas|reportan) (?:ahora )?)(?: ya)? es (?:en realidad |tecnicamente |claramente )?(?:un|una) (?:requisito|peticion|funcionalidad|funcion|pedido|encargo|cambio de alcance|ampliacion) (?:nuev[oa]|distint[oa]|adicional|aparte|extra)\\b|(?:esto|eso) es (?:un|una) (?:nuev[oa]|distint[oa]) (?:requisito|peticion|funcionalidad|pedido|encargo)\\b",
    ],
    guards: ['reported', 'conditional', 'offered'],
    ...ADVICE_ES.scopeAsShield,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Esto es un requisito nuevo, no el fallo que reportaste al principio.',
        'Lo que describe ahora no es lo que pidió en marzo.',
        'Eso es una petición nueva, distinta de lo que contrataron.',
      ],
      pass: [
        'Es un fallo distinto del de inicio de sesión; hoy arreglo los dos y le escribo antes de las 17:00.',
        'Es el mismo fallo que reportó en marzo; lo arreglo hoy y le escribo a las 17:00.',
        'Es un requisito nuevo; hoy le paso una estimación.',
      ],
    },
  },
];
