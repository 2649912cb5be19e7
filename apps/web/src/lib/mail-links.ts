/** The http(s) links in a plain-text mail, in order and without repeats, trailing punctuation trimmed. */
export function linksIn(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
  return [...new Set(found.map((url) => url.replace(/[.,;:!?]+$/, "")))];
}
