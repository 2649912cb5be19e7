"use client";
import { type KeyboardEvent, useId } from "react";
import { type CalendarMonth, monthLabel, type StayRules, type StaySelection } from "./calendar-model.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Friday 3 July 2026": what a day button is called. */
export function dayName(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const month = d.toLocaleDateString("en", { month: "long", timeZone: "UTC" });
  return `${WEEKDAYS[(d.getUTCDay() + 6) % 7]} ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

/**
 * One month as a WAI-ARIA grid: the weekday headers label the columns, and each day is a button in
 * its cell, in the tab order only when it is the calendar's tab stop. Days that cannot be picked
 * stay focusable (aria-disabled, not disabled) so arrow keys reach them and hear why.
 */
export function MonthGrid({
  month,
  selection,
  rules,
  tabStop,
  describedBy,
  onPick,
  onFocusDay,
  onDayKey,
}: {
  month: CalendarMonth;
  selection: StaySelection;
  rules: StayRules;
  tabStop: string | undefined;
  /** The id of the text telling which keys move through the days. */
  describedBy: string;
  onPick: (date: string) => void;
  onFocusDay: (date: string) => void;
  onDayKey: (date: string, event: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const captionId = useId();
  const { checkIn, checkOut } = selection;
  return (
    // A table under role="grid" exposes its rows, column headers and cells as the grid's (HTML-AAM).
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA date grid is a table with role grid
    <table className="calendar__month" role="grid" aria-labelledby={captionId} aria-describedby={describedBy}>
      <caption id={captionId}>{monthLabel(month)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col">
              <span aria-hidden="true">{d.slice(0, 2)}</span>
              <span className="visually-hidden">{d}</span>
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
              const isEnd = date === checkIn || date === checkOut;
              const inStay = Boolean(checkIn && checkOut && date > checkIn && date < checkOut);
              const state = rules.dayState(date, selection);
              const unpickable = !isEnd && !rules.selectable(date, selection);
              const classes = [
                "calendar__day",
                !rules.nightFree(date) && "calendar__day--taken",
                isEnd && "calendar__day--end",
                inStay && "calendar__day--in",
              ]
                .filter(Boolean)
                .join(" ");
              return (
                // biome-ignore lint/a11y/useAriaPropsSupportedByRole: a cell of a role="grid" table is a gridcell, which takes aria-selected
                <td key={date} aria-selected={isEnd || inStay || undefined}>
                  <button
                    type="button"
                    className={classes}
                    data-date={date}
                    tabIndex={date === tabStop ? 0 : -1}
                    aria-disabled={unpickable || undefined}
                    aria-label={`${dayName(date)}, ${state}`}
                    onClick={() => {
                      if (!unpickable) onPick(date);
                    }}
                    onFocus={() => onFocusDay(date)}
                    onKeyDown={(event) => onDayKey(date, event)}
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
