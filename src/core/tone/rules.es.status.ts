// Reglas de tono en español para el parte de estado y sus promesas: el estado desnudo («Reabierto. En
// análisis.», «en proceso, sin fecha»), el avance impersonal («ya se está atendiendo»), el plazo que
// depende de otra cosa («en cuanto haya avances», «cuando se libere la semana»); la promesa de
// permanencia o de totalidad («queda eliminado de forma permanente», «sin ningún fallo», «no lo vuelves a
// ver nunca»); la lección no pedida («no es ciencia espacial», «por si se le pasó»); y el percance sin
// dueño contado de oídas («por lo visto no se subieron», «se cayó por el camino»).
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';

/** Participios de lo terminado: «resuelto», «eliminado», «erradicado». */
const DONE = '(?:resuelt|solucionad|arreglad|eliminad|corregid|erradicad|subsanad|reparad)[oa]s?';

export const RULES_ES_STATUS: readonly ToneRule[] = [
  {
    id: 'stalling.bare-status',
    category: 'stalling',
    patterns: [
      // el estado sin nada más: «Reabierto. En análisis.», «en proceso, sin fecha por ahora»
      '(?<=^|[.:;—–)]\\s{0,3}|^\\s*[\\p{L}]+\\s{0,2}[:—–-]\\s{0,3})(?:en (?:analisis|proceso|revision|curso|estudio|investigacion|tramite)|pendiente|investigando|analizando)(?=\\s*(?:[.,;]|$))',
      'sin fecha(?: (?:por ahora|todavia|aun|de momento|prevista|concreta))?|no (?:se|sabemos|sabria decir|puedo decir) cuando,? pero',
      // el avance impersonal o a fondo, sin cuándo: «ya se está atendiendo su solicitud», «estamos analizando la situación con detenimiento»
      '(?:ya )?se (?:esta|estan) (?:atendiendo|trabajando|revisando|analizando|viendo|mirando|gestionando|investigando|estudiando)',
      '(?:estamos|estoy|seguimos|sigo) (?:[\\p{L}]+ )?(?:analizando|estudiando|evaluando|revisando|investigando|mirando|viendo)(?: [\\p{L}]+){0,3}? (?:con detenimiento|a fondo|con calma|con cuidado|con atencion|en profundidad)',
      'sigo dandole vueltas|a ver si sale|(?:ya )?(?:lo|la) (?:voy a|vamos a) (?:ver|mirar|revisar|chequear)(?=\\s*(?:[.,;]|$))',
      // el plazo que depende de otra cosa: «en cuanto haya avances se lo comunico», «cuando se libere la semana lo encaro», «al tiro»
      'en cuanto (?:haya|tenga|tengamos) (?:algun |alguna )?(?:avances?|novedad(?:es)?|noticias?|algo)|(?:le|te|les|os) (?:avisamos|aviso|cuento|contamos|comunico|comunicamos) cualquier (?:cosa|novedad)|cualquier (?:cosa|novedad),? (?:le|te|les|os) (?:avisamos|aviso|cuento|contamos)',
      'cuando (?:se (?:libere|despeje|calme)|tenga (?:un )?(?:hueco|rato|momento|tiempo)|pueda) (?:[\\p{L}]+ ){0,5}?(?:lo|la|me) (?:encaro|miro|veo|reviso|pongo|ataco)|al tiro|altiro|con la mayor brevedad',
      '(?:lo|la) (?:tengo|tenemos) (?:como|en la lista de) (?:prioridad|prioridades)',
    ],
    guards: ['concrete', 'negated', 'conditional', 'request'],
    ...ADVICE_ES.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Reabierto. En revisión.',
        'En proceso, sin fecha por ahora.',
        'Ya se está revisando su caso.',
        'Estamos estudiando el problema a fondo.',
        'En cuanto haya novedades se lo comunico.',
        'Cuando se libere un poco la agenda lo miro.',
        'Lo reviso al tiro y te aviso.',
        'Lo tengo como prioridad.',
      ],
      pass: [
        'En revisión: el jueves a las 10 le envío el informe.',
        'Ya se está desplegando; en veinte minutos estará en producción.',
        'Es un fallo de mi código. Ya se está corrigiendo y hoy lo publico.',
      ],
    },
  },
  {
    id: 'overpromising.forever',
    category: 'overpromising',
    patterns: [
      // la permanencia: «queda eliminado por completo y de forma permanente», «definitivamente erradicado», «de por vida»
      `${DONE} (?:[\\p{L}]+ ){0,3}?(?:de (?:forma|manera) (?:permanente|definitiva)|para siempre|de por vida|por completo y)|definitivamente ${DONE}|(?:quedo|queda|esta|ya esta) (?:${DONE} )?de por vida`,
      '(?:la correccion|el arreglo|la solucion|el parche|el cambio) (?:es|sera|queda) (?:permanente|definitiv[oa])|(?:aguantara|soportara|resistira|aguanta) (?:cualquier|lo que sea|todo lo que)',
      // la totalidad: «se solucionan todos los problemas del sistema», «funcionará sin ningún fallo», «cero incidencias»
      '(?:se )?(?:solucionan|soluciona|resuelve|resuelven|arregla|arreglan|elimina|eliminan|corrige|corrigen) todos los (?:problemas|errores|fallos|bugs)|(?:funcionara|ira|andara|correra|funcionar) (?:[\\p{L}]+ ){0,3}?sin (?:ningun|ni un|el menor) (?:fallo|error|problema)|cero (?:incidencias|fallos|errores|problemas)',
      'ni ahora ni (?:en el futuro|nunca)|(?:ya )?no (?:tendra|tendras|va a tener|vas a tener) (?:ningun|ni un) (?:inconveniente|problema|fallo)',
      // nunca más, con el «nunca» al final: «este error no lo vuelves a ver nunca», «no vuelve ni de broma»
      'no (?:[\\p{L}]+ ){0,3}?(?:vuelves|vuelve|volvera|volveras|va a volver|vas a volver|vuelva)\\b(?: [\\p{L}]+){0,4}? (?:nunca|jamas|ni de broma|en la vida|nunca mas)\\b',
      'no (?:permitira|permitiremos|permitire|vamos a permitir|voy a permitir|dejaremos|dejare|vamos a dejar) que (?:esto |eso )?(?:vuelva|se repita|pase de nuevo|ocurra de nuevo)',
      // el modal de lo hecho: «ahora sí debe estar ok», «no debería dar más problemas»
      '(?:ahora|ya) si (?:debe|deberia|tiene que|tendria que) (?:estar|andar|funcionar|ir)|no (?:deberia|debe|tendria que) (?:dar|darte|darle|causar|tener) (?:mas|ningun|ningún) (?:problemas?|guerra|fallos?|lata)|(?:estoy convencid[oa]|estamos convencid[oa]s|tenga la (?:certeza|seguridad)) de que',
    ],
    guards: ['negated', 'reported', 'controlled', 'conditional'],
    ...ADVICE_ES.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: [
        'El fallo queda eliminado de forma permanente.',
        'Ya está resuelto de por vida.',
        'La corrección es permanente.',
        'Con este parche se solucionan todos los errores.',
        'Desde hoy irá sin ningún fallo.',
        'Este error no lo vuelves a ver nunca.',
        'No permitiremos que vuelva a ocurrir.',
        'Ahora sí debería funcionar, pruébalo.',
        'Ya no debería dar más problemas.',
        'Estoy convencido de que no volverá a fallar.',
      ],
      pass: [
        'No puedo prometer que quede resuelto de forma permanente hasta ver los registros de una semana.',
        'Le dije que estaba resuelto para siempre y no era así; fue un error mío.',
        'Si vuelve a aparecer, escríbame y lo miro ese mismo día.',
      ],
    },
  },
  {
    id: 'condescending.lecture',
    category: 'condescending',
    patterns: [
      // lo que «cualquiera sabe»: «daba por hecho que sabrías», «no es ciencia espacial», «es algo muy de principiante»
      '(?:daba|doy|di|habia dado) por (?:hecho|sentado) que (?:sabrias|sabria|sabrian|sabias|sabia|sabe|sabes|conoce|conoces|conocia)|(?:no|tampoco) es (?:ciencia (?:espacial|de cohetes)|fisica nuclear|ningun misterio)|no tiene (?:mas|ningun) misterio',
      '(?:algo )?(?:muy )?de principiante|(?:es|eso es) lo (?:mas )?basico(?: de cualquier)?|(?:cualquier|todo) usuario (?:[\\p{L}]+ ){0,3}?sabe|(?:intentare|tratare de|voy a|procurare) ser (?:muy |lo mas )?(?:basico|sencillo|didactico|claro posible)',
      'quizas? no lo sepa(?:s|n)?|(?:ni )?siquiera (?:probo|probaste|probaron|intento|intentaste|leyo|leiste|leyeron|miro|miraste|reinicio|reiniciaste)|como (?:sabe|sabria|sabra) (?:cualquiera|todo el mundo)|(?:pense|crei) que (?:ya )?(?:lo|eso) (?:habia|tenia) dejado claro|no se (?:como )?(?:decirlo|explicarlo|ponerlo) mas claro|(?:repasar|revisar) juntos (?:lo )?que es|remitase a|(?:ahi|alli) esta todo explicado|por si se (?:le|te|les) (?:paso|olvido|escapo)',
      // el «ya van diez veces»: «tal como le señalé reiteradamente», «ya van como diez veces que te digo lo mismo»
      '(?:ya )?van (?:como |unas )?(?:\\d+|dos|tres|cuatro|cinco|diez|mil|varias|muchas) veces que|(?:le|te|les|os) (?:senale|indique|dije|comente|explique|recorde) (?:reiteradamente|repetidamente|varias veces|mil veces|en (?:varias|repetidas) ocasiones)',
      '(?<=^|[.!?]\\s{0,3})(?:otra vez|de nuevo|una vez mas|repito):|es un clic,? literalmente|literalmente,? (?:dale|pulsa|haz|hace|apreta|aprieta)',
      '(?:sabes|sabe|sabias|sabia|sabeis) que (?:hay|tiene|tienes) que [^.?]{0,50}?,? (?:verdad|no|cierto)\\?',
    ],
    guards: ['negated', 'retracted', 'conditional'],
    ...ADVICE_ES.toldBefore,
    fixScope: 'sentence',
    examples: {
      flag: [
        "¿Siquiera probaste a reiniciarlo?",
        "Como sabe cualquiera del sector, la caché hay que vaciarla.",
        "Pensé que ya lo había dejado claro.",
        "No sé cómo decirlo más claro.",
        'Daba por sentado que sabría vaciar la caché.',
        'No es ciencia de cohetes, solo hay que recargar.',
        'Es un error muy de principiante.',
        'Intentaré ser muy básico.',
        'Le reenvío la guía, por si se le pasó.',
        'Ya van como cinco veces que lo explico.',
        'Como le indiqué repetidamente, hay que usar el otro usuario.',
        'Otra vez: el entorno de pruebas no es el real.',
        '¿Sabes que hay que pulsar Guardar, verdad?',
      ],
      pass: ['Le reenvío la guía con los pasos del lunes.', 'Como le indiqué repetidamente, pensé que era la caché, pero me equivoqué.'],
    },
  },
  {
    id: 'dodging.hearsay',
    category: 'dodging',
    patterns: [
      // el percance contado de oídas o por el camino: «algunos archivos no se subieron, por lo visto», «se cayó por el camino»
      '(?:no )?se (?:llego a |llegaron a )?[\\p{L}]+(?:o|aron|io|ieron)\\b[^.;,]{0,50}?, (?:parece|por lo visto|al parecer|por lo que sea|se ve)(?=\\s*(?:[.;]|$))',
      '(?:al parecer|por lo visto|se ve que|por razones que (?:aun |todavia )?(?:desconocemos|no conocemos)|no se sabe (?:bien )?(?:por que|como)),? (?:[\\p{L}]+ ){0,4}?(?:se [\\p{L}]+(?:o|aron|io|ieron)|quedo|quedaron|no se)\\b',
      '(?:se (?:cayo|perdio|quedo|revirtio|traspapelo|borro|deshizo)|termino (?:desapareciendo|revertid[oa]|perdiendose)|desaparecio) (?:[\\p{L}]+ ){0,3}?(?:por|en) el camino',
      // lo que no llegó: «algunos cambios no llegaron a fusionarse», «no fue trasladada a producción», «salió sin probarse»
      '(?:no|nunca) (?:llego|llegaron) a (?:fusionarse|mergearse|subirse|aplicarse|desplegarse|publicarse|integrarse)|no (?:fue|fueron) (?:trasladad|subid|desplegad|aplicad|fusionad|publicad|integrad)[oa]s?|salio sin (?:probar|probarse|testear)',
      '(?:se quedo|quedo|quedaron|se quedaron) (?:[\\p{L}]+ ){0,4}?(?:en modo (?:depuracion|debug|prueba|pruebas|mantenimiento)|sin (?:hacer|subir|aplicar|desplegar))|se quedo (?:el|la|los|las) [\\p{L}]+ (?:[\\p{L}]+ ){0,3}?equivocad[oa]s?',
      'se origino por (?:ciertas|unas|diversas|determinadas) circunstancias|se dano algo cuando',
    ],
    guards: ['ownsIt', 'agent', 'negated'],
    needsOwner: 'not-others',
    ...ADVICE_ES.agentless,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Algunos archivos no se subieron, por lo visto.',
        'Al parecer se restauró una versión vieja.',
        'El arreglo se perdió por el camino.',
        'Los cambios no llegaron a desplegarse.',
        'La corrección no fue publicada en producción.',
        'El servidor se quedó en modo depuración.',
      ],
      pass: ['No subí algunos archivos; fue un descuido mío y ya están arriba.', 'La corrección no fue publicada por el proveedor hasta el lunes.'],
    },
  },
];
