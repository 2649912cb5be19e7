import { quoteStay } from "@hometrip/core";
import { publicProcedure } from "../../trpc.ts";
import { quoteStayMeta, ZQuoteStayRequestSchema, ZQuoteStayResponseSchema } from "./quote.types.ts";

/** Published listings' quotes are the same for everyone; bookings change them, so briefly. */
export const publicQuoteCacheControl = "public, max-age=30, stale-while-revalidate=30";

/**
 * The price of a stay on a listing and whether those dates can be booked (the listing page's
 * price box). Drafts and unlisted listings answer 404 except to their host or an admin.
 */
export const quoteStayProcedure = publicProcedure
  .meta(quoteStayMeta)
  .input(ZQuoteStayRequestSchema)
  .output(ZQuoteStayResponseSchema)
  .query(async ({ ctx, input }) => {
    const { quote, public: shared } = await quoteStay(
      ctx.services.db,
      ctx.actor,
      input,
      ctx.services.clock.now(),
    );
    ctx.resHeaders.set("Cache-Control", shared ? publicQuoteCacheControl : "private, no-store");
    return quote;
  });
