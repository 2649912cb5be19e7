import type { WorkersEnv } from "@hometrip/config";
import type { EmailTransport } from "@hometrip/core";
import { defaultNotificationTiming, type NotificationDeps } from "./deps.ts";
import type { DueSendWakeUps } from "./due-send-wake-ups.ts";
import { createWebPushSender } from "./push-sender.ts";
import { createTwilioSmsSender } from "./sms-sender.ts";

type ChannelEnv = Pick<
  WorkersEnv,
  | "APP_URL"
  | "API_PUBLIC_URL"
  | "UNSUBSCRIBE_SIGNING_KEY"
  | "VAPID_PUBLIC_KEY"
  | "VAPID_PRIVATE_KEY"
  | "VAPID_SUBJECT"
  | "TWILIO_API_URL"
  | "TWILIO_ACCOUNT_SID"
  | "TWILIO_AUTH_TOKEN"
  | "TWILIO_FROM"
  | "NOTIFY_AWAY_DELAY_SECONDS"
>;

export function createNotificationDeps(
  env: ChannelEnv,
  opts: { transport: EmailTransport; wakeUps?: DueSendWakeUps },
): NotificationDeps {
  return {
    appUrl: env.APP_URL,
    apiUrl: env.API_PUBLIC_URL,
    unsubscribeKey: env.UNSUBSCRIBE_SIGNING_KEY,
    transport: opts.transport,
    push:
      env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
        ? createWebPushSender({
            publicKey: env.VAPID_PUBLIC_KEY,
            privateKey: env.VAPID_PRIVATE_KEY,
            subject: env.VAPID_SUBJECT,
          })
        : null,
    sms:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
        ? createTwilioSmsSender({
            apiUrl: env.TWILIO_API_URL,
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            from: env.TWILIO_FROM,
          })
        : null,
    timing: { ...defaultNotificationTiming, awayDelayMs: env.NOTIFY_AWAY_DELAY_SECONDS * 1000 },
    ...(opts.wakeUps && { wakeUps: opts.wakeUps }),
  };
}
