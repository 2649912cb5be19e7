import type { BookingStatus } from "@hometrip/contracts";
import { hostStatusLabel, statusLabel, statusTone } from "./booking-model.ts";

const toneClass = {
  success: "badge badge--success",
  warning: "badge badge--warning",
  danger: "badge badge--danger",
  neutral: "badge",
} as const;

export function StatusBadge({ status, side = "guest" }: { status: BookingStatus; side?: "guest" | "host" }) {
  return (
    <span className={toneClass[statusTone(status)]} data-testid="booking-status">
      {(side === "host" ? hostStatusLabel : statusLabel)[status]}
    </span>
  );
}
