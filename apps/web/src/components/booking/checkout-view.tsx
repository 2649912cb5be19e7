"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { apiErrorCode, errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { unavailableMessage } from "../listing/quote-panel.tsx";
import { Alert } from "../ui/alert.tsx";
import { ButtonLink } from "../ui/button.tsx";
import { TextAreaField } from "../ui/field.tsx";
import { LoadingBlock } from "../ui/spinner.tsx";
import { plural, policyName, stayDates } from "./booking-model.ts";
import { AuthenticationStep, CardPaymentForm, outcomeProblem } from "./card-payment.tsx";
import { PriceLines } from "./price-lines.tsx";
import {
  type CardInput,
  confirmCardPayment,
  type PaymentOutcome,
  type StripeBrowserConfig,
  StripeRequestError,
} from "./stripe-browser.ts";

type Stay = { listingId: string; checkIn: string; checkOut: string; guests: number };
type Listing = { title: string; capacity: number; instantBook: boolean; cancellationPolicy: string };
type Created = RouterOutputs["bookings"]["create"];

/**
 * Checkout: the signed quote, a message to the host, the card. Paying first books the stay (a
 * hold at the quoted price, once per page: the idempotency key is kept), then confirms the
 * booking's PaymentIntent with Stripe from the browser. The trip page shows the outcome.
 */
export function CheckoutView({
  stay,
  listing,
  stripe,
}: {
  stay: Stay;
  listing: Listing;
  stripe: StripeBrowserConfig | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const quote = useQuery({ ...trpc.bookings.quote.queryOptions(stay), staleTime: 5 * 60_000 });
  const [message, setMessage] = useState("");
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => bookingKeyFor(stay));
  const [created, setCreated] = useState<Created | null>(null);
  // A refused card keeps the booking's hold: the next card confirms the same PaymentIntent. Only
  // the last refusal the booking allows ends it (payment_failed frees the dates); then the next
  // card books anew, once that booking has let its dates go.
  const [refused, setRefused] = useState<string | null>(null);
  // Cards the held booking may still try (the API's paymentAttemptsLeft, counted down here).
  const attemptsLeft = useRef<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [authUrl, setAuthUrl] = useState<string | null>(null);
  const create = useMutation(trpc.bookings.create.mutationOptions());

  const settle = useCallback(
    (bookingId: string, outcome: PaymentOutcome) => {
      setAuthUrl(null);
      if (outcome.kind === "paid" || outcome.kind === "pending") {
        forgetBookingKey(stay);
        return router.push(`/trips/${bookingId}?booked=1`);
      }
      if (outcome.kind === "authenticate") return setAuthUrl(outcome.url);
      const left = Math.max(0, (attemptsLeft.current ?? 1) - 1);
      attemptsLeft.current = left;
      setProblem(`${outcomeProblem(outcome) ?? ""} ${retryAdvice(left)}`.trim());
      if (left > 0) return;
      setRefused(bookingId);
      setCreated(null);
      attemptsLeft.current = null;
      forgetBookingKey(stay);
      setIdempotencyKey(bookingKeyFor(stay));
    },
    [router, stay],
  );

  /** The booking as it stands now: a retry on a hold that lapsed or was paid meanwhile must not confirm. */
  const currentStatus = async (bookingId: string) => {
    const options = trpc.bookings.get.queryOptions({ bookingId });
    return (await queryClient.fetchQuery({ ...options, staleTime: 0 })).status;
  };

  const pay = useMutation({
    mutationFn: async (card: CardInput) => {
      if (!stripe) throw new Error("Payments are not set up here (no Stripe publishable key).");
      if (refused) {
        await untilReleased(() => currentStatus(refused));
        setRefused(null);
      }
      let held = created;
      let key = idempotencyKey;
      if (held) {
        // Another card on the same hold, unless the hold has moved on since the last attempt.
        const status = await currentStatus(held.booking.id);
        if (status === "requested" || status === "confirmed") {
          return { booked: held, outcome: { kind: "paid" } as PaymentOutcome };
        }
        if (status !== "pending_payment") {
          // It lapsed (15 minutes) or ended on refused cards: its dates are free, book them anew.
          held = null;
          setCreated(null);
          forgetBookingKey(stay);
          key = bookingKeyFor(stay);
          setIdempotencyKey(key);
        }
      }
      const booked =
        held ??
        (await create.mutateAsync({
          quoteToken: quote.data?.quoteToken ?? "",
          guests: stay.guests,
          idempotencyKey: key,
          ...(message.trim() ? { message: message.trim() } : {}),
        }));
      if (!booked.paymentClientSecret) {
        // The same key found a booking past payment: paid already (go and see it) or lapsed.
        if (["requested", "confirmed"].includes(booked.booking.status)) {
          return { booked, outcome: { kind: "paid" } as PaymentOutcome };
        }
        forgetBookingKey(stay);
        throw new Error("Your hold on these dates has lapsed. Reload the page to book them again.");
      }
      if (!held) {
        setCreated(booked);
        // A reload finds the same booking (same key), with the cards it already refused.
        attemptsLeft.current = booked.booking.paymentAttemptsLeft;
      }
      return { booked, outcome: await confirmCardPayment(stripe, booked.paymentClientSecret, card) };
    },
    onMutate: () => setProblem(null),
    onSuccess: ({ booked, outcome }) => settle(booked.booking.id, outcome),
    onError: (error) => {
      setProblem(error instanceof StripeRequestError ? error.message : errorMessage(error));
      // A changed price or a lapsed quote: show the new one before the guest tries again.
      if (apiErrorCode(error) === "CONFLICT") void quote.refetch();
    },
  });

  if (quote.isPending) return <LoadingBlock label="Working out the price…" />;
  if (quote.isError) return <Alert tone="error">{errorMessage(quote.error)}</Alert>;
  const q = quote.data;
  const backHref = `/listings/${stay.listingId}?${new URLSearchParams({ checkin: stay.checkIn, checkout: stay.checkOut })}`;

  return (
    <div className="checkout">
      <section className="card checkout__summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{listing.title}</h2>
        <p>
          {stayDates(stay.checkIn, stay.checkOut)} · {plural(stay.guests, "guest")}
        </p>
        {q.available ? (
          <PriceLines lines={q.lines} total={q.guestTotal} currency={q.currency} totalLabel="Total to pay" />
        ) : (
          <Alert tone="warning" title="Not available">
            {unavailableMessage(q, listing.capacity)}
          </Alert>
        )}
        <p className="muted">
          Cancellation policy: <strong>{policyName(listing.cancellationPolicy)}</strong>.{" "}
          <ButtonLink href={backHref} variant="ghost" size="small">
            Change dates
          </ButtonLink>
        </p>
      </section>
      {q.available && (
        <section className="card checkout__pay stack" aria-labelledby="pay-heading">
          <h2 id="pay-heading">Pay by card</h2>
          <p className="muted">
            {listing.instantBook
              ? "Your stay is booked as soon as the payment goes through."
              : "Your card is authorised now and charged only if the host accepts within 24 hours."}
          </p>
          <TextAreaField
            label="Message to the host (optional)"
            value={message}
            maxLength={2000}
            rows={3}
            disabled={created !== null}
            onChange={(e) => setMessage(e.target.value)}
          />
          {!stripe && <Alert tone="warning">Payments are not set up on this server.</Alert>}
          {authUrl && created?.paymentClientSecret && stripe ? (
            <AuthenticationStep
              url={authUrl}
              clientSecret={created.paymentClientSecret}
              stripe={stripe}
              onSettled={(outcome) => settle(created.booking.id, outcome)}
            />
          ) : (
            <CardPaymentForm
              payLabel={listing.instantBook ? "Pay and book" : "Pay and request"}
              pending={pay.isPending}
              problem={problem}
              onPay={(card) => pay.mutate(card)}
            />
          )}
        </section>
      )}
    </div>
  );
}

