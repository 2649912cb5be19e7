import { icalFeedToken } from "@hometrip/core";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  icalExportUrlMeta,
  ZIcalExportUrlRequestSchema,
  ZIcalExportUrlResponseSchema,
} from "./ical-export-url.types.ts";

/** The secret .ics address other platforms subscribe to (served on APP_URL, rewritten to the API). */
export const icalExportUrlProcedure = listingManagerProcedure
  .meta(icalExportUrlMeta)
  .input(ZIcalExportUrlRequestSchema)
  .output(ZIcalExportUrlResponseSchema)
  .query(async ({ ctx, input }) => {
    const { config } = ctx.services;
    const token = await icalFeedToken(config.TOTP_ENCRYPTION_KEY, input.listingId);
    return { url: new URL(`/ical/${input.listingId}/${token}.ics`, config.APP_URL).toString() };
  });
