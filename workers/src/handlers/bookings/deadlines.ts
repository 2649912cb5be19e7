import type { Client } from "@upstash/qstash";

/**
 * One delayed QStash message per booking deadline (hold expiry, request expiry, check-out),
 * delivered to POST /jobs/booking-deadline at that instant. The periodic sweep
 * (/jobs/booking-sweep) settles anything a lost message missed.
 */
export interface BookingDeadlines {
  schedule(bookingId: string, at: Date): Promise<void>;
}

export function qstashBookingDeadlines(
  client: Pick<Client, "publishJSON">,
  workersBaseUrl: string,
): BookingDeadlines {
  const url = `${workersBaseUrl.replace(/\/+$/, "")}/jobs/booking-deadline`;
  return {
    async schedule(bookingId, at) {
      const notBefore = Math.ceil(at.getTime() / 1000);
      await client.publishJSON({
        url,
        body: { bookingId },
        notBefore,
        // A redelivered event schedules the same deadline once.
        deduplicationId: `booking-deadline-${bookingId}-${notBefore}`,
        retries: 5,
      });
    },
  };
}
