import { errorStatus } from "@hometrip/contracts";
import { createMiddleware } from "hono/factory";
import type { TracedVariables } from "./tracing/request-trace.ts";

/** The part of `@upstash/qstash` Receiver we use; it throws or returns false when invalid. */
export interface SignatureVerifier {
  verify(request: {
    signature: string;
    body: string;
    url?: string;
    clockTolerance?: number;
  }): Promise<boolean>;
}

/** A verified delivery: its raw body, and the trace and logger `traceRequests` gave the request. */
export type SignedEnv = { Variables: TracedVariables & { rawBody: string } };

/**
 * Rejects a request unless its Upstash-Signature JWT verifies against the exact bytes received
 * (body hash claim) and this endpoint's URL (sub claim), within its exp/nbf window. It runs before
 * any parsing so an unsigned body never reaches JSON.parse, let alone the database. `publicUrl` is
 * the base URL the broker was told to call; without it, the URL the request arrived on is used,
 * which only matches when nothing in front rewrites Host or scheme.
 */
export function requireQStashSignature(deps: {
  receiver: SignatureVerifier;
  publicUrl?: string;
  clockToleranceSeconds?: number;
}) {
  const base = deps.publicUrl?.replace(/\/+$/, "");
  return createMiddleware<SignedEnv>(async (c, next) => {
    const body = await c.req.text();
    const signature = c.req.header("upstash-signature");
    const unauthorized = (message: string) =>
      c.json({ code: "UNAUTHORIZED", message }, errorStatus.UNAUTHORIZED);
    if (!signature) return unauthorized("Missing Upstash-Signature header");

    const requestUrl = new URL(c.req.url);
    const url = base ? `${base}${requestUrl.pathname}${requestUrl.search}` : requestUrl.toString();
    let valid = false;
    try {
      valid = await deps.receiver.verify({
        signature,
        body,
        url,
        clockTolerance: deps.clockToleranceSeconds ?? 5,
      });
    } catch (error) {
      c.var.log.warn("rejected signature", { path: requestUrl.pathname, reason: String(error) });
      return unauthorized("Invalid Upstash-Signature");
    }
    if (!valid) return unauthorized("Invalid Upstash-Signature");
    c.set("rawBody", body);
    await next();
  });
}
