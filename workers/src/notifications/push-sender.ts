import webpush from "web-push";

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** `gone`: the push service no longer knows the subscription (404/410); drop it. */
export type PushOutcome = "sent" | "gone";

export interface PushSender {
  send(target: PushTarget, payload: string): Promise<PushOutcome>;
}

export class PushSendError extends Error {}

/**
 * Encrypts (aes128gcm, RFC 8291) and signs (VAPID, RFC 8292) with `web-push`, then POSTs with
 * fetch: the library's own transport is `https.request` only, which cannot reach a local
 * stand-in over plain http; the request it prepares is the same either way.
 */
export function createWebPushSender(opts: {
  publicKey: string;
  privateKey: string;
  subject: string;
  ttlSeconds?: number;
  fetch?: typeof fetch;
}): PushSender {
  const doFetch = opts.fetch ?? fetch;
  return {
    async send(target, payload) {
      const details = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        {
          vapidDetails: { subject: opts.subject, publicKey: opts.publicKey, privateKey: opts.privateKey },
          TTL: opts.ttlSeconds ?? 24 * 3600,
          contentEncoding: "aes128gcm",
          urgency: "normal",
        },
      );
      const response = await doFetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ? new Uint8Array(details.body) : null,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status === 404 || response.status === 410) return "gone";
      if (!response.ok) throw new PushSendError(`push service answered ${response.status}`);
      return "sent";
    },
  };
}
