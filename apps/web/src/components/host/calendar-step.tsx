"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { TextField } from "@/components/ui/field.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { parseMajorUnits } from "@/lib/money.ts";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client.ts";
import {
  addMonths,
  datesThrough,
  formatDay,
  formatMonth,
  type IsoDate,
  monthGrid,
  monthOf,
  runsOf,
  todayIn,
} from "./calendar-dates.ts";
import { CalendarMonth } from "./calendar-month.tsx";
import { IcalCard } from "./ical-card.tsx";
import type { HostListing } from "./use-listing.ts";

type Action =
  | { kind: "block"; note: string }
  | { kind: "unblock" }
  | { kind: "price"; price: number }
  | { kind: "clear-price" };

/**
 * The host's month: every night booked, blocked or available with its price. Click a night, then
 * another, to select the nights between; then block or unblock them, or set or clear their price.
 */
export function CalendarStep({ listing }: { listing: HostListing }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const today = todayIn(listing.timezone);
  const [month, setMonth] = useState(monthOf(today));
  const grid = monthGrid(month);
  const range = useQuery({
    ...trpc.calendar.range.queryOptions({ listingId: listing.id, from: grid.from, to: grid.to }),
    placeholderData: keepPreviousData,
  });
  const days = new Map((range.data?.days ?? []).map((d) => [d.date, d]));
  const currency = range.data?.currency ?? listing.currency;

  const [anchor, setAnchor] = useState<IsoDate | null>(null);
  const [selection, setSelection] = useState<{ from: IsoDate; to: IsoDate } | null>(null);
  const [note, setNote] = useState("");
  const [price, setPrice] = useState("");
  const [priceError, setPriceError] = useState<string | null>(null);

  const selected = selection ? datesThrough(selection.from, selection.to) : [];
  const selectedDays = selected.map((date) => days.get(date)).filter((d) => d !== undefined);
  const free = selectedDays.filter((d) => d.status === "available").map((d) => d.date);
  const blockIds = [...new Set(selectedDays.map((d) => d.blockId).filter((id): id is string => id !== null))];
  const overridden = selectedDays.filter((d) => d.priceOverridden).map((d) => d.date);

  const apply = useMutation({
    mutationFn: async (action: Action) => {
      // One call per range, block or date: the API's calendar calls each take one.
      if (action.kind === "block") {
        for (const run of runsOf(free)) {
          await client.calendar.blockDates.mutate({
            listingId: listing.id,
            ...run,
            ...(action.note.trim() ? { note: action.note.trim() } : {}),
          });
        }
      } else if (action.kind === "unblock") {
        for (const blockId of blockIds) await client.calendar.unblock.mutate({ blockId });
      } else if (action.kind === "price") {
        for (const date of selected) {
          await client.calendar.setPriceOverride.mutate({ listingId: listing.id, date, price: action.price });
        }
      } else {
        for (const date of overridden)
          await client.calendar.clearPriceOverride.mutate({ listingId: listing.id, date });
      }
      return action;
    },
    // The selection stays for a follow-up action; the next click starts a new one.
    onSuccess: () => setAnchor(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.calendar.range.pathKey() }),
  });

  function pick(date: IsoDate, extend: boolean) {
    apply.reset();
    if ((anchor || extend) && selection) {
      const start = anchor ?? selection.from;
      const [from, to] = start <= date ? [start, date] : [date, start];
      setSelection({ from, to });
      setAnchor(null);
    } else {
      setSelection({ from: date, to: date });
      setAnchor(date);
    }
  }

  function setNightPrice() {
    const parsed = parseMajorUnits(price, currency);
    if (!parsed.ok) return setPriceError(parsed.message);
    setPriceError(null);
    apply.mutate({ kind: "price", price: parsed.value });
  }

  const nights = selected.length;
  const done = apply.isSuccess ? outcome(apply.data, nights) : null;

  return (
    <div className="stack">
      <Card
        title="Calendar"
        description="Block nights you are away, and set a different price for special dates."
      >
        <div className="stack">
          <div className="host-calendar__bar">
            <Button
              variant="secondary"
              size="small"
              onClick={() => setMonth(addMonths(month, -1))}
              disabled={month <= monthOf(today)}
            >
              ← Previous month
            </Button>
            <h3 aria-live="polite" data-testid="calendar-month">
              {formatMonth(month)}
            </h3>
            <Button variant="secondary" size="small" onClick={() => setMonth(addMonths(month, 1))}>
              Next month →
            </Button>
          </div>
          <ul className="host-calendar__legend" aria-label="Legend">
            <li className="host-day--available">Available</li>
            <li className="host-day--blocked">Blocked</li>
            <li className="host-day--booked">Booked</li>
            <li className="host-day--override">Custom price</li>
          </ul>
          {range.isError && <Alert tone="error">{errorMessage(range.error)}</Alert>}
          {!range.data && range.isPending ? (
            <LoadingBlock label="Loading the calendar…" />
          ) : (
            <CalendarMonth
              grid={grid}
              days={days}
              today={today}
              currency={currency}
              selection={selection}
              busy={range.isFetching}
              onPick={pick}
            />
          )}
        </div>
      </Card>

      <Card title="Selected nights" headingLevel={3}>
        {selection === null ? (
          <p className="muted">
            Click a night to select it, then another night to select the nights between.
          </p>
        ) : (
          <div className="stack">
            <p data-testid="calendar-selection" aria-live="polite">
              {nights === 1
                ? `${formatDay(selection.from)} (1 night)`
                : `${formatDay(selection.from)} – ${formatDay(selection.to)} (${nights} nights)`}
              {anchor && nights === 1 ? " — click another night to select a range." : ""}
            </p>
            {apply.isError && <Alert tone="error">{errorMessage(apply.error)}</Alert>}
            {done && <Alert tone="success">{done}</Alert>}
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
                pending={apply.isPending && apply.variables?.kind === "block"}
                disabled={apply.isPending || free.length === 0}
              >
                Block {free.length === nights ? "these nights" : `${free.length} available nights`}
              </Button>
              <Button
                variant="secondary"
                onClick={() => apply.mutate({ kind: "unblock" })}
                pending={apply.isPending && apply.variables?.kind === "unblock"}
                disabled={apply.isPending || blockIds.length === 0}
              >
                Unblock
              </Button>
            </div>
            {blockIds.length > 0 && (
              <p className="muted">Unblocking removes each whole block that touches the selection.</p>
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
                pending={apply.isPending && apply.variables?.kind === "price"}
                disabled={apply.isPending}
              >
                Set price
              </Button>
              <Button
                variant="ghost"
                onClick={() => apply.mutate({ kind: "clear-price" })}
                pending={apply.isPending && apply.variables?.kind === "clear-price"}
                disabled={apply.isPending || overridden.length === 0}
              >
                Clear price
              </Button>
            </div>
          </div>
        )}
      </Card>

      <IcalCard listingId={listing.id} />
    </div>
  );
}

function outcome(action: Action, nights: number): string {
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
