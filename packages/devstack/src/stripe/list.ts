import { invalid } from "./errors.ts";
import type { FormObject } from "./form.ts";
import { int, str } from "./params.ts";
import type { StripeObject } from "./state.ts";

/** Stripe's cursor pagination over a newest-first list: `limit` (1–100), `starting_after`, `ending_before`. */
export function listReply(url: string, items: StripeObject[], params: FormObject): StripeObject {
  const limit = int(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalid("This value must be between 1 and 100.", "limit");
  const after = str(params, "starting_after");
  const before = str(params, "ending_before");
  let window = items;
  if (after) {
    const at = items.findIndex((o) => o.id === after);
    if (at === -1) throw invalid(`No such object: '${after}'`, "starting_after");
    window = items.slice(at + 1);
  } else if (before) {
    const at = items.findIndex((o) => o.id === before);
    if (at === -1) throw invalid(`No such object: '${before}'`, "ending_before");
    window = items.slice(Math.max(0, at - limit), at);
    return { object: "list", id: "", created: 0, data: window, has_more: at - limit > 0, url };
  }
  const created = params.created;
  if (created && typeof created === "object" && !Array.isArray(created)) {
    const bound = (name: string) => int(created as FormObject, name);
    const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
    window = window.filter(
      (o) =>
        (gt === undefined || o.created > gt) &&
        (gte === undefined || o.created >= gte) &&
        (lt === undefined || o.created < lt) &&
        (lte === undefined || o.created <= lte),
    );
  }
  const page = window.slice(0, limit);
  return {
    object: "list",
    id: "",
    created: 0,
    data: page,
    has_more: window.length > limit,
    url,
  } as StripeObject;
}
