import type { Account } from "./connect.ts";
import type { Deps } from "./deps.ts";
import { invalid, missing } from "./errors.ts";
import type { ApiRequest, ApiRoute } from "./http.ts";
import { listReply } from "./list.ts";
import { currency, mergeMetadata, positiveAmount, requiredStr, str } from "./params.ts";
import { newId, nowSeconds, type StripeObject } from "./state.ts";

type Transfer = StripeObject & {
  amount: number;
  amount_reversed: number;
  destination: string;
  reversed: boolean;
  transfer_group: string | null;
  metadata: Record<string, string>;
};

/** Platform → connected account transfers and their (partial) reversals. */
export function transferRoutes(deps: Deps): ApiRoute[] {
  const { state } = deps;

  function load(req: ApiRequest): Transfer {
    const found = state.get<Transfer>(req.params[0] ?? "", "platform");
    if (found?.object !== "transfer" || req.owner !== "platform")
      throw missing("transfer", req.params[0] ?? "", "id");
    return found;
  }

  function reversalsOf(transferId: string): StripeObject[] {
    return state
      .all<StripeObject & { transfer: string }>("transfer_reversal", "platform")
      .filter((r) => r.transfer === transferId);
  }

  const withReversals = (t: Transfer): Transfer => {
    const data = reversalsOf(t.id);
    return {
      ...t,
      reversals: {
        object: "list",
        data,
        has_more: false,
        total_count: data.length,
        url: `/v1/transfers/${t.id}/reversals`,
      },
    };
  };

  return [
    {
      method: "POST",
      path: /^\/v1\/transfers$/,
      handle(req) {
        if (req.owner !== "platform") throw invalid("Transfers are made by the platform account.");
        const destination = requiredStr(req.body, "destination");
        const account = state.get<Account>(destination, "platform");
        if (account?.object !== "account")
          throw invalid(`No such destination: '${destination}'`, "destination", "resource_missing");
        if (account.capabilities.transfers !== "active") {
          throw invalid(
            "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
            "destination",
            "insufficient_capabilities_for_transfer",
          );
        }
        const transfer: Transfer = {
          id: newId("tr"),
          object: "transfer",
          created: nowSeconds(),
          amount: positiveAmount(req.body, "amount", true)!,
          amount_reversed: 0,
          currency: currency(req.body, true)!,
          description: str(req.body, "description") ?? null,
          destination,
          destination_payment: newId("py"),
          reversed: false,
          source_transaction: str(req.body, "source_transaction") ?? null,
          transfer_group: str(req.body, "transfer_group") ?? null,
          metadata: mergeMetadata({}, req.body),
          livemode: false,
        };
        state.put("platform", transfer);
        deps.emit("transfer.created", withReversals(transfer), req.event);
        return withReversals(transfer);
      },
    },
    {
      method: "GET",
      path: /^\/v1\/transfers$/,
      handle(req) {
        const destination = str(req.body, "destination");
        const group = str(req.body, "transfer_group");
        const transfers = (
          req.owner === "platform" ? state.all<Transfer>("transfer", "platform") : []
        ).filter(
          (t) => (!destination || t.destination === destination) && (!group || t.transfer_group === group),
        );
        return listReply("/v1/transfers", transfers.map(withReversals), req.body);
      },
    },
    { method: "GET", path: /^\/v1\/transfers\/([^/]+)$/, handle: (req) => withReversals(load(req)) },
    {
      method: "POST",
      path: /^\/v1\/transfers\/([^/]+)$/,
      handle(req) {
        const found = load(req);
        const next = { ...found, metadata: mergeMetadata(found.metadata, req.body) };
        state.put("platform", next);
        deps.emit("transfer.updated", withReversals(next), req.event, { metadata: found.metadata });
        return withReversals(next);
      },
    },
    {
      method: "POST",
      path: /^\/v1\/transfers\/([^/]+)\/reversals$/,
      handle(req) {
        const found = load(req);
        const remaining = found.amount - found.amount_reversed;
        if (remaining <= 0)
          throw invalid(
            `Transfer ${found.id} has already been fully reversed.`,
            "amount",
            "transfer_already_reversed",
          );
        const amount = positiveAmount(req.body, "amount", false) ?? remaining;
        if (amount > remaining) {
          throw invalid(
            `Reversal amount (${amount}) is greater than the amount left on the transfer (${remaining})`,
            "amount",
            "amount_too_large",
          );
        }
        const reversal = {
          id: newId("trr"),
          object: "transfer_reversal",
          created: nowSeconds(),
          amount,
          currency: found.currency,
          transfer: found.id,
          metadata: mergeMetadata({}, req.body),
        };
        state.put("platform", reversal);
        const next = {
          ...found,
          amount_reversed: found.amount_reversed + amount,
          reversed: amount === remaining,
        };
        state.put("platform", next);
        deps.emit("transfer.reversed", withReversals(next), req.event, {
          amount_reversed: found.amount_reversed,
        });
        return reversal;
      },
    },
    {
      method: "GET",
      path: /^\/v1\/transfers\/([^/]+)\/reversals$/,
      handle: (req) =>
        listReply(`/v1/transfers/${req.params[0]}/reversals`, reversalsOf(load(req).id), req.body),
    },
  ];
}
