"use client";
import { daysBetween, type IsoDate } from "@hometrip/contracts/dates";
import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { parseMajorUnits } from "@/lib/money.ts";
import { blockLabelsOf } from "./calendar-blocks.ts";
import { formatDay } from "./calendar-dates.ts";
import type { CalendarDay } from "./calendar-month.tsx";

export type CalendarAction =
  | { kind: "block"; note: string }
  | { kind: "unblock" }
  | { kind: "price"; price: number }
  | { kind: "clear-price" };

/**
 * The selected nights and what can be done to them: block the free ones (with a note), unblock
 * the blocks they touch, set or clear their price. Names the blocks it holds, and warns that an
 * imported block unblocked here returns with its calendar's next sync.
 */
export function SelectedNights({
  selection,
  anchor,
  days,
  currency,
  apply,
}: {
  selection: { from: IsoDate; to: IsoDate } | null;
  anchor: IsoDate | null;
  /** The selected nights the calendar has loaded, in date order. */
  days: readonly CalendarDay[];
  currency: string;
  apply: UseMutationResult<CalendarAction, unknown, CalendarAction>;
}) {
  const [note, setNote] = useState("");
  const [price, setPrice] = useState("");
  const [priceError, setPriceError] = useState<string | null>(null);

  if (selection === null) {
    return (
      <Card title="Selected nights" headingLevel={3}>
        <p className="muted">Click a night to select it, then another night to select the nights between.</p>
      </Card>
    );
  }

  const nights = daysBetween(selection.from, selection.to) + 1;
  const free = days.filter((d) => d.status === "available").length;
  const blocks = new Set(days.map((d) => d.blockId).filter((id) => id !== null)).size;
  const overridden = days.filter((d) => d.priceOverridden).length;
  const held = blockLabelsOf(days);
  const imported = days.some((d) => d.blockSource?.kind === "import");
  const pending = (kind: CalendarAction["kind"]) => apply.isPending && apply.variables?.kind === kind;

  function setNightPrice() {
    const parsed = parseMajorUnits(price, currency);
    if (!parsed.ok) return setPriceError(parsed.message);
    setPriceError(null);
    apply.mutate({ kind: "price", price: parsed.value });
  }

  return (
    <Card title="Selected nights" headingLevel={3}>
      <div className="stack">
        <p data-testid="calendar-selection" aria-live="polite">
          {nights === 1
            ? `${formatDay(selection.from)} (1 night)`
            : `${formatDay(selection.from)} – ${formatDay(selection.to)} (${nights} nights)`}
          {anchor && nights === 1 ? " — click another night to select a range." : ""}
        </p>
        {held.length > 0 && <p data-testid="calendar-selection-blocks">Blocked: {held.join(" · ")}</p>}
        {apply.isError && <Alert tone="error">{errorMessage(apply.error)}</Alert>}
        {apply.isSuccess && <Alert tone="success">{outcome(apply.data, nights)}</Alert>}
        <div className="host-inline-add">
          <TextField
            label="Note (optional)"
            name="blockNote"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            hint="Only you see it, e.g. “Family visiting”."
          />
          <Button
            onClick={() => apply.mutate({ kind: "block", note })}
            pending={pending("block")}
            disabled={apply.isPending || free === 0}
          >
            Block {free === nights ? "these nights" : `${free} available nights`}
          </Button>
          <Button
            variant="secondary"
            onClick={() => apply.mutate({ kind: "unblock" })}
            pending={pending("unblock")}
            disabled={apply.isPending || blocks === 0}
          >
            Unblock
          </Button>
        </div>
        {blocks > 0 && (
          <p className="muted">Unblocking removes each whole block that touches the selection.</p>
        )}
        {imported && (
          <p className="muted">
            Imported nights come back at their calendar’s next sync if unblocked here. Free them on the other
            platform, or remove that calendar below.
          </p>
        )}
        <div className="host-inline-add">
          <TextField
            label={`Price per night (${currency})`}
            name="overridePrice"
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            error={priceError}
            hint="Replaces the usual price on these nights."
          />
          <Button
            variant="secondary"
            onClick={setNightPrice}
            pending={pending("price")}
            disabled={apply.isPending}
          >
            Set price
          </Button>
          <Button
            variant="ghost"
            onClick={() => apply.mutate({ kind: "clear-price" })}
            pending={pending("clear-price")}
            disabled={apply.isPending || overridden === 0}
          >
            Clear price
          </Button>
        </div>
      </div>
    </Card>
  );
}

function outcome(action: CalendarAction, nights: number): string {
  const n = `${nights} ${nights === 1 ? "night" : "nights"}`;
  switch (action.kind) {
    case "block":
      return "Blocked. Guests cannot book those nights.";
    case "unblock":
      return "Unblocked. Those nights are open again.";
    case "price":
      return `Price set for ${n}.`;
    default:
      return "Custom prices cleared.";
  }
}
