"use client";
import { usePathname } from "next/navigation";
import { createContext, type ReactNode, useContext, useState } from "react";
import type { StaySelection } from "./calendar-model.ts";

type StayPlan = {
  listingId: string;
  capacity: number;
  selection: StaySelection;
  guests: number;
  setSelection: (selection: StaySelection) => void;
  setGuests: (guests: number) => void;
};

const StayPlanContext = createContext<StayPlan | null>(null);

export function useStayPlan(): StayPlan {
  const plan = useContext(StayPlanContext);
  if (!plan) throw new Error("useStayPlan outside <StayPlanner>");
  return plan;
}

/**
 * The dates and guests a guest is planning, shared by the calendar and the price panel. They
 * arrive from the search URL and are written back to this page's URL (replaced, not pushed: picking
 * a day is no navigation), so the link a guest copies shows the same stay.
 */
export function StayPlanner({
  listingId,
  capacity,
  initial,
  children,
}: {
  listingId: string;
  capacity: number;
  initial: { checkIn: string | null; checkOut: string | null; guests: number | null };
  children: ReactNode;
}) {
  const pathname = usePathname();
  const [selection, setSelectionState] = useState<StaySelection>({
    checkIn: initial.checkIn,
    checkOut: initial.checkIn ? initial.checkOut : null,
  });
  const [guests, setGuestsState] = useState(Math.max(1, initial.guests ?? 1));

  const writeUrl = (next: StaySelection, nextGuests: number) => {
    const params = new URLSearchParams();
    if (next.checkIn && next.checkOut) {
      params.set("checkin", next.checkIn);
      params.set("checkout", next.checkOut);
    }
    if (nextGuests > 1) params.set("guests", String(nextGuests));
    const qs = params.toString();
    // Next keeps the native history API in step with its router; no server round trip for a date pick.
    window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
  };

  const plan: StayPlan = {
    listingId,
    capacity,
    selection,
    guests,
    setSelection: (next) => {
      setSelectionState(next);
      // A half-picked stay (check-in only) is not worth a URL yet.
      if (!next.checkIn || next.checkOut) writeUrl(next, guests);
    },
    setGuests: (next) => {
      setGuestsState(next);
      writeUrl(selection, next);
    },
  };
  return <StayPlanContext.Provider value={plan}>{children}</StayPlanContext.Provider>;
}
