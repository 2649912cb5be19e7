import { AppError } from "@hometrip/contracts";
import { todayIn } from "@hometrip/contracts/dates";

/**
 * Refuses a host's change that starts on a night already over in the listing's zone. A stay
 * never starts before today there (quotes answer "in_the_past"), so pricing or blocking such a
 * night would affect nothing and only mislead the host.
 */
export function refusePastNights(
  from: string,
  listing: { timezone: string },
  now: Date,
  change: "priced" | "blocked",
): void {
  const today = todayIn(listing.timezone, now);
  if (from < today) {
    throw new AppError("BAD_REQUEST", `Nights before ${today} are in the past and cannot be ${change}`);
  }
}
