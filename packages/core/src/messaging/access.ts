import { AppError } from "@hometrip/contracts";

export const conversationNotFound = () => new AppError("NOT_FOUND", "No such conversation");

/** Booking statuses after which contact details are no longer masked. */
export const contactSharingStatuses: readonly string[] = ["confirmed", "completed"];

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return constraint === undefined || name === constraint;
  }
  return false;
}
