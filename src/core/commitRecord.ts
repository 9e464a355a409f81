// A commit of a whole-history scan becomes a full commit only when it references an issue: the
// scan asks git for raw dates and the whole message (no formatting work per commit), and these
// turn one record into the commit the evidence shows. Git's own rules, applied to port data.
import type { MessageRecord, RawCommit } from './gitPort';

/** Git's `%s`: the first paragraph of the message, its lines joined by spaces. */
export function subjectOf(message: string): string {
  const trimmed = message.replace(/^\s*\n/, '');
  const end = trimmed.search(/\n[ \t]*\n/);
  return (end < 0 ? trimmed : trimmed.slice(0, end)).split('\n').map((l) => l.trim()).join(' ').trim();
}

/** A raw git date (epoch seconds and a +hhmm zone) as ISO 8601 in that zone; '' when unreadable. */
export function isoFromEpoch(seconds: string, tz: string): string {
  const epoch = Number(seconds);
  if (!Number.isFinite(epoch)) return '';
  const m = /^([+-])(\d{2})(\d{2})$/.exec(tz);
  const offsetMinutes = m === null ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date((epoch + offsetMinutes * 60) * 1000);
  if (Number.isNaN(local.getTime())) return '';
  const base = local.toISOString().slice(0, 19);
  if (m === null) return `${base}Z`;
  return `${base}${m[1]}${m[2]}:${m[3]}`;
}

export function commitFromRecord(r: MessageRecord): RawCommit {
  return {
    sha: r.sha,
    parents: [],
    authorName: r.authorName,
    authorEmail: r.authorEmail,
    date: isoFromEpoch(r.time, r.zone),
    subject: subjectOf(r.message),
    message: r.message.replace(/\n+$/, ''),
  };
}
