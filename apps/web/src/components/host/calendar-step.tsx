"use client";
import { addDays, type IsoDate, monthOf, shiftMonth } from "@hometrip/contracts/dates";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Card } from "@/components/ui/card.tsx";
import { LoadingBlock } from "@/components/ui/spinner.tsx";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatMonth } from "@/lib/format.ts";
import { useTRPC, useTRPCClient } from "@/lib/trpc/client.ts";
import { datesThrough, homeToday, monthGrid, runsOf, unexpiredSelection } from "./calendar-dates.ts";
import { CalendarMonth } from "./calendar-month.tsx";
import { type CalendarAction, SelectedNights } from "./calendar-selection.tsx";
import { IcalCard } from "./ical-card.tsx";
import type { HostListing } from "./use-listing.ts";

/**
 * The host's month: every night booked, blocked or available with its price. Click a night, then
 * another, to select the nights between; then block or unblock them, or set or clear their price.
 */
export function CalendarStep({ listing }: { listing: HostListing }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const today = homeToday(listing.timezone);
  const [month, setMonth] = useState(monthOf(today));
  const grid = monthGrid(month);
  const range = useQuery({
    ...trpc.calendar.range.queryOptions({ listingId: listing.id, from: grid.from, to: grid.to }),
    placeholderData: keepPreviousData,
  });
  const days = new Map((range.data?.days ?? []).map((d) => [d.date, d]));
  const currency = range.data?.currency ?? listing.currency;

  const [anchor, setAnchor] = useState<IsoDate | null>(null);
  const [picked, setPicked] = useState<{ from: IsoDate; to: IsoDate } | null>(null);
  // Nights that end while the page stays open leave the selection: they can no longer be changed.
  const selection = unexpiredSelection(picked, today);

  const selected = selection ? datesThrough(selection.from, selection.to) : [];
  const selectedDays = selected.map((date) => days.get(date)).filter((d) => d !== undefined);
  const free = selectedDays.filter((d) => d.status === "available").map((d) => d.date);
  const blockIds = [...new Set(selectedDays.map((d) => d.blockId).filter((id): id is string => id !== null))];

  const apply = useMutation({
    mutationFn: async (action: CalendarAction) => {
      // Today again: midnight may have passed since the calendar last rendered.
      const open = unexpiredSelection(selection, homeToday(listing.timezone));
      if (open === null) throw new Error("Those nights are over. Pick tonight or a later night.");
      // One call per contiguous run or block; a price call covers the whole selection at once, so
      // it either prices (or clears) every selected night or, failing, none of them.
      if (action.kind === "block") {
        for (const run of runsOf(free.filter((date) => date >= open.from))) {
          await client.calendar.blockDates.mutate({
            listingId: listing.id,
            ...run,
            ...(action.note.trim() ? { note: action.note.trim() } : {}),
          });
        }
      } else if (action.kind === "unblock") {
        for (const blockId of blockIds) await client.calendar.unblock.mutate({ blockId });
      } else {
        const nights = { listingId: listing.id, from: open.from, to: addDays(open.to, 1) };
        if (action.kind === "price") {
          await client.calendar.setPriceOverrides.mutate({ ...nights, price: action.price });
        } else {
          await client.calendar.clearPriceOverrides.mutate(nights);
        }
      }
      return action;
    },
    // The selection stays for a follow-up action; the next click starts a new one.
    onSuccess: () => setAnchor(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.calendar.range.pathKey() }),
  });

  function pick(date: IsoDate, extend: boolean) {
    // A night's button is disabled once it is over, but only from the next render on.
    if (date < homeToday(listing.timezone)) return;
    apply.reset();
    if ((anchor || extend) && selection) {
      const start = anchor ?? selection.from;
      const [from, to] = start <= date ? [start, date] : [date, start];
      setPicked({ from, to });
      setAnchor(null);
    } else {
      setPicked({ from: date, to: date });
      setAnchor(date);
    }
  }

  return (
    <div className="stack">
      <Card
        title="Calendar"
        description="Block nights you are away, and set a different price for special dates. Nights already over cannot be changed."
      >
        <div className="stack">
          <div className="host-calendar__bar">
            <Button
              variant="secondary"
              size="small"
              onClick={() => setMonth(shiftMonth(month, -1))}
              disabled={month <= monthOf(today)}
            >
              ← Previous month
            </Button>
            <h3 aria-live="polite" data-testid="calendar-month">
              {formatMonth(month)}
            </h3>
            <Button variant="secondary" size="small" onClick={() => setMonth(shiftMonth(month, 1))}>
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

      <SelectedNights
        selection={selection}
        anchor={anchor}
        days={selectedDays}
        currency={currency}
        apply={apply}
      />

      <IcalCard listingId={listing.id} />
    </div>
  );
}
