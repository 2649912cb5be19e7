import type { BookingQuote, BookingQuoteInput } from "@hometrip/contracts";
import type { DbOrTx } from "@hometrip/db";
import type { SigningKey } from "../auth/signed-jwt.ts";
import { quoteStay } from "../listings/quote.ts";
import { quoteExpiry, signQuote } from "./quote-token.ts";

/**
 * listings.quote's price for a signed-in guest, plus a token that lets them book exactly it for
 * 15 minutes (quote-token.ts). Same pricing (listings/quote.ts `priceListingStay`), never a second one.
 * The guest's own unpaid hold of the same dates is not "taken" for them: booking with the same
 * idempotency key returns that booking (and its PaymentIntent) to pay, e.g. after a reload.
 */
export async function quoteBooking(
  db: DbOrTx,
  keys: readonly SigningKey[],
  guestId: string,
  input: BookingQuoteInput,
  now: Date,
): Promise<BookingQuote> {
  const { quote, hostFee } = await quoteStay(db, { userId: guestId }, input, now, { heldBy: guestId });
  if (!quote.available) return { ...quote, guests: input.guests, quoteToken: null, quoteExpiresAt: null };
  const expiresAt = quoteExpiry(now);
  const quoteToken = await signQuote(keys, {
    listingId: quote.listingId,
    checkIn: quote.checkIn,
    checkOut: quote.checkOut,
    guests: input.guests,
    guestId,
    guestTotal: quote.guestTotal,
    hostFee,
    currency: quote.currency,
    expiresAt,
  });
  return {
    ...quote,
    guests: input.guests,
    quoteToken,
    quoteExpiresAt: new Date(expiresAt * 1000).toISOString(),
  };
}
