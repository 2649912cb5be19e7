import { describeError, type Logger, type NotifyResult } from "@hometrip/core";
import type { Client } from "@upstash/qstash";

/**
 * One delayed QStash message per instant a held-back send falls due (away delay over, digest
 * gathered, quiet hours ended), delivered to POST /jobs/notification-deliveries then, so a send
 * leaves when it is due rather than at the next minute's sweep. The every-minute schedule stays
 * as the safety net for a lost message, a retry's backoff and quiet hours set later.
 */
export interface DueSendWakeUps {
  at(due: Date): Promise<void>;
}

/**
 * The handler's transaction commits after the wake-up is published: one that arrived before the
 * commit would find nothing due and leave the send to the sweep. Sends due at once (booking
 * notices) are woken this much later instead.
 */
export const minimumWakeUpLeadMs = 5_000;

export function qstashDueSendWakeUps(
  client: Pick<Client, "publishJSON">,
  workersBaseUrl: string,
): DueSendWakeUps {
  const url = `${workersBaseUrl.replace(/\/+$/, "")}/jobs/notification-deliveries`;
  return {
    async at(due) {
      const notBefore = Math.ceil(due.getTime() / 1000);
      await client.publishJSON({
        url,
        body: { due: new Date(notBefore * 1000).toISOString() },
        notBefore,
        // The job sends everything due, so one wake-up per second serves every member; a
        // redelivered event, or a burst of messages, publishes it once.
        deduplicationId: `notification-deliveries-${notBefore}`,
        retries: 3,
      });
    },
  };
}

/**
 * Wakes the delivery job when each send `notify()` scheduled falls due. A wake-up that cannot be
 * published is logged, not thrown: the sweep sends it within a minute of being due, and throwing
 * would roll the notification back.
 */
export async function wakeWhenDue(
  wakeUps: DueSendWakeUps | undefined,
  result: NotifyResult,
  opts: { now: Date; log: Logger },
): Promise<void> {
  if (!wakeUps) return;
  const earliest = opts.now.getTime() + minimumWakeUpLeadMs;
  const instants = new Set(
    result.scheduled.map(({ deliverAfter }) => Math.ceil(Math.max(deliverAfter.getTime(), earliest) / 1000)),
  );
  for (const seconds of instants) {
    await wakeUps.at(new Date(seconds * 1000)).catch((error: unknown) => {
      opts.log.warn("notification wake-up not scheduled", {
        due: new Date(seconds * 1000).toISOString(),
        error: describeError(error),
      });
    });
  }
}
