import type { CardInput } from "./stripe-browser.ts";

/**
 * The card form's checks before anything leaves the browser: a card number of 12–19 digits,
 * an expiry MM/YY not in the past, a 3–4 digit security code. Stripe decides the rest.
 */
export type CardForm = { number: string; expiry: string; cvc: string };
export type CardErrors = Partial<Record<keyof CardForm, string>>;

export function parseCard(form: CardForm, today: Date): { card: CardInput } | { errors: CardErrors } {
  const errors: CardErrors = {};
  const number = form.number.replace(/[\s-]+/g, "");
  if (!/^\d{12,19}$/.test(number)) errors.number = "Enter the card number (12 to 19 digits).";
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(form.expiry);
  const expMonth = Number(expiry?.[1]);
  const yearText = expiry?.[2] ?? "";
  const expYear = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (!expiry || expMonth < 1 || expMonth > 12) errors.expiry = "Enter the expiry date as MM/YY.";
  else if (expYear * 12 + expMonth < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1) {
    errors.expiry = "This card has expired.";
  }
  if (!/^\d{3,4}$/.test(form.cvc.trim())) errors.cvc = "Enter the 3 or 4 digit security code.";
  if (Object.keys(errors).length > 0) return { errors };
  return { card: { number, expMonth, expYear, cvc: form.cvc.trim() } };
}

/** "4242424242424242" → "4242 4242 4242 4242" while typing. */
export function spacedCardNumber(text: string): string {
  return text
    .replace(/\D/g, "")
    .slice(0, 19)
    .replace(/(\d{4})(?=\d)/g, "$1 ");
}
