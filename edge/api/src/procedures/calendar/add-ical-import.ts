import { addIcalImport } from "../../calendar/ical-schedules.ts";
import { listingManagerProcedure } from "../../procedure-bases.ts";
import {
  addIcalImportMeta,
  ZAddIcalImportRequestSchema,
  ZAddIcalImportResponseSchema,
} from "./add-ical-import.types.ts";

export const addIcalImportProcedure = listingManagerProcedure
  .meta(addIcalImportMeta)
  .input(ZAddIcalImportRequestSchema)
  .output(ZAddIcalImportResponseSchema)
  .mutation(({ ctx, input }) => addIcalImport(ctx.services, input));
