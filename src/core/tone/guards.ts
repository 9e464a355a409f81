// The guards: what around a match makes it honest rather than a finding. They read the folded
// (accent-free) sentence of the match and, for some, the next one, in either language, since a
// reply quotes words of the other language often enough and the markers do not collide.
import type { ChangeOwner, ToneGuard } from './model';

export interface MatchContext {
  /**
   * All in lower case, accents folded. The text before the match from the start of its sentence, or of
   * the first of the sentences joined to it by ";" (check.ts), and from the match's end to the sentence's end.
   */
  before: string;
  match: string;
  after: string;
  /** The next sentence (empty at the end of the text), for "we are on it. I will call you at 5". */
  next: string;
  /**
   * The sentence before the match's unit (absent or empty at the start), for a fault owned or located
   * across a full stop: "Es responsabilidad mía. Ya estoy con ello." reads as the ";" case does.
   */
  previous?: string;
  /** Whose change the evidence blames, when known. */
  owner?: ChangeOwner;
}

/** The clause the match is in: what follows the last comma, colon, semicolon, dash or parenthesis before it. */
function clauseBefore(before: string): string {
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf(';'), before.lastIndexOf(' - '), before.lastIndexOf('—'), before.lastIndexOf('('));
  return cut < 0 ? before : before.slice(cut + 1);
}

