import type { EmailSender } from "./email-sender.ts";

export interface ResendSenderOptions {
  /** e.g. https://api.resend.com; tests point it at a local fake. */
  apiUrl: string;
  apiKey: string;
  from: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Raised for a refused or failed send; carries Resend's error name, never the mail body. */
export class EmailSendError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = "EmailSendError";
    this.status = status;
  }
}

/**
 * Sends through Resend's REST API (POST /emails). With an `eventId` the request carries it as the
 * Idempotency-Key, so Resend turns a retried delivery within 24 hours into the first send's answer
 * instead of a second mail. That narrows, but cannot close, the at-least-once gap: a send that
 * succeeds right before its transaction fails to commit is retried with a fresh token, which
 * Resend refuses (409, same key, different body) until the broker dead-letters the event.
 */
export function createResendEmailSender(opts: ResendSenderOptions): EmailSender {
  const doFetch = opts.fetch ?? fetch;
  const endpoint = `${opts.apiUrl.replace(/\/+$/, "")}/emails`;
  return {
    async send(mail) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${opts.apiKey}`,
        "content-type": "application/json",
      };
      if (mail.eventId) headers["idempotency-key"] = mail.eventId;
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers,
          body: JSON.stringify({
            from: opts.from,
            to: [mail.to],
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            ...(mail.headers && { headers: mail.headers }),
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new EmailSendError(`Resend unreachable: ${error instanceof Error ? error.name : "error"}`);
      }
      const body = (await response.json().catch(() => null)) as { id?: unknown; name?: unknown } | null;
      if (!response.ok) {
        const name = typeof body?.name === "string" ? body.name : "unknown_error";
        throw new EmailSendError(`Resend refused the mail: ${response.status} ${name}`, response.status);
      }
      if (typeof body?.id !== "string") throw new EmailSendError("Resend answered without an email id");
      return { id: body.id };
    },
  };
}
