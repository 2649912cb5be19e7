import { AppError } from "@hometrip/contracts";
import { escapeHtml, readUnsubscribeToken, unsubscribeEmail } from "@hometrip/core";
import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";

const categoryNames: Record<string, string> = {
  messages: "new messages",
  booking_updates: "booking updates",
  reviews: "reviews",
  tips: "tips and news",
};

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:480px;margin:48px auto;padding:0 16px;color:#222"><h1 style="font-size:20px">${escapeHtml(title)}</h1>${body}</body></html>`;
}

/**
 * /notifications/unsubscribe?token=… — one-click unsubscribe (RFC 8058). Mail clients POST
 * `List-Unsubscribe=One-Click` to the URL of the List-Unsubscribe header, which turns e-mail off
 * for the token's category. A GET (someone opening the link, or a scanner prefetching it) only
 * shows a button that POSTs, so a link checker cannot unsubscribe anyone. The signed token is the
 * credential; a bad one is a 404 like an unknown page.
 */
export const unsubscribeRoutes = new Hono<HonoEnv>()
  .get("/notifications/unsubscribe", async (c) => {
    const token = c.req.query("token") ?? "";
    const target = await readUnsubscribeToken(c.var.services.config.UNSUBSCRIBE_SIGNING_KEY, token);
    if (!target) throw new AppError("NOT_FOUND", "No such unsubscribe link");
    const what = categoryNames[target.category] ?? target.category;
    const action = `/notifications/unsubscribe?token=${encodeURIComponent(token)}`;
    return c.html(
      page(
        "Unsubscribe",
        `<p>Stop e-mails about ${escapeHtml(what)}? You will still see them in the app.</p><form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="padding:10px 16px">Unsubscribe</button></form>`,
      ),
      200,
      { "cache-control": "no-store", "referrer-policy": "no-referrer" },
    );
  })
  .post("/notifications/unsubscribe", async (c) => {
    const { config, db } = c.var.services;
    const target = await readUnsubscribeToken(config.UNSUBSCRIBE_SIGNING_KEY, c.req.query("token") ?? "");
    if (!target) throw new AppError("NOT_FOUND", "No such unsubscribe link");
    await db.transaction((tx) => unsubscribeEmail(tx, target.userId, target.category));
    const what = categoryNames[target.category] ?? target.category;
    return c.html(
      page("Unsubscribed", `<p>You will no longer get e-mails about ${escapeHtml(what)}.</p>`),
      200,
      {
        "cache-control": "no-store",
      },
    );
  });
