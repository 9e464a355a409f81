// Verb forms for the tone rules, generated rather than listed: a rule writes `{garantizar}` and
// matches "garantizo", "garantice", "te lo garantizaría", "garantizárselo", voseo "garantizás"...
// Spanish regular conjugation (all persons, the common tenses, subjunctive, imperative with vos,
// gerund, participle) with the -ar spelling changes (z→c, c→qu, g→gu before e); irregular verbs add
// their own forms from a small table. English verbs get -s, -ed and -ing forms plus irregular pasts.
// Forms are accent-free, as the matcher folds accents before matching.

const ENCLITICS = '(?:(?:me|te|se|le|lo|la|nos|os|les|los|las){1,2})?';

const AR = {
  plain: ['o', 'as', 'a', 'amos', 'ais', 'an', 'aste', 'o', 'asteis', 'aron', 'aba', 'abas', 'abamos', 'abais', 'aban',
    'ara', 'aras', 'aramos', 'arais', 'aran', 'ase', 'ases', 'asemos', 'aseis', 'asen', 'ad', 'ando', 'ado', 'ada', 'ados', 'adas', 'ar'],
  // Endings that start with e change the stem's spelling (garantice, explique, entregue).
  soft: ['e', 'es', 'emos', 'eis', 'en'],
};

const ER_IR = {
  plain: ['o', 'es', 'e', 'emos', 'eis', 'en', 'imos', 'is', 'i', 'iste', 'io', 'isteis', 'ieron', 'ia', 'ias', 'iamos', 'iais', 'ian',
    'a', 'as', 'amos', 'ais', 'an', 'iera', 'ieras', 'ieramos', 'ierais', 'ieran', 'iese', 'ieses', 'iesen', 'ed', 'id', 'iendo', 'ido', 'ida', 'idos', 'idas'],
};

const FUTURE = ['e', 'as', 'a', 'emos', 'eis', 'an', 'ia', 'ias', 'iamos', 'iais', 'ian'];

/** Forms a regular rule would get wrong; they are added to the generated ones. */
const IRREGULAR: Readonly<Record<string, string>> = {
  decir: 'digo dices decis dice decimos dicen dije dijiste dijo dijimos dijisteis dijeron decia decias deciamos decian dire diras dira diremos diran diria dirias diriamos dirian diga digas digamos digan dijera dijeras dijeran di deci decid diciendo dicho dicha',
  hacer: 'hago haces haceis hace hacemos hacen hice hiciste hizo hicimos hicieron hacia hare haras hara haremos haran haria harias hariamos harian haga hagas hagamos hagan hiciera hicieras hicieran haz hace haced haciendo hecho hecha',
  dar: 'doy das da damos dan di diste dio dimos dieron daba dabas daban dare daras dara daremos daran daria darias darian de des demos den diera dieras dieran',
  poder: 'puedo puedes podes puede podemos pueden pude pudiste pudo pudimos pudieron podia podias podian podre podras podra podremos podran podria podrias podriamos podrian pueda puedas podamos puedan pudiera pudieras pudieran',
  tener: 'tengo tienes tenes tiene tenemos tienen tuve tuviste tuvo tuvimos tuvieron tenia tenias teniamos tenian tendre tendras tendra tendremos tendran tendria tendrias tendriamos tendrian tenga tengas tengamos tengan tuviera tuvieras tuvieran ten tene',
  resolver: 'resuelvo resuelves resolves resuelve resolvemos resuelven resuelva resuelvas resuelvan resuelto resuelta resueltos resueltas',
  volver: 'vuelvo vuelves volves vuelve volvemos vuelven vuelva vuelvas vuelvan vuelto vuelta',
  romper: 'roto rota rotos rotas',
  corregir: 'corrijo corriges corregis corrige corregimos corrigen corrigio corrigieron corrija corrijas corrijamos corrijan corrigiera corrigiendo',
  advertir: 'advierto adviertes advertis advierte advierten advirtio advirtieron advierta adviertas adviertan advirtiendo',
  seguir: 'sigo sigues seguis sigue seguimos siguen siguio siguieron siga sigas sigamos sigan siguiendo',
  poner: 'pongo pones pone ponen puse pusiste puso pusimos pusieron pondre pondra pondran pondria ponga pongas pongan pon pone puesto puesta',
  saber: 'se sabes sabes sabe sabemos saben supe supiste supo supimos supieron sabre sabras sabra sabran sabria sepa sepas sepamos sepan supiera',
  querer: 'quiero quieres queres quiere queremos quieren quise quisiste quiso quisimos quisieron querre querras querra querria quiera quieras quieran quisiera quisieras quisieran',
  andar: 'anduve anduvo anduvieron anduviera',
  estar: 'estoy estas esta estamos estais estan estuve estuviste estuvo estuvimos estuvieron estaba estabas estabamos estaban estare estaras estara estaremos estaran estaria estarias estarian este estes estemos esten estuviera',
  ser: 'soy eres sos es somos son fui fuiste fue fuimos fueron era eras eramos eran sere seras sera seremos seran seria serias seriamos serian sea seas seamos sean fuera fueras fueran',
  ir: 'voy vas va vamos van fui fuiste fue fuimos fueron iba ibas ibamos iban ire iras ira iremos iran iria irias iriamos irian vaya vayas vayamos vayan fuera fueras fueran ve anda yendo ido',
  haber: 'he has ha hemos han hay habia habias habiamos habian hube hubo habre habras habra habremos habran habria habrias habriamos habrian haya hayas hayamos hayan hubiera hubieras hubieramos hubieran hubiese',
};

