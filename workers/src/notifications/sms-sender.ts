export interface SmsSender {
  send(to: string, body: string): Promise<{ sid: string }>;
}

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Twilio's Messages API with fetch (`POST /2010-04-01/Accounts/{sid}/Messages.json`, basic auth,
 * form body). The SDK is 21 MB and has no base-URL option; this is the one call we make. `from`
 * starting with `MG` is a Messaging Service SID, anything else a sender number.
 */
export function createTwilioSmsSender(opts: {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  fetch?: typeof fetch;
}): SmsSender {
  const doFetch = opts.fetch ?? fetch;
  const endpoint = `${opts.apiUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`;
  const authorization = `Basic ${btoa(`${opts.accountSid}:${opts.authToken}`)}`;
  return {
    async send(to, body) {
      const form = new URLSearchParams({ To: to, Body: body });
      form.set(opts.from.startsWith("MG") ? "MessagingServiceSid" : "From", opts.from);
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
          body: form.toString(),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        throw new SmsSendError(`Twilio unreachable: ${error instanceof Error ? error.name : "error"}`);
      }
      const json = (await response.json().catch(() => null)) as { sid?: unknown; code?: unknown } | null;
      if (!response.ok)
        throw new SmsSendError(
          `Twilio refused the message: ${response.status} ${String(json?.code ?? "")}`,
          response.status,
        );
      if (typeof json?.sid !== "string") throw new SmsSendError("Twilio answered without a message sid");
      return { sid: json.sid };
    },
  };
}
