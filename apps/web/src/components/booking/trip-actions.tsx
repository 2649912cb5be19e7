"use client";
import type { RouterOutputs } from "@hometrip/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/lib/api-errors.ts";
import { formatMoney } from "@/lib/money.ts";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Alert } from "../ui/alert.tsx";
import { Button } from "../ui/button.tsx";
import { LoadingBlock } from "../ui/spinner.tsx";

type Booking = RouterOutputs["bookings"]["get"];

/** Cancel a confirmed trip (refund shown before confirming) or withdraw an unanswered request. */
export function TripActions({ booking }: { booking: Booking }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bookings.pathKey() });
  const withdraw = useMutation(trpc.bookings.withdraw.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(
    trpc.bookings.cancel.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        return refresh();
      },
    }),
  );
  const preview = useQuery({
    ...trpc.bookings.previewCancellation.queryOptions({ bookingId: booking.id }),
    enabled: confirming,
    staleTime: 0,
  });

  if (booking.status === "requested") {
    return (
      <div className="booking-item__actions">
        <Button
          variant="secondary"
          pending={withdraw.isPending}
          onClick={() => withdraw.mutate({ bookingId: booking.id })}
        >
          Withdraw request
        </Button>
        {withdraw.isError && <Alert tone="error">{errorMessage(withdraw.error)}</Alert>}
      </div>
    );
  }
  if (booking.status !== "confirmed") return null;
  if (!confirming) {
    return (
      <div className="booking-item__actions">
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Cancel trip
        </Button>
      </div>
    );
  }
  const money = (minor: number) => formatMoney(minor, booking.currency);
  return (
    <section className="stack" aria-label="Cancel this trip">
      {preview.isPending ? (
        <LoadingBlock label="Working out your refund…" />
      ) : preview.isError ? (
        <Alert tone="error">{errorMessage(preview.error)}</Alert>
      ) : (
        <Alert tone="warning" title={`Cancel and get ${money(preview.data.refund)} back?`}>
          <p data-testid="refund-preview">
            {preview.data.rule} You paid {money(preview.data.total)}; the refund is{" "}
            <strong>{money(preview.data.refund)}</strong> (nights {money(preview.data.nightsRefund)}, cleaning{" "}
            {money(preview.data.cleaningFeeRefund)}, service fee {money(preview.data.serviceFeeRefund)}, taxes{" "}
            {money(preview.data.taxesRefund)}).
          </p>
        </Alert>
      )}
      {cancel.isError && <Alert tone="error">{errorMessage(cancel.error)}</Alert>}
      <div className="booking-item__actions">
        <Button
          variant="danger"
          pending={cancel.isPending}
          disabled={!preview.isSuccess}
          onClick={() => cancel.mutate({ bookingId: booking.id })}
        >
          Confirm cancellation
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          Keep my trip
        </Button>
      </div>
    </section>
  );
}
