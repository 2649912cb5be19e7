import { icalImportsOf } from "../../calendar/ical-schedules.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  icalImportsMeta,
  ZIcalImportsRequestSchema,
  ZIcalImportsResponseSchema,
} from "./ical-imports.types.ts";

export const icalImportsProcedure = listingManagerProcedure
  .meta(icalImportsMeta)
  .input(ZIcalImportsRequestSchema)
  .output(ZIcalImportsResponseSchema)
  .query(({ ctx, input }) => icalImportsOf(ctx.services, input.listingId));
