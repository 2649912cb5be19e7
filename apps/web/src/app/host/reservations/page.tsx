import type { Metadata } from "next";
import { BookingTabs } from "@/components/booking/booking-tabs.tsx";
import { type ReservationGroup, ReservationList } from "@/components/booking/reservation-list.tsx";
import { Alert } from "@/components/ui/alert.tsx";
import { ButtonLink } from "@/components/ui/button.tsx";
import { loadPayoutsEnabled } from "../load-payouts-enabled.ts";
import { requireHost } from "../require-host.ts";
import "@/components/booking/booking.css";

export const metadata: Metadata = { title: "Reservations" };

const groups = [
  { group: "requests", label: "Requests" },
  { group: "upcoming", label: "Upcoming" },
  { group: "past", label: "Past" },
] as const satisfies readonly { group: ReservationGroup; label: string }[];

export default async function ReservationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const asked = (await searchParams).group;
  const group = groups.find((g) => g.group === asked)?.group ?? "requests";
  await requireHost(`/host/reservations?group=${group}`);
  const payoutsEnabled = await loadPayoutsEnabled();
  return (
    <div className="page stack">
      <header className="page-header">
        <h1>Reservations</h1>
        <p>Requests to answer, guests on their way, and stays done.</p>
      </header>
      {payoutsEnabled === false && (
        <Alert tone="warning" title="Set up payouts to accept requests">
          <p>You cannot accept a request until payouts are enabled: you could not be paid for the stay.</p>
          <ButtonLink href="/host/payouts" size="small">
            Set up payouts
          </ButtonLink>
        </Alert>
      )}
      <BookingTabs base="/host/reservations" groups={groups} current={group} label="Reservations" />
      <ReservationList group={group} payoutsEnabled={payoutsEnabled} />
    </div>
  );
}
