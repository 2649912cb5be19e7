import type { EmailTransport } from "@hometrip/core";
import type { DueSendWakeUps } from "./due-send-wake-ups.ts";
import type { PushSender } from "./push-sender.ts";
import type { SmsSender } from "./sms-sender.ts";

/** Everything the notification handlers and the delivery job need, passed in (tests hand in their own). */
export interface NotificationDeps {
  /** Origin of the web app: links in mails, pushes and texts. */
  appUrl: string;
  /** Origin of edge/api: the one-click unsubscribe endpoint. */
  apiUrl: string;
  unsubscribeKey: string;
  transport: EmailTransport;
  /** Web Push with VAPID; null when no keys are configured (push sends are skipped). */
  push: PushSender | null;
  /** Twilio's Messages API; null when not configured (SMS sends are skipped). */
  sms: SmsSender | null;
  timing: NotificationTiming;
  /** Wakes the delivery job when a held-back send falls due; without it the minute sweep sends it. */
  wakeUps?: DueSendWakeUps;
}

export interface NotificationTiming {
  /** A message e-mail waits this long (NOTIFY_AWAY_DELAY_SECONDS); read live meanwhile, it is never sent. */
  awayDelayMs: number;
  /** After a message e-mail, the next waits at least this long, gathering a burst into one digest. */
  digestWindowMs: number;
}

export const defaultNotificationTiming: NotificationTiming = {
  awayDelayMs: 2 * 60_000,
  digestWindowMs: 15 * 60_000,
};

/** `${origin}${path}`, tolerant of a trailing slash on the origin. */
export function linkTo(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}${path}`;
}
