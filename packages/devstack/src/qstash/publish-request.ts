import { createHash } from "node:crypto";
import { BrokerError, destinationOf } from "./http.ts";
import type { StoredMessage } from "./types.ts";

export const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 120_000;
const METHODS = new Set(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]);
const FORWARD_PREFIX = "upstash-forward-";

/** What a publish asks for, before the broker gives it an id and a place in line. */
export type MessageDraft = Omit<StoredMessage, "messageId" | "sequence" | "retried" | "createdAt"> & {
  /** Set when the publisher asked for deduplication (explicit id or content-based). */
  dedupKey?: string;
};

/** Parses QStash's "10s" / "5m" / "2h" / "1d" (also combined, e.g. "1h30m") into ms. */
export function parseDuration(value: string, header: string): number {
  const parts = [...value.trim().matchAll(/(\d+)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== value.trim()) {
    throw new BrokerError(400, `invalid ${header}: ${value}`);
  }
  const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  return parts.reduce((sum, p) => sum + Number(p[1]) * unitMs[p[2] as keyof typeof unitMs], 0);
}

function parseCount(value: string, header: string): number {
  if (!/^\d+$/.test(value)) throw new BrokerError(400, `invalid ${header}: ${value}`);
  return Number(value);
}

/** Headers the destination receives: Upstash-Forward-* unprefixed, plus the body's Content-Type. */
export function forwardedHeaders(headers: Headers, prefix = FORWARD_PREFIX): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of headers) {
    if (name.startsWith(prefix)) out.push([name.slice(prefix.length), value]);
    else if (prefix === FORWARD_PREFIX && name === "content-type") out.push([name, value]);
  }
  return out;
}

export function parseLabels(headers: Headers): string[] | undefined {
  const raw = headers.get("upstash-label");
  return raw ? raw.split(",").map((l) => l.trim()) : undefined;
}

export function parseMethod(headers: Headers): string {
  const method = (headers.get("upstash-method") ?? "POST").toUpperCase();
  if (!METHODS.has(method)) throw new BrokerError(400, `invalid Upstash-Method: ${method}`);
  return method;
}

export function parseTimeout(headers: Headers): number {
  const raw = headers.get("upstash-timeout");
  return raw ? parseDuration(raw, "Upstash-Timeout") : DEFAULT_TIMEOUT_MS;
}

export function parseRetries(headers: Headers): number {
  const raw = headers.get("upstash-retries");
  return raw === null ? DEFAULT_RETRIES : parseCount(raw, "Upstash-Retries");
}

export function draftFromRequest(input: {
  url: string;
  headers: Headers;
  body: Buffer;
  now: number;
  queueName?: string;
}): MessageDraft {
  const { headers, now } = input;
  if (headers.get("upstash-retry-delay")) {
    throw new BrokerError(400, "Upstash-Retry-Delay is not supported by the local broker");
  }
  const method = parseMethod(headers);
  const forwarded = forwardedHeaders(headers);

  // Not-Before (unix seconds) overrides Delay, as in QStash.
  const notBeforeRaw = headers.get("upstash-not-before");
  const delayRaw = headers.get("upstash-delay");
  let notBefore = now;
  if (notBeforeRaw) notBefore = parseCount(notBeforeRaw, "Upstash-Not-Before") * 1000;
  else if (delayRaw) notBefore = now + parseDuration(delayRaw, "Upstash-Delay");

  const bodyBase64 = input.body.toString("base64");
  const deduplicationId = headers.get("upstash-deduplication-id") ?? undefined;
  let dedupKey: string | undefined;
  if (deduplicationId) dedupKey = `id:${deduplicationId}`;
  else if (headers.get("upstash-content-based-deduplication") === "true") {
    const hash = createHash("sha256");
    for (const part of [input.url, method, input.queueName ?? "", JSON.stringify(forwarded), bodyBase64]) {
      hash.update(part).update("\0");
    }
    dedupKey = `content:${hash.digest("base64url")}`;
  }

  return {
    url: input.url,
    method,
    headers: forwarded,
    bodyBase64,
    maxRetries: parseRetries(headers),
    notBefore,
    timeoutMs: parseTimeout(headers),
    queueName: input.queueName,
    deduplicationId,
    dedupKey,
    ...parseCallbacks(headers),
    labels: parseLabels(headers),
  };
}

export function parseCallbacks(
  headers: Headers,
): Pick<StoredMessage, "callback" | "callbackHeaders" | "failureCallback" | "failureCallbackHeaders"> {
  const asUrl = (raw: string | null) => (raw ? destinationOf(raw, "") : undefined);
  const callback = asUrl(headers.get("upstash-callback"));
  const failureCallback = asUrl(headers.get("upstash-failure-callback"));
  return {
    callback,
    callbackHeaders: callback ? forwardedHeaders(headers, "upstash-callback-forward-") : undefined,
    failureCallback,
    failureCallbackHeaders: failureCallback
      ? forwardedHeaders(headers, "upstash-failure-callback-forward-")
      : undefined,
  };
}
