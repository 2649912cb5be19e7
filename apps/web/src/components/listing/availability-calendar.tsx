"use client";
import { daysBetween } from "@hometrip/contracts/dates";
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { apiErrorCode, errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { LoadingBlock } from "../ui/spinner.tsx";
import {
  type Availability,
  dateMoveForKey,
  daysOf,
  monthIndexOf,
  monthsFrom,
  monthsRange,
  moveDate,
  pageShowing,
  type StaySelection,
  stayRules,
  tabStopDay,
} from "./calendar-model.ts";
import { MonthGrid } from "./calendar-month-grid.tsx";
import { useStayPlan } from "./stay-planner.tsx";

const MONTHS = 12;
const SHOWN = 2;

export function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

/** A year of availability from calendar.availability, two months at a time; pick check-in, then check-out. */
export function AvailabilityCalendar() {
  const trpc = useTRPC();
  const plan = useStayPlan();
  const availability = useQuery(trpc.calendar.availability.queryOptions({ listingId: plan.listingId }));

  if (availability.isPending) return <LoadingBlock label="Loading the calendar…" />;
  if (availability.isError) {
    return apiErrorCode(availability.error) === "NOT_FOUND" ? (
      <Alert tone="info">The calendar shows once this listing is published.</Alert>
    ) : (
      <Alert tone="error" title="We could not load the calendar">
        <p>{errorMessage(availability.error)}</p>
        <Button variant="secondary" size="small" onClick={() => availability.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  return <CalendarMonths availability={availability.data} />;
}

function CalendarMonths({ availability }: { availability: Availability }) {
  const { selection, setSelection } = useStayPlan();
  const rules = useMemo(() => stayRules(availability), [availability]);
  const months = useMemo(() => monthsFrom(availability.from, MONTHS), [availability.from]);
  const range = useMemo(() => monthsRange(months), [months]);
  const [first, setFirst] = useState(() => {
    if (!selection.checkIn) return 0;
    return Math.min(Math.max(0, monthIndexOf(months, selection.checkIn)), MONTHS - SHOWN);
  });
  // The day keyboard focus was last on; it keeps the grid's one tab stop where the guest left it.
  const [focused, setFocused] = useState<string | null>(null);
  const focusAfterMove = useRef(false);
  const monthsRef = useRef<HTMLDivElement>(null);
  const keysHelpId = useId();
  const { minNights, maxNights } = availability;

  const shown = months.slice(first, first + SHOWN);
  const tabStop = tabStopDay(daysOf(shown), focused, selection, (date) => rules.selectable(date, selection));

  // Focus follows a key press after React has drawn the day, which may be in a newly paged month.
  useEffect(() => {
    if (!focusAfterMove.current || !focused) return;
    focusAfterMove.current = false;
    monthsRef.current?.querySelector<HTMLButtonElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const onDayKey = (date: string, event: KeyboardEvent<HTMLButtonElement>) => {
    const move = dateMoveForKey(event.key);
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = moveDate(date, move, range);
    if (next === date) return;
    focusAfterMove.current = true;
    setFocused(next);
    setFirst((f) => pageShowing(f, monthIndexOf(months, next), SHOWN, MONTHS));
  };

  return (
    <div className="calendar">
      <div className="calendar__head">
        <p className="calendar__status" aria-live="polite">
          {statusText(selection, minNights)}
        </p>
        <div className="row">
          <Button
            variant="secondary"
            size="small"
            disabled={first === 0}
            onClick={() => setFirst((f) => Math.max(0, f - SHOWN))}
          >
            ← Earlier months
          </Button>
          <Button
            variant="secondary"
            size="small"
            disabled={first >= MONTHS - SHOWN}
            onClick={() => setFirst((f) => Math.min(MONTHS - SHOWN, f + SHOWN))}
          >
            Later months →
          </Button>
        </div>
      </div>
      <p id={keysHelpId} className="visually-hidden">
        Arrow keys move by day and week, Page Up and Page Down by month, Home and End to the start and end of
        the week; Enter picks the day.
      </p>
      <div className="calendar__months" ref={monthsRef}>
        {shown.map((month) => (
          <MonthGrid
            key={`${month.year}-${month.month}`}
            month={month}
            selection={selection}
            rules={rules}
            tabStop={tabStop}
            describedBy={keysHelpId}
            onPick={(date) => setSelection(rules.pick(date, selection))}
            onFocusDay={setFocused}
            onDayKey={onDayKey}
          />
        ))}
      </div>
      <div className="calendar__foot">
        <p className="muted">
          Minimum stay {minNights} night{minNights === 1 ? "" : "s"} · maximum {maxNights} nights
        </p>
        {selection.checkIn && (
          <Button
            variant="ghost"
            size="small"
            onClick={() => {
              setSelection({ checkIn: null, checkOut: null });
              // The button goes with the dates; keyboard focus goes back to the grid's tab stop
              // (the day last focused there) instead of falling to the page.
              requestAnimationFrame(() =>
                monthsRef.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus(),
              );
            }}
          >
            Clear dates
          </Button>
        )}
      </div>
    </div>
  );
}

function statusText(selection: StaySelection, minNights: number): string {
  if (!selection.checkIn) return "Select a check-in date.";
  if (!selection.checkOut) {
    return `Check-in ${shortDate(selection.checkIn)}. Now select a check-out date (at least ${minNights} night${minNights === 1 ? "" : "s"}).`;
  }
  const nights = daysBetween(selection.checkIn, selection.checkOut);
  return `${nights} night${nights === 1 ? "" : "s"}: ${shortDate(selection.checkIn)} – ${shortDate(selection.checkOut)}`;
}
