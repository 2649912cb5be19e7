import { randomBytes } from "node:crypto";
import type { Deps } from "./deps.ts";
import { invalid, missing, StripeApiError } from "./errors.ts";
import type { ApiRequest, ApiRoute } from "./http.ts";
import { listReply } from "./list.ts";
import { mergeMetadata, obj, requiredStr, str } from "./params.ts";
import { newId, nowSeconds, type Owner, type StripeObject } from "./state.ts";

export type Account = StripeObject & {
  type: string;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  capabilities: Record<string, string>;
  metadata: Record<string, string>;
};

const LINK_TTL_MS = 300_000;
const PLATFORM_ACCOUNT = {
  id: "acct_platform_local",
  object: "account",
  created: 0,
  type: "standard",
  charges_enabled: true,
  payouts_enabled: true,
  details_submitted: true,
};

/** Connect: Express accounts, onboarding links (completed on a stand-in page) and dashboard login links. */
export function connectRoutes(deps: Deps): ApiRoute[] {
  const { state } = deps;

  function account(req: ApiRequest, id: string): Account {
    const found = state.get<Account>(id, "platform");
    // A connected account may read itself; nobody else's.
    if (found?.object !== "account" || (req.owner !== "platform" && req.owner !== id))
      throw missing("account", id, "account");
    return found;
  }

  function pageLink(
    kind: "onboarding" | "dashboard",
    target: string,
    returnUrl?: string,
    refreshUrl?: string,
  ) {
    const token = randomBytes(16).toString("hex");
    const expiresAt = Date.now() + (kind === "onboarding" ? LINK_TTL_MS : LINK_TTL_MS * 12);
    state.tokens[token] = { kind, target, returnUrl, refreshUrl, expiresAt };
    state.changed();
    return { url: `${deps.baseUrl()}/standin/${kind}/${token}`, expires_at: Math.floor(expiresAt / 1000) };
  }

  return [
    {
      method: "POST",
      path: /^\/v1\/accounts$/,
      handle(req) {
        if (req.owner !== "platform") throw invalid("Connected accounts cannot create accounts.");
        const controller = obj(req.body, "controller");
        const dashboard = controller ? str(obj(controller, "stripe_dashboard") ?? {}, "type") : undefined;
        const type = str(req.body, "type") ?? (dashboard === "express" ? "express" : undefined) ?? "standard";
        if (!["express", "standard", "custom"].includes(type)) throw invalid(`Invalid type: ${type}`, "type");
        const requested = Object.keys(obj(req.body, "capabilities") ?? { transfers: "" });
        const created: Account = {
          id: newId("acct"),
          object: "account",
          created: nowSeconds(),
          type,
          country: (str(req.body, "country") ?? "US").toUpperCase(),
          email: str(req.body, "email") ?? null,
          business_type: str(req.body, "business_type") ?? null,
          default_currency: "usd",
          charges_enabled: false,
          payouts_enabled: false,
          details_submitted: false,
          capabilities: Object.fromEntries(requested.map((c) => [c, "inactive"])),
          requirements: {
            currently_due: ["external_account", "tos_acceptance.date"],
            disabled_reason: "requirements.past_due",
          },
          metadata: mergeMetadata({}, req.body),
          livemode: false,
        };
        state.put("platform", created);
        deps.emit("account.created" as string, created, { ...req.event, owner: created.id as Owner });
        return created;
      },
    },
    {
      method: "GET",
      path: /^\/v1\/accounts$/,
      handle: (req) =>
        listReply("/v1/accounts", req.owner === "platform" ? state.all("account", "platform") : [], req.body),
    },
    {
      method: "GET",
      path: /^\/v1\/account$/,
      handle: (req) => (req.owner === "platform" ? PLATFORM_ACCOUNT : account(req, req.owner)),
    },
    { method: "GET", path: /^\/v1\/accounts\/([^/]+)$/, handle: (req) => account(req, req.params[0] ?? "") },
    {
      method: "POST",
      path: /^\/v1\/accounts\/([^/]+)$/,
      handle(req) {
        const found = account(req, req.params[0] ?? "");
        const next = {
          ...found,
          metadata: mergeMetadata(found.metadata, req.body),
          email: str(req.body, "email") ?? found.email,
        };
        state.put("platform", next);
        deps.emit(
          "account.updated",
          next,
          { ...req.event, owner: found.id as Owner },
          { metadata: found.metadata },
        );
        return next;
      },
    },
    {
      method: "POST",
      path: /^\/v1\/account_links$/,
      handle(req) {
        const found = account(req, requiredStr(req.body, "account"));
        const type = requiredStr(req.body, "type");
        if (type !== "account_onboarding" && type !== "account_update")
          throw invalid(`Invalid type: ${type}`, "type");
        const returnUrl = requiredStr(req.body, "return_url");
        const refreshUrl = str(req.body, "refresh_url") ?? returnUrl;
        for (const [name, value] of [
          ["return_url", returnUrl],
          ["refresh_url", refreshUrl],
        ] as const) {
          if (!URL.canParse(value)) throw invalid(`Not a valid URL`, name, "url_invalid");
        }
        return {
          object: "account_link",
          id: "",
          created: nowSeconds(),
          ...pageLink("onboarding", found.id, returnUrl, refreshUrl),
        };
      },
    },
    {
      method: "POST",
      path: /^\/v1\/accounts\/([^/]+)\/login_links$/,
      handle(req) {
        const found = account(req, req.params[0] ?? "");
        if (found.type !== "express")
          throw invalid("Login links can only be created for Express accounts.", "account");
        if (!found.details_submitted) {
          throw new StripeApiError(
            400,
            "invalid_request_error",
            "Cannot create a login link for an account that has not completed onboarding.",
            { param: "account" },
          );
        }
        const { url } = pageLink("dashboard", found.id);
        return { object: "login_link", id: "", created: nowSeconds(), url };
      },
    },
  ];
}

/** Finishes onboarding as a host would on Stripe's hosted form; Stripe then sends account.updated. */
export function completeOnboarding(deps: Deps, accountId: string): Account | undefined {
  const found = deps.state.get<Account>(accountId, "platform");
  if (found?.object !== "account") return undefined;
  const previous = {
    charges_enabled: found.charges_enabled,
    payouts_enabled: found.payouts_enabled,
    details_submitted: found.details_submitted,
  };
  const next: Account = {
    ...found,
    charges_enabled: true,
    payouts_enabled: true,
    details_submitted: true,
    capabilities: Object.fromEntries(Object.keys(found.capabilities).map((c) => [c, "active"])),
    requirements: { currently_due: [], disabled_reason: null },
  };
  deps.state.put("platform", next);
  deps.emit("account.updated", next, { owner: found.id as Owner }, previous);
  return next;
}
