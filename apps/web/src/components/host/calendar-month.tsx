"use client";
import type { RouterOutputs } from "@hometrip/api";
import { type IsoDate, monthOf } from "@hometrip/contracts/dates";
import { formatMonth } from "@/lib/format.ts";
import { formatMoney } from "@/lib/money.ts";
import { blockLabel } from "./calendar-blocks.ts";
import { formatDay, type MonthGrid } from "./calendar-dates.ts";

export type CalendarDay = RouterOutputs["calendar"]["range"]["days"][number];

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * One month as a table of night buttons. Each says its date, status and price to screen readers;
 * nights already over where the home is cannot be picked.
 */
export function CalendarMonth({
  grid,
  days,
  today,
  currency,
  selection,
  busy,
  onPick,
}: {
  grid: MonthGrid;
  days: ReadonlyMap<IsoDate, CalendarDay>;
  today: IsoDate;
  currency: string;
  selection: { from: IsoDate; to: IsoDate } | null;
  busy: boolean;
  onPick: (date: IsoDate, extend: boolean) => void;
}) {
  return (
    <table
      className="host-calendar"
      aria-label={`Nights in ${formatMonth(grid.month)}`}
      aria-busy={busy || undefined}
    >
      <thead>
        <tr>
          {weekdays.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              const day = days.get(date);
              const past = date < today;
              const selected = selection !== null && date >= selection.from && date <= selection.to;
              const status = day?.status ?? "available";
              const classes = [
                "host-day",
                `host-day--${status}`,
                day?.priceOverridden && "host-day--override",
                monthOf(date) !== grid.month && "host-day--outside",
                selected && "host-day--selected",
              ]
                .filter(Boolean)
                .join(" ");
              const price = day?.price != null ? formatMoney(day.price, currency) : "";
              const block = day ? blockLabel(day) : null;
              const label = [
                formatDay(date, "long"),
                past && "past",
                status,
                price && `${price}${day?.priceOverridden ? " (custom price)" : ""}`,
                day?.blockSource?.kind === "import" ? block : day?.blockNote && `note: ${day.blockNote}`,
              ]
                .filter(Boolean)
                .join(", ");
              return (
                <td key={date}>
                  <button
                    type="button"
                    className={classes}
                    data-date={date}
                    data-status={status}
                    aria-pressed={selected}
                    aria-label={label}
                    disabled={past}
                    title={block ?? undefined}
                    onClick={(event) => onPick(date, event.shiftKey)}
                  >
                    <span className="host-day__date">{Number(date.slice(8))}</span>
                    <span className="host-day__price">{status === "available" ? price : status}</span>
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
