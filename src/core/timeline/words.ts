// The timeline's words in English and Spanish, chosen by the reader's language (the client's for the
// proof page, VS Code's for the panel), as reply templates are. Plain words never hold commit ids,
// branch names or commit subjects; the caller passes those only to the technical forms.
import type { Language } from '../store/model';
import type { Perspective } from './model';

/** Who made a change: the user (`you` in the panel, `me` on the client's page) or a named author. */
export interface Who {
  mine: boolean;
  name: string;
}

export interface TimelineWords {
  clientLane: string;
  fixLane(index: number | null): string;
  /** A release line or branch that never got the fix. */
  withoutFix(line: string | null): string;
  notOnTarget(line: string | null): string;
  /** A lane's note for a fix made again on another release line. */
  counterpart: string;
  /** A fix undone and then replaced by a later fix (supersededBy). */
  attempt: string;
  mineTag(perspective: Perspective): string;
  today: string;
  report: string;
  reportFact(channel: string | undefined): string;
  reportVersion(version: string): string;
  fix: string;
  fixFact: string;
  copy: string;
  copyFact: string;
  /** A copy linked itself, off the main line (a backport). */
  backportFact: string;
  release(first: boolean, name: string): string;
  moreReleases(count: number): string;
  releaseUndone(name: string): string;
  moreChanges(count: number): string;
  releaseAltered(name: string): string;
  installed: string;
  deployedFact(ref: string, contains: boolean): string;
  deployedLinesChanged(intact: number, added: number): string;
  change: string;
  changeFact(who: Who, perspective: Perspective, lines: number | null): string;
  revert: string;
  revertFact(who: Who, perspective: Perspective): string;
  /** Said of a change or revert on the target that the client's version, holding the fix intact, does not have. */
  notInClientVersion: string;
  reply: string;
  replyFact: string;
  author(name: string, mine: boolean, perspective: Perspective): string;
  linesIntact(intact: number, added: number): string;
  verdict: {
    noFix: string;
    notOnTarget(line: string | null): string;
    reverted(who: Who, perspective: Perspective, date: string): string;
    /** `update`: a release of the client's line that has the fix, when it is not `release`. */
    notDeployed(release: string | null, deployed: string, update: string | null): string;
    modified(who: Who | null, perspective: Perspective, date: string | null): string;
    deployedUnknown(line: string | null): string;
    intact: string;
  };
  page: {
    title(id: string | null): string;
    facts: string;
    technical: string;
    technicalIntro: string;
    generated(date: string): string;
    legend: string;
    target(ref: string, sha: string): string;
    deployed(ref: string, sha: string): string;
    compressed: string;
  };
  quiet(days: number): string;
  missingFix(shas: string): string;
  unmeasured(files: string): string;
  shallow: string;
}

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const EN: TimelineWords = {
  clientLane: 'Client',
  fixLane: (i) => (i === null ? 'Fix' : `Fix ${i}`),
  withoutFix: (line) => (line === null ? 'Main version: without the fix' : `${line}: without the fix`),
  notOnTarget: (line) => (line === null ? 'not in the main version' : `not on ${line}`),
  counterpart: 'the same fix, on another release line',
  attempt: 'a first attempt, undone and replaced',
  mineTag: (p) => (p === 'user' ? 'you' : 'mine'),
  today: 'today',
  report: 'report',
  reportFact: (channel) => (channel ? `Client's report (${channel})` : "Client's report"),
  reportVersion: (v) => `Version they said they run: ${v}`,
  fix: 'fix',
  fixFact: 'The fix of the problem',
  copy: 'copy',
  copyFact: 'A copy of the fix, brought to the main version',
  backportFact: 'A copy of the fix, on another release line',
  release: (first, name) => (first ? `First release with the fix: ${name}` : `Release ${name}, with the fix`),
  moreReleases: (n) => `and ${plural(n, 'later release', 'later releases')} with it`,
  moreChanges: (n) => `${plural(n, 'more later change', 'more later changes')} to the fixed code, not drawn`,
  releaseUndone: (name) => `Release ${name}: it has the fix and also the change that undid it`,
  releaseAltered: (name) => `Release ${name}: it has the fix and also a later change to it`,
  installed: 'installed',
  deployedFact: (ref, contains) => (contains ? `The client's version (${ref}) includes the fix` : `The client's version (${ref}) does not include the fix`),
  deployedLinesChanged: (intact, added) => (intact === 0 ? 'but none of its lines remain as the fix left them' : `but only ${intact} of its ${added} lines remain as the fix left them`),
  change: 'change',
  changeFact: (who, p, lines) => {
    const by = who.mine ? (p === 'user' ? 'Your change' : 'A change of mine') : `A change by ${who.name}`;
    return lines === null ? `${by} touched the fixed code` : `${by} modified ${plural(lines, 'line', 'lines')} of the fix`;
  },
  revert: 'undone',
  revertFact: (who, p) => `${who.mine ? (p === 'user' ? 'Your change' : 'A change of mine') : `A change by ${who.name}`} undid the fix`,
  notInClientVersion: "not in the client's version",
  reply: 'reply',
  replyFact: 'Reply sent to the client',
  author: (name, mine, p) => (mine ? `${name} (${p === 'user' ? 'you' : 'me'})` : name),
  linesIntact: (intact, added) => `${intact} of ${plural(added, 'line', 'lines')} intact`,
  verdict: {
    noFix: 'No change in the code is linked to this issue yet.',
    notOnTarget: (line) => (line === null ? 'The fix exists, but it is not in the main version yet.' : `The fix exists, but it is not on ${line}.`),
    reverted: (who, p, date) => (who.mine && p === 'user' ? `You undid the fix on ${date}, which would explain why the problem is back.` : `${who.mine ? 'A change of mine' : `A change by ${who.name}`} undid the fix on ${date}, which would explain why the problem is back.`),
    notDeployed: (release, deployed, update) =>
      (release === null ? `The fix is not in the client's version (${deployed}) yet` : `The fix is in release ${release}, but not in the client's version (${deployed})`) +
      (update === null ? '.' : `; update ${update} of that version has it.`),
    modified: (who, p, date) => {
      if (who === null || date === null) return 'Lines of the fix were changed after it.';
      if (who.mine && p === 'user') return `Your change of ${date} modified the fix.`;
      return `${who.mine ? 'A later change of mine' : `A later change by ${who.name}`} modified the fix on ${date}.`;
    },
    deployedUnknown: (line) => `The fix is intact ${line === null ? 'in the main version' : `on ${line}`}; the client's version is not known.`,
    intact: "The fix is intact in the client's version: the cause is probably new.",
  },
  page: {
    title: (id) => (id === null ? 'Proof of fix' : `Proof of fix: ${id}`),
    facts: 'The facts, in order',
    technical: 'Technical details',
    technicalIntro: 'The exact commits and versions, for anyone who wants to check them in the code history.',
    generated: (date) => `Checked on ${date} from the project's code history.`,
    legend: 'Hover over a mark to read its facts.',
    target: (ref, sha) => `Main line: ${ref} at ${sha}`,
    deployed: (ref, sha) => `Client's version: ${ref} at ${sha}`,
    compressed: 'A zigzag on the axis is a long quiet stretch, drawn shorter.',
  },
  quiet: (days) => (days >= 60 ? `${Math.round(days / 30)} months` : plural(days, 'day', 'days')),
  missingFix: (shas) => `The linked fix commit ${shas} is not in this repository: fetch it or correct the link.`,
  unmeasured: (files) => `Git could not tell where ${files} went, so the fix's lines there were not measured.`,
  shallow: 'The history is incomplete (a shallow clone): older facts may be missing.',
};

