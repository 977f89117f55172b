import { formatTimeOnDay } from './time';

/** A run of an event's message: its words as written, or a time written as an ISO instant. */
export type MessagePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'time'; readonly iso: string; readonly text: string };

// An ISO 8601 instant with a zone, as the server writes them into messages ("ETA 2026-12-03T14:05:00.000Z").
const ISO_INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)/g;

/**
 * The message with each ISO instant in it shown as the console shows times: "14:05 UTC" on the
 * event's own UTC day (`at`), "2026-12-04 14:05 UTC" on another. The server's text is unchanged;
 * what is not a readable instant stays as written.
 */
export function messageParts(message: string, at: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let from = 0;
  for (const match of message.matchAll(ISO_INSTANT)) {
    const iso = match[0];
    if (Number.isNaN(Date.parse(iso))) continue;
    if (match.index > from) parts.push({ kind: 'text', text: message.slice(from, match.index) });
    parts.push({ kind: 'time', iso, text: formatTimeOnDay(iso, at) });
    from = match.index + iso.length;
  }
  if (from < message.length) parts.push({ kind: 'text', text: message.slice(from) });
  return parts;
}

/** The message as a reader sees it, in one string. */
export function messageText(message: string, at: string): string {
  return messageParts(message, at)
    .map((part) => part.text)
    .join('');
}
