"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatMoney } from "@/lib/money.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Alert } from "../ui/alert.tsx";
import { LoadingBlock } from "../ui/spinner.tsx";
import { plural, policyName, stayDates, totalLabel } from "./booking-model.ts";
import { PriceLines } from "./price-lines.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { TripActions } from "./trip-actions.tsx";

/**
 * One trip for its guest: status, dates, price line by line, what can be done now (cancel with
 * the refund shown first, withdraw a request) and the refund once cancelled. While the payment is
 * being confirmed the page asks again every 1.5 s, so it moves on by itself.
 */
export function TripDetail({ bookingId, justBooked }: { bookingId: string; justBooked: boolean }) {
  const trpc = useTRPC();
  const trip = useQuery({
    ...trpc.bookings.get.queryOptions({ bookingId }),
    refetchInterval: (query) => (query.state.data?.status === "pending_payment" ? 1500 : false),
  });
  if (trip.isPending) return <LoadingBlock label="Loading your trip…" />;
  if (trip.isError) return <Alert tone="error">{errorMessage(trip.error)}</Alert>;
  const b = trip.data;
  const money = (minor: number) => formatMoney(minor, b.currency);

  return (
    <div className="stack">
      <header className="page-header booking-item__top">
        <h1>
          <Link href={`/listings/${b.listingId}`}>{b.listingTitle}</Link>
        </h1>
        <StatusBadge status={b.status} />
      </header>
      {justBooked && <BookedBanner status={b.status} />}
      {b.lastPaymentError && (b.status === "pending_payment" || b.status === "payment_failed") && (
        <Alert tone={b.status === "payment_failed" ? "error" : "warning"} title="Your card was refused">
          <p data-testid="last-payment-error">{b.lastPaymentError}</p>
          <p>
            {b.status === "payment_failed"
              ? "After too many refused cards this booking ended and its dates were released. You can book them again."
              : `Your dates stay held while you pay; ${plural(b.paymentAttemptsLeft ?? 0, "more card")} may be tried.`}
          </p>
        </Alert>
      )}
      {b.refundAmount !== null && (
        <Alert tone="info" title="Refund">
          <span data-testid="refund-amount">{money(b.refundAmount)}</span> is being refunded to your card. It
          reaches your account within 5–10 business days.
        </Alert>
      )}
      <div className="trip">
        <section className="card trip__section" aria-labelledby="stay-heading">
          <h2 id="stay-heading">Your stay</h2>
          <dl className="trip__facts">
            <div>
              <dt>Dates</dt>
              <dd>{stayDates(b.checkIn, b.checkOut)}</dd>
            </div>
            <div>
              <dt>Guests</dt>
              <dd>{plural(b.guests, "guest")}</dd>
            </div>
            <div>
              <dt>Cancellation</dt>
              <dd>{policyName(b.cancellationPolicy)}</dd>
            </div>
            <div>
              <dt>Booking</dt>
              <dd>{b.instantBook ? "Instant book" : "Request to book"}</dd>
            </div>
          </dl>
          {b.guestMessage && <p className="booking-item__message">{b.guestMessage}</p>}
          <TripActions booking={b} />
        </section>
        <section className="card trip__section" aria-labelledby="price-heading">
          <h2 id="price-heading">Price</h2>
          <PriceLines
            lines={b.lines}
            total={b.total}
            currency={b.currency}
            totalLabel={totalLabel(b.status)}
          />
        </section>
      </div>
    </div>
  );
}

function BookedBanner({ status }: { status: string }) {
  if (status === "pending_payment") {
    return (
      <Alert tone="info" title="Confirming your payment…">
        This takes a few seconds; this page updates by itself.
      </Alert>
    );
  }
  if (status === "confirmed") {
    return (
      <Alert tone="success" title="You're booked!">
        Your payment went through and the host expects you. Have a great stay.
      </Alert>
    );
  }
  if (status === "requested") {
    return (
      <Alert tone="success" title="Request sent">
        The host has 24 hours to answer. Your card is only charged if they accept.
      </Alert>
    );
  }
  return null;
}
