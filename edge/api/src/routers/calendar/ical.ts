import { icalFeedToken, listingManagedBy } from "@hometrip/core";
import { authedProcedure } from "../../trpc.ts";
import { calendarActor } from "./after-change.ts";
import {
  ZIcalExportUrlRequestSchema,
  ZIcalExportUrlResponseSchema,
  ZIcalImportRequestSchema,
  ZIcalImportSchema,
  ZIcalImportsRequestSchema,
  ZIcalImportsResponseSchema,
  ZRemoveIcalImportResponseSchema,
} from "./ical.types.ts";
import { addIcalImport, icalImportsOf, removeIcalImport } from "./ical-imports.ts";

/** The secret .ics address other platforms subscribe to (served on APP_URL, rewritten to the API). */
export const icalExportUrlProcedure = authedProcedure
  .input(ZIcalExportUrlRequestSchema)
  .output(ZIcalExportUrlResponseSchema)
  .query(async ({ ctx, input }) => {
    const { config, db } = ctx.services;
    await listingManagedBy(db, input.listingId, calendarActor(ctx.actor));
    const token = await icalFeedToken(config.TOTP_ENCRYPTION_KEY, input.listingId);
    return { url: new URL(`/ical/${input.listingId}/${token}.ics`, config.APP_URL).toString() };
  });

export const addIcalImportProcedure = authedProcedure
  .input(ZIcalImportRequestSchema)
  .output(ZIcalImportSchema)
  .mutation(async ({ ctx, input }) => {
    await listingManagedBy(ctx.services.db, input.listingId, calendarActor(ctx.actor));
    return addIcalImport(ctx.services, input);
  });

export const icalImportsProcedure = authedProcedure
  .input(ZIcalImportsRequestSchema)
  .output(ZIcalImportsResponseSchema)
  .query(async ({ ctx, input }) => {
    await listingManagedBy(ctx.services.db, input.listingId, calendarActor(ctx.actor));
    return icalImportsOf(ctx.services, input.listingId);
  });

export const removeIcalImportProcedure = authedProcedure
  .input(ZIcalImportRequestSchema)
  .output(ZRemoveIcalImportResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await listingManagedBy(ctx.services.db, input.listingId, calendarActor(ctx.actor));
    return removeIcalImport(ctx.services, input.listingId, input.url);
  });
