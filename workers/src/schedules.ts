import type { Client } from "@upstash/qstash";

/** A QStash schedule the platform needs, delivered to a `workers/` job route. */
export interface PlatformSchedule {
  scheduleId: string;
  path: string;
  cron: string;
}

/**
 * Every schedule production needs, created by `bun run deploy:schedules` (and by `bun run dev`
 * against the local broker, through the same command). Per-feed iCal schedules are not here: the
 * API creates and deletes them with their feeds.
 */
export const platformSchedules: readonly PlatformSchedule[] = [
  // The relay publishes right after commit; this sweeps up anything it missed (a crash between
  // commit and publish, a broker outage). The only sweeper: the API Worker has no cron.
  { scheduleId: "outbox-sweep", path: "/jobs/outbox-sweep", cron: "* * * * *" },
  // Each booking gets a delayed message per deadline (hold and request expiry, check-out); this
  // settles any a lost message missed.
  { scheduleId: "booking-sweep", path: "/jobs/booking-sweep", cron: "*/5 * * * *" },
  // Host payouts are due 24 h after check-in; hourly keeps the delay under a day and an hour.
  { scheduleId: "payouts-release", path: "/jobs/payouts", cron: "7 * * * *" },
  // Compares the last two days of payments, refunds and transfers with Stripe's.
  { scheduleId: "payments-reconcile", path: "/jobs/payments-reconcile", cron: "30 4 * * *" },
  // Notification sends held back (away delay, digests, quiet hours) each get a delayed wake-up of
  // this job when due; this settles any a lost wake-up missed, retries, and quiet hours set later.
  { scheduleId: "notification-deliveries", path: "/jobs/notification-deliveries", cron: "* * * * *" },
  // Guests and hosts hear about a check-in the day before.
  { scheduleId: "check-in-reminders", path: "/jobs/check-in-reminders", cron: "0 * * * *" },
];

/**
 * Creates or updates each platform schedule. QStash upserts by schedule id, so running it again
 * (every deploy) leaves one schedule per id with the current destination and cron.
 */
export async function deployPlatformSchedules(
  client: Pick<Client, "schedules">,
  workersBaseUrl: string,
): Promise<{ scheduleId: string; destination: string; cron: string }[]> {
  const base = workersBaseUrl.replace(/\/+$/, "");
  const deployed = [];
  for (const schedule of platformSchedules) {
    const destination = `${base}${schedule.path}`;
    await client.schedules.create({ scheduleId: schedule.scheduleId, destination, cron: schedule.cron });
    deployed.push({ scheduleId: schedule.scheduleId, destination, cron: schedule.cron });
  }
  return deployed;
}
