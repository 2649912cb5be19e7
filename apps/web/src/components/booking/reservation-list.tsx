"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatMoney } from "@/lib/money.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { Card } from "../ui/card.tsx";
import { LoadingBlock } from "../ui/spinner.tsx";
import { nightsBetween, plural, stayDates, timeLeft } from "./booking-model.ts";
import { StatusBadge } from "./status-badge.tsx";

type Reservation = RouterOutputs["bookings"]["listForHost"][number];
export type ReservationGroup = "requests" | "upcoming" | "past";

const emptyText: Record<ReservationGroup, string> = {
  requests: "No requests waiting for an answer.",
  upcoming: "No upcoming stays.",
  past: "No past stays yet.",
};

/**
 * The host's reservations of one group. Requests show the time left to answer (the API counts
 * it; the list is asked again every minute) and Accept / Decline; accepting needs payouts.
 */
export function ReservationList({
  group,
  payoutsEnabled,
}: {
  group: ReservationGroup;
  payoutsEnabled: boolean | null;
}) {
  const trpc = useTRPC();
  const list = useQuery({
    ...trpc.bookings.listForHost.queryOptions({ group }),
    refetchInterval: group === "requests" ? 60_000 : false,
  });
  if (list.isPending) return <LoadingBlock label="Loading reservations…" />;
  if (list.isError) return <Alert tone="error">{errorMessage(list.error)}</Alert>;
  if (list.data.length === 0) return <Card title="Nothing here" description={emptyText[group]} />;
  return (
    <ul className="booking-list" aria-label="Reservations">
      {list.data.map((r) => (
        <ReservationItem key={r.id} reservation={r} payoutsEnabled={payoutsEnabled} />
      ))}
    </ul>
  );
}

function ReservationItem({
  reservation: r,
  payoutsEnabled,
}: {
  reservation: Reservation;
  payoutsEnabled: boolean | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bookings.pathKey() });
  const accept = useMutation(trpc.bookings.accept.mutationOptions({ onSuccess: refresh }));
  const decline = useMutation(trpc.bookings.decline.mutationOptions({ onSuccess: refresh }));
  const failed = accept.error ?? decline.error;
  const isRequest = r.status === "requested";
  const hostEarns = r.total - r.serviceFee - r.taxes - r.hostFee;
  return (
    <li className="card booking-item" data-testid="reservation">
      <div className="booking-item__top">
        <h2>
          <Link href={`/listings/${r.listingId}`}>{r.listingTitle}</Link>
        </h2>
        <StatusBadge status={r.status} side="host" />
      </div>
      <p>{stayDates(r.checkIn, r.checkOut)}</p>
      <p className="muted">
        {plural(nightsBetween(r.checkIn, r.checkOut), "night")} · {plural(r.guests, "guest")} · guest pays{" "}
        {formatMoney(r.total, r.currency)} · you earn {formatMoney(Math.max(0, hostEarns), r.currency)}
      </p>
      {r.guestMessage && <p className="booking-item__message">{r.guestMessage}</p>}
      {isRequest && (
        <>
          <p>
            <strong data-testid="time-left">{timeLeft(r.secondsToRespond)}</strong>
            <span className="muted">
              {" "}
              to answer; unanswered requests expire and the guest is not charged.
            </span>
          </p>
          <div className="booking-item__actions">
            <Button
              pending={accept.isPending}
              disabled={payoutsEnabled === false || decline.isPending}
              onClick={() => accept.mutate({ bookingId: r.id })}
            >
              Accept
            </Button>
            <Button
              variant="secondary"
              pending={decline.isPending}
              disabled={accept.isPending}
              onClick={() => decline.mutate({ bookingId: r.id })}
            >
              Decline
            </Button>
          </div>
        </>
      )}
      {failed && <Alert tone="error">{errorMessage(failed)}</Alert>}
    </li>
  );
}
