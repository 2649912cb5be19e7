import type { RouterOutputs } from "@hometrip/api";
import Link from "next/link";
import { formatMoney } from "@/lib/money.ts";
import { ButtonLink } from "../ui/button.tsx";
import { Card } from "../ui/card.tsx";
import { nightsBetween, plural, stayDates } from "./booking-model.ts";
import { StatusBadge } from "./status-badge.tsx";

type Trip = RouterOutputs["bookings"]["listForGuest"][number];

const emptyText = {
  upcoming: "No upcoming trips. Find a home and book your next stay.",
  past: "No past trips yet.",
  cancelled: "No cancelled trips.",
} as const;

/** The guest's trips of one group, each linking to its detail page. */
export function TripList({ trips, group }: { trips: Trip[]; group: keyof typeof emptyText }) {
  if (trips.length === 0) {
    return (
      <Card title="Nothing here" description={emptyText[group]}>
        <ButtonLink href="/search" variant="secondary">
          Search homes
        </ButtonLink>
      </Card>
    );
  }
  return (
    <ul className="booking-list" aria-label="Trips">
      {trips.map((trip) => (
        <li key={trip.id} className="card booking-item" data-testid="trip">
          <div className="booking-item__top">
            <h2>
              <Link href={`/trips/${trip.id}`}>{trip.listingTitle}</Link>
            </h2>
            <StatusBadge status={trip.status} />
          </div>
          <p>{stayDates(trip.checkIn, trip.checkOut)}</p>
          <p className="muted">
            {plural(nightsBetween(trip.checkIn, trip.checkOut), "night")} · {plural(trip.guests, "guest")} ·{" "}
            {formatMoney(trip.total, trip.currency)}
            {trip.refundAmount !== null && ` · refunded ${formatMoney(trip.refundAmount, trip.currency)}`}
          </p>
        </li>
      ))}
    </ul>
  );
}
