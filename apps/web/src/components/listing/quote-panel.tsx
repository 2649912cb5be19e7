"use client";
import type { RouterOutputs } from "@hometrip/api";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatMoney } from "@/lib/money.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Alert } from "../ui/alert.tsx";
import { ButtonLink } from "../ui/button.tsx";
import { Spinner } from "../ui/spinner.tsx";
import { shortDate } from "./availability-calendar.tsx";
import { useStayPlan } from "./stay-planner.tsx";

export type StayQuote = RouterOutputs["listings"]["quote"];

/** Why a stay cannot be had, in the guest's words. */
export function unavailableMessage(quote: StayQuote, capacity: number): string {
  switch (quote.unavailableReason) {
    case "dates_taken":
      return "These dates are not available. Pick other dates in the calendar.";
    case "min_nights":
      return `This home takes stays of at least ${quote.minNights} night${quote.minNights === 1 ? "" : "s"}.`;
    case "max_nights":
      return `This home takes stays of at most ${quote.maxNights} nights.`;
    case "too_many_guests":
      return `This home sleeps at most ${capacity} guest${capacity === 1 ? "" : "s"}.`;
    case "in_the_past":
      return "Check-in cannot be in the past.";
    case "lead_time":
      return quote.leadTimeDays === 1
        ? "This home needs a day's notice: pick a check-in from tomorrow on."
        : `This home needs ${quote.leadTimeDays} days' notice before check-in.`;
    default:
      return "These dates cannot be booked.";
  }
}

const kindLabel = { base: "", weekend: "weekend", override: "special price" } as const;

/**
 * The price box beside the listing: nightly price, guests, the full price for the chosen dates
 * (every line the guest pays, from the API's one pricing) and Reserve / Request to book. A
 * signed-in guest is quoted by bookings.quote (the same price, signed to book with); a visitor by
 * listings.quote.
 */
export function QuotePanel({
  nightlyPrice,
  currency,
  instantBook,
  signedIn,
}: {
  nightlyPrice: number;
  currency: string;
  instantBook: boolean;
  /** Known by the page on the server, so a visitor's browser never asks who it is (a 401 in its console). */
  signedIn: boolean;
}) {
  const trpc = useTRPC();
  const guestsId = useId();
  const { listingId, capacity, selection, guests, setGuests } = useStayPlan();
  const { checkIn, checkOut } = selection;
  const stay = checkIn && checkOut ? { listingId, checkIn, checkOut, guests } : null;
  const guestQuote = useQuery(
    trpc.bookings.quote.queryOptions(stay && signedIn ? stay : skipToken, { staleTime: 60_000 }),
  );
  const visitorQuote = useQuery(trpc.listings.quote.queryOptions(stay && !signedIn ? stay : skipToken));
  const quote = signedIn ? guestQuote : visitorQuote;
  const bookHref = stay
    ? `/listings/${listingId}/book?${new URLSearchParams({ checkin: stay.checkIn, checkout: stay.checkOut, guests: String(guests) })}`
    : null;
  return (
    <aside className="quote-panel" aria-label="Price and dates">
      <p className="quote-panel__nightly">
        <strong>{formatMoney(nightlyPrice, currency)}</strong> night
      </p>
      <dl className="quote-panel__trip">
        <div>
          <dt>Check-in</dt>
          <dd>{checkIn ? shortDate(checkIn) : "Add date"}</dd>
        </div>
        <div>
          <dt>Check-out</dt>
          <dd>{checkOut ? shortDate(checkOut) : "Add date"}</dd>
        </div>
      </dl>
      <div className="field">
        <label className="field__label" htmlFor={guestsId}>
          Guests
        </label>
        <select
          id={guestsId}
          className="input"
          value={guests}
          onChange={(e) => setGuests(Number(e.target.value))}
        >
          {Array.from({ length: Math.max(capacity, guests) }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n} guest{n === 1 ? "" : "s"}
            </option>
          ))}
        </select>
      </div>
      {!stay ? (
        <p className="muted">Pick your dates in the calendar to see the total.</p>
      ) : quote.isPending ? (
        <p className="muted" role="status">
          <Spinner label={null} /> Working out the price…
        </p>
      ) : quote.isError ? (
        <Alert tone="error">{errorMessage(quote.error)}</Alert>
      ) : !quote.data.available ? (
        <Alert tone="warning" title="Not available">
          {unavailableMessage(quote.data, capacity)}
        </Alert>
      ) : (
        <>
          <QuoteBreakdown quote={quote.data} />
          {bookHref && (
            <ButtonLink
              href={signedIn ? bookHref : `/login?next=${encodeURIComponent(bookHref)}`}
              block
              data-testid="book-button"
            >
              {instantBook ? "Reserve" : "Request to book"}
            </ButtonLink>
          )}
          <p className="muted quote-panel__note">
            {instantBook
              ? "Booked at once when your payment goes through."
              : "The host has 24 hours to accept. Your card is only charged if they do."}
          </p>
        </>
      )}
    </aside>
  );
}

/**
 * The breakdown listings.quote returns (one pricing with bookings.quote): nights, discount and
 * cleaning make the stay (the price search shows), then the service fee and each tax.
 */
function QuoteBreakdown({ quote }: { quote: StayQuote }) {
  const money = (minor: number) => formatMoney(minor, quote.currency);
  const priceLine = (line: StayQuote["lines"][number]) => (
    <p
      key={`${line.kind}:${line.label}`}
      className={`quote__line${line.kind === "discount" ? " quote__line--discount" : ""}`}
    >
      <span>{line.label}</span>
      <span>{line.amount < 0 ? `−${money(-line.amount)}` : money(line.amount)}</span>
    </p>
  );
  const nights = `${quote.nights} night${quote.nights === 1 ? "" : "s"}`;
  // "3 nights × €120" when every night costs the same; otherwise the nights open to show each.
  const prices = new Set(quote.nightly.map((n) => n.price));
  const nightsLabel = prices.size === 1 ? `${nights} × ${money(quote.nightly[0]?.price ?? 0)}` : nights;
  return (
    <div className="quote" data-testid="quote">
      <details className="quote__nights">
        <summary>
          <span>{nightsLabel}</span>
          <span>{money(quote.nightsSubtotal)}</span>
        </summary>
        <ul>
          {quote.nightly.map((night) => (
            <li key={night.date}>
              <span>
                {shortDate(night.date)}
                {kindLabel[night.kind] && <span className="muted"> · {kindLabel[night.kind]}</span>}
              </span>
              <span>{money(night.price)}</span>
            </li>
          ))}
        </ul>
      </details>
      {quote.lines.filter((line) => line.kind === "discount" || line.kind === "cleaning_fee").map(priceLine)}
      <p className="quote__line quote__subtotal">
        <span>Stay</span>
        <span data-testid="quote-stay-total">{money(quote.total)}</span>
      </p>
      {quote.lines.filter((line) => line.kind === "service_fee" || line.kind === "tax").map(priceLine)}
      <p className="quote__line quote__total">
        <span>Total</span>
        <span data-testid="quote-total">{money(quote.guestTotal)}</span>
      </p>
    </div>
  );
}
