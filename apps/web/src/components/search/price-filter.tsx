"use client";
import type { RouterOutputs } from "@hometrip/api";
import { type FormEvent, useState } from "react";
import { formatMajor } from "@/lib/money.ts";

type PriceBucket = RouterOutputs["search"]["listings"]["facets"]["price"][number];

/**
 * The price range over the facet histogram. Each bar is a button that picks its bucket; the
 * inputs take any whole amount. Amounts are major units: per night, or the stay's total with dates.
 */
export function PriceFilter({
  buckets,
  min,
  max,
  currency,
  nights,
  onChange,
}: {
  buckets: PriceBucket[];
  min: number | null;
  max: number | null;
  currency: string | null;
  nights: number | null;
  onChange: (range: { min: number | null; max: number | null }) => void;
}) {
  const tallest = Math.max(1, ...buckets.map((b) => b.count));
  const inRange = (b: PriceBucket) => {
    const lo = b.min / 100;
    const hi = b.max === null ? Number.POSITIVE_INFINITY : b.max / 100;
    return (min === null || hi > min) && (max === null || lo < max);
  };
  const money = (major: number) => formatMajor(major, currency);
  const bucketLabel = (b: PriceBucket) =>
    b.max === null ? `${money(b.min / 100)} or more` : `${money(b.min / 100)} to ${money(b.max / 100)}`;
  const unit = nights ? `total for ${nights} night${nights === 1 ? "" : "s"}` : "per night";

  return (
    <fieldset className="filter-group">
      <legend>Price ({unit})</legend>
      {buckets.length > 0 && (
        <ul className="price-histogram" aria-label="Homes by price">
          {buckets.map((b) => (
            <li key={b.min}>
              <button
                type="button"
                className={
                  inRange(b) ? "price-histogram__bar price-histogram__bar--in" : "price-histogram__bar"
                }
                style={{ height: `${Math.max(6, Math.round((b.count / tallest) * 100))}%` }}
                aria-label={`${bucketLabel(b)}: ${b.count} home${b.count === 1 ? "" : "s"}`}
                title={`${bucketLabel(b)}: ${b.count}`}
                onClick={() =>
                  onChange({ min: b.min / 100 || null, max: b.max === null ? null : b.max / 100 })
                }
              />
            </li>
          ))}
        </ul>
      )}
      <PriceInputs key={`${min}-${max}`} min={min} max={max} onChange={onChange} />
    </fieldset>
  );
}

function PriceInputs({
  min,
  max,
  onChange,
}: {
  min: number | null;
  max: number | null;
  onChange: (range: { min: number | null; max: number | null }) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const parse = (value: FormDataEntryValue | null) => {
    const text = String(value ?? "").trim();
    if (text === "") return null;
    return /^\d+$/.test(text) ? Number(text) : Number.NaN;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const data = new FormData(event.currentTarget);
    const lo = parse(data.get("price_min"));
    const hi = parse(data.get("price_max"));
    if (Number.isNaN(lo) || Number.isNaN(hi)) return setError("Enter whole amounts, like 120.");
    if (lo !== null && hi !== null && lo > hi) return setError("The minimum is above the maximum.");
    setError(null);
    onChange({ min: lo, max: hi });
  };
  return (
    <form className="price-inputs" onSubmit={submit} noValidate aria-label="Price range">
      <label>
        <span>Minimum</span>
        <input
          className="input"
          name="price_min"
          inputMode="numeric"
          defaultValue={min ?? ""}
          placeholder="0"
        />
      </label>
      <label>
        <span>Maximum</span>
        <input
          className="input"
          name="price_max"
          inputMode="numeric"
          defaultValue={max ?? ""}
          placeholder="Any"
        />
      </label>
      <button type="submit" className="button button--secondary button--small">
        Apply
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
