/**
 * Hides e-mail addresses, phone numbers and links in a message sent before the booking is
 * confirmed, as the big marketplaces do: contact arranged off the platform takes the payment off
 * it too, and with it the guest's protection. Pure, so its edge cases are unit-tested
 * (mask-contact-details.test.ts); it errs towards leaving prices, dates and times alone.
 */

export type HiddenKind = "email" | "phone" | "link";
export type MaskResult = { body: string; hidden: HiddenKind[] };

export const maskPlaceholders: Record<HiddenKind, string> = {
  email: "[email hidden]",
  phone: "[phone number hidden]",
  link: "[link hidden]",
};

const tlds =
  "com|net|org|io|co|me|app|info|biz|dev|xyz|online|site|email|de|fr|uk|es|it|nl|pt|be|ch|at|se|no|dk|fi|pl|ie|us|ca|au|nz|br|mx|ar|jp|cn|in|ru|ly|gl|to|gg|link|page|eu";

/** Bare domains ("villa-rosa.com") only with endings that are not also English words ("great.it was"). */
const bareTlds =
  "com|net|org|io|co|app|info|biz|dev|xyz|online|site|de|fr|uk|es|nl|pt|ch|se|dk|fi|pl|ie|ca|au|nz|br|mx|jp|ru|ly|gl|gg|eu";

const at = String.raw`(?:\s*@\s*|\s*[([{<]\s*at\s*[)\]}>]\s*|\s+at\s+)`;
const dot = String.raw`(?:\s*\.\s*|\s*[([{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)`;
/** Written out ("name at gmail dot com") the address must end in a known top-level domain. */
const emailPattern = new RegExp(
  String.raw`[\p{L}\p{N}._%+-]+${at}[\p{L}\p{N}-]+(?:${dot}[\p{L}\p{N}-]+)*${dot}(?:${tlds})\b|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
  "giu",
);

const linkPattern = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"]+|\b(?:[a-z0-9-]+\.)+(?:${bareTlds})\b(?:\/[^\s<>"]*)?`,
  "gi",
);

/** 7–15 digits with the separators people type between them, optionally after + or 00. */
const phoneCandidate = /(?<![\p{L}\p{N}+])(?:\+|\(\s*\+?)?\d(?:[\s().\-–/]{0,3}\d){6,14}(?![\p{L}\p{N}])/gu;

const notPhones = [
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/, // 2026-12-24
  /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/, // 24.12.2026, 12/24/26
  /^\d{1,2}[./]\d{1,2}[./]?\s*[-–]\s*\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?$/, // 24.12.-28.12.2026
  /^\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}$/, // 10.00-12.00
  /^\d{4}\s*[-–]\s*\d{4}$/, // 2025-2026
];
const currencyBefore = /(?:[$€£¥₹]|\b(?:usd|eur|gbp|chf|jpy))\s*$/i;
const currencyAfter = /^\s*(?:[$€£¥₹]|(?:usd|eur|gbp|chf|jpy|euros?|dollars?|pounds?)\b)/i;

const digitWords: Record<string, string> = {
  zero: "0",
  oh: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
};
/** Seven or more digits spelled out ("five five five one two …"), mixed with digits or not. */
const spelledDigits = new RegExp(
  String.raw`\b(?:(?:${Object.keys(digitWords).join("|")}|\d)[\s,.-]*){7,}\b`,
  "gi",
);

function isPhone(text: string, start: number, match: string): boolean {
  const trimmed = match.trim();
  const digits = trimmed.replace(/\D/g, "").length;
  if (digits < 7 || digits > 15) return false;
  if (notPhones.some((pattern) => pattern.test(trimmed))) return false;
  if (currencyBefore.test(text.slice(Math.max(0, start - 4), start))) return false;
  if (currencyAfter.test(text.slice(start + match.length, start + match.length + 8))) return false;
  // Thousands written with spaces or dots ("1 200 000") are amounts, not numbers to call.
  if (/^\d{1,3}(?:[ .]\d{3})+$/.test(trimmed) && digits <= 9 && !/^0/.test(trimmed)) return false;
  return true;
}

export function maskContactDetails(body: string): MaskResult {
  const hidden = new Set<HiddenKind>();
  let masked = body.replace(emailPattern, () => {
    hidden.add("email");
    return maskPlaceholders.email;
  });
  masked = masked.replace(linkPattern, (match) => {
    if (match === maskPlaceholders.email) return match;
    hidden.add("link");
    return maskPlaceholders.link;
  });
  masked = masked.replace(phoneCandidate, (match, offset: number, text: string) => {
    if (!isPhone(text, offset, match)) return match;
    hidden.add("phone");
    return maskPlaceholders.phone;
  });
  masked = masked.replace(spelledDigits, (match) => {
    const words = match.toLowerCase().match(/[a-z]+|\d/g) ?? [];
    if (words.length < 7 || !words.some((w) => w in digitWords)) return match;
    hidden.add("phone");
    return `${maskPlaceholders.phone} `;
  });
  return {
    body: masked.trimEnd() === body.trimEnd() ? body : masked.replace(/ +$/, ""),
    hidden: [...hidden],
  };
}

/** What the sender is told when something was hidden. */
export function maskingExplanation(hidden: readonly HiddenKind[]): string | null {
  if (hidden.length === 0) return null;
  const names = { email: "e-mail addresses", phone: "phone numbers", link: "links" };
  const list = hidden.map((kind) => names[kind]);
  const joined = list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : list[0];
  return (
    `We hid ${joined} in your message. Until the booking is confirmed, contact details stay on ` +
    "HomeTrip so that payments and your protection stay here too; they are shown once it is confirmed."
  );
}
