// Reglas de tono en español para la postura del redactor ante el fallo: la culpa de un tercero o de la
// gente del cliente dicha de pasada («los de la pasarela cambiaron la API sin avisar a nadie», «quien
// desplegó el viernes deshizo mi arreglo»), el «no me avisaron», el trabajo propio declarado bueno en
// el momento de la entrega («cuando lo subí estaba todo en verde»), el alcance y la aceptación como
// escudo, y el fallo rebajado por comparación («en el conjunto del proyecto es irrelevante», «se está
// sobredimensionando»). Cada regla compone clases de palabras (quién / qué hizo / cómo lo dice), no
// frases de un redactor: así la misma construcción con otras palabras también se detecta.
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';

/** Alguien del lado del cliente o un tercero: «los de la pasarela», «tu agencia de marketing», «alguien con acceso». */
const THEY =
  '(?:(?:tu|su|tus|sus|vuestr[oa]s?) (?:[\\p{L}]+ ){0,3}?|los de (?:la |el |los |las )?(?:[\\p{L}]+ ){0,2}?|(?:el|la|los|las) (?:[\\p{L}]+ ){0,2}?de (?:ustedes|vosotros|su (?:lado|empresa|area)|tu (?:lado|empresa)|sistemas|marketing)(?: de ustedes)? |(?:la|el) (?:agencia|empresa|proveedor|hosting|pasarela|desarrollador|programador|consultora|tecnico|informatico)(?: [\\p{L}]+){0,4}? |alguien (?:de (?:su|tu|vuestr[oa]) [\\p{L}]+ |con (?:acceso|permisos)(?: de [\\p{L}]+)? |de alla |de ahi )?|ustedes |quien (?:[\\p{L}]+ ){1,4}?|el que (?:[\\p{L}]+ ){1,4}?)';

/** Lo que hizo un tercero, en tercera persona (nunca «cambié»): pretérito, perfecto, «volvió a» + infinitivo. */
const DID_3 =
  '(?:(?:ha|han|habra|habran) (?:vuelto a )?|(?:volvio|volvieron) a )?(?:(?:cambi|toc|borr|quit|modific|actualiz|reinstal|instal|restaur|revirt|bloque|mov|pis|machac|sobrescrib|desinstal)(?:o|aron|io|ieron|ado|ido|ar|er|ir)|rompio|rompieron|roto|romper|deshizo|deshicieron|deshecho|deshacer|(?:se )?cargo|(?:se )?cargaron|cargado|cargarse|metio mano|metieron mano|subio|subieron)\\b';

/** Lo mío, lo que entregué: «mi arreglo», «el fix original», «todo lo que yo toqué», «lo mío». */
const MINE =
  '(?:(?:mi|mis|nuestr[oa]s?) (?:[\\p{L}]+ )?(?:arreglo|arreglos|codigo|parte|trabajo|correccion|fix|commit|cambios?|parche|integracion|implementacion|entrega|desarrollo)(?: [\\p{L}]+){0,4}?|el (?:fix|arreglo|parche) original|(?:todo )?lo que (?:yo )?(?:toque|entregue|subi|hice)|lo mio)';

/** Declarado bueno: «está bien», «está limpio», «sigue funcionando», «era correcta», «estaba probado y documentado». */
const FINE =
  '(?:esta|estaba|estan|estaban|era|es|sigue|seguia|queda) (?:perfectamente |totalmente |completamente |todo )?(?:bien|limpi[oa]s?|correct[oa]s?|impecable|ok|perfect[oa]|(?:probad|testead|verificad|documentad|revisad)[oa]s?(?! solo| solamente| unicamente)|funcionando|ahi y sigue funcionando)|(?:funciona|funcionaba) (?:bien|perfectamente|correctamente|tal (?:como|cual))|es identic[oa]';

