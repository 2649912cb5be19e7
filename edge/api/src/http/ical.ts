import { AppError } from "@hometrip/contracts";
import { icalTokenMatches, listingIcalFeed } from "@hometrip/core";
import { Hono } from "hono";
import type { HonoEnv } from "../context.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /ical/:listingId/:token.ics — the export feed other platforms poll. The token is the only
 * credential (calendar clients cannot sign in), so a wrong one answers the same 404 as a missing
 * listing. Not cached by shared caches: the URL is a secret and bookings change.
 */
export const icalRoutes = new Hono<HonoEnv>().get("/ical/:listingId/:file", async (c) => {
  const { listingId, file } = c.req.param();
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const { config, db, clock } = c.var.services;
  if (
    !uuidPattern.test(listingId) ||
    !(await icalTokenMatches(config.TOTP_ENCRYPTION_KEY, listingId, token))
  ) {
    throw new AppError("NOT_FOUND", "No such calendar");
  }
  const body = await listingIcalFeed(db, listingId, clock.now());
  return c.body(body, 200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": `inline; filename="${listingId}.ics"`,
    "cache-control": "private, max-age=300",
  });
});
