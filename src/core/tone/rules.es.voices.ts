// Reglas de tono en español para las voces que traen los redactores nuevos: la culpa dicha como hecho
// o pedida con cortesía («agradecería que me consulten antes de tocar el código»), el contrafáctico
// («si hubieras hecho el respaldo...»), la ironía, la condescendencia de «palabras sencillas» y los
// giros de cada país («pues claro que falla», «banca un toque», «no pasa ná»). Cada regla es la
// construcción de su categoría por clases de palabras (quién / cuán seguro / qué hizo), aparte de las
// grandes reglas de construcciones para que ninguna crezca más allá de una compilación barata.
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';

/** Verbos de cambio en tercera persona del pretérito o del perfecto, por su raíz. */
const CHANGED_3 =
  '(?:(?:ha|han|habra|habran|haya|hayan|hubiera|hubieran) )?(?:toc|cambi|borr|reinici|modific|actualiz|instal|romp|rompi|desconfigur|quit|sub|met|pis|estrope|enred|traste|manipul|alter|tumb|da[nñ])\\p{L}*';

export const RULES_ES_VOICES: readonly ToneRule[] = [
  {
    id: 'blaming.points-elsewhere',
    category: 'blaming',
    patterns: [
      // la culpa dicha como hecho de otro: «es culpa del banco», «eso es cosa de Google»
      '(?:(?:es|fue|sera|eso es|esto es) (?:culpa|cosa)|la culpa (?:es|fue|la tiene|la tienen)) (?:de|del) (?!(?:mi|mio|mia|nosotros|nadie|nada)\\b)[\\p{L}]+',
      'la culpa la (?:tiene|tienen|tuvo) (?:el|la|los|las|su|sus|tu|tus) [\\p{L}]+',
      `(?:problema|error|fallo|falla|origen|lio|quilombo) (?:[\\p{L}]+ )?(?:viene|vienen|proviene|venga|esta|este|sale|nace) (?:[\\p{L}]+ )?(?:de|del|en) (?:la |el |los |las )?(?:cambios que hizo |ajustes que hizo )?(?:su|tu|sus|tus|vuestr[oa]s?) [\\p{L}]+`,
      `(?:problema|error|fallo|falla|origen) (?:[\\p{L}]+ )?(?:viene|proviene|esta|sale) (?:de|del|en) (?:[\\p{L}]+ ){0,4}?(?:proveedor|hosting|banco|agencia|pasarela|servidor|plugin|tema|antivirus|navegador)\\b[^.;]{0,30}(?:,? no (?:de|del|en|es) (?:mi|mio|nosotros|nuestr[oa]|el sitio|la web|la aplicacion)|no hay (?:mucho|nada|mas) que hacer)`,
      '(?:escapa|esta fuera|queda fuera) (?:a|de) (?:nuestro|mi) (?:control|alcance)|(?:de ustedes|suyo|tuyo) (?:que|q) es (?:malisimo|malo|un desastre|una patata|pesimo)',
      '(?:lo|la) trae (?:el|la) [\\p{L}]+ que (?:ustedes|usted|tu|vos) (?:compr|instal|pus|eligi|contrat)\\p{L}*|de ahi viene (?:todo|el problema|el lio|el quilombo|el error)',
      // «su hosting la ha liado», «la agencia metió la pata»; «no voy a seguir arreglando lo que rompe su personal»
      '(?:la (?:ha|han|habra|habran) (?:liado|cagado|fastidiado)|la (?:lio|liaron|cago|cagaron)|(?:metio|metieron|(?:ha|han|habra|habran) metido) la pata)\\b',
      'no (?:voy a|pienso|puedo) (?:seguir|estar) (?:arreglando|reparando|limpiando|corrigiendo|solucionando) (?:[\\p{L}]+ ){0,2}?(?:lo que|todo lo que|(?:los|las) [\\p{L}]+ que) (?:[\\p{L}]+ )?(?:rompe|rompen|rompes|rompeis|estropea|estropean|estropeas|toca|tocan|tocas|desconfigura|desconfiguran)\\b',
      // quien trabajó antes: «el otro programador dejó un desastre», «el que hizo el backend antes que yo»
      '(?:otr[oa]|anterior|de antes) (?:[\\p{L}]+ )?(?:[\\p{L}]+ ){0,4}?(?:dejo|dejaron) (?:[\\p{L}]+ ){0,3}?(?:un desastre|muy mal|todo mal|atado con alambre|hecho un desastre|fatal|un lio|un caos)|el que hizo (?:el|la) [\\p{L}]+ antes que yo|(?:lo|la) (?:dano|rompio|estropeo|toco) el otro',
      // la gente del cliente hizo algo: «tu equipo de marketing metió un script raro», «tu proveedor de dominio hizo algo»
      '(?:tu|su|tus|sus|vuestr[oa]s?) (?:[\\p{L}]+ ){1,3}?(?:metio|metieron|subio|subieron|hizo|hicieron|toco|tocaron|cambio|cambiaron|desconfiguro|desconfiguraron|rompio|rompieron|realizo|realizaron|aplico|aplicaron) (?:algo|un [\\p{L}]+ raro|cosas|todo|(?:unos|unas|un|una) [\\p{L}]+ que (?:chocan|choca|rompen|rompe|dan|da|causan|causa|generan)|(?:cambios|ajustes|modificaciones))\\b',
      '(?:lo mas probable es que|seguramente|seguro que|me temo que) (?:hayas|hayan|haya usted|hayais) [\\p{L}]+(?:ado|ido)|(?:seguramente|seguro que|probablemente|lo mas probable es que|me temo que) quien [\\p{L}]+o\\b|no (?:habra|habria) sido (?:alguien|alguno|alguna|tu|su|el|la)\\b',
      '(?:lo|la|los|las) (?:aplico|hizo|instalo|configuro|subio|cargo|puso|usaron|hicieron|aplicaron) (?:al reves|mal)\\b|(?:aparece|pasa|sale|ocurre|salta|falla) cuando (?:alguien|el cliente|los clientes|usted|ustedes|tu|vos) (?:[\\p{L}]+ )?(?:edita|toca|cambia|borra|mete|modifica|sube|instala)',
      'si (?:el|la|los|las|su|sus|tu|tus) (?:[\\p{L}]+ ){1,3}?(?:no )?(?:hubiera|hubiese|hubieran|hubiesen) [\\p{L}]+(?:ado|ido)\\b',
      `(?:fue|era) (?:tu|su) [\\p{L}]+ (?:el|la) que|fijate si no fue|seguro (?:que )?(?:le |lo |la )?[\\p{L}]+(?:aste|iste)\\b|seguro (?:que )?(?:es|fue|sera) (?:el |la )?[\\p{L}]+ (?:de (?:tu|su) [\\p{L}]+|(?:tuy|suy)\\p{L}+)`,
      // cuán seguro, con giros nuevos: «me da que su informático...», «todo indica que la empresa del hosting metió la pata»
      `(?:me da que|a mi me da que|todo indica que|huele a que|es muy posible que|es posible que|me temo que|creo que|me parece que|lo mas probable es que) (?:[\\p{L}]+ ){0,3}?(?:su|tu|sus|tus|el de|la de|la gente de|el tecnico|la empresa|la secretaria|alguno de|alguien|el programador|la agencia|el otro|el usuario|su anterior)\\b[^.;]{0,60}?\\b(?:${CHANGED_3}|metio la pata|a las andadas|hizo|dejo|uso|usa|esta usando)`,
      '(?:ha tenido|tuvo|tiene) que (?:meter mano|tocar|haber tocado)|(?:anduvo|andan|anda|estado|estuvo) (?:metiendo mano|enredando|trasteando|toqueteando)|haciendo de las suyas|a las andadas|metio la pata|es una patata|siempre es lo mismo con (?:ellos|ustedes)',
      // la cortesía que acusa: «agradecería que me consulten antes de tocar el código», «revisar internamente quién tuvo acceso»
      '(?:me |nos )?(?:consulten|consultes|consulte|avisen|avises|avise|pregunten|preguntes|pregunte) antes de (?:tocar|cambiar|modificar|actualizar|subir|borrar|meter|instalar)',
      '(?:revisar|preguntar|averiguar|consultar|ver)\\p{L}*(?: [\\p{L}]+){0,6}? (?:internamente )?(?:quien|que) (?:[\\p{L}]+ ){0,2}?(?:tuvo acceso|tuvieron acceso|toco|tocaron|han tocado|ha tocado|cambio|cambiaron|han cambiado|ha cambiado|modifico|entro|entraron|subio|hizo|hicieron)',
      // el contrafáctico: «si hubieras hecho el backup, no estaríamos así», «si se hubieran seguido mis instrucciones»
      'si (?:no )?(?:se )?(?:hubieras|hubierais|hubieran|hubieses|hubiesen|hubiera usted|hubiese usted|hubieran ustedes|se hubiera|se hubieran) (?:[\\p{L}]+,? ){1,9}?(?:no|ya) (?:estariamos|estaria|se habria|habria|hubiera|pasaria|tendriamos|tendria|se hubiera|hubiese)',
      'si no (?:[\\p{L}]+ ){1,5}?como (?:les|le|te|os) (?:pedi|dije|indique|recomende)',
      // el cliente o sus usuarios lo usan mal: «eso pasa porque usted no hizo el respaldo», «tus usuarios no leen las instrucciones»
      '(?:pasa|paso|falla|fallo|ocurre|ocurrio|truena|pasan) porque (?:usted|ustedes|tu|vos|su [\\p{L}]+|tu [\\p{L}]+) no',
      '(?:usuarios|clientes|empleados|usuario final|usuario|personal) (?:no (?:leen|lee|siguen|sigue|saben|sabe)|(?:esta|estan) usando (?:[\\p{L}]+ ){0,3}?(?:mal|de forma incorrecta|incorrectamente|como no es))',
      'con (?:el equipo|la gente|el personal|los tecnicos) que (?:tienen|tiene|tenes|tienes) (?:alla|ahi)|(?:nunca|no) me (?:dio|dieron|han dado|ha dado) (?:el )?acceso|asi no se puede',
      '(?:me |nos |os |les )?(?:paso|pasaron|mando|mandaron|envio|enviaron|dio|dieron) (?:los|las|el|la) [\\p{L}]+ mal\\b',
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ["Su empresa de hosting la ha liado con la última actualización.", "No voy a seguir arreglando lo que rompe su personal.", 
        'Esto es culpa de la pasarela de pago, que cambió las claves.',
        'El fallo viene de su antivirus, no de la web.',
        'La programadora anterior dejó el proyecto hecho un desastre.',
        'Vuestro community manager subió algo raro al blog.',
        'Seguro que borraste la carpeta sin querer.',
        'Me da que la gente de su proveedor ha tocado el DNS.',
        'Os agradecería que me consulten antes de modificar la plantilla.',
        'Convendría averiguar internamente quién entró al panel el domingo.',
        'Si hubieses actualizado el plugin cuando lo pedí, ya estaría resuelto.',
        'Eso falla porque usted no guardó los cambios.',
        'Sus empleados están usando el formulario de forma incorrecta.',
      ],
      pass: ["La he liado yo con la última actualización; lo arreglo hoy.", 
        'El fallo viene de mi cambio del martes; lo corrijo hoy.',
        'Si hubiera usado la versión nueva, no estaríamos así; perdona, el error fue mío.',
        'Su proveedor confirmó que cambió la versión de PHP el sábado.',
        '¿Me podría decir quién tiene acceso al panel? Así reviso los permisos.',
      ],
    },
  },
  {
    id: 'defensive.did-it-right',
    category: 'defensive',
    patterns: [
      // la ironía: «genial, así que ahora la culpa es mía»
      '(?:genial|perfecto|estupendo|fantastico|que bien|claro|por supuesto|faltaria mas|como no),? (?:asi que |o sea que |entonces )?(?:ahora |otra vez |de nuevo )?(?:la culpa es mia|es culpa mia|soy (?:yo )?el culpable|me toca a mi|es mi culpa)',
      '(?:siempre|como siempre),? (?:la culpa es|es culpa) (?:mia|del programador|del desarrollador)|(?:claro|si),? (?:echale|echenle|echadle) la culpa (?:al programador|al desarrollador|a mi)',
      // lo mío estaba bien: «ese arreglo lo hice bien», «la corrección estaba bien hecha, lo revisé tres veces»
      '(?:lo|la|el laburo lo|el trabajo lo|el arreglo lo) (?:hice|hicimos) bien\\b|(?:estaba|esta|estaban|quedo) bien hech[oa]s?|lo revise (?:tres|dos|cuatro|mil|varias) veces',
      'no entiendo por que me lo (?:estas|esta|estan) (?:reclamando|achacando|echando en cara)|no es que yo lo haya hecho mal|no es algo que yo haya (?:roto|tocado|hecho)|no es (?:nada )?mio\\b',
      '(?:por diseno|(?:exactamente|justo|tal cual) (?:el|lo) que se (?:aprobo|acordo|pidio|valido)|tal cual (?:lo|se) (?:especificaron|especifico|pidieron|pidio|aprobaron))',
      '(?:yo )?(?:hice|cumpli con|cumplimos con|hicimos) (?:justo |exactamente )?lo que (?:venia|estaba|se acordo|pedia|decia|se pidio)|(?:yo )?(?:solo|solamente|unicamente|nomas) (?:segui|cumpli|hice|implemente|aplique) (?:las|lo|sus|tus)\\b',
      'nunca me (?:dijeron|dijo|pidieron|pidio|avisaron) que (?:tenia|tuviera|habia|debia)|si se hubiera pedido|con el presupuesto que (?:habia|hubo|teniamos|tenia)|se sale de mi (?:responsabilidad|alcance)|mi parte esta (?:entregada|hecha|terminada|cerrada)',
      'todo lo que estaba en mi mano|no considero que (?:esto|eso|sea)|descartamos que (?:el fallo |el error |el problema )?(?:sea|venga) (?:nuestr[oa]|mio|mia|de nuestr[oa]|de mi)|cumple con todos los (?:estandares|requisitos)|(?:te|le) mande hasta el video',
      'el ticket lo cerre porque|no se (?:reporto|reporto ninguna|registro) (?:ninguna )?(?:incidencia|queja|fallo)|(?:fue|fueron) (?:validad|aprobad|aceptad)[oa]s? (?:en su momento|por (?:usted|ustedes|su equipo|vos))|tecnicamente el arreglo sigue',
    ],
    guards: ['negated', 'conditional', 'apology'],
    ...ADVICE_ES.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ['Genial, así que ahora la culpa es mía.', 'Claro, échale la culpa al programador.', 'El arreglo lo hice bien, lo revisé dos veces.', 'Funciona tal cual lo especificaron ustedes.', 'Yo solo seguí las instrucciones del documento.', 'Nunca me dijeron que tenía que funcionar en tabletas.', 'La pantalla fue validada en su momento por su equipo.'],
      pass: ['La culpa es mía: no probé ese caso. Lo corrijo hoy.', 'Hice lo que pedía el presupuesto, pero debí preguntarte por ese caso; lo ajusto sin coste.', '¿Podrías probar en otra ventana? Así descartamos que sea la caché.', 'Revisé el arreglo y encontré mi error; te mando la versión corregida a las 17:00.'],
    },
  },
  {
    id: 'condescending.plain-words',
    category: 'condescending',
    patterns: [
      '(?:entiendo|comprendo|se|doy por hecho) que (?:no (?:sea|es) su (?:campo|area|fuerte)|no es lo suyo|(?:estos|estas) (?:temas|cosas) (?:tecnic[oa]s )?(?:pueden )?(?:resultarle|resultarte|le resultan|te resultan) ajen[oa]s)',
      '(?:con|en) palabras (?:sencillas|simples)|de la forma mas (?:sencilla|simple) posible|lo mas (?:simple|sencillo) posible|muy sencillito|clarito|para que (?:le|te|les) quede (?:mas )?claro|para que no haya mas confusiones',
      '(?:esto|eso) lo sabe (?:hasta|cualquiera)|no es (?:fisica cuantica|ciencia de cohetes|magia)|(?:es )?re simple|no se que es lo que no se entiende|es tan (?:facil|sencillo) como|si no lees los mails',
      'pues claro que (?:falla|no funciona|no se ve|no anda|no carga|no va|no sale)|(?:y )?si,? obvio,|con todo cari[nñ]o,? (?:le|te) recomiendo (?:repasar|leer|revisar)|bastaba con (?:leer|mirar|revisar)|esta todo ahi|viene en (?:la primera pagina|el manual)',
      'quizas no lo sabia(?:s)?,? pero|doy por hecho que (?:conoce|sabe|sabes|conoces)|supongo que (?:sabe|sabes|sabra|sabras|conoce|conoces) que|como bien (?:sabra|sabras|debe saber|deberia saber|debes saber)|se supone que ya (?:sabias|sabia|sabe|sabes)|cualquier persona del rubro',
      'permitame recordarle|le recuerdo,? por si lo olvido|nuevamente le (?:comento|recuerdo|repito)|insisto,? y ya van|otra vez lo mismo|(?:es )?lo que te dije desde el principio|no me (?:hiciste|hizo|hicieron) caso|como ya he tenido ocasion de|como ya hice (?:la semana|el otro dia|ayer)|te cuento que internet no es',
    ],
    guards: ['negated', 'retracted', 'conditional'],
    ...ADVICE_ES.toldBefore,
    fixScope: 'sentence',
    examples: {
      flag: ['Sé que estos temas técnicos pueden resultarle ajenos, así que iré despacio.', 'Se lo explico con palabras sencillas.', 'Esto lo sabe hasta un niño: hay que recargar.', 'Pues claro que no carga, si no lo has publicado.', 'Como bien debería saber, el correo tarda unos minutos.', 'Nuevamente le recuerdo que el plugin no es compatible.'],
      pass: ['Le dejo los pasos: abra Ajustes y pulse Guardar.', 'Como le comenté el lunes, me equivoqué con la caché; la causa era mi cambio.'],
    },
  },
  {
    id: 'dismissive.no-big-deal',
    category: 'dismissive',
    patterns: [
      'sin (?:mayor |ninguna )?relevancia|de (?:muy )?(?:baja|poca) relevancia|no amerita|no (?:merece|vale) la pena (?:alarmarse|preocuparse)|no darle (?:mayor|mas|tanta) importancia|no darle mas vueltas|no invertir demasiad[oa]|bastante secundario|puramente estetic[oa]|estetico nomas',
      'no pasa na\\b|relax,|(?:le|les) pasa a todos|(?:todos|todas) (?:los|las) (?:sistemas|webs|sitios|paginas) tienen|son cosas habituales|un tema menor|(?:ni|no) (?:lo )?(?:van|va) a (?:notar|dar cuenta)|(?:ni|no) se (?:van|va) a dar cuenta|lleguen a notarlo|se fijen en eso',
      '(?:le|te) (?:esta|estas|estan) dando (?:mas peso|mas importancia)|da (?:un poco )?lo mismo|tampoco (?:es que|hay que volverse)|no te mortifiques|no le pongas tanto color|minima,|pendejadita|botoncito|detallitos|caso (?:muy |tan )?(?:puntual|aislado)',
      'no creo que (?:haga falta preocuparse|merezca la pena|a sus clientes|a tus clientes|sus clientes|tus clientes|sus pacientes|sus usuarios)|no preocuparse tanto|(?:le|te) recomendaria no preocuparse',
    ],
    guards: ['conditional', 'negated', 'reported', 'backed'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Es un fallo sin mayor relevancia.', 'Le sugiero no darle más vueltas a algo tan pequeño.', 'Relax, eso les pasa a todos los sitios.', 'Creo que le está dando más peso del que tiene.', 'No creo que sus clientes lo noten.'],
      pass: ['Entiendo que le preocupe: lo reviso hoy y le escribo a las 16:00.', 'Es un cambio pequeño en el pie de página y lo subo hoy.'],
    },
  },
  {
    id: 'dodging.somehow',
    category: 'dodging',
    needsOwner: 'not-others',
    patterns: [
      'algo (?:raro )?paso con (?:el|la|los|las) [\\p{L}]+|se (?:volvio|regreso|fue) para atras|se regreso (?:el|la) [\\p{L}]+|fue(?:ron)? (?:introducid|liberad|desplegad|publicad|subid)[oa]s? (?:un|una|el|la)',
      // lo que «se mezcló por el camino»: un suceso sin sujeto, en un momento vago
      'se (?!(?:lo|la|los|las|le|les|me|te|nos|os)\\b)\\p{L}{3,}(?:o|aron|io|ieron) (?:[\\p{L}]+ ){0,3}?(?:por el camino|en el camino|de alguna manera|de algun modo|sin querer|sin saber (?:como|por que))',
      'se (?:esfumo|traspapelo|nos traspapelo|quedo por el camino|debio de colar|colo)|se (?:ha )?(?:debido de )?revert\\p{L}* solo|ni idea como|no se bien (?:en que momento|que paso)|se mando una version (?:vieja|antigua)',
      'no (?:fue|fueron) considerad[oa]s?|no (?:quedo|quedaron) reflejad[oa]s?|se (?:detectaron|identificaron|produjeron|han producido|generaron) (?:errores|ciertas|fallos|oportunidades|circunstancias)|se (?:detecto|produjo|genero|identifico|ha producido) (?:un|una) (?:inconsistencia|error|fallo|incidencia|problema|desajuste)|oportunidades de mejora|el error que se genero',
      'las cosas (?:se complicaron|no salieron)|acabo (?:desapareciendo|perdiendose|revertid[oa])|nunca llego a (?:produccion|publicarse|subirse)|(?:quedo|se ve que quedo) (?:algo|una linea) (?:mal|colgad[oa]|comentad[oa])|se sobreescribio|se nos paso por alto',
    ],
    guards: ['ownsIt', 'agent', 'negated'],
    ...ADVICE_ES.agentless,
    fixScope: 'sentence',
    examples: {
      flag: ['Algo pasó con la subida y el fallo volvió.', 'Se nos traspapeló el parche.', 'Los cambios no quedaron reflejados en producción.', 'Se detectaron errores en la versión anterior.', 'El parche acabó desapareciendo del servidor.', 'Se mezclaron cosas por el camino.'],
      pass: ['Se me pasó ese caso al subir la versión; lo corrijo hoy.', 'El proveedor restauró una copia vieja el sábado, según su soporte.'],
    },
  },
  {
    id: 'overpromising.from-now-on',
    category: 'overpromising',
    patterns: [
      '(?:sin errores|sin fallos|estable|sin problemas) (?:en adelante|de aqui en adelante|a partir de ahora|para siempre)|(?:ha quedado|queda|quedo) (?:subsanad|resuelt|solucionad|arreglad)[oa] definitivamente|(?:es|sera) (?:la )?definitiv[oa]',
      'al cien\\b|cero (?:bugs|errores|fallos)|no (?:vas|va|van) a tener (?:mas|ningun) (?:drama|problema|lio|fallo)s?|ya no tendra (?:mas )?problemas|asi se va a quedar|de aqui no se mueve|blindad[oa]|no falla ni a tiros|a la perfeccion en cualquier caso',
      'supongo que (?:con eso )?ya (?:funciona|anda|esta)|ya debe (?:estar|funcionar|andar)|ya no (?:deberias|deberia|deberian) tener|no (?:tendra|tendras) que volver a preocupar|deberia comportarse correctamente',
    ],
    guards: ['negated', 'reported', 'controlled', 'conditional'],
    ...ADVICE_ES.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: ['Con este parche la web queda estable de aquí en adelante.', 'El fallo ha quedado resuelto definitivamente.', 'Ya está al cien, cero errores.', 'Supongo que con eso ya anda.', 'Ya no deberías tener ese aviso.'],
      pass: ['No puedo asegurar que no vuelva a pasar, pero añadí una prueba para este caso.', 'Lo probé con los tres pedidos de ayer y los tres salen bien.'],
    },
  },
  {
    id: 'stalling.hang-on',
    category: 'stalling',
    patterns: [
      '(?:banca|bancame|dame|deme|dale|espera) (?:un toque|tantito|un ratito|un rato|un poco)|en cuanto saque un hueco|esta semana o la (?:otra|que viene)|(?:apenas|en cuanto|tan pronto) (?:lo tenga|tengamos algo|respondan|se libere)',
      '(?:cualquier avance|cualquier novedad) (?:le|te|les) sera comunicad[oa]|se esta (?:estudiando|analizando|valorando)|(?:trasladamos|derivamos|escalamos|pasamos) (?:su|tu) (?:incidencia|caso|consulta)|segun la prioridad|unos dias mas|un poco mas de tiempo',
      'quedamos pendientes de|nomas que salga|ver como evoluciona|ya (?:les|le|te) caera|ya saldra|tengo el tema pendiente|muy cerca de dar con|estoy viendo que onda',
    ],
    guards: ['concrete', 'negated', 'conditional'],
    ...ADVICE_ES.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: ['Dame tantito y lo veo.', 'Cualquier novedad le será comunicada.', 'Le pido unos días más para revisarlo.', 'Vamos a ver cómo evoluciona y ya le digo.'],
      pass: ['Dame un rato: a las 13:00 te mando el resultado.', 'Se está analizando el registro de ayer; el informe sale el jueves a las 10.'],
    },
  },
];