export const RULES_ES_STANCE: readonly ToneRule[] = [
  {
    id: 'blaming.third-party',
    category: 'blaming',
    patterns: [
      // un tercero o la gente del cliente rompió o deshizo algo: «tu agencia de marketing ha vuelto a cargarse la web»
      `${THEY}${DID_3}(?: [\\p{L}]+){0,4}? (?:sin (?:avisar|decir|consultar|preguntar|comunicar)\\p{L}*|(?:en|de|por) (?:su|tu|vuestro) lado|la web|el sitio|la pagina|mis? (?:arreglos?|cambios|correccion|fix|trabajo|parche))`,
      // «quien desplegó el viernes deshizo mi arreglo», «alguien con acceso revirtió mis cambios»
      '(?:quien|el que|la que|alguien)(?: [\\p{L}]+){0,6}? (?:deshizo|revirtio|piso|machaco|sobrescribio|borro|quito|se cargo|rompio) (?:mi|mis) (?:arreglos?|cambios|correccion|fix|trabajo|parche|codigo)',
      // cualquier cambio ajeno hecho a escondidas: «cambiaron la API sin avisarle a nadie»
      '(?<!\\bse )\\b(?:cambi|toc|actualiz|modific|borr|subi|quit|migr|restaur|instal|bloque)(?:o|aron|io|ieron)(?: [\\p{L}]+){0,5}? sin (?:avisar|decir nada|consultar|preguntar|comunicar)\\p{L}*(?: a nadie)?',
      // y nos dejó tirados: «la empresa de hosting metió un cambio y nos dejó tirados»
      '(?:nos|me) (?:dejo|dejaron|ha dejado|han dejado) (?:tirad[oa]s?|colgad[oa]s?|vendid[oa]s?|en la estacada|con el culo al aire)',
      // el resultado ajeno: «de su lado», «es de ellos, no mío», «la hizo pésimo»
      '(?:restauraron|restauro|rompieron|rompio|cambiaron|tocaron|subieron|borraron)(?: [\\p{L}]+){0,5}? (?:de|en|por) (?:su|vuestro) lado',
      '(?:el problema|el fallo|el error|la culpa|eso|esto) es (?:de ellos|cosa de ellos|cosa suya)|es (?:de ellos|del hosting|del proveedor),? no (?:es )?mio',
      '(?:el|la) que (?:[\\p{L}]+ ){0,4}?(?:lo|la|los|las) hizo (?:pesimo|fatal|malisimo|muy mal|mal|de pena|como el culo)',
      'que (?:ustedes|usted|tu|vos|vosotros|su gente|tu gente) (?:[\\p{L}]+ )?(?:[\\p{L}]+(?:aron|ieron|aste|iste|asteis|isteis)|lleno|hizo|cargo|configuro) mal\\b',
      // la causa puesta en la gente del cliente: «esto es por el equipo de marketing pegando texto», «esto pasó porque ustedes le dieron acceso a demasiada gente»
      '(?:esto|eso|el (?:fallo|error|problema)) (?:es|fue|pasa|paso|ocurre|ocurrio|viene) (?:por|porque|a causa de|debido a|de que) (?:el |la |los |las )?(?:equipo|gente|personal|departamento|agencia|usuarios|empleados|ustedes|usted|vosotros|tu gente|su gente|tus [\\p{L}]+|sus [\\p{L}]+|vuestr[oa]s? [\\p{L}]+)\\b(?! no\\b)',
      // el uso del cliente adivinado: «el cliente final seguramente está usando un navegador viejísimo»
      '(?:cliente final|usuarios?|clientes|empleados|personal|gente|equipo) (?:[\\p{L}]+ ){0,2}?(?:seguramente|seguro que|probablemente|quizas|capaz que|fijo que) (?:[\\p{L}]+ )?(?:esta|estan|este|esten) [\\p{L}]+(?:ando|iendo)',
      '(?:seguramente|seguro que|probablemente|lo mas probable es que|capaz que|fijo que) (?:el|la|los|las|tu|su|tus|sus) (?:[\\p{L}]+ ){0,2}?(?:esta|estan|este|esten) [\\p{L}]+(?:ando|iendo)',
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested', 'request'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: [
        'La empresa de hosting metió un cambio y nos dejó tirados.',
        'Esto viene de que sus empleados comparten la contraseña.',
        'Tu agencia de marketing ha vuelto a cargarse la web.',
        'Los del hosting cambiaron la versión de PHP sin avisar a nadie.',
        'Alguien con permisos de editor revirtió mis cambios del lunes.',
        'Quien subió la última versión pisó mi corrección.',
        'Parece que restauraron una copia vieja de su lado.',
        'La consultora que hizo la app rompió algo en su lado.',
        'El que te montó el servidor lo hizo fatal.',
        'El fallo viene de la tabla que ustedes rellenaron mal.',
        'Esto pasa porque su gente sube los PDF sin comprimir.',
        'Sus empleados seguramente están abriendo la versión antigua.',
        'Eso es de ellos, no mío.',
      ],
      pass: [
        'Cambié el nombre del campo sin avisarte, y ese fue mi error; lo corrijo hoy.',
        'Su proveedor confirmó que restauraron una copia vieja el sábado.',
        '¿Cambiaron algo de su lado esta semana? Así descarto esa vía.',
        'Esto pasó porque mi cambio del martes deshizo la corrección; lo restauro hoy.',
        'El plugin se actualizó solo sin avisar, y mi código no lo contemplaba; lo adapto hoy.',
      ],
    },
  },
  {
    id: 'blaming.not-told',
    category: 'blaming',
    patterns: [
      // no me lo dijeron, o me lo tendrían que haber dicho: «si me lo hubieras dicho antes...», «me hubieras avisado y nos ahorrábamos esto»
      '(?:me|nos) (?:lo |la )?(?:hubieras|hubierais|hubiera|hubieran|hubieses|hubieseis|hubiese|hubiesen) (?:dicho|avisado|contado|comentado|informado|consultado|preguntado|mandado|pasado|enviado)',
      '(?:(?:ustedes|usted|tu|vos|vosotros|tu equipo|su equipo|su gente|tu gente) (?:nunca|jamas|no)|nadie) (?:me|nos) (?:avisaron|aviso|avisaste|avisasteis|dijeron|dijo|dijiste|dijisteis|informaron|informo|informaste|comentaron|comento|comentaste|consultaron|consulto|consultaste) (?:nada |que|de|del|antes)',
      '(?<!\\byo )no (?:me|nos) (?:consultaron|avisaron|dijeron|informaron|comentaron|preguntaron) (?:nada|antes|que|del?)\\b',
      // la cortesía que reprocha: «habría ayudado que se compartiera desde el principio», «habría sido de gran ayuda que me informaran»
      '(?:habria|hubiera|hubiese) (?:sido (?:de (?:gran |mucha )?ayuda|util|mejor|bueno|conveniente|ideal)|ayudado|venido bien) (?:[\\p{L}]+ )?que (?:me|nos|se|ustedes|usted|tu|vos|vosotros|su|tu|el cliente)\\b',
      // «de cara al futuro, convendría que los cambios de vuestro lado se me comunicaran», «convendría que me consulten antes de dejar que otros toquen»
      'convendria que (?:[\\p{L}]+ ){0,6}?(?:se me|me|nos) (?:comunic|consult|avis|inform|pregunt)\\p{L}*',
      // las instrucciones no seguidas: «¿puede ser que no se siguieran las instrucciones?», «confirmar si su personal siguió el procedimiento»
      '(?:si|que no|cuando no|porque no|no) (?:[\\p{L}]+ ){0,3}?(?:sigui|siguieron|siguio|siguiera|siguieran|siguiese|respet|cumpli)\\p{L}* (?:[\\p{L}]+ ){0,2}?(?:el procedimiento|las instrucciones|los pasos|las indicaciones|el proceso|el manual|la guia)(?: que (?:les |le |te |os )?(?:comparti|envie|mande|pase|di|indique|explique|deje))?',
      '(?:cuando|si|porque) no se (?:respeta|sigue|siguen|respetan|cumple|cumplen|siguio|siguieron|respeto)\\b',
    ],
    guards: ['ownsIt', 'apology'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: [
        'A mí no me consultaron nada antes de tocar el servidor.',
        'Si me lo hubieseis contado antes, no estaríamos así.',
        'Me hubieras avisado del cambio de dominio y nos ahorrábamos esto.',
        'Ustedes no me avisaron que iban a migrar el correo.',
        'Habría sido de mucha ayuda que me enviaran los datos a tiempo.',
        'De cara al futuro, convendría que los cambios se me comunicaran antes.',
        'Le agradecería confirmar si su equipo siguió los pasos que le envié.',
        '¿Puede ser que no se respetaran las indicaciones del manual?',
      ],
      pass: [
        'Yo no seguí el procedimiento de despliegue, y ese fue mi error.',
        'Si me lo hubiera preguntado yo a tiempo, lo habría visto; fue un fallo mío.',
        'Le envío el procedimiento para la próxima subida.',
      ],
    },
  },
  {
    id: 'defensive.mine-is-fine',
    category: 'defensive',
    patterns: [
      // lo mío declarado bueno: «mi arreglo sigue ahí y sigue funcionando», «el fix original está bien», «lo que yo toqué está bien»
      `${MINE} (?:[\\p{L}]+ ){0,3}?(?:${FINE})`,
      '(?:hice|hicimos|hizo) (?:lo mio|mi parte|lo nuestro|nuestra parte|mi trabajo) (?:muy |perfectamente |totalmente )?bien|me lavo las manos',
      // lo que entregué estaba bien cuando lo entregué: «cuando lo subí estaba todo en verde», «al cerrar el ticket funcionaba perfectamente»
      '(?:cuando|al) (?:lo |la )?(?:subi|entregue|cerre|cerrar|entregar|subir|publique|desplegue|mergee|deje|cierre|entrega)\\b[^.;]{0,50}?(?:funcionaba|funciono|andaba|iba (?:fino|bien|perfecto)|pasaba|estaba (?:todo )?(?:en verde|bien|ok|perfecto|funcionando))',
      '(?:funcionaba|funciono|andaba|iba fino|iba bien|pasaba todos los tests|estaba (?:todo )?en verde)(?: [\\p{L}]+){0,4}?,? (?:cuando|al) (?:lo |la )?(?:subi|entregue|cerre|cerrar|entregar|publique|desplegue|mergee|cierre|entrega|llamada de entrega)',
      '(?:funcionaba|funciono) (?:[\\p{L}]+ )?(?:(?:correctamente|perfectamente|bien) )?(?:al momento|en el momento|durante la|en la) (?:del? )?(?:cierre|entrega|llamada|demo)|(?:lo|la|los|las) entregue (?:bien )?(?:testead|probad|revisad|verificad|documentad)[oa]s?|(?:lo|la|los|las) (?:valido|validaron|aprobo|aprobaron|acepto|aceptaron|firmo|firmaron) (?:usted|ustedes|vos|tu|vuestro equipo|su equipo|tu equipo|el cliente)\\b|tengo (?:las )?(?:capturas|pruebas|screenshots)',
      // el alcance y la aceptación como escudo: «nunca estuvo dentro del alcance acordado», «se ajustó escrupulosamente al pliego»
      'nunca (?:estuvo|entro) (?:dentro )?(?:del|en el) (?:alcance|presupuesto|contrato)|criterios de aceptacion|(?:se )?(?:ajusto|ajusta|cine|cino|atuvo|atiene)(?: [\\p{L}]+)? (?:al|a la|a lo) (?:pliego|contrato|especificacion|brief|presupuesto|requisitos|ticket|tarjeta|acordado)|tal (?:cual|como) (?:venia|estaba|decia|pedia|figuraba) (?:en )?(?:la|el) (?:tarjeta|ticket|brief|pliego|especificacion|documento)|(?:funciona|funcionaba) tal (?:como|cual) (?:fue|se) (?:disenad|pensad|acordad|especificad)[oa]',
      // «se dio el visto bueno», «se verificó en preproducción y se aprobó» tras una concesión
      '(?:se dio|dieron|dio) el visto bueno|(?:con todo respeto|no obstante|si bien|aunque)[,]? (?:[\\p{L}]+ ){0,6}?se (?:verifico|aprobo|valido|probo)\\b',
      // negarse como causa: «no puede ser mío», «no es una regresión mía», «yo no he cambiado nada desde que lo subí»
      '(?<!\\bque )no (?:es|fue|puede ser|puede venir de) (?:una regresion |un fallo |un error |algo |cosa )?(?:mia|mio|de mi (?:parte|lado|codigo|commit))\\b|(?:yo )?no (?:he )?(?:cambiado|cambie|toque|tocado|subi|subido|modifique|modificado) nada(?: nuevo)?(?: desde| en|,? ni)|ni me he metido',
    ],
    guards: ['apology', 'conditional', 'reported', 'checksTheirs'],
    ...ADVICE_ES.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Mi corrección sigue ahí y sigue funcionando, lo comprobé.',
        'El arreglo original está bien, lo volví a mirar.',
        'Mi parte del módulo está limpia.',
        'Todo lo que yo toqué está bien.',
        'Cuando lo entregué estaba todo en verde.',
        'Al cerrar la incidencia funcionaba perfectamente.',
        'Ese caso nunca estuvo dentro del alcance.',
        'Nuestra entrega se ajustó al contrato punto por punto.',
        'Yo no he tocado nada desde que lo subí.',
        'No puede ser mío, mi commit es idéntico al aprobado.',
        'Hice mi parte bien, de esto me lavo las manos.',
      ],
      pass: [
        'Mi arreglo sigue en producción desde el martes; el fallo es otro y lo estoy buscando.',
        'Cuando lo entregué funcionaba, pero no probé con ese navegador: fue un error mío.',
        'Mi arreglo sigue en la rama principal; ¿podría enviarme una captura de lo que ve?',
      ],
    },
  },
  {
    id: 'dismissive.played-small',
    category: 'dismissive',
    patterns: [
      // pesar el fallo a la baja: «en el conjunto del proyecto es algo irrelevante», «bastante trivial»
      '(?:es|son|resulta|resultan|parece|se trata de) (?:algo |un (?:tema|detalle|asunto|caso) )?(?:bastante |totalmente |completamente |muy |de lo mas |algo |realmente )?(?:irrelevante|trivial|insignificante|nimio|anecdotico)s?',
      'no (?:le )?veo (?:mayor|mucha|gran|ninguna) (?:relevancia|importancia|gravedad|urgencia)|no (?:merece|vale|amerita) (?:demasiada |mucha |tanta |mayor )?(?:preocupacion|atencion)|ni (?:merece|vale|amerita) (?:un|una|el|la) [\\p{L}]+',
      // la alarma del cliente, exagerada: «se está sobredimensionando la urgencia», «no hagás tanto drama»
      '(?:se esta|estamos|estas|esta|estan|estais) (?:[\\p{L}]+ )?(?:exagerando|sobredimensionando|magnificando|dramatizando|agrandando)|no (?:[\\p{L}]+ ){0,3}?(?:hagas|hagan|haga|hagais) tanto (?:drama|lio|escandalo)|no veo (?:cual es |donde esta )?el drama|no hay (?:que|por que|motivo para) alarmarse|cero (?:estres|drama|preocupacion|stress)',
      // lo normal del oficio: «es lo que tiene el software», «eso le pasa a todas las webs», «rara vez importan»
      'es lo que tiene (?:el software|la tecnologia|internet|la informatica|la web|esto)|(?:le |les )?(?:pasa|pasan|ocurre|ocurren) (?:a|en) (?:todas las|todos los|cualquier) (?:webs?|sitios?|paginas?|software|programas?|aplicaciones|apps?|proyectos?)|(?:son|es) de lo mas normal|rara vez (?:importan|importa|afectan|afecta)',
      'no le quita el sueno a nadie|ni lo mires|nadie (?:lo )?va a (?:reproducir|notar|ver)(?:lo)? en la vida real|(?:solo|solamente|nomas) (?:le )?(?:pasa|afecta|sale) a (?:dos|tres|un par de|unos pocos|cuatro|pocos)[^.;]{0,30}? no es (?:urgente|grave|importante)',
    ],
    guards: ['conditional', 'negated', 'reported', 'backed'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: [
        'Es un detalle bastante trivial.',
        'En el fondo es algo irrelevante para el negocio.',
        'No le veo mayor importancia a que el logo salga movido.',
        'Creo que se está exagerando un poco la urgencia.',
        'No hace falta que hagas tanto drama.',
        'No hay por qué alarmarse, es un icono.',
        'Los fallos vuelven, es lo que tiene el software.',
        'Eso les pasa a todas las webs.',
        'Ni merece una incidencia.',
      ],
      pass: [
        'No hay que alarmarse por los pedidos: los revisé uno a uno y están todos.',
        'El cambio en el código es pequeño, pero sé que para usted es importante; lo publico hoy.',
        'No quiero decir que sea algo irrelevante: entiendo la molestia.',
      ],
    },
  },
];
