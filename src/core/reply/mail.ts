// Sending a reply from the user's own mail client: the subject line and a mailto: URL (RFC 6068)
// with the contact's address and the reply as a plain text body.

/** "Re: <issue title> (<ID>)", the subject a client expects for a thread about their report. */
export function replySubject(issue: { id: string; title?: string }): string {
  const title = issue.title?.trim();
  return title ? `Re: ${title} (${issue.id})` : `Re: ${issue.id}`;
}

/** A plausible single address: no spaces, one @, no characters that would end the URL's path. */
export function isMailAddress(value: string): boolean {
  return /^[^\s@?&#,;<>"]+@[^\s@?&#,;<>"]+$/.test(value);
}

/**
 * `mailto:to?subject=…&body=…`. Line breaks become CRLF as RFC 6068 asks; an address that is not
 * one is left out (the mail client asks for it) rather than put into the URL.
 */
export function mailtoUrl(message: { to?: string; subject: string; body: string }): string {
  const to = message.to !== undefined && isMailAddress(message.to.trim()) ? encodeURIComponent(message.to.trim()).replace(/%40/g, '@') : '';
  const body = message.body.replace(/\r?\n/g, '\r\n');
  return `mailto:${to}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(body)}`;
}