const ES: TimelineWords = {
  clientLane: 'Cliente',
  fixLane: (i) => (i === null ? 'Corrección' : `Corrección ${i}`),
  withoutFix: (line) => (line === null ? 'Versión principal: sin la corrección' : `${line}: sin la corrección`),
  notOnTarget: (line) => (line === null ? 'fuera de la versión principal' : `fuera de ${line}`),
  counterpart: 'la misma corrección, en otra línea de versiones',
  attempt: 'un primer intento, deshecho y sustituido',
  // "yo", not "mío": the tag follows marks of either gender (corrección, cambio).
  mineTag: (p) => (p === 'user' ? 'tú' : 'yo'),
  today: 'hoy',
  report: 'aviso',
  reportFact: (channel) => (channel ? `Aviso del cliente (${channel})` : 'Aviso del cliente'),
  reportVersion: (v) => `Versión que dijo usar: ${v}`,
  fix: 'corrección',
  fixFact: 'La corrección del problema',
  copy: 'copia',
  copyFact: 'Una copia de la corrección, llevada a la versión principal',
  backportFact: 'Una copia de la corrección, en otra línea de versiones',
  release: (first, name) => (first ? `Primera versión con la corrección: ${name}` : `Versión ${name}, con la corrección`),
  moreReleases: (n) => (n === 1 ? 'y 1 versión posterior que la incluye' : `y ${n} versiones posteriores que la incluyen`),
  moreChanges: (n) => (n === 1 ? '1 cambio posterior más en el código corregido, sin dibujar' : `${n} cambios posteriores más en el código corregido, sin dibujar`),
  releaseUndone: (name) => `Versión ${name}: tiene la corrección y también el cambio que la deshizo`,
  releaseAltered: (name) => `Versión ${name}: tiene la corrección y también un cambio posterior que la modificó`,
  installed: 'instalada',
  deployedFact: (ref, contains) => (contains ? `La versión del cliente (${ref}) incluye la corrección` : `La versión del cliente (${ref}) no incluye la corrección`),
  deployedLinesChanged: (intact, added) => (intact === 0 ? 'pero ninguna de sus líneas sigue como la dejó la corrección' : `pero solo ${intact} de sus ${added} líneas siguen como las dejó la corrección`),
  change: 'cambio',
  changeFact: (who, p, lines) => {
    const by = who.mine ? (p === 'user' ? 'Tu cambio' : 'Un cambio mío') : `Un cambio de ${who.name}`;
    return lines === null ? `${by} tocó el código corregido` : `${by} modificó ${plural(lines, 'línea', 'líneas')} de la corrección`;
  },
  revert: 'deshecha',
  revertFact: (who, p) => `${who.mine ? (p === 'user' ? 'Tu cambio' : 'Un cambio mío') : `Un cambio de ${who.name}`} deshizo la corrección`,
  notInClientVersion: 'no está en la versión del cliente',
  reply: 'respuesta',
  replyFact: 'Respuesta enviada al cliente',
  author: (name, mine, p) => (mine ? `${name} (${p === 'user' ? 'tú' : 'yo'})` : name),
  linesIntact: (intact, added) => `${intact} de ${plural(added, 'línea intacta', 'líneas intactas')}`,
  verdict: {
    noFix: 'Todavía no hay ningún cambio del código vinculado a esta incidencia.',
    notOnTarget: (line) => (line === null ? 'La corrección existe, pero todavía no está en la versión principal.' : `La corrección existe, pero no está en ${line}.`),
    reverted: (who, p, date) => (who.mine && p === 'user' ? `Deshiciste la corrección el ${date}, lo que explicaría que el problema haya vuelto.` : `${who.mine ? 'Un cambio mío' : `Un cambio de ${who.name}`} deshizo la corrección el ${date}, lo que explicaría que el problema haya vuelto.`),
    notDeployed: (release, deployed, update) =>
      (release === null ? `La corrección todavía no está en la versión del cliente (${deployed})` : `La corrección está en la versión ${release}, pero no en la del cliente (${deployed})`) +
      (update === null ? '.' : `; la actualización ${update} de esa versión sí la tiene.`),
    modified: (who, p, date) => {
      if (who === null || date === null) return 'Después de la corrección se cambiaron líneas suyas.';
      if (who.mine && p === 'user') return `Tu cambio del ${date} modificó la corrección.`;
      return `${who.mine ? 'Un cambio mío posterior' : `Un cambio posterior de ${who.name}`} modificó la corrección el ${date}.`;
    },
    deployedUnknown: (line) => `La corrección sigue intacta ${line === null ? 'en la versión principal' : `en ${line}`}; no se sabe qué versión usa el cliente.`,
    intact: 'La corrección sigue intacta en la versión del cliente: la causa es probablemente nueva.',
  },
  page: {
    title: (id) => (id === null ? 'Informe de la corrección' : `Informe de la corrección: ${id}`),
    facts: 'Los hechos, en orden',
    technical: 'Detalles técnicos',
    technicalIntro: 'Los commits y las versiones exactos, para quien quiera comprobarlos en el historial del código.',
    generated: (date) => `Comprobado el ${date} en el historial del código del proyecto.`,
    legend: 'Al pasar el puntero sobre una marca se ven sus datos.',
    target: (ref, sha) => `Línea principal: ${ref} en ${sha}`,
    deployed: (ref, sha) => `Versión del cliente: ${ref} en ${sha}`,
    compressed: 'Un zigzag en el eje es un tramo largo sin cambios, dibujado más corto.',
  },
  quiet: (days) => (days >= 60 ? `${Math.round(days / 30)} meses` : plural(days, 'día', 'días')),
  missingFix: (shas) => `El commit de corrección vinculado ${shas} no está en este repositorio: tráelo o corrige el vínculo.`,
  unmeasured: (files) => `Git no pudo determinar adónde fue ${files}, así que no se midieron ahí las líneas de la corrección.`,
  shallow: 'El historial está incompleto (un clon superficial): pueden faltar hechos antiguos.',
};

export function timelineWords(language: Language): TimelineWords {
  return language === 'es' ? ES : EN;
}
