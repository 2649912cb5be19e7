import { guestTripGroups } from "@hometrip/contracts";
import type { Metadata } from "next";
import { BookingTabs } from "@/components/booking/booking-tabs.tsx";
import { TripList } from "@/components/booking/trip-list.tsx";
import { requireUser, serverApi } from "@/lib/session.ts";

export const metadata: Metadata = { title: "Trips" };

type Group = (typeof guestTripGroups)[number];
const groups = [
  { group: "upcoming", label: "Upcoming" },
  { group: "past", label: "Past" },
  { group: "cancelled", label: "Cancelled" },
] as const satisfies readonly { group: Group; label: string }[];

export default async function TripsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const asked = (await searchParams).group;
  const group: Group = guestTripGroups.find((g) => g === asked) ?? "upcoming";
  await requireUser(`/trips?group=${group}`);
  const trips = await (await serverApi()).bookings.listForGuest.query({ group });
  return (
    <>
      <header className="page-header">
        <h1>Trips</h1>
        <p>Your stays: coming up, done, and cancelled.</p>
      </header>
      <BookingTabs base="/trips" groups={groups} current={group} label="Trips" />
      <TripList trips={trips} group={group} />
    </>
  );
}