function softStem(stem: string): string {
  if (stem.endsWith('z')) return `${stem.slice(0, -1)}c`;
  if (stem.endsWith('c')) return `${stem.slice(0, -1)}qu`;
  if (stem.endsWith('g')) return `${stem}u`;
  return stem;
}

/** Every form of a Spanish verb, accent-free, from its infinitive (reflexive -se allowed). */
export function spanishForms(infinitive: string): string[] {
  const verb = infinitive.replace(/se$/, '');
  const forms = new Set<string>();
  const ending = verb.slice(-2);
  const stem = verb.slice(0, -2);
  if (ending === 'ar') {
    for (const e of AR.plain) forms.add(stem + e);
    for (const e of AR.soft) forms.add(softStem(stem) + e);
    forms.add(`${softStem(stem)}e`);
  } else if (ending === 'er' || ending === 'ir') {
    for (const e of ER_IR.plain) forms.add(stem + e);
    forms.add(verb);
  }
  const futureStem = /^(?:decir|hacer|poder|tener|poner|saber|querer|haber)$/.test(verb) ? '' : verb;
  if (futureStem !== '') for (const e of FUTURE) forms.add(futureStem + e);
  for (const f of (IRREGULAR[verb] ?? '').split(' ')) if (f !== '') forms.add(f);
  return [...forms].sort((a, b) => b.length - a.length);
}

const ENGLISH_IRREGULAR: Readonly<Record<string, string>> = {
  tell: 'told', say: 'said', break: 'broke broken', make: 'made', do: 'did done does', forget: 'forgot forgotten',
  leave: 'left', get: 'got gotten', give: 'gave given', swear: 'swore sworn', write: 'wrote written', send: 'sent',
  go: 'went gone goes', mean: 'meant', know: 'knew known', be: 'am is are was were been being',
  undo: 'undid undone undoes', overwrite: 'overwrote overwritten', eat: 'ate eaten', take: 'took taken', run: 'ran',
};

