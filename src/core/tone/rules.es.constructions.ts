// Reglas de tono en español por construcción: las frases de cada categoría como clases de palabras
// compuestas en huecos (quién + cuán seguro + qué hizo), para que la redacción nueva de la misma
// construcción se detecte sin listar la frase. Los verbos se generan (verbs.ts): `{tocar}` cubre
// todas las personas y tiempos, voseo y participio («habrá tocado»). Las reglas de frases
// (rules.es.ts, rules.es.manner.ts) guardan las expresiones fijas; estas, la gramática.
import type { ToneRule } from './model';
import { ADVICE_ES } from './advice.es';
import { CAUSA_PROPIA_DESPUES } from './rules.es.manner';

/** Cuán seguro finge estar quien escribe de algo que no vio. */
const GUESS =
  '(?:seguramente|seguro que|lo mas (?:seguro|probable)(?: es que)?|probablemente|posiblemente|a lo mejor|capaz (?:que)?|quiza(?:s)?|tal vez|igual (?:es que|alguien)|(?:me )?imagino que|supongo que|sospecho que|apostaria (?:a )?que|(?:me )?apuesto (?:a |lo que (?:quiera|quieras|sea) a )?que|(?:a mi )?me parece que|diria que|(?:estoy|estamos) (?:casi )?segur[oa]s? de que|me da (?:la impresion de )?que|me huele (?:a )?que|pinta (?:a )?que|todo (?:indica|apunta a) que|sin duda|de seguro|fijo que|me late que|se me hace que|parece (?:ser )?que|al parecer|por lo visto|da la impresion de que|es (?:muy |bastante )?probable que|es (?:muy |bastante )?posible que|entiendo que|no descarto que|no me extranaria que)';

/** Alguien del lado del cliente, el cliente o sus cosas. */
const PARTY =
  '(?:alguien(?: de (?:su|tu|vuestr[oa]) \\p{L}+| de alla| de ahi)?|(?:alguno|alguna|uno|una) de (?:sus|tus|vuestr[oa]s) \\p{L}+|(?:su|tu|vuestr[oa]|sus|tus|vuestr[oa]s) (?:[\\p{L}-]+ ){0,3}?[\\p{L}-]+|usted(?:es)?|vos|vosotr[oa]s|(?:el|la|los|las) (?:otr[oa]s?|anterior(?:es)?|nuev[oa]s?) (?:agencia|programador(?:a)?|desarrollador(?:a)?|informatic[oa]|tecnic[oa]|proveedor|hosting|disenador(?:a)?|becari[oa]|practicante|freelance|empresa|equipo)|(?:el|la|los|las) del? (?:servidor|sistemas|hosting|marketing|diseno|informatica|it|ti|soporte|contabilidad|mantenimiento)|(?:la agencia|el informatico|la informatica|el becario|la becaria|el practicante|la practicante|el sobrino|la sobrina)(?: de [\\p{L}]+)?)';

/** Verbos de hacerle algo al sitio o a la configuración, en todas sus formas. */
const DID = `{${[
  'tocar', 'cambiar', 'modificar', 'reinstalar', 'restaurar', 'desplegar', 'acceder', 'borrar', 'eliminar', 'romper', 'estropear', 'actualizar', 'instalar', 'desinstalar', 'mover',
  'desconfigurar', 'subir', 'pisar', 'editar', 'sobrescribir', 'bloquear', 'desactivar', 'activar', 'quitar', 'reemplazar',
  'sustituir', 'resetear', 'reiniciar', 'vaciar', 'migrar', 'renombrar', 'trastear', 'toquetear', 'manipular', 'alterar', 'cargar',
  'comer', 'tragar', 'filtrar', 'exportar', 'importar', 'enviar', 'guardar', 'abrir', 'hacer', 'generar', 'causar', 'provocar', 'reiniciar', 'publicar', 'despublicar', 'purgar', 'desinstalar', 'meter', 'agregar', 'anadir', 'descargar', 'revertir', 'deshacer', 'limpiar', 'cambiar', 'configurar',
].join('|')}}`;

/** Los mismos verbos en tercera persona del pretérito, para la pasiva refleja («se reiniciaron»). */
const DID_SE = `(?:${['reinici', 'borr', 'cambi', 'modific', 'elimin', 'actualiz', 'desactiv', 'quit', 'reemplaz', 'sobrescrib', 'perd', 'romp', 'pis', 'desconfigur', 'mov', 'resete', 'vaci', 'revert', 'deshiz', 'sustitu', 'limpi', 'alter']
  .map((stem) => `${stem}(?:o|io|aron|ieron|yo|yeron)`).join('|')})`;

const REST = '[^.;?!¿¡]{0,40}?';

