/** One all-day event of an exported feed; `to` is exclusive, exactly what DTEND;VALUE=DATE means. */
export type IcalExportEvent = { uid: string; from: string; to: string; summary: string };

const compactDate = (date: string) => date.replaceAll("-", "");

const compactStamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, newlines become `\n`. */
export function escapeIcalText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/** RFC 5545 §3.1: lines over 75 octets continue on the next line after CRLF and one space. */
export function foldIcalLine(line: string): string {
  const bytes = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const width = bytes.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + width > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += width;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function renderIcalFeed(opts: { name: string; events: IcalExportEvent[]; now: Date }): string {
  const stamp = compactStamp(opts.now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//HomeTrip//Calendar export//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeIcalText(opts.name)}`,
  ];
  for (const event of opts.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.from)}`,
      `DTEND;VALUE=DATE:${compactDate(event.to)}`,
      `SUMMARY:${escapeIcalText(event.summary)}`,
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldIcalLine).join("\r\n")}\r\n`;
}
