"use client";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { CheckboxField } from "@/components/ui/checkbox-field.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { commonCurrencies } from "@/lib/listing-options.ts";
import {
  currencyDigits,
  formatMoney,
  minorToMajorInput,
  parseMajorUnits,
  parsePercent,
} from "@/lib/money.ts";
import { type InstantBookGate, instantBookGate, PAYOUTS_PAGE } from "./instant-book-gate.ts";
import { listingFormErrors, mergeErrors, parseWholeNumber } from "./listing-form.ts";
import { StepForm } from "./step-form.tsx";
import { type HostListing, useListingUpdate } from "./use-listing.ts";

const labels = {
  currency: "Currency",
  nightlyPrice: "Nightly price",
  weekendPrice: "Weekend price",
  cleaningFee: "Cleaning fee",
  weeklyDiscountPercent: "Weekly discount",
  monthlyDiscountPercent: "Monthly discount",
  minNights: "Minimum nights",
  maxNights: "Maximum nights",
  leadTimeDays: "Notice before check-in",
  instantBook: "Instant book",
};

/** The most notice a host may ask for (the API's bound, MAX_LEAD_TIME_DAYS). */
const MAX_LEAD_TIME_DAYS = 365;

/** Amounts are typed in major units of the chosen currency and sent as integer minor units. */
export function PricingStep({
  listing,
  payoutsEnabled,
}: {
  listing: HostListing;
  payoutsEnabled: boolean | null;
}) {
  const update = useListingUpdate(listing.id);
  const currenciesId = useId();
  const shown = (minor: number) => minorToMajorInput(minor, listing.currency);
  const [form, setForm] = useState({
    currency: listing.currency,
    // A draft's price of 0 is a placeholder: show an empty field.
    nightlyPrice: listing.nightlyPrice > 0 ? shown(listing.nightlyPrice) : "",
    weekendPrice: listing.weekendPrice === null ? "" : shown(listing.weekendPrice),
    cleaningFee: listing.cleaningFee > 0 ? shown(listing.cleaningFee) : "",
    weeklyDiscountPercent: listing.weeklyDiscountPercent > 0 ? String(listing.weeklyDiscountPercent) : "",
    monthlyDiscountPercent: listing.monthlyDiscountPercent > 0 ? String(listing.monthlyDiscountPercent) : "",
    minNights: String(listing.minNights),
    maxNights: String(listing.maxNights),
    leadTimeDays: String(listing.leadTimeDays),
  });
  const [instantBook, setInstantBook] = useState(listing.instantBook);
  // Judged on the saved listing: the API refuses switching instant book on, never off.
  const gate = instantBookGate(listing, payoutsEnabled);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = mergeErrors(local, listingFormErrors(update.error, labels));
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));
  const currency = form.currency.trim().toUpperCase();
  const validCurrency = /^[A-Z]{3}$/.test(currency);
  const decimals = validCurrency ? currencyDigits(currency) : 2;
  const example = decimals === 0 ? "12000" : "85.50";
  // Currency names differ between the server's and the browser's Intl data: fill after hydration.
  const [currencyNames, setCurrencyNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const names = new Intl.DisplayNames(["en"], { type: "currency" });
    setCurrencyNames(Object.fromEntries(commonCurrencies.map((c) => [c, names.of(c) ?? c])));
  }, []);

  function save() {
    const problems: Record<string, string> = {};
    if (!validCurrency) problems.currency = "Use a three-letter currency code, like EUR.";
    const money = (text: string, field: string, emptyAs: number | null | "required") => {
      if (text.trim() === "" && emptyAs !== "required") return emptyAs;
      const parsed = parseMajorUnits(text, validCurrency ? currency : "EUR");
      if (parsed.ok) return parsed.value;
      problems[field] = parsed.message;
      return undefined;
    };
    const nightlyPrice = money(form.nightlyPrice, "nightlyPrice", "required");
    const weekendPrice = money(form.weekendPrice, "weekendPrice", null);
    const cleaningFee = money(form.cleaningFee, "cleaningFee", 0);
    const whole = (result: ReturnType<typeof parsePercent>, field: string) => {
      if (result.ok) return result.value;
      problems[field] = result.message;
      return undefined;
    };
    const weekly = whole(
      parsePercent(form.weeklyDiscountPercent, 90, { emptyIsZero: true }),
      "weeklyDiscountPercent",
    );
    const monthly = whole(
      parsePercent(form.monthlyDiscountPercent, 90, { emptyIsZero: true }),
      "monthlyDiscountPercent",
    );
    const minNights = whole(parseWholeNumber(form.minNights, 1, 365), "minNights");
    const maxNights = whole(parseWholeNumber(form.maxNights, 1, 365), "maxNights");
    const leadTimeDays = whole(parseWholeNumber(form.leadTimeDays, 0, MAX_LEAD_TIME_DAYS), "leadTimeDays");
    // Maximum below minimum is the API's rule to enforce (it answers on the maxNights field).
    setLocal(problems);
    if (
      Object.keys(problems).length > 0 ||
      nightlyPrice === undefined ||
      nightlyPrice === null ||
      weekendPrice === undefined ||
      cleaningFee === undefined ||
      cleaningFee === null ||
      weekly === undefined ||
      monthly === undefined ||
      minNights === undefined ||
      maxNights === undefined ||
      leadTimeDays === undefined
    ) {
      return update.reset();
    }
    update.mutate({
      id: listing.id,
      changes: {
        currency,
        nightlyPrice,
        weekendPrice,
        cleaningFee,
        weeklyDiscountPercent: weekly,
        monthlyDiscountPercent: monthly,
        minNights,
        maxNights,
        leadTimeDays,
        instantBook,
      },
    });
  }

  const unit = validCurrency ? ` (${currency})` : "";
  const nightly = validCurrency ? parseMajorUnits(form.nightlyPrice, currency) : null;

  return (
    <StepForm
      step="pricing"
      description="Prices per night in your currency; guests see the total for their dates before booking."
      errors={errors}
      saved={update.isSuccess}
      pending={update.isPending}
      onSubmit={save}
    >
      <TextField
        label="Currency"
        name="currency"
        list={currenciesId}
        value={form.currency}
        maxLength={3}
        onChange={set("currency")}
        hint={currencyNames[currency] ?? "Three letters (ISO 4217), like EUR or USD."}
        error={errors.fields.currency}
      />
      <datalist id={currenciesId}>
        {commonCurrencies.map((c) => (
          <option key={c} value={c}>
            {currencyNames[c] ?? c}
          </option>
        ))}
      </datalist>
      <div className="host-grid">
        <TextField
          label={`Nightly price${unit}`}
          name="nightlyPrice"
          inputMode="decimal"
          value={form.nightlyPrice}
          onChange={set("nightlyPrice")}
          hint={`Per night, e.g. ${example}.`}
          error={errors.fields.nightlyPrice}
        />
        <TextField
          label={`Weekend price${unit}`}
          name="weekendPrice"
          inputMode="decimal"
          value={form.weekendPrice}
          onChange={set("weekendPrice")}
          hint={
            nightly?.ok
              ? `Friday and Saturday nights. Empty: ${formatMoney(nightly.value, currency)} like other nights.`
              : "Friday and Saturday nights. Empty: the nightly price."
          }
          error={errors.fields.weekendPrice}
        />
        <TextField
          label={`Cleaning fee${unit}`}
          name="cleaningFee"
          inputMode="decimal"
          value={form.cleaningFee}
          onChange={set("cleaningFee")}
          hint="Once per stay. Empty: no fee."
          error={errors.fields.cleaningFee}
        />
      </div>
      <div className="host-grid">
        <TextField
          label="Weekly discount (%)"
          name="weeklyDiscountPercent"
          inputMode="numeric"
          value={form.weeklyDiscountPercent}
          onChange={set("weeklyDiscountPercent")}
          hint="Off the nights of stays of 7 nights or more (up to 90)."
          error={errors.fields.weeklyDiscountPercent}
        />
        <TextField
          label="Monthly discount (%)"
          name="monthlyDiscountPercent"
          inputMode="numeric"
          value={form.monthlyDiscountPercent}
          onChange={set("monthlyDiscountPercent")}
          hint="Replaces the weekly discount from 28 nights."
          error={errors.fields.monthlyDiscountPercent}
        />
      </div>
      <div className="host-grid">
        <TextField
          label="Minimum nights"
          name="minNights"
          type="number"
          min={1}
          max={365}
          value={form.minNights}
          onChange={set("minNights")}
          error={errors.fields.minNights}
        />
        <TextField
          label="Maximum nights"
          name="maxNights"
          type="number"
          min={1}
          max={365}
          value={form.maxNights}
          onChange={set("maxNights")}
          error={errors.fields.maxNights}
        />
      </div>
      <TextField
        label="Notice before check-in (days)"
        name="leadTimeDays"
        type="number"
        min={0}
        max={MAX_LEAD_TIME_DAYS}
        value={form.leadTimeDays}
        onChange={set("leadTimeDays")}
        hint="How many days ahead guests must book. 0: they may arrive today."
        error={errors.fields.leadTimeDays}
      />
      <CheckboxField
        label="Instant book"
        name="instantBook"
        checked={instantBook}
        // A published listing cannot switch it on before payouts are set up; switching off always works.
        disabled={gate === "cannot-switch-on" && !instantBook}
        onChange={(e) => setInstantBook(e.target.checked)}
        hint="Guests book at once, without waiting for you to accept. Needs payouts set up first (Host → Payouts), as does accepting requests."
      />
      <InstantBookPayoutsNote gate={gate} ticked={instantBook} />
    </StepForm>
  );
}

/** Why instant book waits for payouts, with the way to the payouts page; nothing once they are on. */
function InstantBookPayoutsNote({ gate, ticked }: { gate: InstantBookGate; ticked: boolean }) {
  const payouts = <Link href={PAYOUTS_PAGE}>Set up payouts</Link>;
  if (gate === "cannot-switch-on") {
    return (
      <Alert tone="info" title="Instant book needs payouts">
        <p>
          Guests' payments could not reach you yet, so instant book stays off until payouts are set up.{" "}
          {payouts}
        </p>
      </Alert>
    );
  }
  if (gate === "requests-meanwhile") {
    return (
      <Alert tone="warning" title="Payouts are off">
        <p>
          Stripe has paused your payouts: until they are back, guests' bookings arrive as requests, and you
          can accept them only once payouts work again. {payouts}
        </p>
      </Alert>
    );
  }
  if (ticked && (gate === "needed-to-publish" || gate === "blocks-publish")) {
    return (
      <Alert tone="info" title="Publishing with instant book needs payouts">
        <p>
          You can save this now; to publish with instant book, set up payouts first, or publish without it.{" "}
          {payouts}
        </p>
      </Alert>
    );
  }
  return null;
}