export const RULES_ES_CONSTRUCTIONS: readonly ToneRule[] = [
  {
    id: 'blaming.guess-who-did',
    category: 'blaming',
    patterns: [
      '(?:esto|eso|el codigo|una web|nada|las cosas) no se (?:rompe|rompen|estropea|desconfigura|cambia) sol[oa]s?',
      // «seguro fue el de sistemas», «fijo tu socio volvió a subir», «vos me mandaste el archivo viejo, por eso»,
      '(?:seguro|fijo|capaz|segurisimo) (?:que )?(?:fue |no )?(?:el|la|tu|su|vuestro|alguien|le diste|limpiaste|actualizaste|tocaste|borraste|subiste|cambiaste)\\b',
      '(?:vos|tu|usted|ustedes) (?:me )?(?:mandaste|mandaron|mando|enviaste|enviaron|envio|pasaste|pasaron|subiste|subieron|cambiaste|cambiaron|borraste|borraron)(?: [\\p{L}]+){0,4},? (?:por eso|y por eso|de ahi que)',
      '(?:es|fue) culpa de (?:la|el|los|las|su|tu|ellos)|(?:eso|esto) pasa por (?:dejar|no|tocar|meter)|(?:el|la) (?:otro|otra|anterior) \\p{L}+ (?:que|q) (?:contrataste|contrataron|contrato) (?:te |le |les )?\\p{L}+',
      // conjetura + alguien del cliente + un cambio: «apostaría a que su técnico actualizó WordPress»
      `${GUESS} ${REST}\\b${PARTY} ${REST}\\b${DID}`,
      // «¿no habrás borrado otra vez la carpeta?»: la pregunta retórica con el futuro de conjetura
      `¿?no (?:habras|habra|habran|habreis|habra usted|habran ustedes) (?:\\p{L}+ )?${DID}`,
      // la causa, una cosa pobre del cliente: «lo más probable es que sea tu navegador viejo»
      `${GUESS} ${REST}\\b(?:su|tu|vuestr[oa]) (?:[\\p{L}]+ )?(?:viej[oa]|antigu[oa]|desactualizad[oa]|pirata|barat[oa]|mal[oa]|lent[oa]|obsolet[oa]|trucho|trucha|cutre|de mala calidad|sin actualizar|mal configurad[oa])\\b`,
      // el contrafáctico: «si tu equipo no hubiera tocado la plantilla, esto no habría pasado»
      `si ${PARTY} no (?:hubiera|hubieras|hubieran|hubiese|hubiesen|hubieseis|hubierais) (?:\\p{L}+ )?${DID}`,
      `${PARTY}${REST}\\b(?:igual|a lo mejor|seguramente|seguro|capaz|quiza(?:s)?|probablemente|tal vez) (?:\\p{L}+ )?${DID}`,
      `${PARTY} (?:\\p{L}+ )?${DID}[^.?!]{0,40}?,? ¿?(?:no|verdad|cierto|eh)\\?`,
      '(?:el |este |ese )?(?:problema|error|fallo|tema|lio) (?:viene|sale|proviene|nace|surge|parte|tiene su origen|se origina) (?:de|en|por|desde) (?:la agencia|el hosting|el servidor de (?:su|tu)|su|tu|vuestr[oa]|sus|tus|el otro|la otra|ustedes|usted|vos)\\b',
      '(?:es|sera|debe ser|debe de ser|seguro es) (?:cosa|culpa|problema|tema|responsabilidad|asunto) (?:del|de la|de su|de tu|de vuestr[oa]|de los|de las|de ustedes|de usted|de vos|de sus|de tus) (?:\\p{L}+ )?(?:hosting|servidor|proveedor|navegador|agencia|equipo|gente|personal|informatico|ordenador|computadora|compu|red|antivirus|router|internet|conexion|empleados|usuarios|cliente|plugin|plugins|tema|excel|contador|administrador)',
      '(?:se debe|es consecuencia|es culpa|tiene su origen|se origina) (?:a|de|en) (?:\\p{L}+ ){0,4}?(?:su|tu|sus|tus|ustedes|usted|vos)\\b',
      '(?:realizad[oa]s?|hech[oa]s?|introducid[oa]s?|efectuad[oa]s?|metid[oa]s?) por (?:su|tu|sus|tus|vuestr[oa]s?|ustedes|usted|vos|alguien)\\b',
      'si (?:no )?(?:le |lo |la )?(?:movieron|tocaron|cambiaron|moviste|tocaste|cambiaste|tocasteis|movio usted|toco usted|tocaron ustedes|movieron ustedes) (?:nada|algo)',
      'cuando (?:los usuarios|sus usuarios|tus usuarios|ustedes|usted|vos|tu|alguien|la gente|los clientes|sus clientes|tus clientes|sus empleados|tus empleados) (?:meten|mete|ponen|pone|cargan|carga|suben|sube|tocan|toca|escriben|escribe|introducen|introduce|cambian|cambia|hacen|hace|tocas|metes|pones)',
      'ahi (?:esta|tenes|tienes|tiene|tienen) (?:el|la|su|tu) (?:drama|problema|culpa|tema|fallo|error|causa|explicacion|culpable)',
      // «habrán cambiado la contraseña»: el futuro de conjetura sobre un cambio ajeno
      `(?:habra|habran|habras|habreis) (?:\\p{L}+ )?${DID}`,
      // alguien del cliente + un cambio + el efecto: «tu practicante subió algo, de ahí viene el error»
      `${PARTY} ${REST}\\b${DID}${REST}(?:,|;| y| asi que| por lo que)\\s*(?:de ahi|por eso|eso es lo que|ese es el|esa es la|por ahi|ahi esta|ahi tiene|ahi tenes|ahi tienes)`,
      // el fallo con el cliente como sujeto: «el error lo generó la agencia de marketing»
      '(?:el|este|ese) (?:error|fallo|problema|bug|lio|desastre|cambio) lo (?:genero|causo|provoco|introdujo|metio|hizo|rompio|ocasiono|trajo) (?:la|el|su|tu|vuestr[oa]|alguien|usted)',
      '(?:causad[oa]|provocad[oa]|generad[oa]|introducid[oa]|ocasionad[oa]) por (?:la agencia|el otro|la otra|su|tu|vuestr[oa]|sus|tus|alguien|usted|ustedes|vos)',
      // «su proveedor de correo esté bloqueando los envíos»: conjetura + alguien del cliente + acción en curso
      `${GUESS} ${REST}\\b${PARTY} (?:este|esten|estara|estaran|esta|estan|anda|andan|ande) \\p{L}+(?:ando|iendo)`,
      // lo que el cliente no avisó, como reproche: «debió comunicarme...», «habría sido útil que me informara antes», «no me dijiste que...»
      '(?:debio|debiste|debieron|debieran|debiera|debieras|debia|debias|debian|deberia|deberias|deberian) (?:haber(?:me|nos)? )?(?:comunicar|avisar|decir|informar|consultar|contar|advertir)(?:me|nos)?(?:lo|la)?\\b',
      '(?:habria|hubiera) sido (?:util|bueno|mejor|conveniente|ideal) que (?:me|nos) (?:informara|informaras|informaran|avisara|avisaras|avisaran|dijera|dijeras|dijeran|comunicara|comunicaras|consultara|consultaras|contara|contaras)',
      'no (?:me|nos) (?:dijiste|dijo|dijeron|avisaste|aviso|avisaron|comentaste|comento|comentaron|informaste|informo|informaron|contaste|conto|contaron) (?:nada )?(?:de )?que',
    ],
    guards: ['ownsIt', 'negated', 'conditional', 'apology', 'attested'],
    ...ADVICE_ES.guessedBlame,
    fixScope: 'sentence',
    examples: {
      flag: ['Apostaría a que su técnico actualizó WordPress el fin de semana.', 'Tu practicante subió algo al servidor, de ahí viene el error.', 'El error lo generó la agencia de marketing cuando metió su código de seguimiento.', 'Lo más seguro es que su proveedor de correo esté bloqueando los envíos.'],
      pass: ['Seguramente lo rompí yo al subir la versión del martes; lo reviso hoy.', '¿Podría decirme si alguien cambió la configuración? Me ayuda a acotarlo.', 'Su técnico actualizó WordPress el sábado y desde entonces falla el formulario; reviso hoy la compatibilidad.'],
    },
  },
  {
    id: 'defensive.my-work-was-right',
    category: 'defensive',
    patterns: [
      // lo mío estaba bien, dicho de otro modo: «todo estaba bien», «yo no inventé nada», «así venía en los requisitos»,
      '(?:yo )?no (?:lo )?(?:hice|meti|toque|invente) (?:yo|nada)|(?:yo )?(?:solo|solamente) (?:toque|hice|cambie) (?:el|la|lo)|no veo en (?:que|donde) me equivoque|(?:yo )?(?:laburo|trabajo|trabaje) (?:prolijo|bien)',
      '(?:todo|eso) (?:estaba|quedo|funcionaba) (?:bien|ok|perfecto)|(?:estaba|quedo) (?:ok|validad[oa]|operativ[oa]) cuando|asi (?:es como|venia|lo) (?:lo )?(?:pediste|pidio|pidieron|en los requisitos)|(?:mi|nuestra) parte (?:del trabajo )?esta bien',
      '(?:yo )?(?:si lo arregle|probe todo)|no es por mi (?:codigo|trabajo|parte)|(?:el fallo|el error|esto) (?:tiene que|debe) venir de otro lado|(?:se pidio|pidieron|pediste) eso y eso (?:se hizo|hice)|(?:de eso|de ello) hay constancia|me cen(?:i|ï) punto por punto',
      // lo pactado como escudo: «hice todo lo que estaba pactado, lo demás no entraba en el trabajo»
      '(?:hice|hicimos|entregue|entregamos|cumpli|cumplimos)(?: con)? (?:todo lo que|todo cuanto|exactamente lo que|tal cual lo que|justo lo que|solo lo que|lo que se|lo que estaba|lo que habiamos) (?:estaba|habiamos|habia|se|me|nos|usted|tu|vos|ustedes)? ?(?:pactado|acordado|pedido|pidio|pediste|pidieron|hablado|firmado|presupuestado|pactamos|acordamos|hablamos|encargo|encargaste|encargaron|contrato|contrataste)',
      '(?:lo demas|eso|esto|aquello) no (?:entraba|estaba|figuraba|aparecia|venia|formaba parte|era parte|iba|entra|esta|figura|forma parte) (?:en|de|dentro de) (?:el|lo|la|mi|nuestro|nuestra) (?:trabajo|presupuesto|contrato|alcance|acordado|pactado|encargo|propuesta|especificacion|pliego|proyecto|cotizacion|oferta)(?![^.;!?]*\\b(?:pero|aunque|si (?:lo )?(?:desea|quiere|queres|quieres)|puedo|podria|con gusto|encantad[oa])\\b)',
      // lo que hace el sistema como escudo: «hace exactamente lo que pone en la especificación firmada», «es lo normal, no un bug»
      '(?:hace|funciona|cumple|esta|se comporta|responde|actua) (?:exactamente |tal cual |tal y como |justo |al pie de la letra )?(?:lo que|como|segun) (?:pone|dice|indica|se pidio|se acordo|pediste|pidio|pidieron|acordamos|especifica|establece|marca|figura|aparece|esta escrito)',
      '(?:es|era) (?:lo|el comportamiento|el funcionamiento) (?:normal|esperado|previsto|correcto|habitual|logico|que corresponde)(?: ?,? no (?:un|una|es un|es una) (?:bug|error|fallo|defecto|problema|falla))?',
      ', no (?:un|una) (?:bug|error|fallo|defecto|falla)(?= *(?:[.!;]|$))',
      // la aprobación del cliente como escudo
      '(?:fue|quedo|estaba|estuvo|lo|la) (?:aprobad[oa]|validad[oa]|aceptad[oa]|firmad[oa]|dad[oa] por buen[oa]) (?:sin|por (?:usted|ustedes|ti|vos|su equipo|tu equipo))',
      '(?:usted|ustedes|tu|vos|su equipo|tu equipo) (?:lo |la |los )?(?:{aprobar}|{validar}|{aceptar}|{firmar}|dio por bueno|diste por bueno|dieron por bueno)',
      'no entiendo (?:por que|como es que|como) (?:ahora )?(?:aparece|sale|surge|falla|hay|se queja|me dice|me reclama)',
      // el favor como escudo: «con todo lo que te ayudé gratis», «no me parece que me hables así»
      'con todo lo que (?:te|le|les|os) (?:{ayudar}|{regalar}|{hacer}|{dar})',
      '(?:gratis|sin cobrar|fuera de presupuesto|de regalo|por amor al arte)(?:,| y)',
      '(?:no me parece|no acepto|no voy a aceptar|no permito|no tolero|no creo) (?:bien )?que me (?:hables|hable|hablen|trates|trate|traten|escribas|escriba|exijas|exija) (?:asi|de esa (?:forma|manera)|en ese tono)',
      // lo entregado estaba bien: «yo entregué todo funcionando correctamente»
      '(?:entregue|entregamos|deje|dejamos|subi|subimos|publique|publicamos|termine|terminamos|instale|instalamos|configure|configuramos|probe|probamos|lance|lanzamos) (?:[\\p{L}]+ ){0,3}?(?:funcionando|andando|perfect[oa]s?|perfectamente|impecable|correctamente|joya|de diez|sin (?:errores|fallos|fallas|problemas|un solo (?:error|fallo)))',
      '(?:el|este|ese) (?:problema|error|fallo|bug|tema) no (?:es|era|viene|venia|sale|salia|esta|estaba|proviene|esta en) (?:de |en |del )?(?:mi|nuestro|nuestra|mis|nuestros) (?:codigo|parte|lado|trabajo|desarrollo|programacion|plugin|tema|web|desarrollos|cambios)',
      '(?:probe|revise|comprobe|verifique|chequee|teste)(?:lo|la|los|las)? (?:yo )?(?:mism[oa] )?(?:decenas de|cientos de|mil|muchisimas|muchas|varias|un monton de|infinidad de) veces',
      '(?:no estaba|no estaban|no tenia|no fallaba|no daba|no habia) (?:rot[oa]s?|mal|problemas?|errores|fallos?|ningun (?:problema|error|fallo)) cuando (?:lo |la |los |las )?(?:deje|entregue|subi|termine|publique|lance|pase|dejamos|entregamos|subimos|terminamos)',
      '(?:el|este|ese) (?:problema|error|fallo|bug) no (?:esta|estaba|viene|venia) (?:de|en|del) (?:mi|nuestro) (?:lado|parte)',
      'no (?:de|en|con|por) lo que (?:yo |nosotros )?(?:hice|hicimos|entregue|entregamos|programe|programamos|construi|desarrolle|desarrollamos|toque|tocamos|cambie|cambiamos)(?: yo| nosotros)?',
      '(?:problema|error|fallo|limitacion|bug) (?:del|de la|de) (?:propi[oa] )(?:[\\p{L}]+)',
      '(?:mi|nuestro) (?:trabajo|codigo|desarrollo|entrega|web|sitio)(?: lo| la)? (?:{revisar}|{aprobar}|{validar}|{probar}|{aceptar}|{firmar})(?: y (?:{aprobar}|{validar}|{aceptar}|{firmar}))? (?:su|tu|vuestr[oa]|el|la) (?:gerente|jefe|jefa|equipo|responsable|director|directora|encargad[oa]|cliente|socio|socia)',
      '(?:mi|nuestro|nuestra) (?:codigo|trabajo|parte|desarrollo|sistema|cambio|plugin|web|entrega) no (?:tiene|tuvo|tendria) (?:nada )?que ver',
      'no (?:tiene|tuvo) nada que ver con (?:mi|mis|nuestro|nuestra|nuestros|lo que (?:yo |nosotros )?(?:hice|hicimos|entregue|entregamos|toque|cambie))',
      '(?:se )?(?:(?<!\\b(?:te|le|les|os|lo|la|los|las) )entrego|entregue|entregamos|entregaron) (?:[\\p{L}]+ ){0,2}?(?:complet[oa]s?|revisad[oa]s?|probad[oa]s?|terminad[oa]s?|en tiempo y forma|a tiempo y)',
      '(?:a mi|a nosotros|en mi (?:equipo|ordenador|computadora|compu|maquina|navegador|movil|celular)|de mi lado|desde aca|desde aqui) (?:me |nos )?(?:sale|funciona|anda|va|carga|se ve|abre)(?: todo)? (?:bien|perfecto|perfectamente|sin problemas)',
      'no se (?:que|que mas) (?:decirte|decirle|decirles|deciros)',
      '(?:lo mio|mi parte|mi trabajo|mi codigo|lo que (?:yo )?hice|lo que (?:yo )?entregue|nuestro trabajo|nuestra parte|lo nuestro|nuestro codigo)(?: yo)? (?:esta|estaba|quedo|fue|era|anda|andaba|funciona|funcionaba|va|iba)(?: todo)? (?:bien|perfect[oa]|correct[oa]|impecable|bien hech[oa]|de diez|sin errores|sin fallos)?(?=[\\s;,.]|$)',
      '(?:el problema|el error|el fallo|la falla|la causa) (?:esta|viene|sale|estara) (?:en|de|por) otr[oa] (?:lado|parte|sitio)',
      'cumple (?:\\p{L}+ )?(?:con )?(?:todos )?(?:los|el|la|lo|las) (?:requisitos|especificacion|especificaciones|contrato|pactado|acordado|presupuesto|pliego|requerimientos)',
      'no (?:es|esta|viene|era|estaba|venia) (?:del|de la|en el|en la) (?:\\p{L}+ )?que (?:yo|nosotros) (?:programe|hice|entregue|desarrolle|programamos|hicimos|entregamos|desarrollamos)',
      '(?:yo|nosotros) siempre (?:entrego|entregamos|pruebo|probamos|reviso|revisamos|compruebo|comprobamos|dejo|dejamos|testeo|testeamos)|no es mi estilo',
      '(?:segun|como|lo que|tal cual|tal como) (?:\\p{L}+ ){0,3}?(?:hablamos|acordamos|pactamos|pidio|pediste|pidieron|se pidio|se acordo|se hablo),? punto por punto|al pie de la letra|(?:hice|hicimos) todo (?:segun|como|tal cual|tal como|de acuerdo a)',
      '(?:anos|decadas) de experiencia|llevo (?:\\p{L}+ )?anos (?:en esto|haciendo|programando|trabajando)|nunca (?:habia|habiamos|he|hemos) tenido (?:este|ese|un|una|ningun|ninguna) (?:problema|queja|reclamo|fallo)',
      '(?:funcionaba|andaba|iba|estaba bien|estaba perfecto)(?: [\\p{L}]+){0,3} (?:el dia de la entrega|cuando (?:se |te |os |les )?(?:lo |la |los |las )?entregue|en la entrega|al entregarlo|al entregarla)|tengo (?:las |los )?(?:capturas|pruebas|evidencias|correos|mensajes) (?:que lo demuestran|de que)?',
      'no (?:estaba|estaban|fue|fueron) (?:contemplad[oa]s?|previst[oa]s?|especificad[oa]s?|pedid[oa]s?|definid[oa]s?)(?![^.;!?]*\\b(?:pero|lo (?:anado|agrego|incluyo|hago)|sin coste|sin costo)\\b)|no es que (?:lo )?(?:haya|hayamos) hecho mal',
      'no (?:podia|podiamos|puedo|podemos|pude) adivinar(?:lo)?|no soy adivin[oa]',
      'no (?:fue|es|era|ha sido) (?:un |una )?(?:error|fallo|falla|problema|culpa)(?: \\p{L}+){0,2} (?:de|por) (?:nuestra|mi) parte',
      '(?:entrego|entregue|entregamos|hice|hicimos|desarrolle|programe|construi|se hizo|se entrego|se desarrollo) (?:\\p{L}+ ){0,2}?segun (?:el|lo|la) (?:diseno|presupuesto|contrato|acordado|pactado|especificacion|pedido)',
      '(?:yo|nosotros) no (?:fui|fuimos) (?:quien|quienes|el que|la que|los que)',
      '(?:el trabajo|el codigo|lo) que (?:yo )?(?:entregue|hice|subi|programe|entregamos|hicimos) (?:no tiene|no tenia|esta|estaba|funciona|funcionaba|anda|andaba) (?:ningun (?:problema|error|fallo)|nada (?:mal|raro)|bien|perfect[oa])',
      '(?:nunca|no) (?:fue|fueron|es|son|era|eran) (?:mi|nuestra) (?:responsabilidad|tarea|competencia)',
      '(?:salio|salieron|fue|funciono|anduvo|quedo) (?:perfecto|perfectamente|bien|impecable|sin problemas) (?:por|de|desde) (?:mi|nuestro) (?:lado|parte)',
      // «no es cosa mía», «no depende de mí», «no viene de mi código»
      'no (?:es|era|fue) (?:cosa|culpa|responsabilidad|problema|asunto|tema) (?:mi[oa]|nuestr[oa])',
      'no (?:depende|dependia|viene|venia|sale|salia|proviene|tiene que ver|tenia que ver) (?:de|con) (?:mi|nosotros|mi parte|nuestra parte|mi codigo|nuestro codigo|lo que (?:yo )?(?:hice|entregue|subi|programe|toque))',
      // el trabajo propio declarado bien, en más palabras: «el deploy que hice yo estaba impecable», «el arreglo estaba bien hecho»
      '(?:el|la|mi|lo) (?:deploy|despliegue|arreglo|fix|codigo|trabajo|entrega|parche|parte|solucion)(?: que (?:hice|hicimos|entregue|entregamos|subi|subimos))?(?: yo)? (?:esta|estaba|quedo|era|es) (?:\\p{L}+ )?(?:impecable|perfect[oa]|bien hech[oa]|correct[oa]|perfectamente|bien)\\b',
      '(?:me limite|nos limitamos) a (?:implementar|hacer|seguir|desarrollar|entregar|cumplir)',
      '(?:cumple|cumplia|cumplio|cumplen) (?:a cabalidad |plenamente |al pie de la letra |con creces |perfectamente )?con (?:los|las|el|la|todos los|todas las) (?:criterios|requisitos|requerimientos|especificaciones|alcance|acordado)',
      '(?:corresponde|se ajusta|responde) (?:exactamente |justamente |precisamente )?a lo (?:acordado|definido|pactado|solicitado|especificado|aprobado|firmado)|hace (?:justamente |exactamente |precisamente )?lo que (?:se definio|se pidio|se acordo|estaba definido|dice el documento|pide el documento)',
      '(?:en mis pruebas|en el ambiente de pruebas|en (?:mi|el) entorno de pruebas)(?:,)? (?:todo )?(?:jalaba|funcionaba|andaba|estaba funcionando|iba)',
      '(?:al cierre|al momento del cierre|al entregar|cuando (?:te|se|le) lo entregue|cuando lo entregue)(?: del proyecto)?,? (?:todo )?(?:estaba|andaba|funcionaba|jalaba|quedo|iba) (?:\\p{L}+ )?(?:operativo|bien|perfecto|funcionando|andando)|no estaba presente al momento del cierre',
      '(?:yo )?hice (?:mi parte|todo bien|lo que (?:estaba a mi alcance|se me pidio|se pidio|me pidieron))|(?:lo|la) (?:deje|dejamos) (?:jalando|al cien)|no fue falta de cuidado|no veo en que (?:pude|pudimos) haber fallado|no tengo constancia de haber (?:modificado|tocado|cambiado)',
    ],
    guards: ['apology', 'negated', 'conditional', 'offered'],
    ...ADVICE_ES.ownWorkDefended,
    fixScope: 'sentence',
    examples: {
      flag: ['Hice todo lo que estaba pactado, lo demás no entraba en el trabajo.', 'El sistema hace exactamente lo que pone en la especificación firmada.', 'Que el pedido quede pendiente hasta que se acredite el pago es lo normal, no un bug.', 'El proyecto fue aprobado sin observaciones, así que no entiendo por qué ahora aparece esto.', 'Con todo lo que te ayudé gratis fuera de presupuesto, no me parece que me hables así.'],
      pass: ['La exportación no entraba en el presupuesto, pero puedo hacerla en dos días si lo desea.', 'Es normal que estés enojado: el arreglo falló otra vez.', 'Hice los cambios que me pediste el lunes: la factura ya sale con IVA.'],
    },
  },
  {
    id: 'dismissive.weigh-down',
    category: 'dismissive',
    patterns: [
      // no darle importancia, dicho de mil maneras: «no le des bola», «no se complique», «se arregla solo»,
      'no (?:le|te|se) (?:des|de|den|pares|pare|haga|hagas|hagan) (?:bola|caso|bolas|drama)|(?:no|ni) (?:te|se) (?:hagas|haga|complique|compliques|hagan) (?:bolas|drama|problema)|no se complique',
      'se (?:arregla|arreglan|soluciona|solucionan|resuelve|resuelven|va|van|quita|quitan) sol[oa]s?|cero drama|(?:no )?es pa(?:ra)? tanto|es lo de menos|(?:sin|de poca) trascendencia',
      'no (?:le )?veo (?:mayor|gran|ninguna) importancia|no molesta a nadie|(?:no es|nada) (?:nada )?raro|pasa en todas (?:las webs|partes|las paginas)|(?:pasa|ocurre) (?:una vez )?cada tanto|algo (?:bastante |muy )?menor',
      '(?:hay|tenemos) cosas (?:mucho )?mas importantes|ni (?:es|vale la pena)|(?:ignoralo|ignorelo|ignorelos|ignoralos)|(?:difícilmente|dificilmente) se repita|no (?:creo que )?(?:sea algo que )?deba quitarle el sueno',
      'de (?:poca|escasa|poquisima|muy poca) (?:monta|importancia|relevancia|gravedad|trascendencia|entidad)',
      'no (?:tiene|tenia|reviste) (?:mayor|ninguna|gran|demasiada|mucha|tanta|excesiva) (?:trascendencia|importancia|relevancia|repercusion|gravedad|complicacion)',
      '(?:yo )?no me (?:preocuparia|alarmaria|agobiaria|haria problema|haria drama|volveria loc[oa])',
      '(?:no|tampoco) (?:hace|hacia) (?:falta|falta para) (?:preocuparse|alarmarse|ponerse asi|tanto)',
      'no creo que (?:sea|esto sea|eso sea|haya) (?:un |una |tan |muy |algo |para )?(?:gran|grave|serio|seria|importante|urgente|tanto|problema grave|gran cosa|para tanto)',
      'no (?:dramaticemos|exageremos|hagamos (?:un )?drama|nos pongamos (?:dramatic[oa]s|nervios[oa]s)|te hagas (?:drama|problema|mala sangre))|sin dramas?(?= *(?:[.,;!]|$))',
      'a (?:ningun|ninguna|ninguno de (?:sus|tus)|pocos|nadie) (?:\\p{L}+ )?(?:le|les) (?:va|van|iba) a (?:importar|molestar|afectar|llamar la atencion)',
      '(?:ningun|ninguna) (?:cliente|usuario|visitante|comprador)a? (?:lo |se )?(?:va a|iba a) (?:notar|ver|fijar|importar)',
      '(?:puede|puedes|podes|pueden|podeis) (?:ignorarlo|ignorarla|ignorarlos|obviarlo|pasarlo por alto|no hacerle caso)',
      '(?:es|son) (?:solo|solamente|nomas|apenas|simplemente) (?:un|una|unos|unas) (?:[\\p{L}]+ ){0,2}?(?:mensaje|aviso|detalle|cosa|tema|warning|icono|boton|pixel|texto|color|margen|espacio|advertencia|cosita|detallito)',
      '(?:le|les|nos|me|te) pasa a todo (?:el )?mundo|a todos nos pasa|(?:es|son) (?:algo )?normal(?:es)? en (?:cualquier|todas las|todos los)',
      '(?:ni|no) (?:te|se|os) (?:apures|apure|apuren|estreses|estrese|estresen|agobies|agobie|agobien|rayes|raye|hagas problema|haga problema|calientes|caliente|hagas mala sangre)|relaj(?:a|ate|ese|ense|en)(?=[\\s,.;!]|$)|tranqui(?=[\\s,.;!]|$)',
      '(?:ni|no) se (?:da|dan) cuenta|ni lo (?:nota|notan|ve|ven|percibe|perciben)|nadie lo nota|porque (?:te|se) (?:fijas|fija|fijan) (?:mucho|demasiado)',
      '(?:chiquito|chiquita|pequenito|pequenita|chiquitito|detallito|cosita|tonteria|pavada|boludez|nimiedad|minucia|bobada)',
      '(?:incidencia|error|fallo|problema|bug|detalle|tema|falla) (?:menor|minim[oa]|sin importancia|insignificante|muy puntual)|sin (?:impacto|importancia|relevancia|repercusion) (?:significativ[oa]|real|alguna|ninguna|mayor)',
      'no hay (?:de que|por que|motivo para|razon para|necesidad de) (?:alarmarse|preocuparse|asustarse|alarmar|preocupar|agobiarse)|(?:esas|son) cosas (?:que )?pasan',
      'no (?:te|le|les|os) (?:cambia|afecta|supone|quita) nada',
      'no (?:exageres|exagere|exageren|exagereis)|tampoco (?:esta|es) (?:tan|para tanto|tan grave|tan mal)',
      'se (?:puede|pueden) (?:ignorar|obviar|pasar por alto|dejar (?:asi|como esta))',
      'mas importancia de la que tiene|(?:le|te|les) (?:esta|estas|estan) dando (?:mucha|demasiada|mas) importancia',
      '(?:la mayoria|casi todos|la mayor parte) de (?:tus|sus|los) (?:clientes|usuarios|visitantes) (?:usan|usa|entran|compran|no)',
      'no (?:deberia|tendria que|tiene por que|tenes que|tienes que|tiene que) (?:preocupar(?:le|te|les|se|os)|alarmar(?:le|te|se))',
      'una vez (?:de|entre|cada) (?:cada )?(?:mil|cien|millon)|no (?:merece|vale) la pena',
      'lo demas (?:da igual|no importa|es secundario)',
      '(?:pasa|ocurre|sucede) (?:todo el tiempo|siempre|a menudo|constantemente|en todas partes)|sin (?:estres|drama)(?= *[,.!]|$)|(?:pueden|puede|podes|puedes) vivir con (?:eso|esto|ello)',
      'minuscul[oa]|diminut[oa]|nadie (?:visita|usa|mira|entra)|(?:te|se|os) (?:esta |estas |estan )?preocupa(?:ndo|s|n)? por nada',
      'no es (?:realmente|en realidad) (?:un|una) (?:problema|error|fallo)|es una rareza',
      'apenas (?:es|si es|supone) (?:un|una) (?:problema|error|fallo|detalle|molestia|inconveniente)',
      'no (?:corre|urge|apura|apremia) (?:ninguna |mucha |tanta |demasiada )?(?:prisa|urgencia)?',
      '(?:es|son|solo es|es solo) (?:solo |solamente |nomas )?(?:un solo|una sola|un unico|una unica|apenas un|apenas una|solo un|solo una) (?:boton|pagina|campo|pixel|palabra|linea|imagen|enlace|producto|correo|usuario|cliente|pedido|icono|etiqueta)',
      '(?:no cambia|no afecta|no importa|da igual|no supone|no significa) (?:nada|en nada)? ?(?:para|a) (?:sus|tus|los|vuestros) (?:clientes|usuarios|visitantes|ventas|compradores)',
      'para (?:sus|tus|los|vuestros) (?:clientes|usuarios|visitantes|compradores) no (?:cambia|afecta|importa|supone|significa) (?:nada|en nada)',
      '(?:casi )?(?:nadie|ningun (?:cliente|usuario|visitante)|pocos (?:clientes|usuarios|visitantes)) (?:lo |se )?(?:va a|van a|iba a)? ?(?:notar|ver|usar|entrar|fijar|dar cuenta)',
    ],
    guards: ['conditional', 'reported', 'negated', 'backed'],
    ...ADVICE_ES.playedDown,
    fixScope: 'sentence',
    examples: {
      flag: ['Es un error de poca monta, yo no me preocuparía.', 'Comprendo que le moleste, pero realmente no tiene mayor trascendencia.'],
      pass: ['Entiendo que es grave para la tienda; hoy mismo lo reviso.', 'El error afecta a 40 pedidos al día, así que va primero.'],
    },
  },
  {
    id: 'stalling.no-when',
    category: 'stalling',
    patterns: [
      // un plazo o un avance sin fecha: «lo reviso luego», «me fijo y te digo», «falta poquito», «sigue abierta»,
      '(?:lo|la|los|las) (?:reviso|miro|veo|checo|chequeo|arreglo|revisamos|miramos|vemos) (?:luego|despues|mas tarde|en un rato|cuando pueda|en estos dias|esta semana)',
      '(?:me|nos) (?:fijo|fijamos|pongo|ponemos) (?:y|e) (?:te|le|les) (?:digo|decimos|aviso|avisamos|cuento|contamos|comento|comentamos)',
      '(?:ya )?(?:te|le|les) (?:comentamos|comento|contamos|avisamos|decimos)(?= *(?:[,.!]|$))',
      '(?:falta|queda|quedan|faltan) (?:poquito|poco|muy poco|nada)|ya mero|voy avanzando|vamos avanzando|(?:dame|deme|denme) un toque',
      '(?:seguimos|sigo|continuamos|continuo) (?:investigando|analizando|revisando|con el tema|en el tema|trabajando)(?! (?:el|la|los|las|en|con) \\p{L}+ (?:de|del) )',
      '(?:sigue|continua|permanece) (?:abiert[oa]|en (?:revision|curso|proceso|analisis|estudio))|(?:se encuentra|esta) (?:actualmente )?en (?:revision|curso|proceso|analisis|estudio)',
      '(?:se (?:atendera|resolvera|revisara|gestionara)|quedo registrad[oa]) (?:conforme|segun|en (?:orden|su momento|breve))|conforme a la prioridad',
      '(?:en el|a la) (?:menor|mayor|mas breve) (?:plazo|brevedad) (?:posible)?|(?:estas cosas|esto) (?:llevan?|lleva) su tiempo|(?:no nos hemos|no me he) olvidado',
      '(?:ya )?(?:voy|vamos) con (?:eso|ello|esto)|(?:me pongo|nos ponemos) con lo (?:tuyo|suyo)|(?:le|te) (?:estamos|estoy) dando una (?:mirada|miradita|revisada|ojeada)',
      '(?:le|te|les|os|lo|la|los|las) (?:iremos|ire|vamos a ir|voy a ir|vamos|voy|seguiremos|seguire|seguimos|sigo) (?:informando|contando|avisando|comentando|diciendo|actualizando|poniendo al tanto|pasando novedades)',
      '(?:apenas|en cuanto|cuando|ni bien|tan pronto como|una vez que) (?:me|nos) (?:{desocupar}|{liberar}|quede libre|quedemos libres|haga un hueco|hagamos un hueco|(?:de|den) (?:los )?tiempos?|sobre tiempo|sobre un rato)',
      '(?:apenas|en cuanto|cuando|ni bien|tan pronto como|una vez que) (?:tenga|tengamos|encuentre|encontremos|consiga|consigamos) (?:un )?(?:hueco|ratito|rato|momento|tiempo|minuto|chance)',
      '(?:vamos|voy|seguimos|sigo|estamos|estoy|andamos|ando) \\p{L}+(?:ando|iendo)(?:lo|la|los|las)? (?:de a poco|poco a poco|como (?:podemos|puedo)|sobre la marcha|a nuestro ritmo)',
      '(?:esta|queda|lo tiene|lo tienen|la tiene|la tienen)(?: ya| ahora)? (?:con|en manos de) (?:nuestros|nuestro|nuestra|el|los|mi|mis|la) (?:programadores|programador|desarrolladores|desarrollador|tecnicos|tecnico|equipo|informaticos|especialistas|companeros|companero|departamento)',
      '(?:segun|conforme|a medida que) (?:avancemos|avance|vayamos avanzando|haya novedades|tengamos novedades|sepamos (?:algo|mas))',
      'lo (?:antes|mas pronto|mas rapido) que (?:se pueda|sea posible|podamos|pueda|nos sea posible)',
      '(?:escalad[oa]|derivad[oa]|elevad[oa]|trasladad[oa]) (?:a nivel interno|internamente|al equipo|al departamento|al area|a quien corresponde|al sector|a soporte|a desarrollo)',
      '(?:dejalo|dejelo|dejenlo|dejadlo|dejamelo|dejenoslo|dejanoslo) (?:en )?(?:nuestras|mis|buenas) manos|(?:esta|queda) en (?:nuestras|mis|buenas) manos',
      '(?:estan|esta|anda|andan)(?: ya| todavia)? (?:encima|en ello|con ello|en eso|con eso|trabajando en (?:ello|eso)|a full|a tope)',
      '(?:vemos|veremos|vere|veo|a ver|vamos a ver|voy a ver) (?:que|como|si) (?:podemos|puedo|se puede|se le puede) hacer',
      '(?:sigue|esta|se encuentra|queda|continua|permanece)(?: todavia| aun)? en (?:proceso de )?(?:revision|analisis|estudio|evaluacion|investigacion|cola|tramite|curso|marcha|seguimiento|gestion)',
      'oportunamente|a su debido tiempo|en su debido momento',
      '(?:dando|damos|daremos|dandole|doy|le damos|le estamos dando) (?:\\p{L}+ )?seguimiento',
      '(?:dejame|dejeme|dejanos|dejenos|deja que|deje que) (?:ver|mirar|revisar|checar|chequear|averiguar|consultar|investigar)(?:lo|la)?',
      '(?:te|le) (?:regreso|devuelvo|devolvere|regresare) la llamada',
      'ya casi(?= *(?:[.,;!]|$))|(?:estoy|estamos) terminando de (?:revisar|ver|mirar|probar|ajustar|chequear)',
      'cualquier (?:cosa|novedad|avance|noticia) (?:te|le|les|os) (?:escribo|aviso|digo|cuento|comento|llamo)',
      'no (?:tuve|he tenido|tengo|encontre|he encontrado|hemos tenido|tuvimos) (?:el )?tiempo (?:de|para)|no me olvido|no lo olvido|lo tengo presente',
      '(?:en proceso de|tratando de|intentando|procurando) (?:solucionar|resolver|arreglar|llegar al fondo|entender|encontrar|averiguar|identificar|corregir)(?:lo|la|los|las)?',
      'pendiente (?:con|de|en) (?:el|la) (?:area|equipo|departamento|sector)|(?:cuando|en cuanto) se (?:calmen|tranquilicen|normalicen) (?:un poco )?las cosas|haciendo (?:todo lo posible|lo posible|lo que (?:podemos|puedo))',
      '(?:en|a) (?:mi|nuestra) (?:lista|agenda|cola)(?: de (?:pendientes|tareas|cosas))?',
      '(?:lo|la|te|le|les|os) (?:veo|vemos|miro|miramos|reviso|revisamos|hago|hacemos|arreglo|arreglamos|paso|mando|envio|cuento|digo) (?:[\\p{L}]+ ){0,3}?si (?:puedo|podemos|me da (?:el )?tiempo|nos da (?:el )?tiempo|llego|llegamos|tengo (?:un )?(?:hueco|tiempo|rato)|me hago un hueco)',
      '(?:esta|queda|lo dejo|lo dejamos|lo tiene|lo tienen) en manos (?:del|de|de nuestro|de mi|de la)',
      '(?:dame|deme|denme|danos|denos|dennos|dadme) (?:un |una )?(?:chance|chancecita|oportunidad|unos dias|unas horas|un par de dias|margen|tiempito)',
      '(?:ya )?(?:he|hemos) (?:pasado|trasladado|derivado|escalado|elevado|enviado|reenviado) (?:el|su|tu|la|este|esta|ese|esa) (?:tema|caso|consulta|incidencia|problema|reclamo|ticket|asunto)(?: al| a la| a| con)',
    ],
    guards: ['concrete', 'negated', 'conditional'],
    ...ADVICE_ES.noWhen,
    fixScope: 'sentence',
    examples: {
      flag: ['Ya he pasado el tema al equipo técnico y le iremos informando.', 'Estoy harto ocupado pero lo veo apenas me desocupe.'],
      pass: ['Le iremos informando cada día a las 9:00 con el estado del arreglo.', 'Apenas me desocupe del corte de mañana a las 10 lo reviso.'],
    },
  },
  {
    id: 'overpromising.sworn',
    category: 'overpromising',
    patterns: [
      // lo hecho declarado para siempre o sin riesgo: «de aquí en adelante funcionará», «sin riesgo de que reaparezca», «de raíz»,
      '(?:de aqui en adelante|a partir de (?:este momento|ahora|hoy)|desde ahora)(?: [\\p{L}]+){0,4} (?:funcionara|operara|ira|andara|no (?:dara|fallara|habra|tendra))',
      'sin (?:ningun )?riesgo de que|(?:resuelt[oa]|arreglad[oa]|solucionad[oa]) de raiz|queda todo (?:solucionado|resuelto|arreglado)|(?:ya )?no (?:de|da|dara|vuelve a dar) (?:mas )?(?:guerra|problemas?)(?: (?:jamas|nunca))?|en teoria',
      '(?:creo|supongo|calculo|imagino) (?:que )?ya (?:quedo|jala|funciona|anda|va|esta)|(?:tendria|deberia) (?:que |de )?estar (?:ok|bien|listo)|al cien y sin',
      // modal de «debería» + estado de «hecho», con o sin sujeto: «debería quedar andando», «ya debería estar todo correcto»
      '(?:deberia|deberian|deberia de|deberian de|tendria que|tendrian que|tiene que|tienen que|debe de|deben de|habria de) (?:ya )?(?:estar|quedar|ir|andar|funcionar|verse|cargar|salir|marchar|estar andando|estar funcionando)(?: ya)?(?: todo)?(?: ya)? (?:bien|correct[oa]s?|correctamente|andando|funcionando|fino|list[oa]s?|ok|okey|perfect[oa]|perfectamente|resuelt[oa]|solucionad[oa]|arreglad[oa]|joya|de diez|al pelo|de lujo|como un reloj|sin (?:problemas|fallos|errores)|normal|estable)',
      '(?:no hay|no existe|ya no hay|cero|ni una|ninguna)(?: ninguna| ni una| la menor| la mas minima)? (?:forma|manera|posibilidad|probabilidad|modo|riesgo|chance)s? de que',
      'me (?:juego|apuesto) (?:lo que (?:quieras|quiera|quieran|sea)|el cuello|la cabeza|mi reputacion|el pellejo|la vida)',
      '(?:aguanta|aguantara|resiste|resistira|soporta|soportara) (?:lo que (?:le )?(?:echen|eches|sea|venga)|todo|cualquier cosa)',
      '(?:ya|con esto|asi) (?:estaria|quedaria|funcionaria|andaria|iria)(?: todo)?(?:,| ya)? ?(?:creo|supongo|imagino|diria)?(?= *(?:[.,;!]|$))',
      '(?:de ahora en (?:adelante|mas)|de aqui en adelante|a partir de (?:ahora|hoy|este momento)|desde ahora|en adelante),? (?:ya )?(?:no|nunca|jamas|siempre)? ?(?:vas|va|van|vais|va a haber|vas a tener|va a tener) ?(?:a )?(?:tener|haber|fallar|funcionar|andar|ir|dar)?',
      'con (?:total|toda|absoluta|plena|completa) (?:certeza|seguridad|garantia|confianza)',
      '(?:ya )?no (?:deberia|deberian|tendria que|tendrian que|tendria por que|tendrian por que|va a|van a|habra|habria|hay) (?:de )?(?:presentarse |aparecer |salir |haber |darse |producirse |repetirse )?(?:mas|ningun|ninguna|otro|otra|nuevos?|nuevas?) (?:errores|error|fallos|fallo|fallas|problemas|problema|incidencias|incidencia|caidas|caida|inconvenientes|inconveniente)',
      '(?:imagino|supongo|creo|entiendo|calculo) que (?:con esto |ahora |ya |asi )+(?:\\p{L}+ )?(?:funciona|funcionara|funcionaria|va|ira|iria|anda|andara|andaria|esta|estara|estaria|queda|quedara|quedaria|quedo)',
      'se supone que (?:ya |ahora )?(?:esta|funciona|anda|va|quedo|queda)',
      'infalible|invulnerable|indestructible|irrompible',
      '(?:no|nunca) (?:va|van|vas|volvera|volveran) a dar (?:mas )?(?:guerra|lata|la lata|problemas|dolores de cabeza|disgustos)',
      '(?:no|nunca|jamas) (?:se )?(?:vuelva|vuelvan) a (?:romper|caer|fallar|pasar|repetir|ocurrir)(?:se)? (?:nunca|jamas|mas)',
      // juramento sin verbo de garantía: «te lo firmo», «neta que ya no...», «palabra de honor»
      '(?:te|se|le|les|os) lo (?:firmo|firmamos|juro|aseguro|garantizo|prometo)',
      '(?:neta|posta|en serio|de verdad|te lo digo yo|palabra de honor)(?: que)? (?:ya )?(?:no|nunca|jamas) (?:vas|va|van|vais|volvera|vuelve) a',
      // absolutos sobre el futuro en cualquier persona: «ya no vas a volver a ver ese error»
      '(?:ya )?(?:no|nunca|jamas) (?:mas )?(?:vas|va|van|vais|volveras|volvera|volveran|volvereis) a (?:volver a )?(?:ver|tener|sufrir|notar|encontrar|recibir)(?:lo|la)? (?:ese|este|el|ningun|ninguna|mas|otro|otra|aquel) (?:[\\p{L}]+ )?(?:error|fallo|problema|aviso|mensaje|caida|falla|bug|pantallazo|incidente)',
      // cualquier forma de «deber» (debiera, debiese, debe) + un verbo de funcionar, con clítico o no, + el estado de hecho:
      // «ya debiese funcionar correctamente», «debería funcionarle bien», «debiera quedar funcionando como corresponde»
      '(?:deberia|deberian|debiera|debieran|debiese|debiesen|debe|deben)(?: de)? (?:ya )?(?:(?:estar|quedar|seguir) (?:operando|funcionando|andando|jalando)|estar|quedar|ir|andar|funcionar|jalar|operar|comportarse|marchar|responder)(?:le|te|les|nos)?(?: ya)?(?: todo)? (?:bien|correctamente|perfecto|perfectamente|con normalidad|normal|normalmente|como corresponde|como debe|funcionando|andando|jalando|operativo|sin (?:problemas|fallos|errores|fallas))',
      '(?:con eso|con esto|asi) (?:ya )?(?:debe|deberia|debiera|debiese|tendria que) (?:de )?(?:quedar|estar|andar|funcionar|jalar|ir)',
      '(?:ya )?no (?:debe|debiera|debiese|deberia) (?:de )?(?:volver a )?(?:salir|fallar|aparecer|pasar|repetirse|dar problemas)',
      // la recurrencia negada en futuro: «no volverá a presentar fallas», «no se repetirá», «no va a regresar»
      '(?:no|nunca|jamas) (?:se )?(?:volvera|volveran|va a volver|van a volver) a (?:presentar|dar|tener|aparecer|fallar|salir|ocurrir|pasar|romper)\\p{L}*',
      '(?:no|nunca|jamas) (?:se )?(?:repetira|repetiran|reproducira|reproduciran|regresara|regresaran|va a regresar|van a regresar|va a repetir|van a repetir|rompe mas|rompera|romperan|caera|caeran)\\b',
      '(?:solucion|arreglo|correccion) (?:permanente|definitiva|para siempre)|libre de (?:errores|fallos|fallas) (?:de aqui en adelante|para siempre|desde ahora|en adelante)',
    ],
    guards: ['negated', 'reported', 'controlled', 'conditional', 'ownsIt'],
    ...ADVICE_ES.outcomePromised,
    fixScope: 'sentence',
    examples: {
      flag: ['Con lo que subí recién debería quedar andando, en teoría.', 'Neta que ya no vas a volver a ver ese error, te lo firmo.', 'Ya debería estar todo correcto, lo he dejado fino.'],
      pass: ['Yo debería haber probado ese caso.', 'No puedo decir que no vaya a volver a ver ese error: le dejo una alerta.'],
    },
  },
  {
    id: 'condescending.told-before',
    category: 'condescending',
    patterns: [
      // lo obvio y lo básico: «cualquiera que tenga una web lo sabe», «no hace falta ser ingeniero», «para principiantes»,
      '(?:cualquiera|cualquier persona|todo el mundo) (?:que|q) (?:[\\p{L}]+ ){0,4}?(?:lo )?sabe|(?:eso|esto) lo sabe cualquiera',
      'no hace falta ser (?:un )?[\\p{L}]+ para|(?:tutorial|guia|manual) para (?:principiantes|novatos|dummies)|(?:lo mas|algo) basico(?: del mundo)?|es (?:bastante )?(?:obvio|logico)|obvio (?:que|q)',
      '(?:se lo|te lo) (?:pondre|pongo|explico) (?:muy )?(?:facil|sencillo)|de forma (?:sencilla|simple) para que (?:se |lo )?entienda|(?:te|le) recuerdo,? como siempre|no era tan dificil|pense que ya (?:sabia|sabias|sabian)|que seguramente se le paso',
      // «esto ya lo hablamos en la reunión», «ya lo vimos»
      '(?:(?:esto|eso|esto mismo|eso mismo|lo) ya (?:lo )?|ya (?:lo |esto |eso )?)(?:hablamos|habiamos hablado|vimos|habiamos visto|tratamos|comentamos|habiamos comentado|conversamos|aclaramos|explicamos|acordamos|repasamos|discutimos|quedo claro)',
      'de primero de (?:\\p{L}+)|(?:es|son) (?:cosas |algo )?(?:de|para) principiantes|de manual(?= *(?:[.,;!]|$))',
      '(?:ya )?no se (?:como|de que (?:forma|manera)|ya como|de que otra (?:forma|manera)) (?:mas )?(?:explicar|decir|contar)(?:lo|te|le|les|selo|telo|os)?(?: (?:mas )?(?:claro|claramente|facil|sencillo|simple))?',
      '(?:repase|explique|dije|comente|mande|envie|conte|hable|aclare|repasamos|explicamos|hablamos|vimos|comentamos)(?: [\\p{L}]+){0,4}? (?:dos|tres|cuatro|cinco|un par de) veces',
      'si (?:lo|la|los|las) (?:lee|lees|leen|revisa|revisas|revisan|mira|miras|miran|abre|abris|abres)(?= *(?:[.!]|$))',
      '(?:esta|viene|aparece|sale|figura|se explica)(?: todo| bien| clarito| claramente| perfectamente)*(?: explicado)? en (?:el|la|las|los) (?:manual|documentacion|guia|instrucciones|preguntas frecuentes|faq)',
      '(?:documentacion|manual|guia|instrucciones) que (?:recibio|recibiste|recibieron|le (?:di|envie|mande|pase|dimos|enviamos)|te (?:di|envie|mande|pase|dimos|enviamos))',
      'como (?:dice|indica|explica|pone|detalla|aclara|se explica en|se indica en) (?:el|la|las|los) (?:\\p{L}+ ){0,3}?(?:manual|documentacion|guia|instrucciones|preguntas frecuentes|faq|correo|mensaje|contrato)',
      '(?:lo|se lo|te lo|le|se) (?:dire|digo|repito|explico|aclaro|recuerdo) (?:claro |clarito |bien |despacio )?(?:una vez mas|otra vez|de nuevo|por ultima vez)',
      '(?:insisto|recalco|subrayo|reitero) (?:de nuevo|otra vez|una vez mas)',
      'si (?:usted |tu |vos )?(?:hubiera|hubieras|hubiese|hubieses|hubieran) (?:leido|abierto|mirado|revisado|visto|seguido|hecho caso a|consultado) (?:el|la|los|las|mi|mis) (?:manual|correo|mensaje|documentacion|guia|instrucciones|adjunto|archivo|pdf|enlace|video|tutorial|pasos)',
      '(?:lea|lee|lean|leed|siga|sigue|segui|sigan|revise|revisa|revisen|mire|mira|miren|abra|abri|abre) (?:[\\p{L}]+ ){0,3}?esta vez(?= *(?:[.!]|$))',
      'no (?:deberia|tendria|tengo|deberiamos) (?:por que |que )?(?:tener que )?(?:explicar|repetir|decir|aclarar)(?:te|le|les|selo|telo|os)? (?:esto|eso|algo asi)',
      'se explica (?:solo|sola|por si (?:mism[oa]|sol[oa]))|habla por si (?:sol[oa]|mism[oa])|sentido comun',
      'no (?:entiende|entiendes|entendes|entienden|sabe|sabes|saben|conoce|conoces) (?:bien |muy bien |del todo )?(?:como funciona|lo que es|que es|de que va|como va)',
      '(?:te|le|les|os|se) lo explico (?:despacio|despacito|facil|facilito|con manzanas|en cristiano|paso a paso)|con manzanas|en cristiano|para tontos|para dummies',
      'ciencia espacial|ciencia de cohetes|fisica cuantica|rocket science',
      'asi de (?:sencillo|facil|simple)|(?:nada mas|nomas) (?:le das|das|tenes que|tiene que|tienes que|hay que|es|haces|hace|pulsa|pulsas|dale|dele)',
      'no (?:es|sea|seas|eres|sos) (?:usted |tu |vos )?(?:tecnic[oa]|informatic[oa]|expert[oa]|del oficio|programador[a]?)|(?:se|te|les) lo (?:simplifico|pongo (?:facil|sencillo))',
      '(?:^|(?<=[.!?]\\s{1,3}))naturalmente,|obvio (?:que|,)|como es natural,',
      '(?:multiples|numerosas|reiteradas|repetidas) (?:ocasiones|veces)|como se (?:explico|dijo|indico|comento|menciono|aclaro) (?:ya|antes|anteriormente)',
      'pense que (?:esto|eso) (?:era|seria|estaba) (?:obvio|claro|evidente)',
      // «pensaba que había quedado claro en mis correos», «creía que ya estaba clarísimo»
      '(?:pensaba|creia|crei|suponia|supuse|daba por hecho|di por hecho) que (?:esto |eso |ya |todo |lo )*(?:habia quedado|quedo|quedaba|estaba|habia dejado) (?:bastante |muy |mas que |perfectamente )?(?:claro|clarisimo|obvio|evidente)',
      // «estoy cansado de explicar lo mismo», «harta de repetírselo»
      '(?:cansad[oa]s?|hart[oa]s?|agotad[oa]s?) de (?:explicar|repetir|decir|aclarar)(?:le|te|les|os|selo|telo|lo)?\\b',
      // «¿de verdad es tan difícil borrar la caché?»
      '(?:es|era|resulta|seria) tan (?:dificil|complicado|complicada|dificil de entender)\\b[^.!?]{0,70}\\?|(?:tan|muy) (?:dificil|complicado) (?:es|era|resulta) (?:[\\p{L}]+ ){1,6}?\\?',
      '(?:consulte|lea|revise|consulta|lee|revisa|consultá|leé) (?:la|el) (?:documentacion|manual|guia|faq|preguntas frecuentes) antes de',
      'cualquiera con (?:conocimientos|nociones|un minimo)',
      '(?:intentar|intento|voy a intentar|tratare de|intentare) explicar(?:lo|te|le|selo|telo)? (?:una vez mas|otra vez|de nuevo)|a estas alturas',
      // «hasta un principiante sabe», «cualquier programador te dirá»
      'hasta (?:un|una|el mas) (?:principiante|novat[oa]|junior|becari[oa]|estudiante|aprendiz|nin[oa]|crio|chico|pasante)',
      'cualquier (?:programador|programadora|informatic[oa]|tecnic[oa]|profesional|persona|desarrollador|desarrolladora|disenador|disenadora|administrador|estudiante|usuario) (?:\\p{L}+ )?(?:sabe|sabria|(?:te|le|les|os) (?:dira|diria|dice)|entiende|entenderia|lo sabe|conoce|puede)',
    ],
    guards: ['negated', 'conditional', 'concrete', 'retracted'],
    ...ADVICE_ES.toldBefore,
    // La coincidencia cae a mitad de frase («esto ya lo hablamos en la reunión»): quitarla sola rompería la frase.
    alternative: ADVICE_ES.toldBefore.alternative,
    fixScope: 'sentence',
    examples: {
      flag: ["Pensaba que había quedado claro en mis últimos tres correos.", "¿De verdad es tan difícil borrar la caché del navegador?", "Cualquier programador le diría lo mismo.", "Sinceramente, estoy harto de repetírselo.", 'Esto ya lo hablamos en la reunión de arranque: los cambios tardan en verse por la caché.', 'Hasta un principiante sabe que el certificado SSL hay que renovarlo cada año.'],
      pass: ["¿Le resulta muy difícil mandarme una captura? Si es así, lo miramos juntos por teléfono.", 'En la reunión del 3 de mayo acordamos la exportación; ya está lista.', 'El certificado SSL se renueva cada año; le envío el aviso un mes antes.'],
    },
  },
  {
    id: 'dodging.it-happened',
    category: 'dodging',
    needsOwner: 'not-others',
    patterns: [
      'no (?:fue|fueron) (?:incluid|subid|aplicad|desplegad|publicad|guardad)[oa]s?|(?:se produjo|hubo|surgio|se genero) una (?:inconsistencia|incidencia|desincronizacion)',
      // algo pasó, sin sujeto: «algo pasó con el fix», «hubo un tema con la subida», «por algún motivo», «fallo humano»,
      'algo (?:paso|ocurrio|sucedio) (?:con|en|durante)|hubo (?:un|algun) (?:tema|lio|asunto) con|por algun (?:motivo|motivo raro|lado|razon)|de alguna (?:forma|manera)|(?:un )?(?:fallo|error) humano',
      'se (?:fue|quedo|publico|deslizo|reintrodujo|colo|metio) (?:a |en |con )?(?:produccion|cache|la rama|un error|el error|una version)|(?:no )?se conservo|quedaron (?:algunos )?cabos sueltos|se dio una situacion|volvio a meterse|cosas que pasan',
      // suceso sin sujeto + percance: «ha habido ciertos problemas en el proceso», «ocurrió una falla al migrar»
      '(?:hubo|ha habido|habia habido|ocurrio|ocurrieron|ha ocurrido|han ocurrido|se produjo|se produjeron|se ha producido|surgio|surgieron|ha surgido|se presento|se presentaron|se dio|se dieron|sucedio|se registro) (?:un |una |unos |unas |algun |alguna |algunos |algunas |ciert[oa]s? |vari[oa]s |un par de |pequen[oa]s? )*(?:pequen[oa]s? )?(?:problemas?|fallas?|fallos?|errores|error|inconvenientes?|incidencias?|imprevistos?|percances?|contratiempos?|descuidos?|confusion(?:es)?|lios?|equivocaciones|equivocacion|desajustes?|complicaciones|complicacion|irregularidad(?:es)?|anomalias?|inconsistencias?)(?: [\\p{L}]+)? (?:en|al|con|durante|a la hora de|de|mientras)\\b',
      // «se nos fue un detalle», «se les pasó»
      'se (?:nos|me|le|les|te) (?:fue|fueron|ha ido|han ido|paso|pasaron|escapo|escaparon|colo|colaron|quedo|quedaron|olvido|olvidaron) (?:un|una|algun|alguna|el|la|los|las|unos|unas)\\b',
      // «quedó sin hacer», «se quedó sin probar»
      '(?:se )?(?:quedo|quedaron|ha quedado|han quedado) sin (?:hacer|probar|revisar|aplicar|subir|ejecutar|correr|comprobar|verificar|actualizar|incluir|terminar|pasar|completar)',
      // «se descuidó la revisión»: se + verbo de descuido
      'se (?:{descuidar}|{omitir}|{traspapelar}|{extraviar}|{saltear}|{obviar}|{desatender})',
      // la cosa desapareció sola: «la validación desapareció en la última versión»
      '(?<!(?:error|fallo|bug|problema|aviso|mensaje|falla)s? )(?:desaparecio|desaparecieron|se perdio|se perdieron|se esfumo|se fue|se fueron|se cayo|se cayeron|quedo fuera|quedaron fuera) (?:en|con|tras|al|durante|despues de) (?:la|el) (?:ultim[oa] |reciente |nuev[oa] |anterior )?(?:version|actualizacion|despliegue|subida|migracion|cambio|fusion|merge|deploy)',
      'no se (?:hizo|hicieron|ejecuto|ejecutaron|lanzo|lanzaron|corrio|corrieron|realizo|realizaron|completo|completaron|programo|activo|hizo nunca)',
      '(?:defectuos[oa]|equivocad[oa]|rot[oa]|incorrect[oa]|sin probar|vie[jo]a|antigu[oa]|incomplet[oa]|a medio hacer) (?:[\\p{L}]+ )?(?:llego|paso|se colo|se subio|acabo|termino|fue a parar) (?:a|en) (?:produccion|la web|el servidor|la version|el sitio)',
      'se (?:ejecuto|ejecutaron|lanzo|lanzaron|corrio|corrieron|uso|usaron|aplico|aplicaron|cargo|cargaron|instalo|instalaron|desplego|publico|subio|subieron) (?:el|la|los|las|un|una|unos|unas) (?:[\\p{L}]+ )?(?:equivocad[oa]s?|incorrect[oa]s?|errone[oa]s?|que no (?:era|tocaba|correspondia))',
      'no (?:termino|terminaron|acabo|acabaron|llego|llegaron) de (?:aplicarse|instalarse|subirse|completarse|ejecutarse|cargarse|desplegarse|guardarse|copiarse)',
      `se ${DID_SE} (?:[\\p{L}]+ ){0,3}?(?:durante|en|al|con|tras) (?:la|el) (?:actualizacion|migracion|despliegue|subida|cambio|fusion|traslado|mudanza|sincronizacion|restauracion|version|deploy|merge)`,
      'se (?:metio|metieron|colo|colaron|introdujo|introdujeron|filtro|filtraron|deslizo|deslizaron) (?:un|una|algun|alguna|unos|unas) (?:pequen[oa] )?(?:error|errores|fallo|fallos|bug|bugs|cambio|cambios|problema|problemas)',
      '(?:termino|terminaron|acabo|acabaron|resulto|resultaron)(?: siendo)? (?:revertid|borrad|eliminad|sobrescrit|pisad|deshech|restaurad|perdid|desactivad|rot|cambiad|reemplazad)[oa]s?',
      'se (?:termino|acabo) \\p{L}+(?:ando|iendo)(?:se)? sol[oa]|por alguna razon|no se (?:como|por que)(?= *(?:[.,;!]|$))|vaya (?:uno )?a saber (?:como|por que)|misteriosamente',
      'se (?:cruzaron|mezclaron|liaron|confundieron|traspapelaron) (?:unos |los |algunos |unas |las )?(?:cables|archivos|datos|ramas|versiones|cosas|papeles)',
      '(?:fue|fueron|ha sido|han sido|quedo|quedaron) (?:sobrescrit|borrad|eliminad|revertid|deshech|modificad|cambiad|perdid|pisad|reemplazad|reiniciad|restaurad|desactivad)[oa]s?',
      'se (?:genero|generaron|origino|originaron|presento|presentaron|creo) (?:un|una|algun|alguna|ciert[oa]s?|unos|unas) (?:inconvenientes?|problemas?|errore?s?|fallos?|fallas?|incidencias?|irregularidad(?:es)?|anomalias?)',
      '(?:se )?(?:quedo|quedaron) (?:un|una|el|la|los|las|unos|unas|algun|alguna) \\p{L}+ sin (?:actualizar|subir|aplicar|probar|revisar|copiar|migrar|incluir)',
      'de (?:forma|manera|modo) (?:involuntaria|accidental|inadvertida|no intencionada)|involuntariamente|inadvertidamente',
      // «volvió una versión vieja del archivo»
      '(?:volvio|regreso|se colo|reaparecio|aparecio|quedo|se subio|se restauro|entro) (?:una|la|el|un) (?:version|copia|archivo|codigo|configuracion|respaldo|backup) (?:vieja|viejo|antigua|antiguo|anterior|equivocada|equivocado|desactualizada|desactualizado|incorrecta|incorrecto)',
    ].map((p) => p + CAUSA_PROPIA_DESPUES),
    guards: ['ownsIt', 'agent', 'negated'],
    ...ADVICE_ES.agentless,
    fixScope: 'sentence',
    examples: {
      flag: ['Ha habido ciertos problemas en el proceso de publicación.', 'Se nos fue un detalle en el código de la pasarela.', 'Infortunadamente, el paso de control de calidad quedó sin hacer esta vez.', 'Ocurrió una falla al migrar los datos del viernes.', 'Al parecer se descuidó la revisión del código antes de subirlo.', 'Volvió una versión vieja del archivo al sincronizar y de ahí el bug.'],
      pass: ['Cometí un error al migrar los datos del viernes y lo corrijo hoy.', 'Olvidé probar la pasarela; fue un error mío.'],
    },
  },
];

