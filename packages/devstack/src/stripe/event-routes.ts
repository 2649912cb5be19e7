import type { Deps } from "./deps.ts";
import { missing } from "./errors.ts";
import type { ApiRoute } from "./http.ts";
import { listReply } from "./list.ts";
import { str } from "./params.ts";
import type { StripeObject } from "./state.ts";

/** Events of the caller's account (platform, or the `Stripe-Account`), newest first; `type` may end in `.*`. */
export function eventRoutes(deps: Deps): ApiRoute[] {
  const { state } = deps;
  return [
    {
      method: "GET",
      path: /^\/v1\/events$/,
      handle(req) {
        const type = str(req.body, "type");
        const matches = (t: string) =>
          !type || (type.endsWith(".*") ? t.startsWith(type.slice(0, -1)) : t === type);
        const events = state
          .all<StripeObject & { type: string }>("event", req.owner)
          .filter((e) => matches(e.type));
        return listReply("/v1/events", events, req.body);
      },
    },
    {
      method: "GET",
      path: /^\/v1\/events\/([^/]+)$/,
      handle(req) {
        const event = state.get(req.params[0] ?? "", req.owner);
        if (event?.object !== "event") throw missing("event", req.params[0] ?? "", "id");
        return event;
      },
    },
  ];
}
