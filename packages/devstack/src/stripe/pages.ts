import { failPayment, type PaymentIntent, succeedPayment } from "./charging.ts";
import { type Account, completeOnboarding } from "./connect.ts";
import type { Deps } from "./deps.ts";
import type { PageReply, PageRoute } from "./http.ts";
import type { Owner, PageToken, StripeObject } from "./state.ts";

/**
 * The pages a browser meets on Stripe's side: the 3-D Secure challenge, the hosted Express
 * onboarding form and the Express dashboard. Each is reached through a one-time token.
 */
export function pageRoutes(deps: Deps): PageRoute[] {
  const { state } = deps;
  const token = (kind: PageToken["kind"], value: string | undefined): PageToken | undefined => {
    const found = state.tokens[value ?? ""];
    return found && found.kind === kind && found.expiresAt > Date.now() ? found : undefined;
  };
  const gone: PageReply = {
    status: 404,
    html: page("Link expired", "<p>This link has expired or was already used.</p>"),
  };

  return [
    {
      method: "GET",
      path: /^\/standin\/authenticate\/([0-9a-f]+)$/,
      handle({ params }) {
        const found = token("authenticate", params[0]);
        const pi = found && state.get<PaymentIntent>(found.target);
        if (!pi) return gone;
        const amount = `${(pi.amount / 100).toFixed(2)} ${pi.currency.toUpperCase()}`;
        return {
          html: page(
            "Authenticate payment",
            `<p>Your bank asks you to confirm a payment of <strong>${amount}</strong>.</p>
<form method="post"><button name="action" value="approve">Complete authentication</button>
<button name="action" value="fail" class="secondary">Fail authentication</button></form>`,
          ),
        };
      },
    },
    {
      method: "POST",
      path: /^\/standin\/authenticate\/([0-9a-f]+)$/,
      handle({ params, form }) {
        const found = token("authenticate", params[0]);
        const pi = found && state.get<PaymentIntent>(found.target);
        if (!found || !pi || pi.status !== "requires_action") return gone;
        delete state.tokens[params[0] ?? ""];
        const ctx = { owner: (state.ownerOf(pi.id) ?? "platform") as Owner };
        if (form.get("action") === "approve") succeedPayment(deps, pi, ctx);
        else {
          try {
            failPayment(deps, pi, ctx, {
              type: "invalid_request_error",
              code: "payment_intent_authentication_failure",
              message:
                "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
            });
          } catch {
            // The failure is recorded on the PaymentIntent; the browser just returns.
          }
        }
        if (!found.returnUrl) return { html: page("Done", "<p>You can close this window.</p>") };
        const back = new URL(found.returnUrl);
        back.searchParams.set("payment_intent", pi.id);
        back.searchParams.set("payment_intent_client_secret", String(pi.client_secret));
        return { redirect: back.toString() };
      },
    },
    {
      method: "GET",
      path: /^\/standin\/onboarding\/([0-9a-f]+)$/,
      handle({ params }) {
        const found = token("onboarding", params[0]);
        const account = found && state.get<Account>(found.target);
        if (!found || !account) return gone;
        return {
          html: page(
            "Set up payouts",
            `<p>Test onboarding for <code>${account.id}</code>${account.email ? ` (${escapeHtml(String(account.email))})` : ""}.</p>
<p>Test bank account 000123456789, routing 110000000; identity verified.</p>
<form method="post"><button name="action" value="complete">Agree and submit</button>
<button name="action" value="leave" class="secondary">Return without finishing</button></form>`,
          ),
        };
      },
    },
    {
      method: "POST",
      path: /^\/standin\/onboarding\/([0-9a-f]+)$/,
      handle({ params, form }) {
        const found = token("onboarding", params[0]);
        if (!found) return gone;
        delete state.tokens[params[0] ?? ""];
        state.changed();
        if (form.get("action") !== "complete")
          return { redirect: found.refreshUrl ?? found.returnUrl ?? "/" };
        completeOnboarding(deps, found.target);
        return { redirect: found.returnUrl ?? "/" };
      },
    },
    {
      method: "GET",
      path: /^\/standin\/dashboard\/([0-9a-f]+)$/,
      handle({ params }) {
        const found = token("dashboard", params[0]);
        if (!found) return gone;
        const transfers = state
          .all<StripeObject & { destination: string; amount: number; currency: string }>(
            "transfer",
            "platform",
          )
          .filter((t) => t.destination === found.target);
        const rows = transfers
          .map(
            (t) =>
              `<tr><td>${t.id}</td><td>${(t.amount / 100).toFixed(2)} ${t.currency.toUpperCase()}</td><td>${new Date(t.created * 1000).toISOString()}</td></tr>`,
          )
          .join("");
        return {
          html: page(
            "Express dashboard",
            `<p>Account <code>${found.target}</code></p><table><tr><th>Transfer</th><th>Amount</th><th>Date</th></tr>${rows || '<tr><td colspan="3">No transfers yet</td></tr>'}</table>`,
          ),
        };
      },
    },
  ];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Stripe (local)</title><style>body{font:16px system-ui;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
button{font:inherit;padding:.6rem 1rem;margin:.3rem .3rem 0 0;border:0;border-radius:6px;background:#635bff;color:#fff;cursor:pointer}
button.secondary{background:#e3e8ee;color:#1a1f36}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem;border-bottom:1px solid #e3e8ee}
.tag{font-size:12px;color:#697386}</style></head><body><p class="tag">Stripe test mode · local stand-in</p><h1>${title}</h1>${body}</body></html>`;
}
