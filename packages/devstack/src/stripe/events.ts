import type { Log } from "../orchestrator/log.ts";
import { newId, nowSeconds, type Owner, type StripeObject, type StripeState } from "./state.ts";

export const API_VERSION = "2026-11-18.endive";

export interface EmitContext {
  owner: Owner;
  requestId?: string;
  idempotencyKey?: string;
}

export type Emit = (
  type: string,
  object: StripeObject,
  ctx: EmitContext,
  previous?: Record<string, unknown>,
) => void;

/**
 * Records an event as Stripe does (a snapshot of the object at that moment, `account` set for
 * connected accounts' events) and hands it to webhook delivery.
 */
export function eventRecorder(state: StripeState, deliver: (event: StripeObject) => void, log: Log): Emit {
  return (type, object, ctx, previous) => {
    const event: StripeObject = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: ctx.requestId ?? null, idempotency_key: ctx.idempotencyKey ?? null },
      type,
      ...(ctx.owner !== "platform" ? { account: ctx.owner } : {}),
    };
    state.put(ctx.owner, event);
    log(`event ${event.id} ${type} ${object.id}`);
    deliver(event);
  };
}