/** What the guest can do after a refusal: another card while the hold allows, else book again. */
function retryAdvice(left: number): string {
  if (left <= 0) {
    return "That was the last card this booking could try, so its hold on the dates has ended; paying again starts a new booking.";
  }
  return `Your dates stay held: you can try ${left === 1 ? "one more card" : `${left} more cards`}.`;
}

const keyName = (stay: Stay) =>
  `hometrip:booking-key:${stay.listingId}:${stay.checkIn}:${stay.checkOut}:${stay.guests}`;

/**
 * One idempotency key per stay for this tab: a reload after a declined card finds the same
 * booking (and its hold on the dates) instead of being refused by its own hold.
 */
function bookingKeyFor(stay: Stay): string {
  const stored = globalThis.sessionStorage?.getItem(keyName(stay));
  if (stored) return stored;
  const key = crypto.randomUUID();
  globalThis.sessionStorage?.setItem(keyName(stay), key);
  return key;
}

function forgetBookingKey(stay: Stay): void {
  globalThis.sessionStorage?.removeItem(keyName(stay));
}

/**
 * Waits (up to ~15 s) until a refused booking has left pending_payment, so its hold no longer
 * takes the dates the next attempt books; the webhook that ends it arrives within a second or two.
 */
async function untilReleased(status: () => Promise<string>): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await status().catch(() => "unknown")) !== "pending_payment") return;
    await new Promise((resolve) => setTimeout(resolve, 750));
  }
}
