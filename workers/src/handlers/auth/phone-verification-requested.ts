import { issuePhoneCode, phoneCodeTtlMs } from "@hometrip/core";
import type { NotificationDeps } from "../../notifications/deps.ts";
import type { EventHandler } from "../types.ts";

/**
 * Mints the code here, so the raw value exists only in the text (never in the outbox or logs).
 * The send is the last statement before the commit: when Twilio fails, the code rolls back with
 * the event and the broker's retry mints and texts a fresh one. Without an SMS sender the handler
 * throws, so the broker keeps the request until one is configured.
 */
export function handlePhoneVerificationRequested(
  deps: NotificationDeps | undefined,
): EventHandler<"auth.phone_verification_requested"> {
  return async ({ tx, event, log, now }) => {
    if (!deps?.sms) throw new Error("no SMS sender configured for the workers");
    const { userId, phone } = event.payload;
    const code = await issuePhoneCode(tx, { userId, phone, now });
    if (!code) {
      log.info("phone code skipped: number changed or already verified", { eventId: event.id, userId });
      return;
    }
    const minutes = Math.round(phoneCodeTtlMs / 60_000);
    const sent = await deps.sms.send(
      phone,
      `HomeTrip: your code is ${code}. It confirms this number for HomeTrip texts and expires in ${minutes} minutes. If you did not ask for it, ignore this message.`,
    );
    log.info("phone code sent", { eventId: event.id, userId, sid: sent.sid });
  };
}
