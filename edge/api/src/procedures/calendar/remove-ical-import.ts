import { removeIcalImport } from "../../calendar/ical-schedules.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  removeIcalImportMeta,
  ZRemoveIcalImportRequestSchema,
  ZRemoveIcalImportResponseSchema,
} from "./remove-ical-import.types.ts";

export const removeIcalImportProcedure = listingManagerProcedure
  .meta(removeIcalImportMeta)
  .input(ZRemoveIcalImportRequestSchema)
  .output(ZRemoveIcalImportResponseSchema)
  .mutation(({ ctx, input }) => removeIcalImport(ctx.services, input.listingId, input.url));
