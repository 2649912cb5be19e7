"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { apiErrorCode, errorMessage } from "@/lib/api-errors.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { LoadingBlock } from "../ui/spinner.tsx";
import {
  type Availability,
  type CalendarMonth,
  daysBetween,
  monthLabel,
  monthsFrom,
  type StaySelection,
  stayRules,
} from "./calendar-model.ts";
import { useStayPlan } from "./stay-planner.tsx";

const MONTHS = 12;
const SHOWN = 2;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Friday 3 July 2026": what a day button is called. */
export function dayName(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const month = d.toLocaleDateString("en", { month: "long", timeZone: "UTC" });
  return `${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

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
  const [first, setFirst] = useState(() => {
    if (!selection.checkIn) return 0;
    const i = months.findIndex((m) =>
      selection.checkIn?.startsWith(`${m.year}-${String(m.month).padStart(2, "0")}`),
    );
    return Math.min(Math.max(0, i), MONTHS - SHOWN);
  });
  const { minNights, maxNights } = availability;

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
      <div className="calendar__months">
        {months.slice(first, first + SHOWN).map((month) => (
          <MonthGrid
            key={`${month.year}-${month.month}`}
            month={month}
            selection={selection}
            rules={rules}
            onPick={(date) => setSelection(rules.pick(date, selection))}
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
            onClick={() => setSelection({ checkIn: null, checkOut: null })}
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

function MonthGrid({
  month,
  selection,
  rules,
  onPick,
}: {
  month: CalendarMonth;
  selection: StaySelection;
  rules: ReturnType<typeof stayRules>;
  onPick: (date: string) => void;
}) {
  const { checkIn, checkOut } = selection;
  return (
    <table className="calendar__month">
      <caption>{monthLabel(month)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" abbr={d}>
              {d.slice(0, 2)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {month.weeks.map((week) => (
          <tr key={week.find(Boolean)}>
            {week.map((date, i) => {
              // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have nothing but their position
              if (!date) return <td key={`pad-${i}`} />;
              const free = rules.nightFree(date);
              const isCheckIn = date === checkIn;
              const isCheckOut = date === checkOut;
              const inStay = checkIn && checkOut && date > checkIn && date < checkOut;
              const state = isCheckIn
                ? "check-in"
                : isCheckOut
                  ? "check-out"
                  : free
                    ? "available"
                    : "unavailable";
              const classes = [
                "calendar__day",
                !free && "calendar__day--taken",
                (isCheckIn || isCheckOut) && "calendar__day--end",
                inStay && "calendar__day--in",
              ]
                .filter(Boolean)
                .join(" ");
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={classes}
                    disabled={!rules.selectable(date, selection) && !isCheckIn && !isCheckOut}
                    aria-pressed={isCheckIn || isCheckOut || Boolean(inStay)}
                    aria-label={`${dayName(date)}, ${state}`}
                    onClick={() => onPick(date)}
                  >
                    {Number(date.slice(8))}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
