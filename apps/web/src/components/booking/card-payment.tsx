"use client";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { TextField } from "../ui/field.tsx";
import { declineMessage } from "./booking-model.ts";
import { type CardErrors, parseCard, spacedCardNumber } from "./card-fields.ts";
import {
  type CardInput,
  type PaymentOutcome,
  retrievePayment,
  type StripeBrowserConfig,
} from "./stripe-browser.ts";

/**
 * The card form. `onPay` books (once) and confirms the payment with Stripe; a decline keeps the
 * form so the guest can try another card on the same booking.
 */
export function CardPaymentForm({
  payLabel,
  pending,
  problem,
  onPay,
}: {
  payLabel: string;
  pending: boolean;
  problem: string | null;
  onPay: (card: CardInput) => void;
}) {
  const [form, setForm] = useState({ number: "", expiry: "", cvc: "" });
  const [errors, setErrors] = useState<CardErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCard(form, new Date());
    if ("errors" in parsed) return setErrors(parsed.errors);
    setErrors({});
    onPay(parsed.card);
  };
  return (
    <form
      method="post"
      onSubmit={submit}
      className="stack checkout-card"
      aria-label="Card details"
      noValidate
    >
      <TextField
        label="Card number"
        name="cardnumber"
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="1234 1234 1234 1234"
        value={form.number}
        error={errors.number}
        onChange={(e) => setForm({ ...form, number: spacedCardNumber(e.target.value) })}
      />
      <div className="checkout-card__row">
        <TextField
          label="Expiry (MM/YY)"
          name="exp-date"
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder="MM/YY"
          value={form.expiry}
          error={errors.expiry}
          onChange={(e) => setForm({ ...form, expiry: e.target.value })}
        />
        <TextField
          label="Security code"
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="CVC"
          value={form.cvc}
          error={errors.cvc}
          onChange={(e) => setForm({ ...form, cvc: e.target.value })}
        />
      </div>
      {problem && (
        <Alert tone="error" title="Payment not completed">
          {problem}
        </Alert>
      )}
      <Button type="submit" block pending={pending} data-testid="pay-button">
        {payLabel}
      </Button>
      <p className="muted checkout-card__note">
        Your card details go straight to our payment provider, Stripe; HomeTrip never sees them.
      </p>
    </form>
  );
}

/**
 * The bank's authentication step, shown in a frame as Stripe.js does, while the payment is asked
 * every 1.5 s where it stands; the frame's own "close this window" is replaced by the outcome.
 */
export function AuthenticationStep({
  url,
  clientSecret,
  stripe,
  onSettled,
}: {
  url: string;
  clientSecret: string;
  stripe: StripeBrowserConfig;
  onSettled: (outcome: PaymentOutcome) => void;
}) {
  const [trouble, setTrouble] = useState<string | null>(null);
  // The latest callback, without restarting the polling loop when the parent re-renders.
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (stopped) return;
      try {
        const outcome = await retrievePayment(stripe, clientSecret);
        if (outcome.kind === "paid" || outcome.kind === "declined") return settled.current(outcome);
        setTrouble(null);
      } catch (error) {
        setTrouble(error instanceof Error ? error.message : "The payment service could not be reached.");
      }
      timer = setTimeout(poll, 1500);
    };
    let timer = setTimeout(poll, 1500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [clientSecret, stripe]);
  return (
    <section className="card checkout-auth" aria-labelledby="auth-heading">
      <h2 id="auth-heading">Confirm with your bank</h2>
      <p className="muted">
        Your bank asks you to approve this payment. This page moves on by itself once you do.
      </p>
      <iframe className="checkout-auth__frame" src={url} title="Bank authentication" />
      {trouble && <Alert tone="warning">{trouble}</Alert>}
    </section>
  );
}

export function outcomeProblem(outcome: PaymentOutcome): string | null {
  return outcome.kind === "declined" ? declineMessage(outcome.error) : null;
}
