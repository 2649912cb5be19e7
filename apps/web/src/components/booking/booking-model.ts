import type { BookingStatus } from "@hometrip/contracts";

/**
 * Words and small sums the booking pages share. Pure, so vitest checks them without a browser
 * (relative imports only: vitest does not resolve the app's `@/` alias).
 */

export const statusLabel: Record<BookingStatus, string> = {
  pending_payment: "Awaiting payment",
  requested: "Request sent",
  confirmed: "Confirmed",
  declined: "Declined by the host",
  expired: "Expired",
  withdrawn: "Withdrawn",
  payment_failed: "Payment failed",
  cancelled_by_guest: "Cancelled by you",
  cancelled_by_host: "Cancelled by the host",
  completed: "Completed",
};

/** The same states as the host reads them. */
export const hostStatusLabel: Record<BookingStatus, string> = {
  ...statusLabel,
  requested: "Awaiting your answer",
  declined: "Declined",
  cancelled_by_guest: "Cancelled by the guest",
  cancelled_by_host: "Cancelled by you",
  pending_payment: "Guest is paying",
};

export function statusTone(status: BookingStatus): "success" | "warning" | "neutral" | "danger" {
  if (status === "confirmed" || status === "completed") return "success";
  if (status === "pending_payment" || status === "requested") return "warning";
  if (status === "payment_failed" || status === "declined") return "danger";
  return "neutral";
}

/** "3 nights", "1 guest". */
/**
 * What the total means for this booking: charged (confirmed, stayed, cancelled: any refund is shown
 * apart), held on the card while the host answers, or never taken (the hold was released).
 */
export function totalLabel(status: BookingStatus): string {
  switch (status) {
    case "confirmed":
    case "completed":
    case "cancelled_by_guest":
    case "cancelled_by_host":
      return "Total paid";
    case "requested":
      return "Total held on your card";
    case "pending_payment":
      return "Total to pay";
    default:
      return "Total (not charged)";
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Whole nights between two ISO dates. */
export function nightsBetween(checkIn: string, checkOut: string): number {
  return Math.round((Date.parse(`${checkOut}T00:00:00Z`) - Date.parse(`${checkIn}T00:00:00Z`)) / 86_400_000);
}

/** "Mon 12 Jan – Thu 15 Jan 2027": the stay's dates, read as calendar days (no time zone shift). */
export function stayDates(checkIn: string, checkOut: string, locale = "en-GB"): string {
  const part = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { timeZone: "UTC", ...options });
  const day = (iso: string, withYear: boolean) =>
    [
      part(iso, { weekday: "short" }),
      part(iso, { day: "numeric" }),
      part(iso, { month: "short" }),
      withYear ? part(iso, { year: "numeric" }) : "",
    ]
      .filter(Boolean)
      .join(" ");
  return `${day(checkIn, checkIn.slice(0, 4) !== checkOut.slice(0, 4))} – ${day(checkOut, true)}`;
}

/** "moderate" → "Moderate". */
export function policyName(policy: string): string {
  return policy.charAt(0).toUpperCase() + policy.slice(1);
}

/** Time left to answer a request: "23 h 59 min left", "12 min left", "No time left". */
export function timeLeft(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return "No time left";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min left` : `${hours} h left`;
}

/** The PaymentIntent id inside its client secret (`pi_…_secret_…`), as Stripe.js reads it. */
export function paymentIntentIdOf(clientSecret: string): string | null {
  const match = /^(pi_[A-Za-z0-9]+)_secret_[A-Za-z0-9_-]+$/.exec(clientSecret);
  return match?.[1] ?? null;
}

/** A Stripe card error, told to the guest: the same sentence `bookings.get` shows after a webhook. */
export { declineMessage } from "@hometrip/contracts/payment-errors";
