import { formatMoney } from "@/lib/money.ts";

export type PriceLine = { kind: string; label: string; amount: number };

/**
 * A price, line by line as the API priced it (nights, discount, cleaning, service fee, taxes),
 * and the total the guest pays. The lines come from core's one pricing; nothing is summed here.
 */
export function PriceLines({
  lines,
  total,
  currency,
  totalLabel = "Total",
}: {
  lines: PriceLine[];
  total: number;
  currency: string;
  totalLabel?: string;
}) {
  return (
    <div className="quote" data-testid="price-lines">
      {lines.map((line, i) => (
        <p
          // Two tax lines can share a label; position keeps keys unique and stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rendered whole, never reordered.
          key={`${line.kind}-${i}`}
          className={line.kind === "discount" ? "quote__line quote__line--discount" : "quote__line"}
        >
          <span>{line.label}</span>
          <span>
            {line.amount < 0 ? `−${formatMoney(-line.amount, currency)}` : formatMoney(line.amount, currency)}
          </span>
        </p>
      ))}
      <p className="quote__line quote__total">
        <span>{totalLabel}</span>
        <span data-testid="price-total">{formatMoney(total, currency)}</span>
      </p>
    </div>
  );
}