const NEGATION = /(?:\b(?:no|not|never|none|nothing|nobody|nadie|nunca|jamas|ni|tampoco|sin|cannot|nor|didnt|dont|cant|wont|havent|hasnt|isnt|wasnt|couldnt|wouldnt|shouldnt)|n't)(?:\s+[\p{L}']+){0,3}\s*$/u;
/** "No te voy a decir que...", "I won't pretend that...": a negated saying covers what it introduces. */
const NEGATED_SAYING = /(?:\b(?:no|not|never|nunca)|n't)(?:\s+[\p{L}']+){0,4}\s+(?:decir|decirte|decirle|afirmar|fingir|pretender|prometer|prometerte|prometerle|asegurar|asegurarte|asegurarle|garantizar|garantizarte|garantizarle|jurar|say|claim|pretend|tell you|promise|guarantee|swear)(?:\s+(?:que|that))?(?:\s+[\p{L}']+){0,4}\s*$/u;

/**
 * "No puedo garantizarte todavía que no vuelva a pasar", "I can't promise yet that it won't happen
 * again": a negated promise or claim governs the clause it introduces, however far into the sentence.
 */
const NEGATED_GOVERNOR =
  /(?:\b(?:no|not|never|nunca|cannot)|n't)(?:\s+[\p{L}']+){0,3}?\s+(?:prometer|asegurar|garantizar|jurar|afirmar|confirmar|decir|promise|guarantee|assure|swear|confirm|claim|say|tell)\p{L}*(?:\s+[\p{L}']+){0,4}?\s+(?:que|that|whether|si)\b/u;
/** Harm denied inside the match: "your data was not affected at all", "nothing was lost". */
const NEGATED_HARM =
  /\b(?:was|were|is|are|be|been|got|get)(?:\s+(?:not|never)|n't)\s+(?:(?:been|at all|ever)\s+)?(?:affected|impacted|touched|lost|compromised|exposed|corrupted|deleted|damaged|altered|harmed|leaked)\b/u;

/** "No sé cómo, pero se borró", "no entiendo cómo lo han roto": not knowing how negates nothing after it. */
const NOT_KNOWING =
  /\b(?:no (?:se|entiendo|comprendo|me explico) (?:muy )?(?:bien )?(?:como|por que|que)|(?:don't|do not|can't|cannot) (?:know|see|understand|figure out) (?:how|why)|not sure (?:how|why))\b/gu;

/** "tus datos no se perdieron": the same, in a Spanish passive with se. */
const HARM_SE = /^se (?:perdi|borr|toc|afect|modific|alter|dan|elimin|corromp|filtr)\p{L}*/u;

const REPORTING_BEFORE =
  /\b(?:(?:i|we) (?:told|said|thought|believed|claimed|assured|promised|wrote)|(?:he|she|they|it) (?:said|says|claimed)|(?:le|te|les|os|se lo|se la)? ?(?:dije|dijimos|asegure|aseguramos|prometi|prometimos|garantice|garantizamos|jure|juramos|comente|escribi|afirme|afirmamos|pense|pensaba|crei|creia|creiamos)\b[^.]*?\bque|dijo que|dice que|segun (?:el|la|ellos))\b/u;

/** A match that ends on a mock discovery ("now it turns out", "ahora resulta que"): what follows is its sarcasm. */
const MOCK_DISCOVERY = /(?:resulta que|va a ser que|(?:it )?turns out(?: that)?)\s*$/u;

const RETRACTION =
  /\b(?:no (?:era|fue|estaba|resulto) (?:asi|cierto|verdad)|no lo estaba|me equivoque|nos equivocamos|fue un error (?:mio|nuestro)|error mio|culpa mia|me precipite|lo retiro|(?:it|that|this) (?:was|wasn't|was not|turned out) (?:not |n't )?(?:true|the case|right|wrong)|which (?:was not|wasn't) (?:true|the case)|i was wrong|we were wrong|i was mistaken|my (?:mistake|bad|error)|i spoke too soon|that was premature|(?:and|but) it (?:wasn't|was not|isn't|is not)|(?:y|pero) no (?:lo )?(?:era|estaba|quedo|funciono|anduvo|andaba|funcionaba|salio)|(?:and|but) it (?:didn't|did not) (?:work|hold|stick)|me (?:apure|apresure)|i (?:rushed|was hasty)|no tenia (?:base|fundamento|razon|motivo)|sin (?:base|fundamento)|no debi (?:decirlo|decir|decirte|decirle|prometer|prometerte|prometerle|asegurar|prometerlo|asegurarlo)|i (?:shouldn't|should not) have (?:said|promised|claimed)|i had no (?:basis|grounds|reason)|(?:y|,|;) (?:eso )?fue un error|sin haber(?:lo|la)? (?:probado|comprobado|verificado|revisado)|without (?:having )?(?:tested|checked|verified) it|(?:and|which) (?:that |it )?was (?:a mistake|wrong)|i was too quick|seria (?:mentir\p{L}*|faltar a la verdad|enganar\p{L}*)|no seria (?:honesto|verdad|cierto|serio)|would be (?:a lie|lying|dishonest|untrue)|(?:i|we) (?:overstated|overpromised|exaggerated|oversold)|i was (?:too|over|overly) (?:optimistic|confident|hasty)|(?:exagere|me pase de optimista|fui demasiado optimista|me adelante|hable antes de tiempo))\b/u;

const CONDITIONAL =
  /\b(?:should you (?:need|want|wish|prefer|like|have)|if you (?:need|want|wish|prefer|like|would like|have any)|if you(?:'d| would) (?:rather|prefer|like)|(?:until|till|hasta que) (?:[\p{L}']+ ){0,3}(?:is|are|be|este|esten|quede|queden) (?:fully |completely |totalmente |del todo )?(?:fixed|resolved|sorted|solved|arreglad[oa]s?|resuelt[oa]s?|solucionad[oa]s?)|(?:pero|but) (?:lo |la )?(?:i )?(?:puedo|podemos|can|could) (?:sumar|incluir|anadir|agregar|hacer|add|include|do|build|quote)|in case you|if (?:it|that) helps|if (?:someone|somebody|anyone|anybody)|si (?:alguien|alguno|alguna)|si (?:algo|tiene|tienes|tenes|teneis|ve|ves|ven|le surge|te surge|necesitara|necesitaras)|if (?:anything|something|you have|you see|you spot)|si (?:lo |la )?(?:desea|deseas|deseais|prefiere|prefieres|preferis|necesita|necesitas|necesitas|quiere|quieres|queres|le parece|te parece|hace falta|le viene bien|te viene bien)|en caso de que|por si (?:lo|la|le|te|acaso)|whether|not sure (?:yet )?(?:if|whether)|(?:don't|do not) know (?:yet )?(?:if|whether)|no se (?:aun |todavia )?si|todavia no (?:se|sabemos) si)\b/u;
/** The match sits in what the writer does not know yet: "I'm not yet sure why it only hits some orders". */
const UNKNOWN_BEFORE =
  /\b(?:(?:not|n't) (?:yet )?(?:sure|certain|clear) (?:yet )?|(?:don't|do not|can't|cannot) (?:yet )?(?:know|tell|say) (?:yet )?|no (?:se|sabemos|tengo claro|tenemos claro|estoy segur[oa]|estamos segur[oa]s|puedo decir|puedo decirte|puedo decirle) (?:aun |todavia )?|todavia no (?:se|sabemos) )(?:why|how|which|por que|como|cual|cuales)\b[^,;:]*$/u;

/** Small counts written as words, for durations ("in about twenty minutes", "en unos veinte minutos"). */
const NUMBER_WORDS =
  'one|two|three|four|five|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|half an?|una|uno|dos|tres|cuatro|cinco|diez|quince|veinte|treinta|cuarenta|cincuenta|sesenta|media';

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo';
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';

/**
 * The writer has located or owned the fault, or names the concrete step being taken: a repair in
 * progress is then a step, not vague progress ("es un fallo de mi código y lo estoy corrigiendo",
 * "ya lo reproduje y lo estoy corrigiendo", "rolling it back as we speak").
 */
const LOCATED =
  /\b(?:(?:mi|my) (?:codigo|code|cambio|change|merge|commit|fallo|error|bug|responsabilidad|responsibility|fault|mistake)|responsabilidad mia|(?:i|we) introduced|introduje|(?:ya )?(?:lo|la) (?:reproduje|localice|encontre)|(?:reproduje|localice|encontre|ubique) (?:el|la) (?:fallo|error|causa|problema|bug)|(?:i've |i have )?(?:traced|located|reproduced|pinned down) (?:it|the (?:cause|bug|problem|issue|crash|error|fault|failure))|se debe a|is caused by|(?:fallo|error) mio|culpa mia|(?:rolling|rolled) (?:it |this |that )?back|(?:i'm |i am )?(?:reverting|restoring|redeploying)|(?:estoy )?(?:revirtiendo|restaurando|desplegando))\b/u;

/** A fault owned or located, not denied: "no es culpa mía" / "it's not my code" locate nothing. */
function located(text: string): boolean {
  const m = LOCATED.exec(text);
  return m !== null && !/\b(?:no|not|nunca|never|ni|nor|isn't|wasn't|aren't|weren't)\s+(?:[\p{L}']+\s+){0,2}$/u.test(text.slice(0, m.index));
}

const CONCRETE = new RegExp(
  [
    `\\b(?:${WEEKDAYS})\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)? (?:de )?(?:${MONTHS})\\b`,
    `\\b(?:${MONTHS}) \\d{1,2}\\b`,
    '\\b\\d{1,2}[:.]\\d{2}\\b',
    '\\b\\d{1,2} ?(?:am|pm|h|hs)\\b',
    '\\ba las \\d',
    '\\ba (?:la una|las (?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce))\\b',
    '\\bat (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b',
    '\\bat (?:\\d|noon|midday)',
    '\\b\\d{1,4}[-/]\\d{1,2}(?:[-/]\\d{1,4})?\\b',
    '\\b(?:hoy|today|tomorrow|tonight|yesterday|ayer|anoche|last night|today by|today before|end of (?:the )?day|eod|first thing|this (?:afternoon|morning|evening)|next (?:week|monday|tuesday|wednesday|thursday|friday))\\b',
    '\\b(?:manana (?:a|por|antes|temprano|sin falta|mismo|a primera)|hoy (?:a las|antes|por la|mismo)|esta (?:tarde|manana|noche)|pasado manana|antes de(?:l| las| que acabe| que termine| fin| mediodia| las)|a primera hora|al mediodia|fin de semana)\\b',
    '\\b(?:within|in|en|dentro de) (?:\\d+|one|two|three|una|uno|dos|tres|media) (?:hours?|hrs?|minutes?|mins?|days?|horas?|hs|minutos?|min|dias?)\\b',
    // a duration in words, or roughly: "in about twenty minutes", "en unos veinte minutos", "the deploy takes about ten minutes"
    `\\b(?:within|in|en|dentro de|takes|take|tarda|tardara|lleva|llevara) (?:about |around |roughly |some |approximately |unos |unas |aproximadamente |como |cerca de )?(?:\\d+|${NUMBER_WORDS}) (?:more )?(?:hours?|hrs?|minutes?|mins?|horas?|minutos?)\\b`,
    // British half past: "by half four", "at half two"
    '\\b(?:by|at|until|before) half (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b',
    '\\bby (?:\\d|noon|tomorrow|the end|close|eod)',
    '\\bbefore \\d{1,2}\\b',
    // a meal or part of the day as the deadline: "before lunch", "this arvo", "antes de comer"
    '\\b(?:before|after|by) (?:lunch|lunchtime|noon|close of business|cob|the afternoon|this afternoon)\\b',
    '\\bthis arvo\\b',
    '\\b(?:antes|despues) de(?:l)? (?:comer|almuerzo|almorzar|la comida|mediodia)\\b',
    '\\bmanana\\b',
    // the step is right here: "abajo te cuento los detalles", "details below", "attached"
    '\\b(?:abajo|mas abajo|a continuacion|debajo|adjunto|adjunta|adjuntos|below|attached|herewith|here are|here is|aqui (?:tiene|tienes|tenes|va|van|le|te))\\b',
  ].join('|'),
  'u',
);

/**
 * "Se modificó el archivo en algún momento", "it was changed at some point after the release": a vague
 * time that dates a past event is history, not a promise kept vague. The event is a preterite or
 * perfect in the clause before the vague time (se + -ó/-aron/-ió, ha/había/fue + participle, was/got/
 * had + -ed or an irregular participle).
 */
const VAGUE_TIME = /^(?:en (?:algun|cierto|su) (?:momento|punto)|at (?:some|one) (?:point|stage)|somewhere along the (?:line|way))\b/u;
const PAST_EVENT =
  /\b(?:se (?!(?:lo|la|los|las|le|les|me|te|nos|os)\b)[\p{L}]{2,}(?:o|aron|io|ieron)|(?:ha|han|habia|habian|hubo|fue|fueron|habra|habran) (?:sido )?[\p{L}]+(?:ado|ada|ados|adas|ido|ida|idos|idas|isto|echo|ierto|uelto)|(?:was|were|got|had|has|have|had been|has been|have been) (?:[\p{L}]+ )?(?:[\p{L}]+ed|broken|overwritten|written|undone|done|lost|taken|put|set|left|made)|[\p{L}]+ed)(?:\s+(?!(?:will|'ll|shall|and|y|e|pero|but|then|luego|voy|vamos|va|van|lo|la|te|le|i|we)\b)[\p{L}\d']+){0,6}\s*$/u;

const FIRST_PERSON_SUBJECT = /\b(?:yo|nosotros|nosotras|i|we)\b(?:\s+(?:mismo|misma|mismos|ya|tambien|also|really|honestly))?\s*$/u;
const FIRST_PERSON_OWNING = /\b(?:no (?:probe|revise|comprobe|verifique|mire|teste|pense|previ|avise)|i (?:didn't|did not|never) (?:test|check|review|verify|think|foresee|warn)|(?:is|was|lies) in my (?:code|implementation|work|change|commit|update)|(?:esta|estaba|es) en mi (?:codigo|implementacion|trabajo|cambio|commit)|(?:fallo|bug|error) mio|my (?:bug|error)|mi (?:culpa|error|fallo|parte)|(?:por|de) mi parte|culpa mia|error mio|lo siento|perdon\p{L}*|disculp\p{L}*|(?:is|was) mine|(?:es|fue) (?:mio|mia)|(?:it's|that's|this is) on me|(?:that's|it's|this is) my (?:problem|job) to (?:solve|fix|sort)|asumo|me equivoque|my (?:fault|mistake|bad)|on my (?:part|side)|cometi|me equivoque|meti la pata|la fastidie|la embarre|(?:i|we) (?:made a mistake|made an error|broke|messed up|screwed up|forgot|overlooked|missed)|my (?:own |last |latest |recent |first )?(?:change|commit|update|edit)|mi (?:propio |ultimo |primer |reciente )?(?:cambio|commit)|fui yo|(?:it was|that was) me\b|(?:un )?cambio mio|by (?:me|us|myself)|por mi\b|por nosotros|i'm sorry|i am sorry|i apologi[sz]e|a partir de ahora|from now on|se me (?:paso|pasaron|escapo|escaparon|olvido|olvidaron|fue|fueron)|me hago cargo|(?:me|nos) hacemos cargo|que pena con(?:tigo| usted| ustedes)|(?:i|we) introduced (?:the|this|that|a) (?:bug|error|problem|regression|issue)|(?:introduje|introdujimos) (?:el|este|ese|un) (?:error|fallo|bug|problema)|(?:le|te|les) (?:consultare|avisare|preguntare|informare|escribire)|haber(?:le|les|te) (?:avisado|consultado|informado|dicho|preguntado|comentado|advertido|escrito|llamado))\b/u;

const APOLOGY = /\b(?:(?:is|was|lies) in my (?:code|implementation|work|change|commit|update)|(?:esta|estaba|es) en mi (?:codigo|implementacion|trabajo|cambio|commit)|(?:fallo|bug) mio|my bug|no (?:revise|probe|comprobe|verifique|teste) (?:bien|lo suficiente)|i (?:didn't|did not) (?:check|test|review) (?:it |this |that )?(?:properly|enough|well)|(?:tienes|tiene|tenes|tienen|teneis) (?:toda la |mucha |bastante )?razon|you(?:'re| are) (?:absolutely |completely |totally |quite )?right|(?:yo )?(?:tendria|deberia) que haber(?:lo|la)?|i (?:should|ought to) have|(?:yo )?debi haber|debi (?:preguntar|avisar|probar|revisar|comprobar|consultar)\p{L}*|deberia haberlo|i should have|lo siento|lo lamento|perdon\p{L}*|disculp\p{L}*|me equivoque|meti la pata|asumo (?:el error|la culpa|la responsabilidad)|i'm sorry|i am sorry|i apologi[sz]e|apologies|sorry|my (?:mistake|bad)|i was wrong|i (?:messed|slipped|screwed) up|(?:that's |that is |which is )?where i (?:slipped|went wrong)|i dropped the ball|me hago cargo|asumo|(?:mi|my) (?:fallo|error|culpa|fault)|(?:it's|that's|this is|is|was|es|fue) (?:mi|my) (?:responsabilidad|responsibility)|(?:es|fue) responsabilidad mia|(?<!\b(?:how|if|whether|not|why) )(?:it's|that's) on me|(?:that's|it's|this is) my (?:problem|job) to (?:solve|fix|sort)|(?:i|we) (?:introduced|caused|broke) (?:the|this|that|a|it)\b|(?:introduje|introdujimos|cause|provoque) (?:el|este|ese|un|yo)\b|(?<!\bno )(?:fue|es) (?:un )?(?:fallo|error|descuido) mio|se me (?:paso|pasaron|escapo|olvido))\b/u;

/** The writer alone, at it this minute ("I'm checking it right now", "lo estoy comprobando en este momento"): a time, not a vague promise. */
const MINE_NOW_SUBJECT = /^(?:i'm|i am|(?:lo |la |los |las )?estoy|ya (?:lo |la )?estoy)\b/u;
const MINE_NOW = /^\s*(?:[\p{L}']+\s+){0,3}?(?:right now|as we speak|ahora mismo|en este (?:momento|instante|mismo momento))\b/u;

/** The vague time belongs to a request to the client ("cuando pueda, ¿podría comprobarlo?"). */
const REQUEST = /^[^.]*?(?:[?¿]|\b(?:podria|podrias|podes|puede usted|could you|can you|would you|please|por favor|esta bien|le viene bien|te viene bien|is fine|works for me|suits you|no rush|no hurry|sin prisa|no hay prisa|me (?:avisa|avisas|dice|dices|cuenta|cuentas|confirma|confirmas|escribe|escribis|escribes))\b)/u;

const CONTROLLED =
  /^[\s,:]*(?:que |de que |to |that )?(?:(?:el|este|esta|on|by|this|next|el proximo|mañana|manana|hoy|tomorrow|today) (?:[\p{L}\d]+ )?)?(?:(?:yo|i|we|nosotros) )?(?:(?:te|le|les|os|se) (?:lo |la |los )?)?(?:(?:envio|enviare|enviamos|enviaremos|mando|mandare|mandamos|mandaremos|paso|pasare|llamo|llamare|escribo|escribire|aviso|avisare|confirmo|confirmare|respondo|respondere|tendras|tendra|tendran|recibira|recibiras|revisare|revisaremos|dedicare|dedicaremos|estare|estaremos)\b|(?:'ll |will |shall )?(?:send|call|write|email|update|reply|answer|check|look|be (?:there|available|online)|give you|share|let you know|keep you)\b)/u;

/**
 * The sentence goes on to give the writer's own mistake as the cause: "did not reach the server, because I
 * deployed the wrong branch" (not "because I tested everything", which defends).
 */
const OWN_CAUSE_AFTER = /^[^.!?;]{0,80}?\b(?:because|since) (?:i|we) (?:[\p{L}']+ ){0,3}?(?:wrong|forgot|missed|overwrote|mistakenly|by mistake|(?:didn't|did not|never) (?:deploy|push|merge|include|copy|run|test|check))\b/u;
/** The passive names who did it ("por Ana", "by the host"), or sits in an indirect question ("por qué se revirtió"). */
const AGENT_AFTER = /^[\s,]*(?:[\p{L}\d'-]+\s+){0,5}?(?:por|by)\s+(?!(?:un |una |a |an )?(?:error|descuido|despiste|accidente|equivocacion|mistake|accident|oversight)\b|(?:eso|ello|esto|lo que|lo tanto|tanto|suerte|ahi|alli|aqui|then|now|the way|far|default)\b|(?:another|an earlier|a later|an older|the (?:previous|next|last|other|old)|otr[oa]|una version|un commit) ?(?:commit|version|deploy|release|update|merge|build|backup|anterior|antigu[oa])?\b)\p{L}/u;
/** A neutral question about when or where, asked as a question: "Roughly when did you first notice it failing again?" */
const WH_QUESTION = /^(?:\s*[¿]?\s*(?:[\p{L}']+\s+){0,2})(?:when|what time|which (?:day|device|browser|page)|where|since when|how long|cuando|desde cuando|a que hora|que dia|en que (?:dispositivo|navegador|pagina))\b[^?]*$/u;
const QUESTION_BEFORE = /\b(?:por que|why|whether|how|como es que|si|what time|since when|a que hora|en que momento)\s+(?:[\p{L}']+\s+){0,3}$|\b(?:lo que|what|everything that|all that)\s+$/u;

/** A source vouches for what the sentence says: a confirmation, the log, the history. Then it is a fact, not a guess. */
const ATTESTED =
  /\b(?:confirmed|confirms|(?<!\b(?:you'd|you had|had|have|should've|didn't|did not|never|not) )(?:told me|wrote to me|let me know|informed me)|reported|according to (?:the|their|your) (?:log|logs|history|provider|host|support)|the (?:log|logs|history|commit|audit trail) (?:shows?|says)|confirmo|confirmaron|me (?:dijo|dijeron|escribio|avisaron|aviso|informo|informaron)|nos (?:dijo|dijeron|informo|informaron|aviso)|segun (?:el|los|su|sus) (?:registros?|historial|proveedor|soporte)|el (?:registro|historial|commit) (?:muestra|dice|indica))\b/u;

/** What was told is taken back ("como le comenté, pensé que era la caché, pero me equivoqué"): not a reproach. */
const TOLD_WRONG =
  /\b(?:(?<!no )me equivoque|nos equivocamos|i was (?:wrong|mistaken)|we were (?:wrong|mistaken)|i was too quick|i spoke too soon|hable antes de tiempo|me precipite|(?:y|pero) no (?:lo )?(?:era|estaba)|(?:and|but) it (?:wasn't|was not|isn't|is not)|no (?:era|fue|estaba|resulto) (?:asi|cierto|verdad)|which (?:was not|wasn't) (?:true|the case)|(?:le|te|les) debo una explicacion|(?:i )?explained (?:it |that |this )?(?:badly|poorly|wrong)|(?:me|lo|la|te|le) explique mal|no me explique bien|i wasn't clear|owe you (?:a|an) (?:better |proper )?explanation)\b/u;

/**
 * The reassurance is backed: the writer checked, recovered, kept or sends something, or takes the cost ("no te
 * preocupes por los pedidos: los revisé uno a uno", "recuperé los doce de la copia", "don't worry about the invoice, this fix is on me").
 */
const BACKED =
  /\b(?:(?:lo|los|la|las) (?:revise|comprobe|verifique|cruce|cuadre)|(?:he|hemos) (?:revisado|comprobado|verificado|cruzado)|revise|comprobe|verifique|i(?:'ve| have)? (?:cross-?checked|checked|verified|compared|reconciled)|(?:estan|esta) tod[oa]s? (?:guardad|registrad|a salvo|intact)\p{L}*|(?:are|is) (?:all )?(?:safe|saved|recorded|intact)|(?:te|le|les) (?:paso|mando|envio|adjunto)|adjunto|attached|(?:corre|va) por mi cuenta|(?:is|it's) on (?:me|us|the house)|(?:i'd|i would) rather know|here(?:'s| is) the (?:[\p{L}-]+ )?(?:check|query|log|report|proof|screenshot|export)|(?:it was|it's|that was) (?:a change|something|a mistake) i made|(?:it was|that was|fue) (?:my|mi) (?:change|mistake|cambio|error)|the check i ran|(?:que |lo |la )?(?:corrijo|arreglo|soluciono|corregire|arreglare) (?:hoy|manana|esta)|(?:pero|but|aunque|though)\b[^.]{0,60}\b(?:lo ven|see it|notice it|for your|para (?:tu|su)|i get that|entiendo|i understand|priority|prioridad)|(?:esta|es) bien que me (?:avises|avise|escribas|escriba))\b/u;

/**
 * The writer's side is a step, not a shield: reproducing the fault there, or asking the client to
 * check on theirs ("it works on my end now; could you try it on yours?").
 */
const CHECKS_THEIRS =
  /\breproduc\p{L}*|\b(?:i can|i could|i) (?:see|get) (?:it|the (?:error|bug|problem|fault))(?: too| as well)?\b|\b(?:yo )?(?:tambien )?(?:lo|la) (?:veo|vi) (?:yo )?(?:tambien|igual)\b|\b(?:see|check|look at) yours\b|\bver (?:el|la|los|las) (?:tuy|suy)\p{L}*|\b(?:can|could|would) you (?:please )?(?:send|share|give)\b|\bme (?:mandas|mandarias|mandaria|manda|envias|enviarias|enviaria|envia|pasas|pasarias|pasaria|puedes mandar|podes mandar|puede enviar|puede mandar)\b|\b(?:on|in) yours\b|\b(?:del|en el|en la|de) (?:tuyo|tuya|suyo|suya)\b|\b(?:could|can|would) you (?:[\p{L}']+ ){0,3}?(?:check|try|test|give it a go|confirm|see)\b|\b(?:puedes|podes|podrias|podria|puede|me ayudas a|me ayuda a) (?:[\p{L}]+ ){0,2}?(?:comprobar|probar|revisar|checar|verificar|mirar|confirmar)\p{L}*/u;

const APOLOGY_ALL = new RegExp(APOLOGY.source, 'gu');
const DENIED = /(?:\b(?:no|not|never|nunca|ni|outside|fuera de|how|como|que|that|could|can)\b|n't)[^,;:]*$/u;

/** An apology or ownership the writer does not deny in the same clause ("no es responsabilidad mía", "it wasn't my fault"). */
function owned(text: string): boolean {
  for (const m of text.matchAll(APOLOGY_ALL)) {
    const lead = text.slice(Math.max(0, m.index - 40), m.index);
    const clause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf(':'), lead.lastIndexOf('.')) + 1);
    // "Perdón, pero el ticket lo cerré porque estaba resuelto": a sorry that opens a "but" takes nothing back.
    if (/^\s*[,;:]?\s*(?:pero|but|aunque|though|however|sin embargo)\b/u.test(text.slice(m.index + m[0].length))) continue;
    if (!DENIED.test(clause)) return true;
  }
  return false;
}

/** Sorry is not ownership: "Pido disculpas por las molestias; se omitió un paso" still dodges. */
const SORRY = /\b(?:lo siento|lo lamento|perdon\p{L}*|(?:mil |una |mis )?disculp\p{L}*|(?:i'm |i am |so |very )?sorry|(?:my )?apologi\p{L}*|que pena con(?:tigo| usted| ustedes))\b/gu;

/** The match's own sentence within its ";"-joined unit. */
function sentenceOf(before: string): string {
  return before.slice(before.lastIndexOf(';') + 1);
}

/** The text with its apologies taken out: sorry is not ownership ("Apologies for the issue that arose" still dodges). */
function withoutSorry(text: string): string {
  return text.replace(SORRY, ' ');
}

/**
 * The text ownership is looked for in. An apology does not own an agentless event ("Apologies for the
 * issue that arose"), but it does tell whose the subjectless "sin probarlo" or "debería haberlo" is.
 */
function ownerless(match: string, text: string): string {
  return /^(?:without|sin|deberia|debi|tendria que|tenia que)\b/u.test(match) ? text : withoutSorry(text);
}

/**
 * A time made vague again ("next week or so", "sometime tomorrow", "el jueves o así") dates nothing:
 * taken out before the concrete guard looks for a date.
 */
const HEDGED_TIME = new RegExp(
  `(?:\\b(?:sometime|some time|at some point|en algun momento)(?: (?:de|del|de la|during|in|on|over))? )(?:${CONCRETE.source})|(?:${CONCRETE.source})(?:,? (?:or so|or thereabouts|give or take|or whenever|o asi|mas o menos|o por ahi|o algo asi|o cuando (?:pueda|podamos))\\b|-?ish\\b)`,
  'gu',
);

function withoutHedgedTimes(text: string): string {
  return text.replace(HEDGED_TIME, ' ');
}

/**
 * An offer right after a scope note, in the next clause after ";" or after "but": "that change is outside
 * the original quote; I can send you an estimate", "no entraba en el presupuesto; se lo puedo presupuestar".
 */
const OFFER_NEXT =
  /^\s*(?:but |however,? |though,? |pero |aunque |eso si,? )?(?:(?:i|we) (?:can|could|would be (?:happy|glad) to|'d be (?:happy|glad) to|am happy to|'m happy to|will gladly|'ll gladly)(?!'t| ?not)\b|(?:(?:se|te|le|les|os) )?(?:lo |la |los |las )?(?:puedo|podemos|podria|podriamos)\b|con (?:mucho )?gusto\b|encantad[oa] de\b)/u;

/**
 * A plain how-to: a purpose or time clause and an imperative ("To clear the cache, open Settings", "Para
 * exportar, elija Archivo", "Once you update the app, the button appears"), or an imperative that opens
 * the sentence ("Por favor, cierre sesión y vuelva a entrar"), with no word of reproach in it.
 */
const IMPERATIVE =
  '(?:click|tap|open|close|choose|select|pick|go|press|log|sign|enter|type|save|restart|refresh|reload|clear|update|install|try|send|use|scroll|find|copy|paste|drag|upload|download|hold|turn|switch|visit|add|remove|set|follow|wait|fill|attach|empty|delete|pulse|pulsa|pulsad|haga|haz|haced|abra|abre|abri|abrid|elija|elige|elegi|vaya|cierre|cierra|cerra|vuelva|vuelve|volve|entra|escriba|escribe|escribi|guarde|guarda|actualice|actualiza|recargue|recarga|borre|borra|seleccione|selecciona|seleciona|pruebe|prueba|proba|toque|usa|inicie|inicia|introduzca|introduce|introduci|copie|copia|descargue|descarga|instale|instala|marque|marca|espere|active|activa|desactive|desactiva|mantenga|manten|mantene|pinche|pincha|clique|cliquee|acceda|accede|envie|envia|adjunte|adjunta|rellene|rellena|anada|anade|agregue|agrega|quite|quita|limpie|limpia|reinicie|reinicia|salga|cambie|cambia|busque|busca|siga|segui)';
const HOW_TO = new RegExp(
  `^\\s*(?:(?:please|kindly|por favor),? )?(?:(?:(?:to|in order to|para) [\\p{L}]+\\b[^,;:.]{0,60}, |(?:once|when|after|as soon as|cuando|una vez que|una vez|despues de|en cuanto|al) [^,;:.]{1,60}, )(?:(?:please |por favor,? )?${IMPERATIVE}\\b|(?:the|el|la|los|las|you(?:'ll| will)? (?:see|find|get)|vera|veras|veran|aparece|aparecen)\\b)|${IMPERATIVE}\\b)`,
  'u',
);
const REPROACH =
  /\b(?:just|simply|only|merely|obviously|clearly|of course|again|as (?:i|we)|like i|already|once more|one more time|basic|easy|simple|remember|all you|actually|properly|correctly|carefully|for once|yourself|yourselves|really|even|seriously|literally|next time|as usual|solo|solamente|simplemente|nomas|unicamente|obviamente|claro|otra vez|de nuevo|una vez mas|como ya|ya (?:le|te|les|os)|facil|sencillo|basico|recuerde|recuerda|recorda|acuerdese|acuerdate|correctamente|bien|con atencion|de una vez|mismo|misma|siquiera|la proxima vez|por fin|de verdad|en serio|como (?:le|te|les|os) (?:dije|explique|comente))\b|!/u;

/**
 * The cause shared out, not pushed away: "part of the problem was on the hosting side: their mail server
 * rejected the messages", "the host's part was the PHP update; mine is the form", "parte del fallo estuvo
 * en el hosting". A share that is denied ("that's not my part") shares nothing.
 */
const APPORTIONED =
  /\b(?:(?:part|some|much) of (?:the|this|that) (?:problem|issue|error|outage|fault|failure|cause|trouble|delay)|(?:[\p{L}]+'s|their|its) part (?:was|is|in)|(?:parte|una parte|buena parte) del? (?:problema|fallo|error|caida|causa|retraso|la (?:caida|causa|culpa))|la parte (?:del|de la|de los) [\p{L}]+ (?:fue|es|estuvo|esta))\b/u;

/** Whether the guard holds for this match, i.e. the match is not a finding. */
export function guardHolds(guard: ToneGuard, c: MatchContext): boolean {
  switch (guard) {
    case 'negated':
      return (
        NEGATION.test(clauseBefore(c.before).replace(NOT_KNOWING, ' ')) ||
        NEGATED_SAYING.test(c.before) ||
        NEGATED_GOVERNOR.test(c.before) ||
        NEGATED_HARM.test(c.match) ||
        (/\b(?:no|nunca|nada|ninguno|ninguna)\s+$/u.test(c.before) && HARM_SE.test(c.match))
      );
    case 'reported':
      // "ahora resulta que es culpa mía": what follows a mock discovery is the sarcasm, not a retraction.
      return REPORTING_BEFORE.test(c.before) || RETRACTION.test(`${c.before} ${MOCK_DISCOVERY.test(c.match) ? '' : c.after} ${c.next}`);
    case 'conditional':
      // "si en algún momento vuelve a pasar...": the vague time is the client's, inside an if-clause
      // that opens the clause ("ahora sí debería..." is emphasis, not a condition).
      return (
        CONDITIONAL.test(`${c.before} ${c.after}`) ||
        UNKNOWN_BEFORE.test(c.before) ||
        (WH_QUESTION.test(c.before) && /\?\s*$/u.test(`${c.match}${c.after}`)) ||
        /\b(?:until|till|hasta que)\s+(?:[\p{L}']+\s+){0,3}(?:is|are|be|gets?|este|esten|quede|queden)\s+$/u.test(c.before) ||
        /(?:^|[,;:]\s*|\b(?:y|pero|o|and|but|or)\s+)(?:si|if)\s+$/u.test(c.before.trimStart())
      );
    case 'retracted':
      return TOLD_WRONG.test(`${c.before}${c.match}${c.after} ${c.next}`);
    case 'backed':
      return BACKED.test(`${c.after} ${c.next}`);
    case 'checksTheirs':
      // "I can see it too on my end": the fault seen on the writer's side is a step, not a shield.
      if (/\b(?:i can|i could|i) (?:see|get)\s+$/u.test(c.before)) return true;
      return CHECKS_THEIRS.test(`${c.before} ${c.after} ${c.next}`);
    case 'concrete':
      return (
        CONCRETE.test(withoutHedgedTimes(`${c.before} ${c.match} ${c.after} ${c.next}`)) ||
        (MINE_NOW_SUBJECT.test(c.match) && MINE_NOW.test(c.after)) ||
        (VAGUE_TIME.test(c.match) && PAST_EVENT.test(c.before)) ||
        // "Gracias por la paciencia estos días": thanks look back at the days they name.
        (/^(?:estos (?:ultimos )?dias|estas (?:ultimas )?semanas|these (?:last |past )?(?:days|weeks))\b/u.test(c.match) && /\b(?:gracias|thanks|thank you|agradezco|agradecemos)\b/u.test(clauseBefore(c.before))) ||
        located(`${c.before}${c.match}${c.after}`) ||
        (c.previous !== undefined && located(c.previous))
      );
    case 'request':
      return REQUEST.test(c.after);
    case 'apology':
      return owned(`${c.before}${c.match}${c.after} ${c.next}`);
    case 'ownsIt':
      if (/^(?:without|sin)\b/u.test(c.match) && /\b(?:i|we|yo)\b/u.test(clauseBefore(c.before))) return true;
      // "Debería haber probado ese caso antes de entregártelo": the client is the object, so the writer the subject.
      if (/^(?:deberia|debi|tendria que|tenia que) haber\b/u.test(c.match) && /\b\p{L}+(?:ar|er|ir)(?:te|le|les|os)(?:lo|la|los|las)?\b/u.test(c.after)) return true;
      // "esto tenía que haberlo visto yo": the subject after the verb.
      if (/^(?:deberia|debi|tendria que|tenia que|habria que) haber\p{L}*\b/u.test(c.match) && /^[^,;:]*\byo\b/u.test(c.after)) return true;
      return FIRST_PERSON_SUBJECT.test(clauseBefore(c.before)) || (!/\b(?:usted|tu|vos|you|ustedes)\b/iu.test(sentenceOf(c.before)) && FIRST_PERSON_OWNING.test(ownerless(c.match, `${c.before} ${c.match}${c.after} ${c.next}`)));
    case 'agent':
      return AGENT_AFTER.test(c.after) || OWN_CAUSE_AFTER.test(c.after) || QUESTION_BEFORE.test(c.before);
    case 'datedUnlessMine':
      return c.owner !== 'me' && CONCRETE.test(`${c.before} ${c.match} ${c.after} ${c.next}`);
    case 'attested':
      return ATTESTED.test(`${c.before} ${c.match}${c.after}`);
    case 'offered': {
      if (/;\s*$/u.test(c.after) && OFFER_NEXT.test(c.next)) return true;
      const turn = /;|\bbut\b|\bpero\b/u.exec(c.after);
      return turn !== null && OFFER_NEXT.test(c.after.slice(turn.index + turn[0].length));
    }
    case 'apportioned': {
      const text = `${c.before}${c.match}${c.after}`;
      const m = APPORTIONED.exec(text);
      return m !== null && !/(?:\b(?:not|no|never|nunca)|n't)\s+(?:[\p{L}']+\s+){0,2}$/u.test(text.slice(0, m.index));
    }
    case 'instruction': {
      const sentence = `${sentenceOf(c.before)}${c.match}${c.after}`;
      return HOW_TO.test(sentence) && !REPROACH.test(sentence);
    }
    case 'controlled':
      // "I can promise you'll have a diagnosis by 5 today": a dated deliverable the writer controls.
      if (/^\s*(?:that )?you(?:'ll| will) (?:have|get|receive)\b/u.test(c.after) && CONCRETE.test(c.after)) return true;
      return CONTROLLED.test(c.after) || (/\b(?:i'll|i will|we'll|we will|te lo|se lo|le) (?:have it|tendre|tendremos|dejo|dejare)(?: [\p{L}]+)?\s*$/u.test(c.before) && CONCRETE.test(c.after));
  }
}