/** The forms of an English verb: base, -s, -ed, -ing and irregular pasts. */
export function englishForms(verb: string): string[] {
  const forms = new Set<string>([verb]);
  const consonantY = /[^aeiou]y$/.test(verb);
  forms.add(consonantY ? `${verb.slice(0, -1)}ies` : /(?:s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : `${verb}s`);
  forms.add(consonantY ? `${verb.slice(0, -1)}ied` : verb.endsWith('e') ? `${verb}d` : `${verb}ed`);
  forms.add(verb.endsWith('e') && !verb.endsWith('ee') ? `${verb.slice(0, -1)}ing` : `${verb}ing`);
  // One short vowel before one final consonant doubles it: drop → dropped, swap → swapping, set → setting.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb)) forms.add(`${verb}${verb.slice(-1)}ed`).add(`${verb}${verb.slice(-1)}ing`);
  for (const f of (ENGLISH_IRREGULAR[verb] ?? '').split(' ')) if (f !== '') forms.add(f);
  return [...forms].sort((a, b) => b.length - a.length);
}

interface Trie {
  [ch: string]: Trie;
}

/**
 * One alternation for many words, factored by shared prefixes ("garantiz(?:o|as|a...)"), so that a
 * verb's sixty forms cost the regular-expression engine a few branches instead of sixty.
 */
function wordsPattern(words: readonly string[]): string {
  const root: Trie = {};
  for (const word of words) {
    let node = root;
    for (const ch of word) node = node[ch] ??= {};
    node[''] = {};
  }
  const emit = (node: Trie): string => {
    const keys = Object.keys(node);
    const branches = keys.filter((k) => k !== '').map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + emit(node[k] as Trie));
    const optional = keys.includes('');
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
    if (!optional) return body;
    return branches.length === 1 && (branches[0] as string).length === 1 ? `${body}?` : `(?:${branches.join('|')})?`;
  };
  return emit(root);
}

/** "que" as chat writes it: "creo q ya quedó", "tendría q estar". A whole word only (not "porque", "queda"). */
const QUE = /(?<=^|[^\p{L}\\]|\\b)que(?!\p{L})/gu;

/** Replaces `{verbo}` (Spanish, with enclitic pronouns) and `{en:verb}` in a rule pattern by their forms, and "que" by "que" or "q". */
export function expandVerbs(source: string): string {
  // `{tocar|cambiar|…}`: the forms of several verbs as one factored alternation. A class of sixty
  // verbs written as sixty groups made a 100 KB expression that took V8 a second to compile.
  return expand(source, formExpansions, (en, list) => (en ? `(?:${wordsPattern(list.flatMap(englishForms))})` : `(?:${wordsPattern(list.flatMap(spanishForms))})${ENCLITICS}`));
}

/**
 * A rule pattern as `expandVerbs` gives it, for reading what its matches must contain (literals.ts):
 * a verb class stands as the first three letters of its forms followed by any letters, which every
 * form matches, so the reading stays true and takes a few hundred characters instead of ten thousand.
 */
export function expandVerbsForLiterals(source: string): string {
  return expand(source, literalExpansions, (en, list) => {
    const forms = en ? list.flatMap(englishForms) : list.flatMap(spanishForms);
    const prefixes = [...new Set(forms.map((f) => f.slice(0, 3)))];
    return `(?:${prefixes.join('|')})\\p{L}*`;
  });
}

// A verb class recurs in many patterns (the blame rules' sixty verbs in seven): each expansion is
// built once, by the class as written.
const formExpansions = new Map<string, string>();
const literalExpansions = new Map<string, string>();

function expand(source: string, built: Map<string, string>, forms: (en: boolean, verbs: string[]) => string): string {
  return source.replace(QUE, '(?:que|q)').replace(/\{(en:)?([a-z]+(?:\|[a-z]+)*)\}/g, (all, en: string | undefined, verbs: string) => {
    let expansion = built.get(all);
    if (expansion === undefined) built.set(all, (expansion = forms(en !== undefined, verbs.split('|'))));
    return expansion;
  });
}
